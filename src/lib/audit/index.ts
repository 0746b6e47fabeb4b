/**
 * npm run audit's answer, from the content alone: annual reports on time,
 * columns kept alive, metadata complete. "Overdue" — what makes the command
 * fail — is what can still be put right: an annual report missing after its
 * deadline, an empty column, a column not updated within its limit.
 */
import type { AuditSettings } from '../content/audit-schema.ts';
import type { Report } from '../model.ts';
import type { PortalIndex } from '../portal-index.ts';
import { auditAnnualReports, type AnnualReportAudit } from './annual-reports.ts';
import { auditColumns, type ColumnCheck } from './column-freshness.ts';
import { auditMetadata, type MetadataFinding } from './metadata.ts';

export interface AuditSummary {
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  emptyColumns: number;
  staleColumns: number;
  metadata: number;
  /** missing + emptyColumns + staleColumns */
  overdue: number;
}

export interface AuditResult {
  site: { name: string; url: string };
  /** The day the audit is for, `YYYY-MM-DD` in Beijing. */
  today: string;
  annualReports: AnnualReportAudit;
  columns: ColumnCheck[];
  metadata: MetadataFinding[];
  summary: AuditSummary;
}

export function auditPortal(portal: PortalIndex, settings: AuditSettings, today: string, bodyOf: (report: Report) => string): AuditResult {
  const annualReports = auditAnnualReports(portal, settings, today);
  const columns = auditColumns(portal, settings, today);
  const metadata = auditMetadata(portal, settings, bodyOf);
  const count = <T>(list: readonly T[], test: (item: T) => boolean) => list.filter(test).length;
  const missing = count(annualReports.checks, (check) => check.status === 'missing');
  const emptyColumns = count(columns, (check) => check.status === 'empty');
  const staleColumns = count(columns, (check) => check.status === 'stale');
  return {
    site: { name: portal.site.name, url: portal.site.url },
    today,
    annualReports,
    columns,
    metadata,
    summary: {
      onTime: count(annualReports.checks, (check) => check.status === 'on-time'),
      late: count(annualReports.checks, (check) => check.status === 'late'),
      missing,
      pending: count(annualReports.checks, (check) => check.status === 'pending'),
      emptyColumns,
      staleColumns,
      metadata: metadata.length,
      overdue: missing + emptyColumns + staleColumns,
    },
  };
}
