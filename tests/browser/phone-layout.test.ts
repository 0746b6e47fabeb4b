/**
 * Every kind of page on a 320 and a 375 px phone, in the normal look, with
 * 字体 大 and in 长者模式 — on the test fixture and on the sample portal in
 * content/: no sideways scrolling, no squeezed text, the h1 on the first
 * screen, 索引号 and dates whole, 44 px targets in 长者模式. Then the
 * reading details a citizen notices on any screen.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { layoutProblems, openPage, pagesOf, PHONE_HEIGHT, PHONE_WIDTHS, READING_MODES, useReadingMode, type ReadingMode } from '../../scripts/lib/phone-layout.ts';
import { projectRoot, runScript } from '../helpers/run.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { tempDir } from '../helpers/temp.ts';

let browser: Browser;
const servers = new Map<string, StaticServer>();
const pages = new Map<string, Record<string, string>>();

beforeAll(async () => {
  const sampleOut = join(tempDir('sample'), 'dist');
  const built = runScript('build', ['--content', join(projectRoot, 'content'), '--out', sampleOut, '--cache-dir', join(tempDir('sample-cache'), 'cache')]);
  if (built.code !== 0) throw new Error(`sample portal build failed:\n${built.output}`);
  for (const [site, outDir] of [
    ['fixture', inject('fixture').outDir],
    ['sample', sampleOut],
  ] as const) {
    servers.set(site, await serveStatic(outDir));
    pages.set(site, pagesOf(outDir));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
});

describe.each(['fixture', 'sample'])('the %s portal on a phone', (site) => {
  for (const width of PHONE_WIDTHS) {
    for (const mode of Object.keys(READING_MODES) as ReadingMode[]) {
      it(`${width} px, ${mode}: every page fits, nothing squeezed, h1 on the first screen${mode === '长者模式' ? ', 44 px targets' : ''}`, { timeout: 240_000 }, async () => {
        const context = await browser.newContext({ viewport: { width, height: PHONE_HEIGHT } });
        await useReadingMode(context, mode);
        const page = await context.newPage();
        const found: Record<string, string[]> = {};
        for (const [kind, path] of Object.entries(pages.get(site)!)) {
          await openPage(page, servers.get(site)!.origin, path, mode);
          const problems = await layoutProblems(page, mode === '长者模式');
          if (problems.length > 0) found[`${kind} ${path}`] = problems;
        }
        await context.close();
        expect(found).toEqual({});
      });
    }
  }
});

it('finds a page of every kind', () => {
  for (const site of ['fixture', 'sample']) {
    const kinds = Object.keys(pages.get(site)!);
    for (const kind of ['home', 'column', 'year', 'agency', 'catalogue', 'catalogue year', 'report', 'search with results', 'search without results', '404', 'accessibility', 'sitemap']) {
      expect(kinds, site).toContain(kind);
    }
  }
});

describe('reading details', () => {
  const open = async (path: string, viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(servers.get('fixture')!.origin + path);
    return { page, close: () => context.close() };
  };

  it('the phone menu is one button that works without JavaScript; wide screens show the links', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 }, javaScriptEnabled: false });
    const phone = await context.newPage();
    await phone.goto(`${servers.get('fixture')!.origin}/`);
    const links = phone.getByRole('navigation', { name: '网站导航' }).getByRole('link');
    expect(await links.first().isVisible()).toBe(false);
    await phone.getByText('栏目导航').click();
    expect(await links.first().isVisible()).toBe(true);
    await context.close();
    const { page, close } = await open('/');
    expect(await page.getByText('栏目导航').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '信息公开目录' }).isVisible()).toBe(true);
    await close();
  });

  it('Chinese fonts come before system-ui', async () => {
    const { page, close } = await open('/');
    const families = await page.evaluate(() => getComputedStyle(document.body).fontFamily.split(',').map((family) => family.trim().replace(/"/g, '')));
    expect(families.indexOf('Noto Sans CJK SC')).toBeGreaterThanOrEqual(0);
    expect(families.indexOf('Noto Sans CJK SC')).toBeLessThan(families.indexOf('system-ui'));
    await close();
  });

  it('headings of one level look alike, and the column tree has no bullets', async () => {
    for (const path of ['/', '/sitemap/']) {
      const { page, close } = await open(path);
      const looks = await page.locator('main section > h2').evaluateAll((headings) =>
        headings.map((h) => {
          const style = getComputedStyle(h.querySelector('a') ?? h);
          return `${style.color} ${style.fontSize} ${style.textDecorationLine}`;
        }),
      );
      expect(looks.length, path).toBeGreaterThan(2);
      expect(new Set(looks).size, `${path}: ${looks.join(' | ')}`).toBe(1);
      const bullets = await page.locator('.column-tree li').evaluateAll((items) => items.map((li) => getComputedStyle(li).listStyleType));
      expect(new Set(bullets), path).toEqual(new Set(['none']));
      await close();
    }
  });

  it('dates in a list line up in one column', async () => {
    const { page, close } = await open('/xxgk/fdzdgknr/');
    const edges = await page.locator('.report-list-date').evaluateAll((dates) => dates.map((date) => Math.round(date.getBoundingClientRect().right)));
    expect(edges.length).toBeGreaterThan(5);
    expect(new Set(edges).size).toBe(1);
    await close();
  });

  it.each([
    [840, false],
    [1024, true],
    [1100, false],
    [1280, true],
  ])('the catalogue at %s px (长者模式 %s): every 索引号 and agency name on one line, the table not scrolling', async (width, elder) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    if (elder) await context.addInitScript(() => localStorage.setItem('zwgk:elder-mode', 'on'));
    const page = await context.newPage();
    await page.goto(`${servers.get('fixture')!.origin}/catalogue/`);
    const { broken, rows, scrolls } = await page.evaluate(() => {
      const lines = (element: Element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
      };
      const cells = [...document.querySelectorAll('.catalogue .index-number, .catalogue td[data-label="发布机构"]')];
      const box = document.querySelector('.catalogue-scroll')!;
      return {
        broken: cells.filter((cell) => lines(cell) > 1).map((cell) => cell.textContent).slice(0, 3),
        rows: document.querySelectorAll('.catalogue tbody tr').length,
        scrolls: box.scrollWidth > box.clientWidth,
      };
    });
    await context.close();
    expect(rows).toBeGreaterThan(20);
    expect(broken).toEqual([]);
    expect(scrolls).toBe(false);
  });

  it('a short page has no white band under the footer', async () => {
    const { page, close } = await open('/404.html', { width: 1280, height: 1400 });
    const gap = await page.evaluate(() => window.innerHeight - document.querySelector('footer')!.getBoundingClientRect().bottom);
    expect(gap).toBeLessThanOrEqual(0.5);
    await close();
  });
});
