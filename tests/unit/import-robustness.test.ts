/**
 * Pages of old portals that once stopped or slowed the import, or lost part
 * of a page without saying so: very long runs of spaces, images whose
 * address merely contains a decorative word, markup nested too deep, pages
 * that cannot be read.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from '../../src/lib/importer/html-page.ts';
import { decodePage, readPageFile } from '../../src/lib/importer/read-page.ts';
import { readTextPage } from '../../src/lib/importer/text-page.ts';
import { copyFixture } from '../helpers/fixture-site.ts';
import { projectRoot, runScript } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';

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

describe('a page that cannot be read', () => {
  it('is skipped with 无法读取 and the reason, and the pages after it are still read', async () => {
    const { importPages } = await import('../../scripts/lib/import-run.ts');
    const root = tempDir('unreadable');
    // A folder where a page is expected: reading it fails as an unreadable file does (EISDIR; root reads any file despite chmod).
    mkdirSync(join(root, 'a.html'));
    writeFileSync(join(root, 'robots.txt'), 'User-agent: *\n');
    const outcomes = await importPages(
      [
        { path: join(root, 'a.html'), root, relative: 'a.html', html: true },
        { path: join(root, 'robots.txt'), root, relative: 'robots.txt', html: false },
      ],
      { reports: [] } as never,
      { contentDir: join(root, '..', 'content'), fallbacks: {}, dryRun: true, onOutcome: () => {} },
    );
    expect(outcomes).toMatchObject([
      { status: 'skipped', reason: expect.stringMatching(/^无法读取.*EISDIR/) },
      { status: 'skipped', reason: expect.stringContaining('没有中文内容') },
    ]);
  });
});

describe('an import stopped halfway', () => {
  it('still checks and logs the pages imported before, and says that it stopped and why', () => {
    const contentDir = copyFixture('portal');
    const pages = tempDir('pages');
    for (const name of ['article.html', 'colon-lines.txt']) copyFileSync(join(projectRoot, 'tests', 'fixtures', 'import', name), join(pages, name));
    // colon-lines.txt (2022), read after article.html (2023), cannot be written: reports/2022 is a file.
    writeFileSync(join(contentDir, 'reports', '2022'), '');
    const log = join(tempDir('log'), 'log.json');
    const result = runScript('import', [pages, '--content', contentDir, '--log', log, '--cache-dir', tempDir('cache')]);
    expect(result.code, result.output).toBe(1);
    expect(result.stdout).toMatch(/^已导入：.*article\.html → /m);
    expect(result.stderr).toContain('导入在中途停止：content/reports/2022 不是文件夹');
    expect(result.stderr).not.toContain('无法写入文件：');
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(existsSync(log)).toBe(true);
    expect(JSON.parse(readFileSync(log, 'utf8')).pages).toHaveLength(1);
  });
});

describe('pages whose bytes only look like GBK', () => {
  const chinese = `<h1>${title}</h1>${body.repeat(3)}`;

  it('are refused, declared gb2312 or not: a GBK page with a sentence pasted in as UTF-8', () => {
    // 全区各级行政机关 as UTF-8 is valid GBK too, and would be written as 鍏ㄥ尯鍚勭骇…
    const spliced = (meta: string) => Buffer.concat([iconv.encode(`${meta}${chinese}`, 'gbk'), Buffer.from('<p>全区各级行政机关</p>')]);
    for (const meta of ['<meta charset="gb2312">', '']) expect(decodePage(spliced(meta), true), meta).toMatchObject({ ok: false, reason: expect.stringContaining('混有 UTF-8') });
  });

  it('are refused, declared gb2312 or not: a Korean page in EUC-KR, whose Hangul falls where GB2312 keeps common Hanzi', () => {
    const korean = '<p>서울특별시는 올해 주민 생활 안정을 위하여 다양한 정책을 추진하고 있으며, 각 구청과 협력하여 복지 서비스를 확대할 계획이라고 밝혔다.</p>';
    for (const meta of ['<meta charset="gb2312">', '']) expect(decodePage(iconv.encode(`${meta}${korean}`, 'euc-kr'), true), meta).toMatchObject({ ok: false, reason: expect.stringContaining('EUC-KR') });
  });

  it('are read when they are GBK Chinese throughout', () => {
    expect(decodePage(iconv.encode(`<meta charset="gb2312">${chinese}`, 'gbk'), true)).toMatchObject({ ok: true, encoding: 'GBK' });
    expect(decodePage(iconv.encode(chinese, 'gbk'), true)).toMatchObject({ ok: true, encoding: 'GBK' });
  });
});
