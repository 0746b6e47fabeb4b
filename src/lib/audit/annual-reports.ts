/**
 * Annual reports on time: for every kind of annual report that applies, every
 * agency that must file it and every year that is due, the report that
 * fulfils it — on time, late, or missing — or that it is not due yet.
 */
import type { AnnualReportRule, AuditSettings } from '../content/audit-schema.ts';
import { columnLineage } from '../columns.ts';
import type { Agency, Report } from '../model.ts';
import type { PortalIndex } from '../portal-index.ts';
import { daysBetween } from './calendar.ts';
import { auditedReport, type AuditedReport } from './reports.ts';

export type AnnualReportStatus = 'on-time' | 'late' | 'missing' | 'pending';

export interface AnnualReportCheck {
  rule: string;
  agencyId: string;
  agency: string;
  /** The 年度 the report covers. */
  year: number;
  /** The last day to publish it, `YYYY-MM-DD` (Beijing). */
  due: string;
  status: AnnualReportStatus;
  /** late: days between the deadline and publication; missing: days since the deadline; pending: days left; on-time: 0. */
  days: number;
  report?: AuditedReport;
}

export interface AnnualReportRuleSummary {
  name: string;
  basis: string | undefined;
  /** `MM-DD` of the year after the report's year. */
  deadline: string;
  /** Names of the agencies that must file, registry order. */
  filers: string[];
  /** The years checked, oldest first. */
  years: number[];
}

export interface AnnualReportAudit {
  rules: AnnualReportRuleSummary[];
  checks: AnnualReportCheck[];
  /** What could not be checked, and why. */
  notes: string[];
}

/** The agency that publishes for the 本级人民政府: as configured, else the one whose name ends in 人民政府. */
export function governmentAgency(agencies: readonly Agency[], settings: AuditSettings): Agency | undefined {
  if (settings.government) return agencies.find((agency) => agency.id === settings.government);
  return agencies.find((agency) => agency.name.endsWith('人民政府'));
}

/**
 * The 年度 an annual report covers: `year` when the editor gave one that
 * differs from the year of 发文日期; else a year written in the title
 * (“2023年度…”); else the year before 发文日期 (an annual report is
 * published in the year after the one it covers).
 */
export function coveredYear(report: Report): number {
  const dateYear = Number(report.date.slice(0, 4));
  if (report.year !== dateYear) return report.year;
  const titled = /((?:19|20)\d{2})\s*年/.exec(report.title);
  return titled ? Number(titled[1]) : dateYear - 1;
}

/** A report is of the rule's kind when its 组配分类, its column (or a column above it) or its title says so. */
export function matchesRule(rule: AnnualReportRule, report: Report, portal: PortalIndex): boolean {
  return (
    (report.category !== undefined && rule.categories.includes(report.category)) ||
    columnLineage(portal.columns, portal.column(report.columnId)).some((column) => rule.columns.includes(column.id)) ||
    rule.titles.some((words) => report.title.includes(words))
  );
}

function filersOf(rule: AnnualReportRule, agencies: readonly Agency[], government: Agency | undefined): Agency[] {
  if (Array.isArray(rule.filers)) return agencies.filter((agency) => rule.filers.includes(agency.id));
  if (rule.filers === '全部') return [...agencies];
  if (rule.filers === '政府') return government ? [government] : [];
  return agencies.filter((agency) => agency !== government);
}

/**
 * The years checked: from `since`, or else from the first year whose
 * deadline is not before the site's first publication (the portal did not
 * exist earlier), to the last year whose deadline falls in this year or before.
 */
function yearsToCheck(rule: AnnualReportRule, settings: AuditSettings, firstPublished: string, today: string): number[] {
  const last = Number(today.slice(0, 4)) - 1;
  const publishedYear = Number(firstPublished.slice(0, 4));
  const first = settings.since ?? (`${publishedYear}-${rule.deadline}` >= firstPublished ? publishedYear - 1 : publishedYear);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

export function auditAnnualReports(portal: PortalIndex, settings: AuditSettings, today: string): AnnualReportAudit {
  const result: AnnualReportAudit = { rules: [], checks: [], notes: [] };
  if (portal.reports.length === 0) {
    result.notes.push('网站还没有任何文件，年度报告未检查。');
    return result;
  }
  const firstPublished = portal.reports.reduce((first, report) => (report.published < first ? report.published : first), portal.reports[0]!.published).slice(0, 10);
  const government = governmentAgency(portal.agencies, settings);
  for (const rule of settings.annualReports) {
    const filers = filersOf(rule, portal.agencies, government);
    if (rule.filers === '政府' && !government) {
      result.notes.push(`“${rule.name}”未检查：不知道哪个机构代表本级人民政府。请在 site.yaml 的 audit.government 中写它的机构 id。`);
    }
    const years = yearsToCheck(rule, settings, firstPublished, today);
    result.rules.push({ name: rule.name, basis: rule.basis, deadline: rule.deadline, filers: filers.map((agency) => agency.name), years });
    // The first published report of the kind for each agency and year fulfils it.
    const found = new Map<string, Report>();
    const filerIds = new Set(filers.map((agency) => agency.id));
    for (const report of portal.reports) {
      if (!filerIds.has(report.agencyId) || !matchesRule(rule, report, portal)) continue;
      const key = `${report.agencyId}/${coveredYear(report)}`;
      const earlier = found.get(key);
      if (!earlier || report.published < earlier.published) found.set(key, report);
    }
    for (const agency of filers) {
      for (const year of years) {
        const due = `${year + 1}-${rule.deadline}`;
        const report = found.get(`${agency.id}/${year}`);
        const base = { rule: rule.name, agencyId: agency.id, agency: agency.name, year, due };
        if (report) {
          const late = daysBetween(due, report.published.slice(0, 10));
          result.checks.push({ ...base, status: late > 0 ? 'late' : 'on-time', days: Math.max(0, late), report: auditedReport(portal, report) });
        } else {
          const overdue = daysBetween(due, today);
          result.checks.push({ ...base, status: overdue > 0 ? 'missing' : 'pending', days: Math.abs(overdue) });
        }
      }
    }
  }
  return result;
}
