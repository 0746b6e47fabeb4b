export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Total number of pages (at least 1, so an empty listing still has its page). */
  count: number;
  items: T[];
  /** Number of items across all pages. */
  total: number;
}

/** How many pages a listing of `total` items has; an empty listing still has its one page. */
export function pageCount(total: number, pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Page `number` (1-based) of a listing. */
export function pageAt<T>(items: readonly T[], pageSize: number, number: number): Page<T> {
  const count = pageCount(items.length, pageSize);
  if (!Number.isInteger(number) || number < 1 || number > count) throw new RangeError(`page ${number} is outside 1–${count}`);
  return {
    number,
    count,
    items: items.slice((number - 1) * pageSize, number * pageSize),
    total: items.length,
  };
}

/** The 1-based numbers of every page of a listing. */
export function pageNumbers(total: number, pageSize: number): number[] {
  return Array.from({ length: pageCount(total, pageSize) }, (_, index) => index + 1);
}

/** Page numbers to show around the current one, with `undefined` marking a gap (…). */
export function pageWindow(current: number, count: number, radius = 2): (number | undefined)[] {
  const shown = new Set<number>([1, count]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | undefined)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) result.push(undefined);
    result.push(n);
  });
  return result;
}

/** Reports per page on column, year and agency listings. */
export const LISTING_PAGE_SIZE = 20;

/** Rows per page of a year of the 信息公开目录. */
export const CATALOGUE_PAGE_SIZE = 200;

/** The title of page n of a listing: "法治政府建设（第 2 页）". */
export function pagedTitle(title: string, page: number): string {
  return page > 1 ? `${title}（第 ${page} 页）` : title;
}
