/**
 * The search page in Chromium on the fixture portal. Expected results come
 * from the content files themselves (scripts/lib/ground-truth.ts): a report
 * is found when its searchable fields or body contain every phrase.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { RESULTS_PER_PAGE } from '../../src/client/search/engine.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { useReadingMode } from '../../scripts/lib/phone-layout.ts';
import { reportSearchTexts, reportsContaining } from '../../scripts/lib/ground-truth.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const { outDir, contentDir } = inject('fixture');
let browser: Browser;
let server: StaticServer;
let page: Page;

const texts = reportSearchTexts(contentDir);
const containing = (query: string) => reportsContaining(texts, query);

beforeAll(async () => {
  server = await serveStatic(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await (await browser.newContext()).newPage();
});

async function searchFor(path: string) {
  await page.goto(server.origin + path);
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/共 \d+ 条结果|没有找到/);
}

const resultUrls = () => page.locator('.search-results h3 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('a query in the URL', () => {
  it('runs on load, says how many reports contain it and lists them first', async () => {
    const expected = containing('双随机');
    expect(expected.length).toBeGreaterThan(0);
    await searchFor('/search/?q=双随机');
    const count = Number(/共 (\d+) 条结果/.exec((await page.locator('[data-search-status]').textContent())!)![1]);
    expect(count).toBe(expected.length);
    const urls = await resultUrls();
    expect(urls.sort()).toEqual(expected.sort());
    expect(await page.locator('#search-query').inputValue()).toBe('双随机');
  });

  it('shows title, 发布机构, 发布日期 and an excerpt with the match highlighted', async () => {
    await searchFor('/search/?q=双随机');
    const first = page.locator('.search-results li').first();
    expect(await first.locator('h3 a').textContent()).toBe('样例县卫生健康局2019年法治政府建设情况报告');
    expect(await first.locator('.search-result-meta').textContent()).toContain('发布机构：样例县卫生健康局');
    expect(await first.locator('.search-result-meta').textContent()).toContain('发布日期：2020-03-05');
    expect(await first.locator('mark').first().textContent()).toBe('双随机');
    expect(await first.locator('.search-excerpt').textContent()).toContain('“双随机、一公开”');
  });

  it('finds numbers inside longer numbers and traditional characters', async () => {
    await searchFor(`/search/?q=${encodeURIComponent('门诊时间')}`);
    expect(await page.locator('[data-search-status]').textContent()).toContain('没有找到');
    await searchFor(`/search/?q=${encodeURIComponent('門診時間')}`);
    expect(await resultUrls()).toEqual(['/reports/2020/fanti-bom-crlf/']);
    await searchFor('/search/?q=1326');
    expect(await resultUrls()).toEqual(containing('1326'));
  });

  it('finds a 索引号 or 文号 typed with or without its punctuation, that report first', async () => {
    await searchFor(`/search/?q=${encodeURIComponent('449900-033/2020-00007')}`);
    expect((await resultUrls())[0]).toBe('/reports/2020/wjw-fazhi/');
    await searchFor(`/search/?q=${encodeURIComponent('样教〔2019〕1号')}`);
    expect((await resultUrls())[0]).toBe(containing('样教〔2019〕1号')[0]);
    await searchFor(`/search/?q=${encodeURIComponent('样教2019 1号')}`);
    expect(await resultUrls()).toContain(containing('样教〔2019〕1号')[0]);
  });
});

/** Every result over every page, following 下一页. */
async function allResultUrls(): Promise<string[]> {
  const urls = [...(await resultUrls())];
  for (let guard = 0; guard < 50 && (await page.getByRole('link', { name: '下一页' }).count()) > 0; guard++) {
    const first = (await resultUrls())[0];
    await page.getByRole('link', { name: '下一页' }).click();
    await expect.poll(async () => (await resultUrls())[0]).not.toBe(first);
    urls.push(...(await resultUrls()));
  }
  return urls;
}

describe('exact results', () => {
  it('共 N 条 is the number of reports containing the query, and the pages together list exactly them', async () => {
    for (const [query, sort] of [
      ['测试文件', 'relevance'],
      ['法治政府建设', 'relevance'],
      ['清单限期整改', 'newest'],
      ['全县教育', 'relevance'],
      ['执法人员数量不足', 'relevance'],
      ['依法行政 合法性审查', 'relevance'],
      ['法治政府建设实施方案', 'relevance'],
    ] as const) {
      const expected = containing(query);
      await searchFor(`/search/?q=${encodeURIComponent(query)}${sort === 'newest' ? '&sort=newest' : ''}`);
      const status = (await page.locator('[data-search-status]').textContent())!;
      if (expected.length === 0) {
        expect(status, query).toContain('没有找到');
        continue;
      }
      expect(status, query).toContain(`共 ${expected.length} 条结果`);
      const urls = await allResultUrls();
      expect(new Set(urls).size, query).toBe(urls.length);
      expect([...urls].sort(), query).toEqual([...expected].sort());
    }
  });

  it('highlights the phrase in titles and excerpts, without padding that reads as spaces', async () => {
    await searchFor(`/search/?q=${encodeURIComponent('法治政府')}`);
    const titleMark = page.locator('.search-results h3 mark').first();
    expect(await titleMark.textContent()).toBe('法治政府');
    const padding = await titleMark.evaluate((mark) => getComputedStyle(mark).paddingInlineStart + getComputedStyle(mark).paddingInlineEnd);
    expect(padding).toBe('0px0px');
    const excerptMark = page.locator('.search-excerpt mark').first();
    expect(await excerptMark.textContent()).toBe('法治政府');
  });

  it('say when a page does not exist and show the last one', async () => {
    const expected = containing('测试文件');
    const last = Math.ceil(expected.length / RESULTS_PER_PAGE);
    await searchFor(`/search/?q=${encodeURIComponent('测试文件')}&page=99`);
    const status = (await page.locator('[data-search-status]').textContent())!;
    expect(status).toContain(`没有第 99 页（共 ${last} 页）`);
    expect(await page.locator('.pagination-status').textContent()).toBe(`第 ${last} / ${last} 页`);
    expect(new URL(page.url()).searchParams.get('page')).toBe(String(last));
  });

  it('read a page number that is not only digits (page=2abc) as the first page', async () => {
    const last = Math.ceil(containing('测试文件').length / RESULTS_PER_PAGE);
    expect(last).toBeGreaterThan(1);
    await searchFor(`/search/?q=${encodeURIComponent('测试文件')}&page=2abc`);
    expect(await page.locator('.pagination-status').textContent()).toBe(`第 1 / ${last} 页`);
  });

  it('never echo a bidi override from the link: the status and the box show the query the right way round', async () => {
    await searchFor(`/search/?q=${encodeURIComponent('无此\u202E短语')}`);
    const status = (await page.locator('[data-search-status]').textContent())!;
    expect(status).toContain('没有找到包含“无此短语”的文件');
    expect(await page.locator('#search-query').inputValue()).toBe('无此短语');
  });

  it('name an unknown filter by what it filters, never echoing its value', async () => {
    await searchFor(`/search/?q=${encodeURIComponent('测试文件')}&agency=xyz<b>`);
    const status = (await page.locator('[data-search-status]').textContent())!;
    expect(status).toContain('“发布机构”筛选条件无法识别，已忽略');
    expect(status).not.toContain('xyz');
    expect(status).toContain(`共 ${containing('测试文件').length} 条结果`);
  });

  it('cut a long query and say so', async () => {
    await searchFor(`/search/?q=${encodeURIComponent('测试'.repeat(80))}`);
    expect(await page.locator('[data-search-status]').textContent()).toContain('只查找了前 100 个字');
    expect((await page.locator('#search-query').inputValue()).length).toBe(100);
    expect(await page.locator('#search-query').getAttribute('maxlength')).toBe('100');
  });

  it('after a deploy replaced the index while the page was open, search again from the new one', async () => {
    await searchFor(`/search/?q=${encodeURIComponent('测试文件')}`);
    const manifest = JSON.parse(readFileSync(join(outDir, 'search-index', 'manifest.json'), 'utf8')) as { base: string };
    // The deploy: the open page's files are gone; the new manifest names the same index under another version.
    await page.route(`**/search-index/${manifest.base}/**`, (route) => route.fulfill({ status: 404, body: '' }));
    await page.route('**/search-index/manifest.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...manifest, base: 'vdeployed' }) }));
    await page.route('**/search-index/vdeployed/**', (route) =>
      route.fulfill({ body: readFileSync(join(outDir, 'search-index', manifest.base, new URL(route.request().url()).pathname.split('/vdeployed/')[1]!)) }),
    );
    await page.locator('#search-query').fill('双随机');
    await page.locator('#search-query').press('Enter');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toContain(`共 ${containing('双随机').length} 条结果`);
  });

  it('refuse an index of another format with a reload suggestion, and retry a failed load without reloading', async () => {
    await page.route('**/search-index/manifest.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ format: 999 }) }));
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('测试文件')}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('请刷新页面');
    await page.unroute('**/search-index/manifest.json');

    const fresh = await (await browser.newContext()).newPage();
    await fresh.route('**/search-index/**', (route) => route.abort());
    await fresh.goto(`${server.origin}/search/?q=${encodeURIComponent('测试文件')}`);
    await expect.poll(() => fresh.locator('[data-search-status]').textContent()).toContain('读取搜索索引失败');
    await fresh.unroute('**/search-index/**');
    await fresh.getByRole('button', { name: '重试' }).click();
    await expect.poll(() => fresh.locator('[data-search-status]').textContent()).toContain(`共 ${containing('测试文件').length} 条结果`);
  });
});

/** The marker shown before 筛选和排序 (its ::before), or 'none' when it is not displayed. */
const disclosureMarker = (on: Page) =>
  on.locator('.search-filters summary').evaluate((summary) => {
    const before = getComputedStyle(summary, '::before');
    return before.display === 'none' || before.visibility === 'hidden' ? 'none' : before.content;
  });

describe('on a phone', () => {
  it('fold the filters behind 筛选和排序, which counts the active ones, so results start on the first screen', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 375, height: 720 } })).newPage();
    await phone.goto(`${server.origin}/search/?q=${encodeURIComponent('测试文件')}&agency=wjw`);
    await expect.poll(() => phone.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/共 \d+ 条结果/);
    expect(await phone.locator('.search-filters summary').textContent()).toContain('（已选 1 项）');
    expect(await phone.locator('#search-agency').isVisible()).toBe(false);
    const top = await phone.locator('.search-results li').first().evaluate((item) => item.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(720);
    await phone.locator('.search-filters summary').click();
    expect(await phone.locator('#search-agency').isVisible()).toBe(true);
  });

  it.each(['normal', '长者模式'] as const)('at 320 px (%s) mark 筛选和排序 as something that opens, and the mark turns when it is open', async (mode) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    await useReadingMode(context, mode);
    const phone = await context.newPage();
    await phone.goto(`${server.origin}/search/`);
    expect(await disclosureMarker(phone)).toMatch(/[▸▶]/);
    await phone.locator('.search-filters summary').click();
    expect(await disclosureMarker(phone)).toMatch(/[▾▼]/);
  });
});

describe('filters and sorting', () => {
  it('filter by 发布机构 from the URL and show the choice in the form', async () => {
    await searchFor('/search/?q=测试文件&agency=wjw');
    const urls = await resultUrls();
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith('/reports/2023/filler-'), url).toBe(true);
    expect(await page.locator('#search-agency').inputValue()).toBe('wjw');
    expect(await page.locator('[data-search-status]').textContent()).toContain('发布机构：样例县卫生健康局');
  });

  it('filter by 栏目 including its child columns, and by 年度', async () => {
    await searchFor('/search/?q=样例县&column=fdzdgknr');
    const underColumn = await resultUrls();
    expect(underColumn).toContain('/reports/2019/jyj-jihua/');
    expect(underColumn).not.toContain('/reports/2023/xzf-jiedu/');
    await searchFor('/search/?q=样例县&year=2022');
    expect((await resultUrls()).sort()).toEqual(['/reports/2023/long/', '/reports/2023/xzf-jiedu/']);
  });

  it('sort newest first across the whole index', async () => {
    // The fixture's reports span several years, so several index shards.
    await searchFor('/search/?q=正文&sort=newest');
    const expected = containing('正文');
    expect(expected.length).toBeGreaterThan(RESULTS_PER_PAGE);
    expect(await page.locator('[data-search-status]').textContent()).toContain(`共 ${expected.length} 条结果`);
    const dates = await page.locator('.search-results time').evaluateAll((times) => times.map((t) => (t as HTMLTimeElement).dateTime));
    expect(dates.length).toBe(RESULTS_PER_PAGE);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2023-08-22');
  });

  it('change with the controls, keeping the state in the URL', async () => {
    await searchFor('/search/?q=测试文件');
    await page.locator('#search-sort').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    expect(new URL(page.url()).searchParams.get('q')).toBe('测试文件');
  });
});

describe('navigation', () => {
  it('pages through results with links that carry the state', async () => {
    await searchFor('/search/?q=测试文件');
    const firstPage = await resultUrls();
    expect(firstPage).toHaveLength(10);
    await page.getByRole('link', { name: '下一页' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(async () => (await resultUrls())[0]).not.toBe(firstPage[0]);
    expect((await resultUrls()).some((url) => firstPage.includes(url))).toBe(false);
  });

  it('goes back and forward between searches', async () => {
    await searchFor('/search/?q=双随机');
    await page.locator('#search-query').fill('测试文件');
    await page.locator('#search-query').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('测试文件');
    await page.goBack();
    await expect.poll(() => page.locator('#search-query').inputValue()).toBe('双随机');
    await expect.poll(async () => (await resultUrls()).length).toBe(containing('双随机').length);
    await page.goForward();
    await expect.poll(() => page.locator('#search-query').inputValue()).toBe('测试文件');
  });

  it('works from the search box in every page header', async () => {
    await page.goto(`${server.origin}/reports/2019/jyj-jihua/`);
    await page.getByRole('searchbox', { name: '搜索本站文件' }).fill('双随机');
    await page.getByRole('searchbox', { name: '搜索本站文件' }).press('Enter');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/共 \d+ 条结果/);
    expect(new URL(page.url()).pathname).toBe('/search/');
  });
});

describe('when nothing is found', () => {
  it('says so plainly and suggests the catalogue and listings', async () => {
    await searchFor(`/search/?q=${encodeURIComponent('火星探测')}`);
    expect(await page.getByRole('status').textContent()).toBe('没有找到包含“火星探测”的文件。');
    const advice = page.locator('[data-search-empty]');
    expect(await advice.isVisible()).toBe(true);
    for (const name of ['信息公开目录', '按年度浏览', '按发布机构浏览']) expect(await advice.getByRole('link', { name }).count()).toBe(1);
  });
});

describe('without JavaScript', () => {
  it('explains that search needs JavaScript and points to the listings', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${server.origin}/search/?q=信访`);
    const notice = plain.locator('.search-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('需要浏览器启用 JavaScript');
    expect(await notice.getByRole('link', { name: '信息公开目录' }).count()).toBe(1);
    await context.close();
  });
});
