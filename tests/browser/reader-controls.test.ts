/**
 * The reading controls used for real in Chromium: 字体 大/中/小 remembered
 * across pages and visits, 长者模式 sizes, sharing, print, a 320 px phone,
 * the keyboard, and the page without JavaScript.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servedFixture } from '../helpers/served-fixture.ts';

const REPORT = '/reports/2019/jyj-jihua/';
const OTHER_REPORT = '/reports/2020/jyj-zongjie/';

let context: BrowserContext;
let page: Page;

const site = servedFixture();

beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

const articleFontSize = () => page.locator('.report-body p').first().evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize));

async function open(path: string) {
  await page.goto(site.server.origin + path);
  // Controls appear once the module script has run.
  await page.locator('button[data-font-size="large"]').waitFor({ state: 'visible' });
}

describe('字体 大/中/小', () => {
  it('大 enlarges the article text by at least 15% and is pressed', async () => {
    await open(REPORT);
    const medium = await articleFontSize();
    expect(await page.getByRole('button', { name: '中', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '大', exact: true }).click();
    const large = await articleFontSize();
    expect(large).toBeGreaterThanOrEqual(medium * 1.15);
    expect(await page.getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: '中', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: '小', exact: true }).click();
    expect(await articleFontSize()).toBeLessThan(medium);
  });

  it('is remembered after a reload, on other pages and in a later visit', async () => {
    await open(REPORT);
    const medium = await articleFontSize();
    await page.getByRole('button', { name: '大', exact: true }).click();
    await page.reload();
    await page.locator('button[data-font-size="large"][aria-pressed="true"]').waitFor();
    expect(await articleFontSize()).toBeGreaterThanOrEqual(medium * 1.15);
    await open(OTHER_REPORT);
    expect(await page.locator('button[data-font-size="large"]').getAttribute('aria-pressed')).toBe('true');
    expect(await articleFontSize()).toBeGreaterThanOrEqual(medium * 1.15);
    const storage = await context.storageState();
    const later = await site.browser.newContext({ storageState: storage });
    const laterPage = await later.newPage();
    await laterPage.goto(site.server.origin + REPORT);
    await expect.poll(() => laterPage.evaluate(() => document.documentElement.dataset['fontSize'])).toBe('large');
    await later.close();
  });
});

describe('长者模式', () => {
  it('makes text at least 18 px (大 at least 24 px), line height at least 1.6, controls at least 44×44', async () => {
    await open(REPORT);
    await page.getByRole('button', { name: '长者模式' }).click();
    expect(await page.getByRole('button', { name: '长者模式' }).getAttribute('aria-pressed')).toBe('true');
    const textStyles = await page.evaluate(() =>
      [...document.querySelectorAll('main p, main li, main dd, main dt, nav a, footer dd')]
        .filter((element) => (element as HTMLElement).offsetParent !== null && element.textContent?.trim())
        .map((element) => {
          const style = getComputedStyle(element);
          return { text: element.textContent!.trim().slice(0, 12), size: Number.parseFloat(style.fontSize), lineHeight: Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize) };
        }),
    );
    expect(textStyles.length).toBeGreaterThan(20);
    expect(textStyles.filter((style) => style.size < 18)).toEqual([]);
    expect(textStyles.filter((style) => style.lineHeight < 1.6)).toEqual([]);
    expect(await articleFontSize()).toBeGreaterThanOrEqual(18);
    await page.getByRole('button', { name: '大', exact: true }).click();
    expect(await articleFontSize()).toBeGreaterThanOrEqual(24);
    const smallest = await page.evaluate(() =>
      [...document.querySelectorAll('button, summary, .site-nav a, .pagination a')]
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        .map((element) => {
          const box = element.getBoundingClientRect();
          return { name: element.textContent?.trim(), width: box.width, height: box.height };
        })
        .filter((box) => box.width < 44 || box.height < 44),
    );
    expect(smallest).toEqual([]);
  });

  it('says how to leave it once on: 退出长者模式, with aria-pressed kept', async () => {
    await open(REPORT);
    const toggle = page.locator('[data-elder-toggle]');
    expect(await toggle.textContent()).toBe('长者模式');
    await page.getByRole('button', { name: '长者模式', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: '退出长者模式', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: '退出长者模式', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '退出长者模式', exact: true }).click();
    expect(await page.getByRole('button', { name: '长者模式', exact: true }).getAttribute('aria-pressed')).toBe('false');
  });

  it('strengthens contrast and is remembered across pages', async () => {
    await open(REPORT);
    const before = await page.locator('.report-byline').evaluate((e) => getComputedStyle(e).color);
    await page.getByRole('button', { name: '长者模式' }).click();
    const after = await page.locator('.report-byline').evaluate((e) => getComputedStyle(e).color);
    const darkness = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    expect(darkness(after)).toBeLessThan(darkness(before));
    await page.goto(`${site.server.origin}/catalogue/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['elder'])).toBe('on');
  });

  it('outside it, every visible button is at least 24×24 px', async () => {
    await open(REPORT);
    await page.locator('summary', { hasText: '分享' }).click();
    const tooSmall = await page.evaluate(() =>
      [...document.querySelectorAll('button, summary')]
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        .map((element) => ({ name: element.textContent?.trim(), box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ name }) => name),
    );
    expect(tooSmall).toEqual([]);
  });
});

describe('分享', () => {
  it('copies the link and announces it to screen readers', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    await open(REPORT);
    await page.locator('summary', { hasText: '分享' }).click();
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(site.server.origin + REPORT);
    await expect.poll(() => page.locator('.share').getByRole('status').textContent()).toContain('链接已复制');
  });

  it('shows a QR code that encodes the page’s public URL', async () => {
    await open(REPORT);
    await page.locator('summary', { hasText: '分享' }).click();
    const png = PNG.sync.read(await page.locator('.share-qr svg').screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe('https://www.yangli.example/reports/2019/jyj-jihua/');
    expect(await page.locator('.share-qr svg').getAttribute('role')).toBe('img');
  });

  it('opens over the page without pushing the metadata table down', async () => {
    await open(REPORT);
    const tableTop = () => page.locator('.meta-table').evaluate((table) => table.getBoundingClientRect().top);
    const before = await tableTop();
    await page.locator('summary', { hasText: '分享' }).click();
    await page.locator('.share-qr svg').waitFor({ state: 'visible' });
    expect(await tableTop()).toBe(before);
  });

  it('closes with Esc and gives focus back to 分享; a click elsewhere closes it too', async () => {
    await open(REPORT);
    const share = page.locator('summary', { hasText: '分享' });
    await share.click();
    await page.getByRole('link', { name: '分享到新浪微博' }).focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('details.share').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('分享');
    await share.click();
    await page.locator('h1').click();
    expect(await page.locator('details.share').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
  });

  it('at 375 px, 分享 sits on a row with other controls, not alone under them', async () => {
    for (const elder of [false, true]) {
      if (elder) await context.addInitScript(() => localStorage.setItem('zwgk:elder-mode', 'on'));
      await page.setViewportSize({ width: 375, height: 720 });
      await open(REPORT);
      const rowOf = (locator: ReturnType<Page['locator']>) => locator.evaluate((element) => Math.round(element.getBoundingClientRect().top));
      expect(await rowOf(page.locator('summary', { hasText: '分享' })), elder ? '长者模式' : 'normal').toBe(await rowOf(page.getByRole('button', { name: '打印' })));
    }
  });

  it('links to 微博 and QQ空间 with the page’s URL and title, loading nothing from them', async () => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.server.origin)) foreign.push(request.url());
    });
    await open(REPORT);
    await page.locator('summary', { hasText: '分享' }).click();
    const weibo = new URL((await page.getByRole('link', { name: '分享到新浪微博' }).getAttribute('href'))!);
    expect(weibo.hostname).toBe('service.weibo.com');
    expect(weibo.searchParams.get('url')).toBe('https://www.yangli.example/reports/2019/jyj-jihua/');
    expect(weibo.searchParams.get('title')).toBe('样例县教育局2019年度工作计划');
    const qzone = new URL((await page.getByRole('link', { name: '分享到QQ空间' }).getAttribute('href'))!);
    expect(qzone.searchParams.get('url')).toBe('https://www.yangli.example/reports/2019/jyj-jihua/');
    expect(foreign).toEqual([]);
  });
});

describe('打印', () => {
  it('keeps the document and its URL, hides the site around it', async () => {
    await open(REPORT);
    await page.emulateMedia({ media: 'print' });
    const shown = async (selector: string) => page.locator(selector).first().isVisible();
    for (const hidden of ['.site-nav', '.header-tools', '.reader-controls', '.site-footer', '.prev-next']) {
      expect(await shown(hidden), hidden).toBe(false);
    }
    for (const kept of ['nav[aria-label="当前位置"]', 'h1', '.meta-table', '.report-body', '.attachments']) {
      expect(await shown(kept), kept).toBe(true);
    }
    expect(await page.locator('.print-only').textContent()).toContain('https://www.yangli.example/reports/2019/jyj-jihua/');
    expect(await page.locator('.print-only').isVisible()).toBe(true);
  });

  it('has a print button that opens the print dialog', async () => {
    await open(REPORT);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '打印' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });
});

describe('a 320 px phone', () => {
  it('never scrolls sideways; a wide table scrolls inside its own box', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/', REPORT, '/reports/2023/hostile/', '/reports/2020/xzf-tongji/', '/catalogue/', '/xxgk/fdzdgknr/fzzfjs/', '/agencies/', '/sitemap/']) {
      await page.goto(site.server.origin + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
    }
    await page.goto(`${site.server.origin}/reports/2020/xzf-tongji/`);
    const box = await page.locator('.report-body .table-scroll').first().evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
  });
});

describe('the keyboard', () => {
  it('reaches the skip link first, which moves to the main content', async () => {
    await page.goto(site.server.origin + REPORT);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, visible: document.activeElement!.getBoundingClientRect().top >= 0 }));
    expect(first).toEqual({ text: '跳到正文', visible: true });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
    expect(inMain).toBe(true);
  });

  it('follows the reading order with a visible focus indicator on every stop', async () => {
    await open(REPORT);
    const expected = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, summary, [tabindex="0"]')]
        .filter((element) => element.offsetParent !== null && element.checkVisibility())
        .map((element) => element.textContent?.trim() || element.getAttribute('aria-label') || element.getAttribute('name') || element.tagName)
        .slice(0, 25),
    );
    const visited: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          name: element.textContent?.trim() || element.getAttribute('aria-label') || element.getAttribute('name') || element.tagName,
          indicated: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
        };
      });
      expect(stop.indicated, stop.name).toBe(true);
      visited.push(stop.name);
    }
    expect(visited).toEqual(expected);
  });

  it('operates the font-size buttons with Enter and Space', async () => {
    await open(REPORT);
    await page.getByRole('button', { name: '大', exact: true }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '小', exact: true }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: '小', exact: true }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('without JavaScript', () => {
  it('reads fully and hides only the controls that need a script', async () => {
    const noScript = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(site.server.origin + REPORT);
    expect(await plain.locator('h1').textContent()).toBe('样例县教育局2019年度工作计划');
    expect(await plain.locator('.report-body').textContent()).toContain('城东小学扩建工程');
    expect(await plain.locator('.meta-table').isVisible()).toBe(true);
    for (const name of ['大', '打印', '长者模式', '复制链接']) {
      expect(await plain.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    await plain.locator('summary', { hasText: '分享' }).click();
    expect(await plain.getByRole('link', { name: '分享到新浪微博' }).isVisible()).toBe(true);
    expect(await plain.locator('.share-qr svg').isVisible()).toBe(true);
    await noScript.close();
  });
});
