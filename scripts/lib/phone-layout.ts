/**
 * What a citizen on a phone must get from every page, measured in a real
 * browser: no sideways scrolling, no text squeezed into a column one or two
 * characters wide, the page's own heading on the first screen, 索引号 /
 * 文号 / dates on one line, control labels on one line and, in 长者模式,
 * 44 px targets. Pages are found in the built site itself, so the same
 * measures run on any content.
 */
import { load } from 'cheerio';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const PHONE_WIDTHS = [320, 375] as const;
export const PHONE_HEIGHT = 720;
/** The page's h1 must start within this many px of the top. */
export const FIRST_SCREEN = 400;
export const ELDER_TARGET = 44;

export const READING_MODES = {
  normal: {},
  '字体 大': { 'zwgk:font-size': 'large' },
  长者模式: { 'zwgk:elder-mode': 'on' },
} as const satisfies Record<string, Record<string, string>>;
export type ReadingMode = keyof typeof READING_MODES;

/** Stores the mode's preferences before any page script runs. */
export async function useReadingMode(context: BrowserContext, mode: ReadingMode): Promise<void> {
  await context.addInitScript((stored) => {
    for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
  }, READING_MODES[mode] as Record<string, string>);
}

/** A query that finds nothing on any portal. */
export const NO_RESULTS_QUERY = '鲸鱼乘坐热气球横渡沙漠';

/**
 * One page of every kind, found by reading the built site: the first column
 * with the most reports (so with pagination when there is one), the first
 * year and agency, the catalogue of the first year, the report pages that
 * show each feature (contents list, attachments, 主送, related, the longest
 * title and index number), search with and without results, and the rest.
 */
export function pagesOf(outDir: string): Record<string, string> {
  const page = (path: string) => load(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
  const home = page('/');
  const fixed = new Set(['/', '/catalogue/', '/years/', '/agencies/']);
  const columns = home('.site-nav a').map((_, a) => home(a).attr('href')!).get().filter((href) => !fixed.has(href));
  const firstLink = (path: string, selector: string) => {
    const $ = page(path);
    return $(selector).first().attr('href');
  };
  const reports = (readdirSync(join(outDir, 'reports'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/reports/${file.split(sep).join('/').slice(0, -'index.html'.length)}`)
    .sort();
  const features: Record<string, string> = {};
  let longestTitle = { length: 0, path: '' };
  let longestIndex = { length: 0, path: '' };
  for (const path of reports) {
    const file = join(outDir, path, 'index.html');
    // Very large reports add nothing to a layout check but minutes.
    const html = readFileSync(file, 'utf8');
    if (html.length > 500_000) continue;
    const $ = load(html);
    features['report'] ??= path;
    if ($('nav.toc').length) features['report with contents'] ??= path;
    if ($('.attachments').length) features['report with attachments'] ??= path;
    if ($('.addressee').length) features['report with 主送'] ??= path;
    if ($('.related').length) features['report with related'] ??= path;
    if ($('.report-body table').length) features['report with a table'] ??= path;
    const title = $('h1').text().trim();
    if (title.length > longestTitle.length) longestTitle = { length: title.length, path };
    const indexNumber = $('.meta-table .index-number').text().trim() || $('.meta-table dd').first().text().trim();
    if (indexNumber.length > longestIndex.length) longestIndex = { length: indexNumber.length, path };
  }
  const newestTitle = home('main .report-list a').first().text().trim();
  const pages: Record<string, string> = {
    home: '/',
    column: columns[0]!,
    year: firstLink('/years/', '.count-list a')!,
    years: '/years/',
    agency: firstLink('/agencies/', '.count-list a')!,
    agencies: '/agencies/',
    catalogue: '/catalogue/',
    'catalogue year': firstLink('/catalogue/', 'main .chip-list a')!,
    ...features,
    'report with the longest title': longestTitle.path,
    'report with the longest 索引号': longestIndex.path,
    'search with results': `/search/?q=${encodeURIComponent(newestTitle.slice(0, 4))}`,
    'search without results': `/search/?q=${encodeURIComponent(NO_RESULTS_QUERY)}`,
    '404': '/no-such-page/',
    accessibility: '/accessibility/',
    sitemap: '/sitemap/',
  };
  // Pages that only some versions of the portal have.
  for (const [kind, path] of [['open data', '/open-data/']] as const) if (existsSync(join(outDir, path, 'index.html'))) pages[kind] = path;
  return pages;
}

/** Opens a page and waits for what its scripts do (preferences applied, search finished). */
export async function openPage(page: Page, origin: string, path: string, mode: ReadingMode): Promise<void> {
  await page.goto(origin + path);
  if (mode === '长者模式') await page.waitForFunction(() => document.documentElement.dataset['elder'] === 'on');
  if (mode === '字体 大') await page.waitForFunction(() => document.documentElement.dataset['fontSize'] === 'large');
  if (path.startsWith('/search/?')) {
    await page.waitForFunction(() => /共|没有找到/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), undefined, { timeout: 20_000 });
  }
}

/** Everything wrong with the page as laid out now; an empty list when it is fine. */
export function layoutProblems(page: Page, elder: boolean): Promise<string[]> {
  return page.evaluate(
    ({ elder, firstScreen, target }) => {
      const problems: string[] = [];
      const viewport = window.innerWidth;
      const describe = (element: Element) => {
        const classes = [...element.classList].slice(0, 2).join('.');
        return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} “${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 16)}”`;
      };
      const shown = (element: Element) => {
        const box = element.getBoundingClientRect();
        return element.checkVisibility() && box.width > 1 && box.height > 1;
      };
      /** The tops of the lines a piece of text occupies. */
      const lineTops = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
        const tops: number[] = [];
        for (const rect of rects) if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
        return { rects, lines: tops.length };
      };

      if (document.documentElement.scrollWidth > viewport) {
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => shown(element) && element.getBoundingClientRect().right > viewport + 0.5)
          .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= viewport + 0.5)
          .slice(0, 3)
          .map(describe);
        problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} px wide at ${viewport} px (${wide.join('; ')})`);
      }

      const h1 = document.querySelector('h1');
      const h1Top = h1 ? h1.getBoundingClientRect().top + window.scrollY : Infinity;
      if (h1Top > firstScreen) problems.push(`h1 starts at ${Math.round(h1Top)} px, below the first ${firstScreen} px`);

      // Text squeezed into a column: it wraps, and the box its lines are laid out in is under three characters wide.
      // (A phrase that merely wraps at the end of a wide line is not squeezed.)
      const lineBox = (element: Element) => {
        let box: Element = element;
        while (box.parentElement && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
        const style = getComputedStyle(box);
        return box.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (text.length < 3 || !parent || !shown(parent)) continue;
        if (lineTops(node).lines < 2) continue;
        const fontSize = Number.parseFloat(getComputedStyle(parent).fontSize);
        const width = lineBox(parent);
        if (width < 3 * fontSize) problems.push(`text squeezed to ${Math.round(width)} px (${(width / fontSize).toFixed(1)} characters): ${describe(parent)}`);
      }

      // Numbers and dates readers copy or compare must stay whole.
      for (const element of document.querySelectorAll('.index-number, .doc-number, time')) {
        if (!shown(element)) continue;
        if (lineTops(element).lines > 1) problems.push(`broken across lines: ${describe(element)}`);
      }

      const controls = [...document.querySelectorAll('button, summary, input, select')].filter(shown);
      for (const control of controls) {
        if (control.matches('button, summary') && lineTops(control).lines > 1) problems.push(`control label wraps: ${describe(control)}`);
      }
      if (elder) {
        const links = [...document.querySelectorAll('nav a, .footer-links a, .chip-list a')].filter(shown);
        for (const element of [...controls, ...links]) {
          const box = element.getBoundingClientRect();
          if (box.height < target - 0.5) problems.push(`target ${Math.round(box.width)}×${Math.round(box.height)} px in 长者模式: ${describe(element)}`);
          else if (element.matches('button, summary') && box.width < target - 0.5) problems.push(`target ${Math.round(box.width)}×${Math.round(box.height)} px in 长者模式: ${describe(element)}`);
        }
      }
      return problems;
    },
    { elder, firstScreen: FIRST_SCREEN, target: ELDER_TARGET },
  );
}
