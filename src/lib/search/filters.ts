/** The filters the search page offers, and where the index lives. */

/** Filters offered on the search page, in the order they are shown. */
export const SEARCH_FILTERS = ['agency', 'year', 'category', 'column'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export const SEARCH_FILTER_LABELS: Record<SearchFilter, string> = {
  agency: '发布机构',
  year: '年度',
  category: '组配分类',
  column: '栏目',
};

/** The search index's folder in the built site. */
export const SEARCH_INDEX_URL = '/search-index/';
