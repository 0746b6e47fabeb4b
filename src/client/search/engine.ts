/**
 * Search in the browser. The index (src/lib/search/) finds every document
 * that has all of the query's terms; the best-ranked ones are then read — the
 * report page itself — to put documents containing the query itself first,
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
/** At most this many of the best-ranked documents are read to put exact matches first. */
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

const pages = new Map<string, Promise<Omit<SearchHit, 'excerpt' | 'exact'> & { text: string }>>();

/** A report's title, agency, date and text, read from its own page. */
function readReport(id: string) {
  const url = reportUrl(id);
  let pending = pages.get(url);
  if (!pending) {
    pending = (async () => {
      const html = await (await fetch(url)).text();
      const page = new DOMParser().parseFromString(html, 'text/html');
      const field = (label: string) =>
        [...page.querySelectorAll('.meta-table > div')].find((row) => row.querySelector('dt')?.textContent?.trim() === label)?.querySelector('dd')?.textContent?.trim() ?? '';
      const title = page.querySelector('h1')?.textContent?.trim() ?? url;
      const body = [...page.querySelectorAll('.report-body > *')].map((block) => block.textContent?.trim() ?? '').join('\n');
      return { url, title, agency: field('发布机构'), date: field('发文日期'), text: `${title}\n${body}` };
    })();
    pages.set(url, pending);
  }
  return pending;
}

async function toHit(id: string, keywords: KeywordTerms[]): Promise<SearchHit> {
  const { text, ...report } = await readReport(id);
  return { ...report, excerpt: excerptOf(text.slice(report.title.length + 1), keywords), exact: containsKeywords(text, keywords) };
}

export async function search(request: SearchRequest): Promise<SearchOutcome> {
  const keywords = queryKeywords(request.query);
  if (keywords.length === 0) return { total: 0, hits: [], pageCount: 0 };
  const index = await openIndex();
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
    while (checked < docs.length && checked < EXACT_CHECK_LIMIT && exact < start + RESULTS_PER_PAGE) {
      const batch = docs.slice(checked, checked + RESULTS_PER_PAGE);
      const ids = await index.reportIds(batch);
      const hits = await Promise.all(ids.map((id) => toHit(id, keywords)));
      batch.forEach((doc, i) => read.set(doc, hits[i]!));
      exact += hits.filter((hit) => hit.exact).length;
      checked += batch.length;
    }
    const head = docs.slice(0, checked);
    ordered = [...head.filter((doc) => read.get(doc)!.exact), ...head.filter((doc) => !read.get(doc)!.exact), ...docs.slice(checked)];
  }
  const pageDocs = ordered.slice(start, start + RESULTS_PER_PAGE);
  const unread = pageDocs.filter((doc) => !read.has(doc));
  const unreadIds = await index.reportIds(unread);
  const fresh = await Promise.all(unreadIds.map((id) => toHit(id, keywords)));
  unread.forEach((doc, i) => read.set(doc, fresh[i]!));
  return { total: docs.length, hits: pageDocs.map((doc) => read.get(doc)!), pageCount };
}
