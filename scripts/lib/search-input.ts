/** What the search index is built from: the portal's reports, newest first, with their filter values. */
import { allColumns, columnLineage } from '../../src/lib/columns.ts';
import type { PortalIndex } from '../../src/lib/portal-index.ts';
import { searchCategories, type SearchFilter } from '../../src/lib/search/filters.ts';
import type { SearchIndexInput } from './search-index.ts';

export function searchIndexInput(portal: PortalIndex, cacheDir: string, fingerprint: string): SearchIndexInput {
  const categories = searchCategories(portal.reports);
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
    reports: portal.reports.map((report) => {
      const agency = portal.agency(report.agencyId);
      return {
        id: report.id,
        title: report.title,
        agency: agency.name,
        published: report.published.slice(0, 10),
        fields: [report.title, report.indexNumber, report.docNumber ?? '', agency.name, agency.short ?? '', report.source, report.category ?? ''],
        digest: report.digest,
        sourcePath: report.sourcePath,
        filters: {
          agency: [report.agencyId],
          year: [String(report.year)],
          category: report.category ? [report.category] : [],
          column: columnLineage(portal.columns, portal.column(report.columnId)).map((column) => column.id),
        } satisfies Record<SearchFilter, string[]>,
      };
    }),
  };
}
