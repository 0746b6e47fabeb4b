/**
 * Columns kept alive: a column with no report is empty; a column with a
 * freshness limit (its own `maxAge`, or its type's default) whose newest
 * report is older than the limit is stale. Both fail an inspection.
 */
import { COLUMN_TYPES, formatPeriod, parsePeriod, type AuditSettings, type ColumnRule, type Period } from '../content/audit-schema.ts';
import { allColumns, columnLineage, columnUrl, type Column } from '../columns.ts';
import type { PortalIndex } from '../portal-index.ts';
import { addPeriod, daysBetween } from './calendar.ts';
import { auditedReport, type AuditedReport } from './reports.ts';

export type ColumnStatus = 'empty' | 'stale' | 'fresh';

export interface ColumnCheck {
  columnId: string;
  /** 政务公开 > 工作动态 */
  path: string;
  /** The column's page, absolute. */
  url: string;
  status: ColumnStatus;
  /** The newest report in the column or below it. */
  newest: AuditedReport | undefined;
  /** The limit, e.g. `2周`, and where it comes from. */
  maxAge: string | undefined;
  maxAgeFrom: string | undefined;
  /** The day the column has to be updated by: newest 发布日期 + limit. */
  due: string | undefined;
  /** stale: days since `due`; fresh: days left. */
  days: number | undefined;
}

/** The column's limit and where it comes from, or undefined when it has none. */
function limitOf(rule: ColumnRule | undefined): { period: Period; from: string } | undefined {
  if (rule?.maxAge) return { period: rule.maxAge, from: 'site.yaml 设定' };
  if (rule?.type) return { period: parsePeriod(COLUMN_TYPES[rule.type])!, from: `${rule.type}类栏目默认` };
  return undefined;
}

export function columnPath(portal: PortalIndex, column: Column): string {
  return columnLineage(portal.columns, column)
    .map((c) => c.title)
    .join(' > ');
}

/** Every column that is empty or has a limit, in the order of the column tree. */
export function auditColumns(portal: PortalIndex, settings: AuditSettings, today: string): ColumnCheck[] {
  const checks: ColumnCheck[] = [];
  for (const column of allColumns(portal.columns)) {
    const reports = portal.reportsUnder.get(column.id) ?? [];
    const limit = limitOf(settings.columns[column.id]);
    if (reports.length > 0 && !limit) continue;
    // reportsUnder is newest first.
    const newest = reports[0];
    const due = newest && limit ? addPeriod(newest.published.slice(0, 10), limit.period) : undefined;
    const days = due === undefined ? undefined : daysBetween(due, today);
    checks.push({
      columnId: column.id,
      path: columnPath(portal, column),
      url: `${portal.site.url}${columnUrl(column)}`,
      status: !newest ? 'empty' : days! > 0 ? 'stale' : 'fresh',
      newest: newest && auditedReport(portal, newest),
      maxAge: limit && formatPeriod(limit.period),
      maxAgeFrom: limit?.from,
      due,
      days: days === undefined ? undefined : Math.abs(days),
    });
  }
  return checks;
}
