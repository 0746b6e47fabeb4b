/**
 * What the search index holds for each report: the terms of its title and
 * body (see tokens.ts), what a result shows, and what it can be filtered and
 * sorted by. Shared by the index build and the search page.
 */
import { indexStream } from './tokens.ts';

/**
 * The language the index is filed under. Any code Pagefind has no stemmer or
 * word segmenter for will do; the terms are already cut.
 */
export const SEARCH_INDEX_LANGUAGE = 'und';

/**
 * An internal filter naming each record's shard. Shards hold consecutive
 * ranges of 发布日期 and their names sort in that order, so the search page can
 * list results newest first across shards.
 */
export const SHARD_FILTER = 'shard';

/** Filters offered on the search page, in the order they are shown. */
export const SEARCH_FILTERS = ['agency', 'year', 'category', 'column'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export const SEARCH_FILTER_LABELS: Record<SearchFilter, string> = {
  agency: '发布机构',
  year: '年度',
  category: '组配分类',
  column: '栏目',
};

export interface SearchRecordInput {
  /** The shard the record is indexed in (see SHARD_FILTER). */
  shard: string;
  url: string;
  title: string;
  /** The body as readers see it. */
  text: string;
  agencyName: string;
  agencyId: string;
  /** 发文日期, YYYY-MM-DD */
  date: string;
  /** 发布日期, YYYY-MM-DD HH:mm */
  published: string;
  year: number;
  category: string | undefined;
  /** Ids from the root column to the report's own, so a parent column's filter includes its children. */
  columnLineage: string[];
}

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export function searchRecord(input: SearchRecordInput): SearchRecord {
  const filters: Record<SearchFilter, string[]> = {
    agency: [input.agencyId],
    year: [String(input.year)],
    category: input.category ? [input.category] : [],
    column: input.columnLineage,
  };
  return {
    url: input.url,
    content: indexStream(`${input.title}\n${input.text}`),
    language: SEARCH_INDEX_LANGUAGE,
    meta: { title: input.title, agency: input.agencyName, date: input.date },
    filters: { ...Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0)), [SHARD_FILTER]: [input.shard] },
    sort: { published: input.published },
  };
}

/** `/pagefind/shards.json`: where the search page finds the index shards. */
export interface ShardManifest {
  version: 1;
  language: string;
  /** Newest first; names sort in date order. */
  shards: { name: string; path: string; pages: number }[];
}

export const SHARD_MANIFEST_PATH = '/pagefind/shards.json';
