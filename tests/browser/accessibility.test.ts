/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every kind of page, in the
 * default look, in elder mode and on a 320 px phone: zero violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const PAGES: Record<string, string> = {
  home: '/',
  column: '/xxgk/',
  'nested column': '/xxgk/fdzdgknr/fzzfjs/',
  'column page 2': '/xxgk/fdzdgknr/fzzfjs/2/',
  'empty column': '/hdjl/',
  report: '/reports/2019/jyj-jihua/',
  'long report with contents': '/reports/2023/long/',
  'report with pasted HTML': '/reports/2023/hostile/',
  years: '/years/',
  year: '/years/2020/',
  agencies: '/agencies/',
  agency: '/agencies/jyj/',
  catalogue: '/catalogue/',
  'catalogue year': '/catalogue/2023/',
  search: '/search/',
  'search with results': '/search/?q=%E6%B5%8B%E8%AF%95%E6%96%87%E4%BB%B6',
  'search without results': '/search/?q=%E7%81%AB%E6%98%9F',
  '404': '/no-such-page/',
  statement: '/accessibility/',
  sitemap: '/sitemap/',
  'open data': '/open-data/',
};

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(inject('fixture').outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}

describe.each([
  ['default', { width: 1280, height: 900 }, false],
  ['elder mode', { width: 1280, height: 900 }, true],
  ['320 px phone', { width: 320, height: 640 }, false],
] as const)('axe, %s', (_name, viewport, elder) => {
  for (const [kind, path] of Object.entries(PAGES)) {
    it(`${kind} (${path}) has no violations`, async () => {
      const context = await browser.newContext({ viewport });
      if (elder) await context.addInitScript(() => localStorage.setItem('zwgk:elder-mode', 'on'));
      const page = await context.newPage();
      await page.goto(server.origin + path);
      if (path.includes('?q=')) await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/共|没有找到/);
      if (elder) await expect.poll(() => page.evaluate(() => document.documentElement.dataset['elder'])).toBe('on');
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }
});
