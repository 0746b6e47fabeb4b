/**
 * npm run new — starts a report with its front matter filled in: the next
 * free index number of the agency for the year, today's date in Beijing, and
 * the optional fields editors often need as commented-out lines.
 *
 *   npm run new -- --agency <id|名称> --column <id> --title "标题"
 *                  [--date YYYY-MM-DD] [--slug 文件名] [--index-number 索引号] [--content <folder>] [--cache-dir <folder>]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirFor } from '../src/lib/content/location.ts';
import { todayInBeijing } from '../src/lib/dates.ts';
import { nextIndexNumber } from '../src/lib/index-number.ts';
import { describeAgency } from '../src/lib/lookup.ts';
import { defaultSlug, NEW_REPORT_BODY, serializeReport, slugProblem, writeNewReport, type WriteOutcome } from '../src/lib/report-file.ts';
import { claimFolders, DEFAULT_WAIT_SECONDS } from './lib/claim-folders.ts';
import { agencyFromFlag, checkWritten, columnFromFlag, dateFromFlag, displayPath, loadEditorContext } from './lib/editor.ts';
import { parseFlags } from './lib/flags.ts';
import { fail } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';
import { DEFAULT_CACHE_DIR } from './lib/render-cache.ts';

const USAGE = `用法：npm run new -- --agency <机构 id 或名称> --column <栏目 id> --title "文件标题"
可选：
  --date YYYY-MM-DD       发文日期，默认为今天（北京时间）
  --slug 文件名           只用小写英文字母、数字和 -，默认为“机构-日期-序号”
  --index-number 索引号   不自动生成索引号时使用
  --content 文件夹        内容文件夹，默认为 content
  --cache-dir 文件夹      检查内容用的缓存，默认与 npm run check 相同
例如：npm run new -- --agency mzj --column fazhi --title "示例区民政局2024年工作计划"`;

/** Optional fields as commented-out lines: the editor removes the `# ` to use one. */
function placeholders(agencyName: string, date: string): string[] {
  return [
    '以下字段可选：使用时删去行首的“# ”，再改成实际内容',
    'category: 法治政府建设年度报告  # 组配分类',
    `docNumber: 〔${date.slice(0, 4)}〕1号  # 文号`,
    `published: "${date} 09:00"  # 发布日期，不写则同发文日期`,
    'editor: 编辑姓名  # 编辑',
    'addressee: 区人民政府：  # 主送',
    'signature:  # 落款',
    `  org: ${agencyName}`,
    `  date: ${date}`,
  ];
}

const { values } = parseFlags(
  () =>
    parseArgs({
      options: {
        agency: { type: 'string' },
        column: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        slug: { type: 'string' },
        'index-number': { type: 'string' },
        content: { type: 'string' },
        'cache-dir': { type: 'string' },
      },
    }),
  USAGE,
);
const missing = (['agency', 'column', 'title'] as const).filter((name) => !values[name]?.trim());
if (missing.length > 0) fail(`缺少 ${missing.map((name) => `--${name}`).join('、')}\n\n${USAGE}`);
const title = values.title!.trim();

const date = values.date === undefined ? todayInBeijing() : dateFromFlag(values.date);
if (values.slug !== undefined) {
  const problem = slugProblem(values.slug);
  if (problem) fail(`文件名（--slug）“${values.slug}” ${problem}`);
}
const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const cacheDir = resolve(values['cache-dir'] ?? DEFAULT_CACHE_DIR);
await claimFolders({ contentDir, cacheDir, waitSeconds: DEFAULT_WAIT_SECONDS });
const context = await loadEditorContext(contentDir, cacheDir);
const agency = agencyFromFlag(context.agencies, values.agency!);
const column = columnFromFlag(context.columns, values.column!);

function chooseIndexNumber(): string {
  const given = values['index-number']?.trim();
  if (given) {
    const user = context.indexNumbers.get(given);
    if (user) fail(`索引号（--index-number）“${given}” 已被 ${user} 使用，索引号在全站必须唯一。`);
    return given;
  }
  if (!agency.code) {
    fail(
      `发布机构 ${describeAgency(agency)} 在 agencies.yaml 中没有索引号前缀（code），无法自动生成索引号。\n` +
        `请在 agencies.yaml 中为它加上 code（例如 code: 339901-035），或用 --index-number 直接写出索引号。`,
    );
  }
  return nextIndexNumber(agency.code, Number(date.slice(0, 4)), context.indexNumbers.keys());
}
const indexNumber = chooseIndexNumber();

const text = serializeReport(
  { title, indexNumber, agency: agency.id, column: column.id, date },
  NEW_REPORT_BODY,
  placeholders(agency.name, date),
);
let outcome: WriteOutcome;
try {
  outcome = await writeNewReport(contentDir, date.slice(0, 4), values.slug ?? defaultSlug(agency.id, date, indexNumber), text, values.slug === undefined);
} catch (error) {
  fail(`无法写入文件：${(error as Error).message}`);
}
if ('taken' in outcome) fail(`文件 ${displayPath(outcome.taken)} 已经存在，不会覆盖它。请换一个文件名（--slug）。`);

console.log(`已新建：${displayPath(outcome.written)}`);
console.log(`索引号：${indexNumber}`);
if (!(await checkWritten(context, [outcome.written]))) fail('新建的文件没有通过检查，请按上面的提示修改。');
