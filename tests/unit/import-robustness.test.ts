/**
 * Pages of old portals that once stopped or slowed the import, or lost part
 * of a page without saying so.
 */
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from '../../src/lib/importer/html-page.ts';
import { readPageFile } from '../../src/lib/importer/read-page.ts';
import { readTextPage } from '../../src/lib/importer/text-page.ts';

const title = '青禾区司法局关于做好年度普法工作的通知';
const body = '<p>全区各级各部门要按照年度普法计划，认真组织开展宪法宣传周等主题活动，确保各项任务落到实处。</p>';
const article = (inner: string) => `<html><head><title>${title}</title></head><body><h1>${title}</h1><div id="zoom">${body}${inner}</div></body></html>`;

describe('a line with a very long run of spaces', () => {
  // 青禾区司法局 + 100,000 no-break spaces + 乙 丙: the 落款 test once took seconds per page, growing with the square of the run.
  const line = `青禾区司法局${'\u00a0'.repeat(100_000)}乙 丙`;

  it('is read in linear time, as the last line of a text copy and of an HTML page', () => {
    const started = performance.now();
    const text = readTextPage(`${title}\n\n全区各级各部门要按照年度普法计划，认真组织开展主题活动。\n\n${line}\n`);
    const html = readHtmlPage(article(`<p>${line}</p>`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect('page' in text && text.page.signature).toBeUndefined();
    expect('page' in html && html.page.blocks.at(-1)).toMatchObject({ kind: 'paragraph' });
  });
});

describe('images in the body', () => {
  const images = (html: string) => {
    const reading = readHtmlPage(article(html));
    if (!('page' in reading)) throw new Error(reading.skipped);
    return reading.page.images.map((image) => image.href);
  };

  it('are kept when only a folder or part of a word reads like a decorative one', () => {
    const kept = ['/up/online/chart.png', '/shared/photo.jpg', 'headline_2021.jpg', 'timeline.png', '/images/anecdot.png', 'http://www.qinghe.example/picture/logos/2021/fzxc.jpg?v=2'];
    expect(images(kept.map((src) => `<p><img src="${src}" alt="统计图"></p>`).join(''))).toEqual(kept);
  });

  it('are dropped when the file name itself is a decoration: spacers, dots, lines, arrows, icons, share buttons', () => {
    const decorative = ['/images/spacer.gif', 'dot.gif', '/skin/line.png', 'line2.gif', 'arrow-right.gif', 'icon_pdf.gif', 'ico_doc.png', 'bg_top.jpg', '/img/share.png?v=1', 'ewm.jpg'];
    expect(images(decorative.map((src) => `<img src="${src}">`).join(''))).toEqual([]);
  });
});

describe('markup nested deeper than the reader can follow', () => {
  it('skips that page with the reason and what to do, instead of stopping the import', () => {
    const html = article(`${'<div>'.repeat(3000)}<p>${body}</p>`);
    const reading = readPageFile(Buffer.from(html), true);
    expect(reading).toMatchObject({ skipped: expect.stringContaining('嵌套') });
    expect('skipped' in reading && reading.skipped).toContain('.txt');
  });
});
