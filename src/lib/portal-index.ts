/**
 * Look-ups every page needs, computed once per build from the validated
 * portal: the column tree, reports by id and index number, listings per
 * column, year and agency, and each report's neighbours.
 */
import { allColumns, buildColumnTree, getColumn, type Column, type ColumnTree } from './columns.ts';
import { columnNeighbours, groupByAgency, groupByYear, reportsInColumn, type Group, type Neighbours } from './listings.ts';
import type { Agency, Portal, Report, Site } from './model.ts';

export interface PortalIndex {
  site: Site;
  agencies: Agency[];
  /** Newest first. */
  reports: Report[];
  columns: ColumnTree;
  column(id: string): Column;
  agency(id: string): Agency;
  reportById: Map<string, Report>;
  reportByIndexNumber: Map<string, Report>;
  /** Reports of a column and its descendants, newest first. */
  reportsUnder: Map<string, Report[]>;
  /** Newest year first. */
  years: Group<number, Report>[];
  /** Registry order, every agency (possibly with no reports). */
  byAgency: Group<Agency, Report>[];
  neighbours: Map<string, Neighbours>;
}

export function indexPortal(portal: Portal): PortalIndex {
  const columns = buildColumnTree(portal.site.columns);
  const agencyById = new Map(portal.agencies.map((agency) => [agency.id, agency]));
  const reportsUnder = new Map(allColumns(columns).map((column) => [column.id, reportsInColumn(columns, column.id, portal.reports)]));
  return {
    site: portal.site,
    agencies: portal.agencies,
    reports: portal.reports,
    columns,
    column: (id) => getColumn(columns, id),
    agency: (id) => {
      const agency = agencyById.get(id);
      if (!agency) throw new RangeError(`未知发布机构：${id}`);
      return agency;
    },
    reportById: new Map(portal.reports.map((report) => [report.id, report])),
    reportByIndexNumber: new Map(portal.reports.map((report) => [report.indexNumber, report])),
    reportsUnder,
    years: groupByYear(portal.reports),
    byAgency: groupByAgency(portal.agencies, portal.reports),
    neighbours: columnNeighbours(portal.reports),
  };
}

/** The reports a report lists as 相关稿件 (all known to exist: the content check made sure). */
export function relatedReports(portal: PortalIndex, report: Report): Report[] {
  return report.related.map((indexNumber) => portal.reportByIndexNumber.get(indexNumber)!);
}
