/**
 * npm run screenshots — what a reader sees on a 375 px phone: one picture of
 * every kind of page of a built site (the first two screens, compressed to a
 * 64-colour palette), written to docs/screenshots/, and the phone layout
 * checks of the browser tests run on each page, so a problem with this
 * content shows up here too.
 *
 *   npm run screenshots [-- --dist <folder>] [--out <folder>]
 *
 * Build first (npm run build); the README links the pictures of the sample portal.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';
import UPNG from 'upng-js';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { launchBrowser } from './lib/browser.ts';
import { dim, fail, green, red } from './lib/output.ts';
import { layoutProblems, openPage, pagesOf, PHONE_HEIGHT, useReadingMode, type ReadingMode } from './lib/phone-layout.ts';
import { projectRoot } from './lib/project.ts';

const WIDTH = 375;
const SCREENS = 2;
const COLOURS = 64;

const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } });
const distDir = resolve(values.dist ?? join(projectRoot, 'dist'));
const outDir = resolve(values.out ?? join(projectRoot, 'docs', 'screenshots'));

let pages: Record<string, string>;
try {
  pages = pagesOf(distDir);
} catch {
  fail(`${distDir} 中没有构建好的网站，请先运行 npm run build。`);
}

/** The pages pictured, with the file name each gets; one report also in 长者模式 and with the menu open. */
const SHOTS: [file: string, kind: string, mode: ReadingMode, action?: 'open menu'][] = [
  ['home', 'home', 'normal'],
  ['menu', 'home', 'normal', 'open menu'],
  ['column', 'column', 'normal'],
  ['year', 'year', 'normal'],
  ['agency', 'agency', 'normal'],
  ['catalogue', 'catalogue', 'normal'],
  ['catalogue-year', 'catalogue year', 'normal'],
  ['report', 'report with contents', 'normal'],
  ['report-elder', 'report with attachments', '长者模式'],
  ['search', 'search with results', 'normal'],
  ['search-none', 'search without results', 'normal'],
  ['404', '404', 'normal'],
  ['accessibility', 'accessibility', 'normal'],
  ['sitemap', 'sitemap', 'normal'],
];

/** A screenshot re-encoded with a small palette: text stays sharp, the file a fraction of the size. */
function compress(png: Buffer): Buffer {
  const image = PNG.sync.read(png);
  return Buffer.from(UPNG.encode([Uint8Array.from(image.data).buffer], image.width, image.height, COLOURS));
}

const server = await serveStatic(distDir);
const browser = await launchBrowser();
let problemCount = 0;
try {
  await mkdir(outDir, { recursive: true });
  // Only its own screenshots: --out may point at a folder holding other pictures.
  for (const [file] of SHOTS) await rm(join(outDir, `${file}.png`), { force: true });
  for (const [file, kind, mode, action] of SHOTS) {
    const path = pages[kind] ?? pages['report'];
    if (!path) continue;
    const context = await browser.newContext({ viewport: { width: WIDTH, height: PHONE_HEIGHT } });
    await useReadingMode(context, mode);
    const page = await context.newPage();
    await openPage(page, server.origin, path, mode);
    const problems = await layoutProblems(page, mode === '长者模式');
    problemCount += problems.length;
    for (const problem of problems) console.error(red(`${path}（${mode}）  ${problem}`));
    if (action === 'open menu') await page.locator('.site-menu summary').click();
    const height = Math.min(PHONE_HEIGHT * SCREENS, await page.evaluate(() => document.documentElement.scrollHeight));
    const shot = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: WIDTH, height } });
    const png = compress(shot);
    await writeFile(join(outDir, `${file}.png`), png);
    console.error(dim(`${file}.png  ${path}  ${mode}  ${Math.round(png.length / 1024)} KB`));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (problemCount > 0) fail(`截图已保存到 ${outDir}，但发现 ${problemCount} 个手机版式问题（见上）。`);
console.error(green(`截图已保存到 ${outDir}，手机版式检查没有发现问题。`));
