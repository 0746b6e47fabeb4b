/**
 * The parts of every page around the document — the header bar with
 * 栏目导航 and 长者模式, the reader controls, the footer — as a reader on a
 * phone meets them: nothing overlapping or broken mid-word, the toggle where
 * the finger was, 44 px targets, and no jump when the scripts arrive late.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { stubSpeech } from '../helpers/speech-stub.ts';
import { servedFixture } from '../helpers/served-fixture.ts';

const REPORT = '/reports/2019/jyj-jihua/';

let context: BrowserContext | undefined;

const site = servedFixture();

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(path: string, width: number, { elder = false, large = false } = {}): Promise<Page> {
  context = await site.browser.newContext({ viewport: { width, height: 720 } });
  await context.addInitScript(
    ({ elder, large }) => {
      if (elder) localStorage.setItem('zwgk:elder-mode', 'on');
      if (large) localStorage.setItem('zwgk:font-size', 'large');
    },
    { elder, large },
  );
  const page = await context.newPage();
  await page.goto(site.server.origin + path);
  await page.locator('[data-elder-toggle]').waitFor({ state: 'visible' });
  return page;
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** How many lines each matching element's text takes. */
const lineCounts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => element.checkVisibility())
      .map((element) => {
        // The lines of its text only: a link's own box (44 px in 长者模式) would count as one more.
        const tops = new Set<number>();
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
        }
        return `${element.textContent?.trim()}: ${tops.size}`;
      }),
  );

/** Visible matching elements smaller than 44 px (`height` only, or both sides). */
const smallTargets = (page: Page, selector: string, sides: 'height' | 'both' = 'both') =>
  page.locator(selector).evaluateAll(
    (elements, sides) =>
      elements
        .filter((element) => element.checkVisibility())
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 43.5 || (sides === 'both' && box.width < 43.5))
        .map(({ element, box }) => `${element.textContent?.trim().slice(0, 12)} ${Math.round(box.width)}×${Math.round(box.height)}`),
    sides,
  );

describe('the header bar', () => {
  it.each([320, 375])('%s px, 长者模式: 栏目导航 and the toggle do not overlap; the open menu spans the bar, each label on one line', async (width) => {
    const page = await open('/', width, { elder: true });
    const menu = (await page.locator('.site-menu summary').boundingBox())!;
    const toggle = (await page.locator('[data-elder-toggle]').boundingBox())!;
    expect(overlap(menu, toggle), `${JSON.stringify(menu)} ${JSON.stringify(toggle)}`).toBe(false);
    await page.locator('.site-menu summary').click();
    const list = (await page.locator('.site-menu ul').boundingBox())!;
    expect(list.width).toBeGreaterThanOrEqual(width - 2 * 18 - 1);
    for (const line of await lineCounts(page, '.site-nav a')) expect(line).toMatch(/: 1$/);
  });

  it.each([320, 375, 1280])('%s px: 长者模式 stays under the finger when pressed, and when pressed again', async (width) => {
    const page = await open('/', width);
    const toggle = page.locator('[data-elder-toggle]');
    for (const expected of ['on', undefined]) {
      const before = (await toggle.boundingBox())!;
      const finger = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
      await page.mouse.click(finger.x, finger.y);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset['elder'])).toBe(expected);
      const after = (await toggle.boundingBox())!;
      expect(overlap(after, { ...finger, width: 1, height: 1 }), `${JSON.stringify(before)} → ${JSON.stringify(after)}`).toBe(true);
    }
  });
});

describe('44 px targets in the normal look', () => {
  it.each([320, 1280])('%s px: the header, the reader controls, the search filters and the read-aloud player', async (width) => {
    let page = await open(REPORT, width);
    await stubSpeech(context!, {});
    await page.reload();
    await page.getByRole('button', { name: '语音阅读', exact: true }).waitFor();
    expect(await smallTargets(page, '.site-header button, .site-header summary, .reader-controls button, .reader-controls summary')).toEqual([]);
    expect(await smallTargets(page, '.site-header input', 'height')).toEqual([]);
    await page.getByRole('button', { name: '语音阅读', exact: true }).click();
    expect(await smallTargets(page, '.read-aloud-player button')).toEqual([]);
    await context!.close();
    page = await open('/search/', width);
    expect(await smallTargets(page, 'main button, main summary')).toEqual([]);
    expect(await smallTargets(page, 'main input, main select', 'height')).toEqual([]);
  });
});

/** A context that records, from before the first paint, every layout shift not caused by input, and what it moved up or down. */
async function recordingLayoutShifts(width: number, preferences: { elder?: boolean; large?: boolean }): Promise<BrowserContext> {
  const recording = await site.browser.newContext({ viewport: { width, height: 720 } });
  await recording.addInitScript(
    ({ elder, large }) => {
      if (elder) localStorage.setItem('zwgk:elder-mode', 'on');
      if (large) localStorage.setItem('zwgk:font-size', 'large');
      const seen = window as unknown as { shifts: number; movedDown: string[] };
      seen.shifts = 0;
      seen.movedDown = [];
      type Shift = { value: number; hadRecentInput: boolean; sources: { node: Element | null; previousRect: DOMRect; currentRect: DOMRect }[] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Shift[]) {
          if (entry.hadRecentInput) continue;
          seen.shifts += entry.value;
          // Anything pushed up or down (a control appearing above it): the text a reader is on moves.
          for (const { node, previousRect, currentRect } of entry.sources) {
            if (previousRect.y !== currentRect.y) seen.movedDown.push(`${node?.nodeName}.${node?.className}: ${previousRect.y} → ${currentRect.y}`);
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    },
    { elder: preferences.elder === true, large: preferences.large === true },
  );
  return recording;
}

const layoutShifts = (page: Page) =>
  page.evaluate(() => {
    const seen = window as unknown as { shifts: number; movedDown: string[] };
    return { shifts: seen.shifts, movedDown: seen.movedDown };
  });

describe('scripts that arrive late', () => {
  it.each([
    [375, 'normal', {}],
    [375, '长者模式 and 字体 大', { elder: true, large: true }],
    [1280, '长者模式', { elder: true }],
  ] as const)('%s px, %s: the report draws once, without layout shifts', async (width, _mode, preferences) => {
    context = await recordingLayoutShifts(width, preferences);
    // A slow connection: every script comes 800 ms after the page.
    await context.route('**/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(site.server.origin + REPORT);
    await page.locator('button[data-font-size="large"]').waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    const { shifts, movedDown } = await layoutShifts(page);
    expect(movedDown).toEqual([]);
    expect(shifts).toBeLessThan(0.01);
  });

  it.each([320, 1280])('%s px: the search page opened with a query shows its results without moving the page below them', async (width) => {
    context = await recordingLayoutShifts(width, {});
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('测试')}`);
    await page.locator('.search-results h3 a').first().waitFor();
    await page.waitForTimeout(300);
    // The footer, on screen under the empty results, was pushed down by them: 0.136 at 320 px, 0.118 at 1280.
    const { shifts, movedDown } = await layoutShifts(page);
    expect(shifts, movedDown.join('; ')).toBeLessThan(0.01);
  });
});

describe('长者模式 links', () => {
  it.each([
    ['/years/', 320, '.count-list a'],
    ['/agencies/', 320, '.count-list a'],
    ['/xxgk/fdzdgknr/fzzfjs/', 320, 'main .report-list a'],
    ['/', 320, '.footer-facts a'],
    [`/search/?q=${encodeURIComponent('测试')}`, 320, '.search-results h3 a'],
    ['/catalogue/', 320, '.catalogue-title a'],
    [REPORT, 320, '.attachments a, .related a'],
    ['/no-such-page/', 320, '.next-steps a'],
    // At 320 px it takes two lines, tall enough anyway.
    ['/', 375, '.more-link a'],
  ])('%s at %s px: %s are 44 px tall', async (path, width, selector) => {
    const page = await open(path, width, { elder: true });
    await page.locator(selector).first().waitFor();
    expect(await smallTargets(page, selector, 'height')).toEqual([]);
  });

  it.each([320, 1280])('%s px: the site name, the link home, is 44 px tall, and on a phone the header grows by at most 5 px', async (width) => {
    let page = await open('/', width);
    const before = (await page.locator('.site-header').boundingBox())!.height;
    await context!.close();
    page = await open('/', width, { elder: true });
    expect(await smallTargets(page, '.site-name', 'height')).toEqual([]);
    // 长者模式's larger text and controls made the header 19.5 px taller at 320 px while the link home was 27 px tall.
    const after = (await page.locator('.site-header').boundingBox())!.height;
    if (width === 320) expect(after - before).toBeLessThanOrEqual(19.5 + 5);
  });

  it('当前位置 at 1280 px: the label stands on the line of the links, which are 44 px tall', async () => {
    const page = await open(REPORT, 1280, { elder: true });
    const tops = await page.evaluate(() => {
      const textTop = (element: Element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return Math.round(range.getClientRects()[0]!.top);
      };
      return { label: textTop(document.querySelector('.breadcrumb-label')!), link: textTop(document.querySelector('.breadcrumb a')!) };
    });
    expect(Math.abs(tops.label - tops.link), JSON.stringify(tops)).toBeLessThanOrEqual(1);
  });

  it('当前位置 at 320 px: even 首页, two characters, is 44 px wide', async () => {
    const page = await open('/years/', 320, { elder: true });
    expect(await smallTargets(page, '.breadcrumb a')).toEqual([]);
  });
});

describe('the search page', () => {
  it.each([
    [320, true],
    [375, true],
    [320, false],
  ])('%s px (长者模式 %s): the 搜索 button and the opened filters stay within the page margins', async (width, elder) => {
    const page = await open(`/search/?q=${encodeURIComponent('测试')}`, width, { elder });
    await page.locator('.search-filters summary').click();
    const outside = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const style = getComputedStyle(main);
      const right = main.getBoundingClientRect().right - Number.parseFloat(style.paddingRight);
      return [...document.querySelectorAll('.search-page-input button, .search-page-filters, .search-filter select')]
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.right > right + 0.5)
        .map(({ element, box }) => `${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)} px, the page at ${Math.round(right)} px`);
    });
    expect(outside).toEqual([]);
  });
});

describe('the footer', () => {
  it.each([
    [320, false],
    [320, true],
    [375, true],
  ])('%s px (长者模式 %s): labels and values are never broken mid-word', async (width, elder) => {
    const page = await open('/', width, { elder });
    for (const line of await lineCounts(page, '.footer-facts dt, .footer-facts dd')) expect(line).toMatch(/: 1$/);
  });
});

describe('print', () => {
  it('leaves out the site bar and the 长者模式 toggle', async () => {
    const page = await open(REPORT, 1280);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-bar').isVisible()).toBe(false);
    expect(await page.locator('[data-elder-toggle]').isVisible()).toBe(false);
  });
});
