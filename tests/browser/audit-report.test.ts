/**
 * The standalone HTML report of `npm run audit --html` in Chromium: it
 * loads nothing but itself, axe finds no violation, and on a phone only its
 * wide tables scroll, never the page.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { runScript } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';

const report = join(tempDir('audit-report'), '合规检查.html');
let browser: Browser;

beforeAll(async () => {
  const run = runScript('audit', ['--content', inject('fixture').contentDir, '--date', '2023-06-01', '--html', report, '--cache-dir', join(tempDir('audit-cache'), 'cache')]);
  expect(run.code, run.output).toBe(1);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['desktop', 1280],
  ['320 px phone', 320],
] as const)('the audit report, %s', (_name, width) => {
  it('loads only itself, has no axe violation and does not scroll sideways', async () => {
    // axe needs a page of its own context.
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(await page.locator('h1').textContent()).toBe('政务公开合规检查');
    expect(await page.locator('table caption').first().textContent()).toContain('各机构各年度的公开情况');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });
});
