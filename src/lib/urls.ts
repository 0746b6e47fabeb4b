/**
 * Every URL the portal publishes. They are cited by other documents and
 * sites, so they never change shape: see the README's URL table.
 */

/** `content/reports/2021/foo.md` has the id `2021/foo` and lives at `/reports/2021/foo/`. */
export function reportUrl(reportId: string): string {
  return `/reports/${reportId.split('/').map(encodeURIComponent).join('/')}/`;
}

/** Page 1 of a listing is the listing's own URL; page n is `<base>n/`. */
export function pagedUrl(baseUrl: string, page: number): string {
  return page <= 1 ? baseUrl : `${baseUrl}${page}/`;
}

export const yearsIndexUrl = '/years/';
export const agenciesIndexUrl = '/agencies/';
export const catalogueUrl = '/catalogue/';
export const searchUrl = '/search/';
export const accessibilityUrl = '/accessibility/';
export const htmlSitemapUrl = '/sitemap/';
export const openDataPageUrl = '/open-data/';

export function yearUrl(year: number): string {
  return `${yearsIndexUrl}${year}/`;
}

export function agencyUrl(agencyId: string): string {
  return `${agenciesIndexUrl}${encodeURIComponent(agencyId)}/`;
}

export function catalogueYearUrl(year: number): string {
  return `${catalogueUrl}${year}/`;
}

/** Attachments keep their path under `content/attachments/`. */
export function attachmentUrl(file: string): string {
  return `/attachments/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * First URL segments the portal itself uses. A top-level column with one of
 * these ids would collide with a built-in page.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'reports',
  'years',
  'agencies',
  'catalogue',
  'search',
  'accessibility',
  'sitemap',
  'attachments',
  'search-index',
  'open-data',
  '_astro',
  '404',
]);
