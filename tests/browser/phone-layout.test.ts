/**
 * Every kind of page on a 320 and a 375 px phone, in the normal look, with
 * 字体 大 and in 长者模式 — on the test fixture and on the sample portal in
 * content/: no sideways scrolling, no squeezed text, the h1 on the first
 * screen, 索引号 and dates whole, 44 px targets in 长者模式.
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
        if (process.env.LAYOUT_LOG) (await import("node:fs")).appendFileSync(process.env.LAYOUT_LOG, `${JSON.stringify({ site, width, mode, found })}\n`);
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
