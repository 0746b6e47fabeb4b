/** The audit as Chinese tables for the terminal. */
import Table from 'cli-table3';
import { groupBy } from '../listings.ts';
import type { AuditResult } from './index.ts';
import { annualCell, annualSentence, columnSentence, columnStatus, deadlineText, METADATA_KINDS, needsDates, summarySentence } from './labels.ts';

function table(head: string[], rows: string[][]): string {
  // No colours: the table is read in terminals, CI logs and files alike.
  // Compact: a rule under the header only, so tables stay as short as the data.
  const output = new Table({ head, style: { head: [], border: [], compact: true } });
  output.push(...rows);
  return output.toString();
}

export function formatAuditText(result: AuditResult): string {
  const out: string[] = [`政务公开合规检查：${result.site.name}`, `检查日期：${result.today}（北京时间）`, ''];

  out.push('一、年度报告按时公开');
  const { rules, checks, notes } = result.annualReports;
  for (const rule of rules) {
    out.push('', `【${rule.name}】${deadlineText(rule.deadline)}公开${rule.basis ? `；依据：${rule.basis}` : ''}`);
    const ruleChecks = checks.filter((check) => check.rule === rule.name);
    if (ruleChecks.length === 0) {
      out.push('  （没有需要检查的机构或年度）');
      continue;
    }
    const rows = groupBy(ruleChecks, (check) => check.agency).map((group) => [group.key, ...rule.years.map((year) => annualCell(group.items.find((check) => check.year === year)!))]);
    out.push(table(['发布机构', ...rule.years.map(String)], rows));
    for (const check of ruleChecks.filter(needsDates)) {
      out.push(`  ${annualSentence(check)}${check.report ? `  ${check.report.file}` : ''}`);
    }
  }
  for (const note of notes) out.push(`  注意：${note}`);

  out.push('', '二、栏目更新');
  const columnProblems = result.columns.filter((check) => check.status !== 'fresh');
  if (columnProblems.length > 0) out.push(table(['栏目', '状态', '说明'], columnProblems.map((check) => [check.path, columnStatus(check), columnSentence(check)])));
  const fresh = result.columns.length - columnProblems.length;
  out.push(columnProblems.length === 0 && fresh === 0 ? '  没有空栏目；没有栏目设定更新期限（site.yaml 的 audit.columns）。' : `  ${fresh} 个设定了更新期限的栏目按期更新。`);

  out.push('', '三、元数据');
  if (result.metadata.length === 0) out.push('  没有发现问题。');
  for (const group of groupBy(result.metadata, (finding) => finding.report.file)) {
    out.push(`  ${group.key}`);
    for (const finding of group.items) out.push(`      ${METADATA_KINDS[finding.kind]}：${finding.message}`);
  }

  out.push('', summarySentence(result));
  return out.join('\n');
}
