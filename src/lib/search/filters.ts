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

/** The 组配分类 the reports use, in Chinese collation order: the category filter's values, for the index and the page alike. */
export function searchCategories(reports: readonly { category?: string | undefined }[]): string[] {
  return [...new Set(reports.map((report) => report.category).filter((category): category is string => Boolean(category)))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
