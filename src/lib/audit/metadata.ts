/**
 * Metadata complete: 文号 where the column requires one, attachments the body
 * names but the report does not carry, 相关稿件 that are no longer valid, and
 * 索引号 with gaps or out of order per agency and year.
 */
import type { AuditSettings } from '../content/audit-schema.ts';
import { columnLineage } from '../columns.ts';
import { formatIndexNumber, parseIndexNumber } from '../index-number.ts';
import { groupBy } from '../listings.ts';
import type { Report } from '../model.ts';
import type { PortalIndex } from '../portal-index.ts';
import { auditedReport, type AuditedReport } from './reports.ts';
import { attachmentsNamedIn, comparableName } from './named-attachments.ts';

export type MetadataKind = 'doc-number' | 'attachment' | 'related' | 'index-gap' | 'index-order';

export interface MetadataFinding {
  kind: MetadataKind;
  /** The report concerned (for gaps: the agency's report after the gap). */
  report: AuditedReport;
  message: string;
}

/** Why a report in this column must carry a 文号: the nearest column (itself or above) that says so. */
function docNumberRequiredBy(portal: PortalIndex, settings: AuditSettings, columnId: string): string | undefined {
  for (const column of columnLineage(portal.columns, portal.column(columnId)).reverse()) {
    const rule = settings.columns[column.id];
    if (rule?.requireDocNumber !== undefined) return rule.requireDocNumber ? `栏目“${column.title}”要求文号` : undefined;
    if (rule?.type === '政策文件') return `栏目“${column.title}”是政策文件类栏目`;
  }
  return undefined;
}

function attachmentFindings(report: Report, body: string): string[] {
  const { names, mentioned } = attachmentsNamedIn(body);
  const carried = report.attachments.flatMap((attachment) => [attachment.title, attachment.file.split('/').at(-1)!]).map(comparableName);
  const missing = names.filter((name) => {
    const wanted = comparableName(name);
    return !carried.some((have) => have.includes(wanted) || wanted.includes(have));
  });
  const messages = missing.map((name) => `正文列出附件“${name}”，但文件头的附件（attachments）中没有`);
  if (names.length === 0 && mentioned && report.attachments.length === 0 && report.linkedFiles.length === 0) {
    messages.push('正文提到“见附件”，但这份文件没有附件');
  }
  return messages;
}

function indexNumberFindings(portal: PortalIndex): MetadataFinding[] {
  const findings: MetadataFinding[] = [];
  const numbered = portal.reports.flatMap((report) => {
    const parts = parseIndexNumber(report.indexNumber);
    return parts ? [{ report, ...parts }] : [];
  });
  for (const group of groupBy(numbered, (entry) => `${entry.report.agencyId} ${entry.prefix} ${entry.year}`)) {
    const { prefix, year } = group.items[0]!;
    const agency = portal.agency(group.items[0]!.report.agencyId).name;
    const bySerial = [...group.items].sort((a, b) => a.serial - b.serial);
    for (let i = 1; i < bySerial.length; i++) {
      const [before, after] = [bySerial[i - 1]!, bySerial[i]!];
      const missing = after.serial - before.serial - 1;
      if (missing <= 0) continue;
      const from = formatIndexNumber(prefix, year, before.serial + 1);
      const range = missing === 1 ? from : `${from} 至 ${formatIndexNumber(prefix, year, after.serial - 1)}`;
      findings.push({ kind: 'index-gap', report: auditedReport(portal, after.report), message: `${agency} ${year} 年的索引号有空号：${range}（${missing} 个），在 ${before.report.indexNumber} 与 ${after.report.indexNumber} 之间` });
    }
    // In order of 发文日期, each number should be higher than every number issued earlier.
    const byDate = [...group.items].sort((a, b) => a.report.date.localeCompare(b.report.date) || a.serial - b.serial);
    let highest = byDate[0]!;
    for (const entry of byDate.slice(1)) {
      if (entry.serial < highest.serial && entry.report.date > highest.report.date) {
        findings.push({
          kind: 'index-order',
          report: auditedReport(portal, entry.report),
          message: `索引号 ${entry.report.indexNumber}（发文日期 ${entry.report.date}）小于更早发文的 ${highest.report.indexNumber}（发文日期 ${highest.report.date}），编号顺序与发文顺序不一致`,
        });
      }
      if (entry.serial > highest.serial) highest = entry;
    }
  }
  return findings;
}

/** `bodyOf` returns a report's Markdown body. */
export function auditMetadata(portal: PortalIndex, settings: AuditSettings, bodyOf: (report: Report) => string): MetadataFinding[] {
  const findings: MetadataFinding[] = [];
  for (const report of [...portal.reports].sort((a, b) => a.sourceFile.localeCompare(b.sourceFile))) {
    const audited = auditedReport(portal, report);
    const required = report.docNumber ? undefined : docNumberRequiredBy(portal, settings, report.columnId);
    if (required) findings.push({ kind: 'doc-number', report: audited, message: `缺少文号（docNumber）：${required}` });
    for (const message of attachmentFindings(report, bodyOf(report))) findings.push({ kind: 'attachment', report: audited, message });
    for (const indexNumber of report.related) {
      const target = portal.reportByIndexNumber.get(indexNumber);
      if (target?.validity && target.validity !== '有效') {
        findings.push({ kind: 'related', report: audited, message: `相关稿件（related）${indexNumber}《${target.title}》已${target.validity}` });
      }
    }
  }
  return [...findings, ...indexNumberFindings(portal)];
}
