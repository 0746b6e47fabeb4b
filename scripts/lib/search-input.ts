/** What the search index is built from: the portal's reports, newest first, with their filter values. */
import { allColumns, columnLineage } from '../../src/lib/columns.ts';
import type { PortalIndex } from '../../src/lib/portal-index.ts';
import type { SearchFilter } from '../../src/lib/search/filters.ts';
import type { SearchIndexInput } from './search-index.ts';

export function searchIndexInput(portal: PortalIndex, cacheDir: string, fingerprint: string): SearchIndexInput {
  const categories = [...new Set(portal.reports.map((report) => report.category).filter((c): c is string => Boolean(c)))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const filterValues: Record<SearchFilter, string[]> = {
    agency: portal.agencies.map((agency) => agency.id),
    year: portal.years.map((group) => String(group.key)),
    category: categories,
    column: allColumns(portal.columns).map((column) => column.id),
  };
  return {
    fingerprint,
    cacheDir,
    filterValues,
    reports: portal.reports.map((report) => ({
      id: report.id,
      title: report.title,
      agency: portal.agency(report.agencyId).name,
      date: report.date,
      digest: report.digest,
      sourcePath: report.sourcePath,
      filters: {
        agency: [report.agencyId],
        year: [String(report.year)],
        category: report.category ? [report.category] : [],
        column: columnLineage(portal.columns, portal.column(report.columnId)).map((column) => column.id),
      } satisfies Record<SearchFilter, string[]>,
    })),
  };
}
