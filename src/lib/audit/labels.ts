/** The audit's words, shared by the terminal table and the HTML report. */
import type { AnnualReportCheck } from './annual-reports.ts';
import type { ColumnCheck } from './column-freshness.ts';
import type { AuditResult } from './index.ts';
import type { MetadataKind } from './metadata.ts';

/** A cell of the agency × year table: 按时, 晚19天, 缺失, 未到期. */
export function annualCell(check: AnnualReportCheck): string {
  return { 'on-time': '按时', late: `晚${check.days}天`, missing: '缺失', pending: '未到期' }[check.status];
}

/** Late and pending reports are listed under the table with their dates; the table says enough of the rest. */
export function needsDates(check: AnnualReportCheck): boolean {
  return check.status === 'late' || check.status === 'pending';
}

/** One sentence about a check, for the lists under the table. */
export function annualSentence(check: AnnualReportCheck): string {
  const what = `${check.agency} ${check.year}年度${check.rule}`;
  switch (check.status) {
    case 'missing':
      return `缺失：${what}，截止 ${check.due}，已逾期 ${check.days} 天`;
    case 'late':
      return `晚公开：${what}，截止 ${check.due}，${check.report!.published.slice(0, 10)} 才发布，晚 ${check.days} 天`;
    case 'pending':
      return `未到期：${what}，截止 ${check.due}，还有 ${check.days} 天`;
    case 'on-time':
      return `按时：${what}，截止 ${check.due}，${check.report!.published.slice(0, 10)} 发布`;
  }
}

/** `01-31` → 次年1月31日前 */
export function deadlineText(deadline: string): string {
  const [month, day] = deadline.split('-').map(Number);
  return `次年${month}月${day}日前`;
}

export function columnStatus(check: ColumnCheck): string {
  return { empty: '空栏目', stale: `超期 ${check.days} 天`, fresh: '按期更新' }[check.status];
}

export function columnSentence(check: ColumnCheck): string {
  if (check.status === 'empty') return '栏目中没有任何文件';
  const newest = `最新文件 ${check.newest!.published.slice(0, 10)} 发布`;
  if (check.status === 'stale') return `${newest}，更新期限 ${check.maxAge}（${check.maxAgeFrom}），应在 ${check.due} 前更新，已超期 ${check.days} 天`;
  return `${newest}，更新期限 ${check.maxAge}（${check.maxAgeFrom}），${check.due} 前需再更新`;
}

export const METADATA_KINDS: Record<MetadataKind, string> = {
  'doc-number': '缺少文号',
  attachment: '缺少附件',
  related: '相关稿件已失效',
  'index-gap': '索引号空号',
  'index-order': '索引号顺序',
};

export function summarySentence(result: AuditResult): string {
  const s = result.summary;
  const overdue = s.overdue > 0 ? `逾期 ${s.overdue} 项（缺失年度报告 ${s.missing} 份、空栏目 ${s.emptyColumns} 个、超期未更新栏目 ${s.staleColumns} 个）` : '没有逾期事项';
  return `${overdue}；年度报告按时 ${s.onTime} 份、晚公开 ${s.late} 份、未到期 ${s.pending} 份；元数据问题 ${s.metadata} 项。`;
}
