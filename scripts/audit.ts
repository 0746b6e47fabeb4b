/**
 * npm run audit — is this site compliant today? From the content alone:
 * annual reports on time, columns kept alive, metadata complete.
 *
 *   npm run audit [-- --date YYYY-MM-DD] [--json] [--html FILE] [--content <folder>] [--cache-dir <folder>]
 *
 * Prints Chinese tables (or JSON with --json) on stdout; --html also writes a
 * standalone report. Exit code 1 when something is overdue, 2 when the audit
 * could not run (bad arguments, content with errors), else 0.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { auditPortal } from '../src/lib/audit/index.ts';
import { formatAuditHtml } from '../src/lib/audit/format-html.ts';
import { formatAuditText } from '../src/lib/audit/format-text.ts';
import { readAuditSettings } from '../src/lib/audit/settings.ts';
import { contentDirFor } from '../src/lib/content/location.ts';
import { readReportBody } from '../src/lib/content/source.ts';
import { dateProblem, todayInBeijing } from '../src/lib/dates.ts';
import { indexPortal } from '../src/lib/portal-index.ts';
import { checkContent } from './lib/check-content.ts';
import { dim, green, printProblems, red } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';
import { DEFAULT_CACHE_DIR, useRenderCache } from './lib/render-cache.ts';

function cannotAudit(message: string): never {
  console.error(red(message));
  process.exit(2);
}

let values: { date?: string; json?: boolean; html?: string; content?: string; 'cache-dir'?: string };
try {
  ({ values } = parseArgs({
    options: { date: { type: 'string' }, json: { type: 'boolean' }, html: { type: 'string' }, content: { type: 'string' }, 'cache-dir': { type: 'string' } },
  }));
} catch (error) {
  cannotAudit(`参数有误：${(error as Error).message}\n用法：npm run audit -- [--date YYYY-MM-DD] [--json] [--html 报告.html]`);
}
const today = values.date?.trim() ?? todayInBeijing();
const problem = dateProblem(today);
if (problem) cannotAudit(`--date “${today}” 不是有效日期：${problem}。格式为 YYYY-MM-DD，例如 --date 2025-04-02`);

const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const cacheDir = resolve(values['cache-dir'] ?? DEFAULT_CACHE_DIR);
useRenderCache(cacheDir);
const { portal, problems } = await checkContent(contentDir, cacheDir);
if (!portal) {
  printProblems(problems.filter((p) => p.severity === 'error'));
  cannotAudit('合规检查未进行：内容有错误，请先修正（npm run check 列出全部问题）。');
}
const result = auditPortal(indexPortal(portal), await readAuditSettings(contentDir), today, (report) => readReportBody(report.sourcePath));

console.log(values.json ? JSON.stringify(result, null, 2) : formatAuditText(result));
if (values.html) {
  const file = resolve(values.html);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, formatAuditHtml(result));
  console.error(dim(`HTML 报告已写入 ${file}`));
}
if (result.summary.overdue > 0) {
  console.error(red(`有 ${result.summary.overdue} 项逾期，退出码 1。`));
  process.exit(1);
}
console.error(green('没有逾期事项。'));
