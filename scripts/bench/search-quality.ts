/**
 * Search quality on a built site, measured the way readers meet it.
 *
 * Ground truth comes from the Markdown, not from the index: a report should
 * be found for a query when its title or body contains the query verbatim.
 * Each query then runs in Chromium, in a fresh browser context (empty cache,
 * as a first-time reader), against the site served by nginx with the deploy
 * config: time until the result count shows, bytes transferred, the count
 * itself and the first page of results. Recall over the whole result list is
 * read from the same index files in Node.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { launchBrowser } from '../lib/browser.ts';
import { startPreview } from '../lib/nginx.ts';
import { decodeText, splitFrontMatter } from '../../src/lib/content/source.ts';
import { SEARCH_INDEX_URL } from '../../src/lib/search/filters.ts';
import { SearchIndexReader } from '../../src/lib/search/query.ts';
import { queryKeywords } from '../../src/lib/search/tokens.ts';
import { reportUrl } from '../../src/lib/urls.ts';
import * as W from './corpus-vocabulary.ts';

export interface QueryResult {
  query: string;
  kind: string;
  /** Reports whose Markdown title or body contains the query. */
  expected: number;
  /** The count the search page shows (共 N 条结果). */
  shown: number;
  /** Share of the expected reports among all the index returns (read in Node). */
  recall: number;
  /** Share of the first min(10, expected) results that contain the query. */
  precisionAt10: number;
  /** From navigation start until the result count is on screen. */
  ms: number;
  /** Bytes over the wire (headers and gzip-encoded bodies) until then. */
  transferBytes: number;
}

interface ReportText {
  url: string;
  text: string;
}

async function reportTexts(contentDir: string): Promise<ReportText[]> {
  const reportsDir = join(contentDir, 'reports');
  const files = (await readdir(reportsDir, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
  const texts: ReportText[] = [];
  for (const file of files) {
    const decoded = decodeText(await readFile(join(reportsDir, file)));
    if (!decoded.ok) continue;
    const { frontMatter, body } = splitFrontMatter(decoded.text);
    const title = String((parseYaml(frontMatter ?? '') as { title?: unknown } | null)?.title ?? '');
    const id = relative(reportsDir, join(reportsDir, file)).split(sep).join('/').replace(/\.md$/, '');
    texts.push({ url: reportUrl(id), text: `${title}\n${body}` });
  }
  return texts;
}

/** mulberry32, so the same corpus and seed give the same queries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Queries of the kinds readers type: rare phrases, laws, places, topics of a
 * period, numbers, and phrases cut at random from reports.
 */
export function chooseQueries(texts: ReportText[], phrasesFromReports: number, seed = 7): { query: string; kind: string }[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const chosen: T[] = [];
    while (chosen.length < n && copy.length > 0) chosen.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return chosen;
  };
  const queries = [
    ...pick(W.RARE_PHRASES, 6).map((query) => ({ query, kind: '罕见短语' })),
    ...pick(W.LAWS.map((law) => law.name.replace(/^《|》$/g, '')), 4).map((query) => ({ query, kind: '法规名称' })),
    ...pick(W.TWO_CHARACTER_PLACES, 3).map((query) => ({ query, kind: '地名' })),
    ...pick(W.ERA_TERMS.map((era) => era.term), 4).map((query) => ({ query, kind: '时期用语' })),
  ];
  const numbers = new Set<string>();
  for (let tries = 0; numbers.size < 3 && tries < 200; tries++) {
    const text = texts[Math.floor(next() * texts.length)]!.text;
    const found = text.match(/\d{4,6}/g) ?? [];
    if (found.length > 0) numbers.add(found[Math.floor(next() * found.length)]!);
  }
  queries.push(...[...numbers].map((query) => ({ query, kind: '数字' })));
  for (let added = 0, tries = 0; added < phrasesFromReports && tries < phrasesFromReports * 50; tries++) {
    const text = texts[Math.floor(next() * texts.length)]!.text;
    const runs = text.match(/[\u4e00-\u9fff]{4,}/g) ?? [];
    if (runs.length === 0) continue;
    const run = runs[Math.floor(next() * runs.length)]!;
    const length = Math.min(run.length, 4 + Math.floor(next() * 7));
    const start = Math.floor(next() * (run.length - length + 1));
    queries.push({ query: run.slice(start, start + length), kind: '正文摘句' });
    added++;
  }
  const seen = new Set<string>();
  return queries.filter(({ query }) => !seen.has(query) && seen.add(query));
}

function indexFromDisk(distDir: string) {
  const root = join(distDir, SEARCH_INDEX_URL);
  return SearchIndexReader.open({
    json: async (path) => JSON.parse(await readFile(join(root, path), 'utf8')),
    bytes: async (path) => new Uint8Array(await readFile(join(root, path))),
  });
}

export async function measureSearchQuality(distDir: string, contentDir: string, phrasesFromReports: number): Promise<QueryResult[]> {
  const texts = await reportTexts(contentDir);
  const queries = chooseQueries(texts, phrasesFromReports);
  const index = await indexFromDisk(distDir);
  const preview = await startPreview(distDir);
  const browser = await launchBrowser();
  const results: QueryResult[] = [];
  try {
    for (const { query, kind } of queries) {
      const expected = new Set(texts.filter((report) => report.text.includes(query)).map((report) => report.url));
      const candidates = await index.candidates(queryKeywords(query), {}, 'relevance');
      const found = new Set(await Promise.all(candidates.map(async (doc) => reportUrl((await index.document(doc)).id))));
      const recall = expected.size === 0 ? 1 : [...expected].filter((url) => found.has(url)).length / expected.size;

      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      let transferBytes = 0;
      cdp.on('Network.loadingFinished', (event) => (transferBytes += event.encodedDataLength));
      await cdp.send('Network.enable');
      const started = performance.now();
      await page.goto(`${preview.origin}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => /共 \d+ 条结果|没有找到/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), undefined, {
        polling: 'raf',
        timeout: 30_000,
      });
      const ms = performance.now() - started;
      const status = (await page.locator('[data-search-status]').textContent()) ?? '';
      const shown = Number(/共 (\d+) 条结果/.exec(status)?.[1] ?? 0);
      const top = await page.locator('.search-results h3 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const k = Math.min(10, expected.size);
      const precisionAt10 = k === 0 ? 1 : top.slice(0, k).filter((url) => expected.has(decodeURI(url))).length / k;
      await context.close();
      results.push({ query, kind, expected: expected.size, shown, recall, precisionAt10, ms, transferBytes });
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  return results;
}
