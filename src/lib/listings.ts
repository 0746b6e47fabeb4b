/**
 * Orderings and groupings behind the listings: newest first everywhere,
 * reports by column (with descendants), by year and by agency, and the
 * previous/next neighbours in a column.
 */
import { columnAndDescendants, getColumn, type ColumnTree } from './columns.ts';
import type { Agency, Report } from './model.ts';

/** Newest 发布日期 first; ties by 发文日期, then 索引号, then file, so the order is stable. */
export function compareNewestFirst(a: Report, b: Report): number {
  return (
    b.published.localeCompare(a.published) ||
    b.date.localeCompare(a.date) ||
    b.indexNumber.localeCompare(a.indexNumber) ||
    a.id.localeCompare(b.id)
  );
}

/** Reports filed under the column or any column below it. `reports` must already be sorted. */
export function reportsInColumn(tree: ColumnTree, columnId: string, reports: readonly Report[]): Report[] {
  const ids = new Set(columnAndDescendants(tree, getColumn(tree, columnId)).map((column) => column.id));
  return reports.filter((report) => ids.has(report.columnId));
}

export interface Group<K, T> {
  key: K;
  items: T[];
}

/** Groups keep the order of first appearance of their key and of their items. */
export function groupBy<K, T>(items: readonly T[], keyOf: (item: T) => K): Group<K, T>[] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item));
    if (list) list.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return [...groups].map(([key, list]) => ({ key, items: list }));
}

/** 年度 groups, newest year first. */
export function groupByYear(reports: readonly Report[]): Group<number, Report>[] {
  return groupBy(reports, (report) => report.year).sort((a, b) => b.key - a.key);
}

/** One group per registered agency, in registry order, including agencies with no reports. */
export function groupByAgency(agencies: readonly Agency[], reports: readonly Report[]): Group<Agency, Report>[] {
  const byId = new Map(groupBy(reports, (report) => report.agencyId).map((group) => [group.key, group.items]));
  return agencies.map((agency) => ({ key: agency, items: byId.get(agency.id) ?? [] }));
}

export interface Neighbours {
  /** The next newer report in the same column. */
  newer: Report | undefined;
  /** The next older report in the same column. */
  older: Report | undefined;
}

/** Newer and older neighbours of every report within its own column. `reports` must be sorted. */
export function columnNeighbours(reports: readonly Report[]): Map<string, Neighbours> {
  const result = new Map<string, Neighbours>();
  for (const group of groupBy(reports, (report) => report.columnId)) {
    group.items.forEach((report, index) => {
      result.set(report.id, { newer: group.items[index - 1], older: group.items[index + 1] });
    });
  }
  return result;
}
