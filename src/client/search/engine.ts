/**
 * Search in the browser. The index (src/lib/search/) finds every document
 * that has all of the query's terms; the best-ranked ones are then read (their
 * text, from the index) to put documents containing the query itself first,
 * and to cut an excerpt around the match.
 */
import { containsKeywords, excerptOf, type Excerpt } from '../../lib/search/excerpt.ts';
import type { SearchFilter } from '../../lib/search/filters.ts';
import { SEARCH_INDEX_URL } from '../../lib/search/filters.ts';
import { SearchIndexReader, type SortOrder } from '../../lib/search/query.ts';
import { queryKeywords, type KeywordTerms } from '../../lib/search/tokens.ts';
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
  agency: string;
  date: string;
  excerpt: Excerpt;
  /** The document contains every keyword itself, not only their terms. */
  exact: boolean;
}

export interface SearchOutcome {
  total: number;
  hits: SearchHit[];
  pageCount: number;
}

export const RESULTS_PER_PAGE = 10;
/**
 * How much of the index one search may read, in compressed bytes, to put
 * exact matches first: after the first page of documents, more are read only
 * while the estimate stays within it. With the page itself this keeps a
 * first query under 300 KB (see docs/performance.md).
 */
const READ_BUDGET = 240 * 1024;
/** And never more documents than this. */
const EXACT_CHECK_LIMIT = 40;

let reader: Promise<SearchIndexReader> | undefined;

function openIndex(): Promise<SearchIndexReader> {
  reader ??= SearchIndexReader.open({
    json: async (path) => {
      const response = await fetch(SEARCH_INDEX_URL + path);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.json();
    },
    bytes: async (path) => {
      const response = await fetch(SEARCH_INDEX_URL + path);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  });
  return reader;
}

/** Starts loading the index before the reader has finished typing. */
export function preloadSearch(): void {
  void openIndex().catch(() => undefined);
}

async function toHit(index: SearchIndexReader, doc: number, keywords: KeywordTerms[]): Promise<SearchHit> {
  const { id, title, agency, date, text } = await index.document(doc);
  return { url: reportUrl(id), title, agency, date, excerpt: excerptOf(text, keywords), exact: containsKeywords(`${title}\n${text}`, keywords) };
}

export async function search(request: SearchRequest): Promise<SearchOutcome> {
  const keywords = queryKeywords(request.query);
  if (keywords.length === 0) return { total: 0, hits: [], pageCount: 0 };
  const index = await openIndex();
  const readBefore = index.bytesRead;
  const filters = Object.fromEntries(Object.entries(request.filters).filter(([, value]) => value)) as Record<string, string>;
  const docs = await index.candidates(keywords, filters, request.sort);
  const pageCount = Math.ceil(docs.length / RESULTS_PER_PAGE);
  const page = Math.min(Math.max(1, request.page), Math.max(1, pageCount));
  const start = (page - 1) * RESULTS_PER_PAGE;

  let ordered = docs;
  const read = new Map<number, SearchHit>();
  if (request.sort === 'relevance') {
    // Read the best-ranked documents, a page at a time, until this page can be
    // filled with ones containing the query itself; those go first.
    let checked = 0;
    let exact = 0;
    const documentsFrom = index.bytesRead;
    while (checked < docs.length && checked < EXACT_CHECK_LIMIT && exact < start + RESULTS_PER_PAGE) {
      const batch = docs.slice(checked, checked + RESULTS_PER_PAGE);
      const estimate = checked === 0 ? 0 : ((index.bytesRead - documentsFrom) / checked) * batch.length;
      if (index.bytesRead - readBefore + estimate > READ_BUDGET) break;
      const hits = await Promise.all(batch.map((doc) => toHit(index, doc, keywords)));
      batch.forEach((doc, i) => read.set(doc, hits[i]!));
      exact += hits.filter((hit) => hit.exact).length;
      checked += batch.length;
    }
    const head = docs.slice(0, checked);
    ordered = [...head.filter((doc) => read.get(doc)!.exact), ...head.filter((doc) => !read.get(doc)!.exact), ...docs.slice(checked)];
  }
  const pageDocs = ordered.slice(start, start + RESULTS_PER_PAGE);
  const unread = pageDocs.filter((doc) => !read.has(doc));
  const fresh = await Promise.all(unread.map((doc) => toHit(index, doc, keywords)));
  unread.forEach((doc, i) => read.set(doc, fresh[i]!));
  return { total: docs.length, hits: pageDocs.map((doc) => read.get(doc)!), pageCount };
}
