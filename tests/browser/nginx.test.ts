/**
 * The built fixture site served by real nginx with deploy/nginx.conf (through
 * `npm run preview:nginx`): headers, caching, gzip, the 404 page — and every
 * kind of page in Chromium under the strict Content-Security-Policy, with no
 * violation and no request leaving the site.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { startPreview, type RunningPreview } from '../../scripts/lib/nginx.ts';
import { finishUtterance, spoken, stubSpeech } from '../helpers/speech-stub.ts';

const { outDir } = inject('fixture');
let origin = '';
let nginx: RunningPreview;
let browser: Browser;

beforeAll(async () => {
  nginx = await startPreview(outDir);
  origin = nginx.origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  nginx?.stop();
});

/** Collects the page's Content-Security-Policy violations from before its first script runs. */
async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('response headers', () => {
  it('send a strict Content-Security-Policy and the other security headers on pages', async () => {
    const response = await fetch(`${origin}/reports/2019/jyj-jihua/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy')!;
    const directives = Object.fromEntries(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toContain("'self'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
    expect(directives['form-action']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('cache-control')).toMatch(/max-age=(\d{1,3})\b/);
    expect(Number(/max-age=(\d+)/.exec(response.headers.get('cache-control')!)![1])).toBeLessThanOrEqual(600);
  });

  it('cache hashed assets for a year as immutable and compress them', async () => {
    const css = readdirSync(join(outDir, '_astro')).find((file) => file.endsWith('.css'))!;
    const response = await fetch(`${origin}/_astro/${css}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(Number(/max-age=(\d+)/.exec(response.headers.get('cache-control')!)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('send the search index’s files with only the headers a fetched file needs, and a policy that forbids everything if one is opened', async () => {
    const base = readdirSync(join(outDir, 'search-index')).find((name) => name.startsWith('v'))!;
    const response = await fetch(`${origin}/search-index/${base}/heads.bin`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toContain('immutable');
    for (const pageOnly of ['permissions-policy', 'referrer-policy', 'x-frame-options', 'cross-origin-opener-policy', 'etag']) expect(response.headers.get(pageOnly), pageOnly).toBeNull();
    // A query reads tens of these files: each response's headers are a few hundred bytes, not the page's 900.
    const headerBytes = [...response.headers].reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
    expect(headerBytes).toBeLessThan(450);
    // The manifest (read first, not versioned) and a missing file are answered like the rest of the site.
    const manifest = await fetch(`${origin}/search-index/manifest.json`);
    expect(manifest.headers.get('content-security-policy')).toContain("default-src 'self'");
    const missing = await fetch(`${origin}/search-index/${base}/no-such-file.bin`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answer a missing page with the portal’s 404 page and status 404, headers included', async () => {
    const response = await fetch(`${origin}/reports/no-such-report/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('页面不存在');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    // Asked again next time: the report may be published by then (a cached 404 hid it for five minutes).
    expect(response.headers.get('cache-control')).toBe('no-cache');
    // A folder without a page of its own is not told apart from a missing one (nginx's bare 403 said it exists).
    for (const folder of ['/attachments/', '/search-index/', '/_astro/']) {
      const listing = await fetch(`${origin}${folder}`);
      expect(listing.status, folder).toBe(404);
      expect(await listing.text(), folder).toContain('页面不存在');
    }
  });

  it('let no cache keep an error nginx answers itself (a refused method, an oversized request), on a page or in the search index', async () => {
    const refused = [
      await fetch(`${origin}/reports/2019/jyj-jihua/`, { method: 'POST', body: 'x' }),
      await fetch(`${origin}/reports/2019/jyj-jihua/`, { headers: { cookie: 'x'.repeat(20_000) } }),
      await fetch(`${origin}/search-index/manifest.json`, { method: 'DELETE' }),
    ];
    for (const response of refused) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      // A five-minute cache would keep the error after the cause is gone (a proxy's hiccup, a cookie since cleared).
      expect(response.headers.get('cache-control'), String(response.status)).toBe('no-cache');
    }
    const versioned = (await (await fetch(`${origin}/search-index/manifest.json`)).json()) as { base: string };
    const postedToIndex = await fetch(`${origin}/search-index/${versioned.base}/heads.bin`, { method: 'POST', body: 'x' });
    expect(postedToIndex.status).toBe(405);
    // Not the year an index file is kept.
    expect(postedToIndex.headers.get('cache-control')).toBe('no-cache');
  });

  it('serve the open-data files as UTF-8 CSV and JSON, compressed, with the security headers', async () => {
    for (const path of ['/catalogue.csv', '/catalogue/2020.csv', '/catalogue/agencies/jyj.csv']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/csv; charset=utf-8');
      expect(new Uint8Array(await response.arrayBuffer()).subarray(0, 3), path).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    }
    const json = await fetch(`${origin}/catalogue.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-encoding')).toBe('gzip');
    expect(json.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(((await json.json()) as { count: number }).count).toBeGreaterThan(0);
    expect((await fetch(`${origin}/catalogue/1999.csv`)).status).toBe(404);
  });

  it('redirect a column without its trailing slash, keeping the address relative', async () => {
    const response = await fetch(`${origin}/xxgk`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/xxgk/');
  });
});

describe('every kind of page in Chromium under the policy', () => {
  const pages = ['/', '/xxgk/', '/xxgk/fdzdgknr/fzzfjs/', '/reports/2019/jyj-jihua/', '/reports/2023/hostile/', '/reports/2023/long/', '/years/', '/years/2020/', '/agencies/', '/agencies/jyj/', '/catalogue/', '/catalogue/2023/', '/search/', '/accessibility/', '/sitemap/', '/open-data/', '/no-such-page/'];

  it.each(pages)('%s: no CSP violation, no request to another origin', async (path) => {
    const context = await browser.newContext();
    await recordCspViolations(context);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('404')) consoleErrors.push(message.text());
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) foreign.push(request.url());
    });
    await page.goto(origin + path, { waitUntil: 'networkidle' });
    expect(await cspViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('search works under the policy', async () => {
    const context = await browser.newContext();
    await recordCspViolations(context);
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) foreign.push(request.url());
    });
    await page.goto(`${origin}/search/?q=${encodeURIComponent('双随机')}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/共 [1-9]\d* 条结果/);
    expect(await page.locator('.search-results mark').first().textContent()).toBe('双随机');
    expect(await cspViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('the reading controls work under the policy', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/reports/2019/jyj-jihua/`);
    await page.getByRole('button', { name: '大', exact: true }).click();
    expect(await page.getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '长者模式' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset['elder'])).toBe('on');
    await context.close();
  });

  it('语音阅读 reads, highlights and sizes its player under the policy', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    await stubSpeech(context);
    await recordCspViolations(context);
    const page = await context.newPage();
    await page.goto(`${origin}/reports/2023/hostile/`);
    await page.getByRole('button', { name: '语音阅读', exact: true }).click();
    await expect.poll(async () => (await spoken(page)).length).toBe(1);
    for (let i = 2; i <= 6; i++) {
      await finishUtterance(page);
      await expect.poll(async () => (await spoken(page)).length).toBe(i);
    }
    // The player's height, measured by the script, keeps the end of the page above it.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).paddingBottom)).toBe(
      await page.locator('[data-read-aloud-player]').evaluate((player) => `${(player as HTMLElement).offsetHeight}px`),
    );
    expect(await page.locator('[data-read-aloud-current]').count()).toBe(1);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });
});
