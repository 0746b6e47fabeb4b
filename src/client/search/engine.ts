/**
 * Search in the browser: the index shards merged into one Pagefind search,
 * queries cut into the same terms as the documents (src/lib/search/tokens.ts),
 * and only documents that contain the query itself kept.
 */
import { readableExcerpt, type Excerpt } from '../../lib/search/excerpt.ts';
import { SHARD_FILTER, SHARD_MANIFEST_PATH, type SearchFilter, type ShardManifest } from '../../lib/search/records.ts';
import { keywordTerms, positionsMatch, queryKeywords } from '../../lib/search/tokens.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
}

interface PagefindResult {
  id: string;
  score: number;
  /** Token positions at which the page matched the query's terms. */
  words: number[];
  data(): Promise<PagefindResultData>;
}

interface PagefindResponse {
  results: PagefindResult[];
}

interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

export type SortOrder = 'relevance' | 'newest';

export interface SearchRequest {
  query: string;
  filters: Partial<Record<SearchFilter, string>>;
  sort: SortOrder;
  /** 1-based. */
  page: number;
}

export interface SearchHit {
  url: string;
  title: string;
  agency: string;
  date: string;
  excerpt: Excerpt;
}

export interface SearchOutcome {
  total: number;
  hits: SearchHit[];
  pageCount: number;
}

export const RESULTS_PER_PAGE = 10;
const EXCERPT_LENGTH = 60;

interface Engine {
  pagefind: PagefindInstance;
  /** Shard names, newest first. */
  shards: string[];
}

let engine: Promise<Engine | undefined> | undefined;

/**
 * Pagefind decides how to cut the query from <html lang>: for zh it would
 * re-segment our terms with Intl.Segmenter. The instance is created (which
 * reads the attribute, synchronously) while <html lang> names the index's own
 * language, and the attribute is restored at once.
 */
function createWithIndexLanguage(module: PagefindModule, language: string, options: Record<string, unknown>): PagefindInstance {
  const root = document.documentElement;
  const pageLanguage = root.lang;
  root.lang = language;
  try {
    return module.createInstance(options);
  } finally {
    root.lang = pageLanguage;
  }
}

function loadEngine(): Promise<Engine | undefined> {
  engine ??= (async () => {
    const manifest = (await (await fetch(SHARD_MANIFEST_PATH)).json()) as ShardManifest;
    const [primary, ...others] = manifest.shards;
    if (!primary) return undefined;
    const module = (await import(/* @vite-ignore */ `${primary.path}pagefind.js`)) as PagefindModule;
    const pagefind = createWithIndexLanguage(module, manifest.language, { basePath: primary.path, excerptLength: EXCERPT_LENGTH });
    await pagefind.init();
    await Promise.all(others.map((shard) => pagefind.mergeIndex(shard.path, { language: manifest.language })));
    return { pagefind, shards: manifest.shards.map((shard) => shard.name) };
  })();
  return engine;
}

/** Starts loading the index before the reader has finished typing. */
export function preloadSearch(): void {
  void loadEngine().catch(() => undefined);
}

/**
 * The results containing one keyword. Pagefind returns every document with
 * the keyword's terms anywhere; the token positions it reports for each keep
 * those where the terms stand in the keyword's order (see tokens.ts).
 *
 * Pagefind sorts by date within each shard but interleaves shards when it
 * merges them; shards hold consecutive date ranges, so for newest-first each
 * shard is searched on its own (the internal shard filter) and the results
 * are joined in shard order.
 */
async function keywordResults({ pagefind, shards }: Engine, keyword: string, filters: Record<string, string>, sort: SortOrder): Promise<PagefindResult[]> {
  const term = keywordTerms(keyword).join(' ');
  const responses =
    sort === 'newest'
      ? await Promise.all(shards.map((shard) => pagefind.search(term, { filters: { ...filters, [SHARD_FILTER]: shard }, sort: { published: 'desc' } })))
      : [await pagefind.search(term, { filters })];
  return responses.flatMap((response) => response.results).filter((result) => positionsMatch(result.words, keyword));
}

async function toHit(result: PagefindResult, terms: string[]): Promise<SearchHit> {
  const data = await result.data();
  return {
    url: data.url,
    title: data.meta['title'] ?? data.url,
    agency: data.meta['agency'] ?? '',
    date: data.meta['date'] ?? '',
    excerpt: readableExcerpt(data.excerpt, terms),
  };
}

export async function search(request: SearchRequest): Promise<SearchOutcome> {
  const keywords = queryKeywords(request.query);
  const loaded = await loadEngine();
  if (!loaded || keywords.length === 0) return { total: 0, hits: [], pageCount: 0 };
  const filters = Object.fromEntries(Object.entries(request.filters).filter(([, value]) => value)) as Record<string, string>;

  // A document must contain every keyword; results keep the first keyword's order.
  const [first, ...rest] = await Promise.all(keywords.map((keyword) => keywordResults(loaded, keyword, filters, request.sort)));
  const others = rest.map((results) => new Set(results.map((result) => result.id)));
  const results = first!.filter((result) => others.every((ids) => ids.has(result.id)));

  const pageCount = Math.ceil(results.length / RESULTS_PER_PAGE);
  const page = Math.min(Math.max(1, request.page), Math.max(1, pageCount));
  const pageResults = results.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  const terms = keywords.flatMap(keywordTerms);
  return { total: results.length, hits: await Promise.all(pageResults.map((result) => toHit(result, terms))), pageCount };
}
