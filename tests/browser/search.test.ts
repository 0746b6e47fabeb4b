/**
 * The search page in Chromium on the fixture portal. Expected results come
 * from the Markdown itself: a report should be found when its title or body
 * contains the query.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { decodeText, splitFrontMatter } from '../../src/lib/content/source.ts';
import { RESULTS_PER_PAGE } from '../../src/client/search/engine.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const { outDir, contentDir } = inject('fixture');
let browser: Browser;
let server: StaticServer;
let page: Page;

/** URL → title + body text of every fixture report, read straight from the files. */
function fixtureTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  const reportsDir = join(contentDir, 'reports');
  for (const file of readdirSync(reportsDir, { recursive: true }) as string[]) {
    if (!file.endsWith('.md')) continue;
    const decoded = decodeText(readFileSync(join(reportsDir, file)));
    if (!decoded.ok) continue;
    const { frontMatter, body } = splitFrontMatter(decoded.text);
    const title = /^title:\s*(.*)$/m.exec(frontMatter ?? '')?.[1] ?? '';
    texts.set(`/reports/${file.replace(/\\/g, '/').replace(/\.md$/, '')}/`, `${title}\n${body}`);
  }
  return texts;
}

const texts = fixtureTexts();
const containing = (query: string) => [...texts].filter(([, text]) => text.includes(query)).map(([url]) => url);

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
    expect(count).toBeGreaterThanOrEqual(expected.length);
    const urls = await resultUrls();
    expect(urls.slice(0, expected.length).sort()).toEqual(expected.sort());
    expect(await page.locator('#search-query').inputValue()).toBe('双随机');
  });

  it('shows title, 发布机构, 发文日期 and an excerpt with the match highlighted', async () => {
    await searchFor('/search/?q=双随机');
    const first = page.locator('.search-results li').first();
    expect(await first.locator('h3 a').textContent()).toBe('样例县卫生健康局2019年法治政府建设情况报告');
    expect(await first.locator('.search-result-meta').textContent()).toContain('发布机构：样例县卫生健康局');
    expect(await first.locator('.search-result-meta').textContent()).toContain('发文日期：2020-03-02');
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

  it('puts reports containing the exact phrase before reports that only contain its parts', async () => {
    for (const query of ['测试文件', '法治政府建设', '全县教育', '执法人员数量不足']) {
      const expected = containing(query);
      await searchFor(`/search/?q=${encodeURIComponent(query)}`);
      const top = (await resultUrls()).slice(0, Math.min(10, expected.length));
      expect(top.every((url) => expected.includes(url)), query).toBe(true);
    }
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
    expect(await page.getByRole('status').textContent()).toBe('没有找到与“火星探测”相关的文件。');
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
