/** The built fixture site served over HTTP, and a browser, for one browser test file: opened before its tests, closed after. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface ServedFixture {
  browser: Browser;
  server: StaticServer;
}

/** Call at the top of a test file; the fields are set once its `beforeAll` has run. */
export function servedFixture(): ServedFixture {
  const site = {} as ServedFixture;
  beforeAll(async () => {
    site.server = await serveStatic(inject('fixture').outDir);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
