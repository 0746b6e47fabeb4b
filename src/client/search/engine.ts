/**
 * Search in the browser. The index (src/lib/search/) gives exactly the
 * documents containing every phrase of the query, in one order computed once
 * per query and reused by every page; only the documents of the page shown
 * are read, to cut their excerpts.
 */
import { excerptOf, occurrences, type Excerpt, type Range } from '../../lib/search/excerpt.ts';
import type { SearchFilter } from '../../lib/search/filters.ts';
import { SEARCH_INDEX_URL } from '../../lib/search/filters.ts';
import { SearchIndexReader, type SortOrder } from '../../lib/search/query.ts';
import { queryPhrases } from '../../lib/search/tokens.ts';
import { reportUrl } from '../../lib/urls.ts';

export type { SortOrder };

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
  titleMarks: Range[];
  agency: string;
  /** 发布日期, YYYY-MM-DD. */
  published: string;
  excerpt: Excerpt;
}

export interface SearchOutcome {
  /** Exactly how many reports contain every phrase and match the filters. */
  total: number;
  hits: SearchHit[];
  pageCount: number;
  /** The page shown: the one asked for, or the last one when it asked beyond. */
  page: number;
}

export const RESULTS_PER_PAGE = 10;

let reader: Promise<SearchIndexReader> | undefined;

async function fetchOk(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(SEARCH_INDEX_URL + path, init);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

/** The index, opened once; a failed opening is forgotten, so the next search tries again. */
function openIndex(): Promise<SearchIndexReader> {
  if (!reader) {
    const opening = SearchIndexReader.open({
      // Asked of the server each time, never taken from the browser's cache alone: after a deploy a cached manifest names files that are gone.
      json: async (path) => (await fetchOk(path, { cache: 'no-cache' })).json(),
      bytes: async (path) => new Uint8Array(await (await fetchOk(path)).arrayBuffer()),
    });
    opening.catch(() => {
      if (reader === opening) reader = undefined;
    });
    reader = opening;
  }
  return reader;
}

/** Starts loading the index before the reader has finished typing. */
export function preloadSearch(): void {
  void openIndex().catch(() => undefined);
}

/** One ordering per query (phrases, filters, sort), computed once and reused by every page. */
const orderings = new Map<string, Promise<number[]>>();

function ordering(index: SearchIndexReader, keys: string[], filters: Record<string, string>, sort: SortOrder): Promise<number[]> {
  const cacheKey = JSON.stringify([keys, Object.entries(filters).sort(), sort]);
  let docs = orderings.get(cacheKey);
  if (!docs) {
    docs = index.search(keys, filters, sort);
    docs.catch(() => orderings.delete(cacheKey));
    orderings.set(cacheKey, docs);
  }
  return docs;
}

async function toHit(index: SearchIndexReader, doc: number, keys: string[]): Promise<SearchHit> {
  const { id, title, agency, published, text } = await index.document(doc);
  return { url: reportUrl(id), title, titleMarks: occurrences(title, keys), agency, published, excerpt: excerptOf(text, keys) };
}

export async function search(request: SearchRequest): Promise<SearchOutcome> {
  const keys = queryPhrases(request.query).map((phrase) => phrase.key);
  if (keys.length === 0) return { total: 0, hits: [], pageCount: 0, page: 1 };
  const opened = openIndex();
  try {
    return await searchIn(await opened, request, keys);
  } catch (error) {
    // The site may have been deployed since the index was opened, removing the files it names: opened again, once.
    const stale = await opened.catch(() => undefined);
    if (!stale) throw error;
    reader = undefined;
    orderings.clear();
    const fresh = await openIndex();
    if (fresh.manifest.base === stale.manifest.base) throw error;
    return searchIn(fresh, request, keys);
  }
}

async function searchIn(index: SearchIndexReader, request: SearchRequest, keys: string[]): Promise<SearchOutcome> {
  const filters = Object.fromEntries(Object.entries(request.filters).filter(([, value]) => value)) as Record<string, string>;
  const docs = await ordering(index, keys, filters, request.sort);
  const pageCount = Math.ceil(docs.length / RESULTS_PER_PAGE);
  const page = Math.min(Math.max(1, request.page), Math.max(1, pageCount));
  const pageDocs = docs.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  return { total: docs.length, hits: await Promise.all(pageDocs.map((doc) => toHit(index, doc, keys))), pageCount, page };
}
