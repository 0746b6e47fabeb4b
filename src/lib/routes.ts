/**
 * Every paginated listing the site generates, in one place: the page routes
 * build their paths from these, and the build's progress display counts them.
 */
import { listingPageKey } from './cache-keys.ts';
import { allColumns, columnUrl } from './columns.ts';
import { CATALOGUE_PAGE_SIZE, LISTING_PAGE_SIZE, pageAt, pageNumbers, type Page } from './paginate.ts';
import type { Report } from './model.ts';
import { openDataUrls } from './open-data/files.ts';
import type { PortalIndex } from './portal-index.ts';
import { accessibilityUrl, agenciesIndexUrl, agencyUrl, catalogueUrl, catalogueYearUrl, htmlSitemapUrl, openDataPageUrl, pagedUrl, reportUrl, searchUrl, yearsIndexUrl, yearUrl } from './urls.ts';

export interface ListingPage<K> {
  key: K;
  pageNumber: number;
}

function pagesOf<K>(groups: { key: K; size: number }[], pageSize: number): ListingPage<K>[] {
  return groups.flatMap(({ key, size }) => pageNumbers(size, pageSize).map((pageNumber) => ({ key, pageNumber })));
}

/** Column listings, keyed by column id. */
export function columnListingPages(portal: PortalIndex): ListingPage<string>[] {
  return pagesOf(
    allColumns(portal.columns).map((column) => ({ key: column.id, size: portal.reportsUnder.get(column.id)!.length })),
    LISTING_PAGE_SIZE,
  );
}

/** 年度 listings, keyed by year. */
export function yearListingPages(portal: PortalIndex): ListingPage<number>[] {
  return pagesOf(portal.years.map((group) => ({ key: group.key, size: group.items.length })), LISTING_PAGE_SIZE);
}

/** 发布机构 listings, keyed by agency id. */
export function agencyListingPages(portal: PortalIndex): ListingPage<string>[] {
  return pagesOf(portal.byAgency.map((group) => ({ key: group.key.id, size: group.items.length })), LISTING_PAGE_SIZE);
}

/** 信息公开目录 pages per year, keyed by year. */
export function catalogueYearPages(portal: PortalIndex): ListingPage<number>[] {
  return pagesOf(portal.years.map((group) => ({ key: group.key, size: group.items.length })), CATALOGUE_PAGE_SIZE);
}

/** Page `pageNumber` of the reports of `year`, `pageSize` to a page: what a 年度 listing page and a catalogue year page show. */
export function yearPage(portal: PortalIndex, year: number, pageSize: number, pageNumber: number): Page<Report> {
  return pageAt(portal.years.find((group) => group.key === year)!.items, pageSize, pageNumber);
}

/** `getStaticPaths` of the pages of one year (`/<…>/[year]/[...page]`), each keyed by the reports it lists. */
export function yearPagePaths(portal: PortalIndex, pages: ListingPage<number>[], pageSize: number) {
  return pages.map(({ key: year, pageNumber }) => {
    const page = yearPage(portal, year, pageSize, pageNumber);
    return {
      params: { year: String(year), page: pageNumber > 1 ? String(pageNumber) : undefined },
      props: { year, pageNumber },
      cacheKey: listingPageKey(portal, page),
    };
  });
}

/** The URL of every page and feed the site publishes (decoded, as links resolve to). */
export function sitePaths(portal: PortalIndex): Set<string> {
  const paths = new Set<string>(['/', '/404.html', '/rss.xml', yearsIndexUrl, agenciesIndexUrl, catalogueUrl, searchUrl, accessibilityUrl, htmlSitemapUrl, openDataPageUrl, ...openDataUrls(portal)]);
  for (const report of portal.reports) paths.add(decodeURI(reportUrl(report.id)));
  for (const { key, pageNumber } of columnListingPages(portal)) paths.add(pagedUrl(columnUrl(portal.column(key)), pageNumber));
  for (const { key, pageNumber } of yearListingPages(portal)) paths.add(pagedUrl(yearUrl(key), pageNumber));
  for (const { key, pageNumber } of agencyListingPages(portal)) paths.add(pagedUrl(agencyUrl(key), pageNumber));
  for (const { key, pageNumber } of catalogueYearPages(portal)) paths.add(pagedUrl(catalogueYearUrl(key), pageNumber));
  return paths;
}
