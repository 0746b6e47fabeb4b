/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every kind of page, in the
 * default look, in elder mode and on phones (320 px, 375 px with 字体 大,
 * 320 px in 长者模式): zero violations.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, useReadingMode, type ReadingMode } from '../../scripts/lib/phone-layout.ts';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations } from '../helpers/axe.ts';
import { servedFixture } from '../helpers/served-fixture.ts';

const PAGES: Record<string, string> = {
  home: '/',
  column: '/xxgk/',
  'nested column': '/xxgk/fdzdgknr/fzzfjs/',
  'column page 2': '/xxgk/fdzdgknr/fzzfjs/2/',
  'empty column': '/hdjl/',
  report: '/reports/2019/jyj-jihua/',
  'long report with contents': '/reports/2023/long/',
  'report with pasted HTML': '/reports/2023/hostile/',
  'report with a wide table': '/reports/2020/xzf-tongji/',
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


const site = servedFixture();

describe.each([
  ['default', { width: 1280, height: 900 }, 'normal'],
  ['elder mode', { width: 1280, height: 900 }, '长者模式'],
  ['320 px phone', { width: 320, height: 640 }, 'normal'],
  ['375 px phone, 字体 大', { width: 375, height: 720 }, '字体 大'],
  ['320 px phone, 长者模式', { width: 320, height: 720 }, '长者模式'],
] as const satisfies [string, { width: number; height: number }, ReadingMode][])('axe, %s', (_name, viewport, mode) => {
  // One browser context per look, its reading mode stored before any page runs: each page is then a navigation.
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await site.browser.newContext({ viewport });
    await useReadingMode(context, mode);
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  for (const [kind, path] of Object.entries(PAGES)) {
    it(`${kind} (${path}) has no violations`, async () => {
      await openPage(page, site.server.origin, path, mode);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

it('the search page tells its two search forms apart (landmark-unique)', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.origin}/search/`);
  const results = await new AxeBuilder({ page }).withRules(['landmark-unique']).setLegacyMode(true).analyze();
  await context.close();
  expect(results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);
});
