/** Where the 目录 goes in a body, how 主送 reads, and what the 无障碍声明 may say. */
import { describe, expect, it } from 'vitest';
import { accessibilityFacts } from '../../src/lib/accessibility-facts.ts';
import type { Report } from '../../src/lib/model.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { addresseeLine } from '../../src/lib/format.ts';
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

describe('accessibilityFacts', () => {
  const report = (attachments: string[], linkedFiles: string[] = []) =>
    ({ attachments: attachments.map((file) => ({ file, title: file, type: file.split('.').pop()!.toUpperCase(), bytes: 1 })), linkedFiles }) as unknown as Report;

  it('counts each attachment file once, by type, and the files that may be scans', () => {
    const facts = accessibilityFacts([report(['a.pdf', 'b.xlsx']), report(['a.pdf', 'c.PDF'], ['scan.jpg', 'b.xlsx'])]);
    expect(facts).toEqual({ reports: 2, attachments: 3, attachmentTypes: [['PDF', 2], ['XLSX', 1]], possiblyScanned: 3 });
  });

  it('has nothing to say about scans on a site without attachments', () => {
    expect(accessibilityFacts([report([])])).toEqual({ reports: 1, attachments: 0, attachmentTypes: [], possiblyScanned: 0 });
  });
});
