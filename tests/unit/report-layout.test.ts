/** Where the 目录 goes in a body, how 主送 reads, and what the 无障碍声明 may say. */
import { describe, expect, it } from 'vitest';
import { accessibilityFacts, scanNotice } from '../../src/lib/accessibility-facts.ts';
import type { Report } from '../../src/lib/model.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { addresseeLine, formatBytes } from '../../src/lib/format.ts';
import { splitBeforeFirstSection } from '../../src/lib/toc.ts';

describe('splitBeforeFirstSection', () => {
  it('puts the opening paragraphs before the first 一、 section and the sections after', () => {
    const { html, headings } = renderMarkdown('2021年，我局……现将有关情况报告如下：\n\n第二段。\n\n## 一、主要工作\n\n正文。\n\n## 二、存在问题\n\n正文。');
    const [opening, sections] = splitBeforeFirstSection(html, headings);
    expect(opening).toContain('现将有关情况报告如下');
    expect(opening).toContain('第二段');
    expect(opening).not.toContain('<h2');
    expect(sections.startsWith('<h2')).toBe(true);
    expect(opening + sections).toBe(html);
  });

  it('leaves everything after the contents when the body starts with a section', () => {
    const { html, headings } = renderMarkdown('## 一、主要工作\n\n正文。');
    expect(splitBeforeFirstSection(html, headings)).toEqual(['', html]);
  });

  it('never cuts inside an element: a heading nested in pasted HTML is not a place to split', () => {
    const { html, headings } = renderMarkdown('开头。\n\n<blockquote><h2>引用中的标题</h2><p title="a>b">引文</p></blockquote>\n\n## 一、主要工作\n\n正文。');
    const [opening, sections] = splitBeforeFirstSection(html, headings);
    expect(opening).toContain('</blockquote>');
    expect(sections).toMatch(/^<h2 id="[^"]+">一、主要工作/);
  });

  it('keeps the body whole after the contents when no top-level section exists', () => {
    const { html, headings } = renderMarkdown('开头。\n\n<div><h2>只在块中的标题</h2></div>');
    expect(splitBeforeFirstSection(html, headings)).toEqual(['', html]);
  });
});

describe('addresseeLine', () => {
  it('adds the colon these documents carry when the editor left it out', () => {
    expect(addresseeLine('区人民政府')).toBe('区人民政府：');
    expect(addresseeLine('区委、区人民政府：')).toBe('区委、区人民政府：');
    expect(addresseeLine('区人民政府:')).toBe('区人民政府：');
    expect(addresseeLine('区人民政府 ： ')).toBe('区人民政府：');
  });
});

describe('formatBytes', () => {
  it('names the unit the figure shown belongs to, and no decimal from 100 up', () => {
    expect(formatBytes(385)).toBe('385 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(2150)).toBe('2.1 KB');
    expect(formatBytes(102_349)).toBe('100 KB');
    expect(formatBytes(1_048_575)).toBe('1.0 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
  });
});

describe('accessibilityFacts', () => {
  const report = (attachments: string[], linkedFiles: string[] = []) =>
    ({ attachments: attachments.map((file) => ({ file, title: file, type: file.split('.').pop()!.toUpperCase(), bytes: 1 })), linkedFiles }) as unknown as Report;

  it('counts each attachment file once, by type; files that may be scans apart for attachments and bodies', () => {
    const facts = accessibilityFacts([report(['a.pdf', 'b.xlsx']), report(['a.pdf', 'c.PDF'], ['scan.jpg', 'b.xlsx', 'a.pdf'])]);
    expect(facts).toEqual({ reports: 2, attachments: 3, attachmentTypes: [['PDF', 2], ['XLSX', 1]], scannableAttachments: 2, scannableInBodies: 1 });
    expect(scanNotice(facts)).toBe('本站有 2 个 PDF 或图片格式的附件，正文中另有 1 个 PDF 或图片文件。如果其中有扫描件，读屏软件无法朗读其中的文字；如需文字版本，请与我们联系。');
  });

  it('counts a WebP attachment as an image that may be a scan', () => {
    const facts = accessibilityFacts([report(['a.pdf', 'photo.webp', 'table.csv'])]);
    expect(scanNotice(facts)).toBe('本站有 2 个 PDF 或图片格式的附件。如果其中有扫描件，读屏软件无法朗读其中的文字；如需文字版本，请与我们联系。');
  });

  it('does not call an image shown in a body an attachment', () => {
    const facts = accessibilityFacts([report([], ['2021/photo.png'])]);
    expect(facts.attachments).toBe(0);
    expect(scanNotice(facts)).toBe('本站正文中有 1 个 PDF 或图片文件。如果其中有扫描件，读屏软件无法朗读其中的文字；如需文字版本，请与我们联系。');
  });

  it('has nothing to say about scans on a site without such files', () => {
    const facts = accessibilityFacts([report(['t.txt'], ['x.xlsx'])]);
    expect(facts).toEqual({ reports: 1, attachments: 1, attachmentTypes: [['TXT', 1]], scannableAttachments: 0, scannableInBodies: 0 });
    expect(scanNotice(facts)).toBeUndefined();
  });
});
