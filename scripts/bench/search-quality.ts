/**
 * Search exactness and speed on a built site, measured the way readers meet it.
 *
 *   node scripts/bench/search-quality.ts --dist DIR --content DIR [--queries N] [--json]
 *   (npm run bench runs it on the site it builds)
 *
 * Ground truth comes from the content files, not from the index
 * (scripts/lib/ground-truth.ts): a report matches when each phrase of the
 * query is in one of its searchable fields or its Markdown body, under the
 * search normalization. For every query:
 *   - in Node, through the same index reader the browser uses: the whole
 *     ordered result list, relevance and newest first — each must be exactly
 *     the true set, without duplicates (the pages are slices of it);
 *   - in Chromium, in a fresh browser context (empty cache, as a first-time
 *     reader), against the site served by nginx with the deploy config: time
 *     until the result count shows, bytes transferred, the count shown (must
 *     equal the true count) and the first page (P@10: the share of the first
 *     min(10, expected) results that are true matches).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../lib/browser.ts';
import { reportSearchTexts, reportsContaining, type ReportSearchText } from '../lib/ground-truth.ts';
import { startPreview } from '../lib/nginx.ts';
import { SEARCH_INDEX_URL } from '../../src/lib/search/filters.ts';
import { SearchIndexReader } from '../../src/lib/search/query.ts';
import { queryPhrases } from '../../src/lib/search/tokens.ts';
import { reportUrl } from '../../src/lib/urls.ts';
import * as W from './corpus-vocabulary.ts';

export interface QueryResult {
  query: string;
  kind: string;
  /** Reports that contain the query (ground truth). */
  expected: number;
  /** The count the search page shows (共 N 条结果; 0 for 没有找到). */
  shown: number;
  /** Whether the index's whole result list is exactly the true set, without duplicates, in both orders. */
  exactSet: boolean;
  /** Share of the first min(10, expected) results shown that contain the query. */
  precisionAt10: number;
  /** From navigation start until the result count is on screen. */
  ms: number;
  /** Bytes over the wire (headers and gzip-encoded bodies) until then. */
  transferBytes: number;
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

/** Absent phrases readers might try: each joins two common phrases that never occur together. */
const ABSENT = ['法治政府建设实施方案', '〔2022〕3号', '火星探测工作', '量子通信试点', '依法行政工作要点汇编', 'zzqx9'];

/**
 * Queries of the kinds readers type: rare phrases, laws, places, topics of a
 * period, numbers, 索引号 and 文号, absent phrases, and `substrings` random
 * 2–12-character substrings of report bodies.
 */
export function chooseQueries(texts: readonly ReportSearchText[], substrings: number, seed = 7): { query: string; kind: string }[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const chosen: T[] = [];
    while (chosen.length < n && copy.length > 0) chosen.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return chosen;
  };
  const randomText = () => texts[Math.floor(next() * texts.length)]!;
  const queries = [
    ...pick(W.RARE_PHRASES, 6).map((query) => ({ query, kind: '罕见短语' })),
    ...pick(
      W.LAWS.map((law) => law.name.replace(/^《|》$/g, '')),
      4,
    ).map((query) => ({ query, kind: '法规名称' })),
    ...pick(W.TWO_CHARACTER_PLACES, 3).map((query) => ({ query, kind: '地名' })),
    ...pick(
      W.ERA_TERMS.map((era) => era.term),
      4,
    ).map((query) => ({ query, kind: '时期用语' })),
    ...ABSENT.map((query) => ({ query, kind: '不存在' })),
    { query: '的', kind: '常用字' },
    { query: '工作', kind: '常用字' },
    { query: '法治政府 依法行政', kind: '多词' },
  ];
  for (let i = 0; i < 4; i++) {
    const [, indexNumber, docNumber] = randomText().keys;
    if (indexNumber) queries.push({ query: indexNumber, kind: '索引号' });
    if (docNumber) queries.push({ query: docNumber, kind: '文号' });
  }
  for (let added = 0, tries = 0; added < substrings && tries < substrings * 50; tries++) {
    const chars = [...randomText().body.replace(/\s+/g, '')];
    if (chars.length < 12) continue;
    const length = 2 + Math.floor(next() * 11);
    const start = Math.floor(next() * (chars.length - length + 1));
    const query = chars.slice(start, start + length).join('');
    if (queryPhrases(query).length === 0 || /["“「]/.test(query)) continue;
    queries.push({ query, kind: '正文片段' });
    added++;
  }
  const seen = new Set<string>();
  return queries.filter(({ query }) => !seen.has(query) && seen.add(query));
}

async function indexFromDisk(distDir: string) {
  const root = join(distDir, SEARCH_INDEX_URL);
  return SearchIndexReader.open({
    json: async (path) => JSON.parse(await readFile(join(root, path), 'utf8')),
    bytes: async (path) => new Uint8Array(await readFile(join(root, path))),
  });
}

export async function measureSearchQuality(distDir: string, contentDir: string, substrings: number): Promise<QueryResult[]> {
  const texts = reportSearchTexts(contentDir);
  const queries = chooseQueries(texts, substrings);
  const urlOf: string[] = [];
  {
    // A reader keeps every file it read: a throwaway one maps document numbers to URLs.
    const index = await indexFromDisk(distDir);
    for (let doc = 0; doc < index.manifest.documents; doc++) urlOf.push(reportUrl((await index.document(doc)).id));
  }
  const preview = await startPreview(distDir);
  const browser = await launchBrowser();
  const results: QueryResult[] = [];
  try {
    for (const { query, kind } of queries) {
      const expected = new Set(reportsContaining(texts, query));
      const keys = queryPhrases(query).map((phrase) => phrase.key);
      const index = await indexFromDisk(distDir);
      const orders = await Promise.all([index.search(keys, {}, 'relevance'), index.search(keys, {}, 'newest')]);
      const exactSet = orders.every((docs) => docs.length === expected.size && new Set(docs).size === docs.length && docs.every((doc) => expected.has(urlOf[doc]!)));

      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      let transferBytes = 0;
      cdp.on('Network.loadingFinished', (event) => (transferBytes += event.encodedDataLength));
      await cdp.send('Network.enable');
      const started = performance.now();
      await page.goto(`${preview.origin}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => /共 \d+ 条结果|没有找到|无法使用|格式/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), undefined, {
        polling: 'raf',
        timeout: 30_000,
      });
      const ms = performance.now() - started;
      const status = (await page.locator('[data-search-status]').textContent()) ?? '';
      const shown = Number(/共 (\d+) 条结果/.exec(status)?.[1] ?? (status.includes('没有找到') ? 0 : -1));
      const top = await page.locator('.search-results h3 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const k = Math.min(10, expected.size);
      const precisionAt10 = k === 0 ? 1 : top.slice(0, k).filter((url) => expected.has(decodeURI(url))).length / k;
      await context.close();
      results.push({ query, kind, expected: expected.size, shown, exactSet, precisionAt10, ms, transferBytes });
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  return results;
}

/** The figures the bench reports. */
export function summarizeSearch(search: QueryResult[]) {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const withTen = search.filter((q) => q.expected >= 10);
  return {
    queries: search.length,
    countExact: search.filter((q) => q.shown === q.expected).length,
    setExact: search.filter((q) => q.exactSet).length,
    withTenOrMore: withTen.length,
    precisionAt10One: withTen.filter((q) => q.precisionAt10 === 1).length,
    minPrecisionAt10: Math.min(...search.map((q) => q.precisionAt10)),
    medianMs: median(search.map((q) => q.ms)),
    maxMs: Math.max(...search.map((q) => q.ms)),
    medianTransferBytes: median(search.map((q) => q.transferBytes)),
    maxTransferBytes: Math.max(...search.map((q) => q.transferBytes)),
    overBudgetTransfer: search.filter((q) => q.transferBytes > 300 * 1024).length,
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, content: { type: 'string' }, queries: { type: 'string', default: '200' }, json: { type: 'boolean', default: false } } });
  if (!values.dist || !values.content) throw new Error('usage: node scripts/bench/search-quality.ts --dist DIR --content DIR [--queries N] [--json]');
  const results = await measureSearchQuality(resolve(values.dist), resolve(values.content), Number(values.queries));
  if (values.json) console.log(JSON.stringify({ summary: summarizeSearch(results), perQuery: results }, null, 2));
  else {
    console.log('query\tkind\texpected\tshown\texactSet\tP@10\tms\tKB');
    for (const q of results) console.log([q.query, q.kind, q.expected, q.shown, q.exactSet, q.precisionAt10.toFixed(2), q.ms.toFixed(0), (q.transferBytes / 1024).toFixed(1)].join('\t'));
    console.log(summarizeSearch(results));
  }
}
