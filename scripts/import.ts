/**
 * npm run import — turns pages of an old portal into reports: pages saved as
 * HTML (.html/.htm, UTF-8 or GBK) or their text copied from the browser
 * (.txt). What a page does not say comes from the flags or is generated, and
 * the output says so, one line per field. Never overwrites a file.
 *
 *   npm run import -- <file…> [--agency <id|名称>] [--column <id>] [--date YYYY-MM-DD] [--title "标题"] [--content <folder>]
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirFor } from '../src/lib/content/location.ts';
import { decodeText } from '../src/lib/content/source.ts';
import { parseHtmlPage } from '../src/lib/importer/html-page.ts';
import type { ImportedPage } from '../src/lib/importer/page.ts';
import { parseTextPage } from '../src/lib/importer/text-page.ts';
import { toReport, type Fallbacks } from '../src/lib/importer/to-report.ts';
import { defaultSlug, serializeReport, slugFromFileName, writeNewReport } from '../src/lib/report-file.ts';
import { agencyFromFlag, checkWritten, columnFromFlag, dateFromFlag, displayPath, loadEditorContext, parseFlags } from './lib/editor.ts';
import { fail, red } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';

const USAGE = `用法：npm run import -- <文件…> [--agency <机构 id 或名称>] [--column <栏目 id>]
  文件：从旧网站“另存为”的 .html / .htm，或从浏览器复制正文后保存的 .txt
页面上找不到时使用（可选）：
  --agency 机构        发布机构
  --column 栏目 id     栏目
  --date YYYY-MM-DD    发文日期
  --title "标题"       标题（只导入一个文件时）
  --content 文件夹     内容文件夹，默认为 content
例如：npm run import -- 旧网站页面.html 复制的文字.txt --column fazhi`;

const { values, positionals } = parseFlags(
  () =>
    parseArgs({
      allowPositionals: true,
      options: {
        agency: { type: 'string' },
        column: { type: 'string' },
        date: { type: 'string' },
        title: { type: 'string' },
        content: { type: 'string' },
      },
    }),
  USAGE,
);
if (positionals.length === 0) fail(`请写出要导入的文件。\n\n${USAGE}`);
if (values.title !== undefined && positionals.length > 1) fail('标题（--title）只能在导入一个文件时使用：每个文件的标题各不相同。');

const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const date = values.date === undefined ? undefined : dateFromFlag(values.date);
const context = await loadEditorContext(contentDir);
const fallbacks: Fallbacks = {
  agency: values.agency === undefined ? undefined : agencyFromFlag(context.agencies, values.agency),
  column: values.column === undefined ? undefined : columnFromFlag(context.columns, values.column),
  title: values.title?.trim() || undefined,
  date,
};

/** The page in `file`, or why it cannot be read. */
async function readPage(file: string): Promise<ImportedPage | string> {
  const extension = extname(file).toLowerCase();
  if (!['.html', '.htm', '.txt'].includes(extension)) return '只能导入 .html、.htm 或 .txt 文件';
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? '找不到这个文件' : `无法读取文件（${code ?? String(error)}）`;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return `无法识别文件编码：${decoded.reason}`;
  return extension === '.txt' ? parseTextPage(decoded.text) : parseHtmlPage(decoded.text);
}

const written: string[] = [];
let failed = false;
for (const file of positionals) {
  const page = await readPage(file);
  const conversion = typeof page === 'string' ? { ok: false as const, errors: [page] } : toReport(page, context, fallbacks);
  if (!conversion.ok) {
    console.error(red([`${file}：没有导入`, ...conversion.errors.map((error) => `  ${error}`)].join('\n')));
    failed = true;
    continue;
  }
  const { fields } = conversion;
  const slug = slugFromFileName(basename(file)) ?? defaultSlug(fields.agency, fields.date, fields.indexNumber);
  let outcome: { written: string; renamed: boolean };
  try {
    outcome = await writeNewReport(join(contentDir, 'reports'), fields.date.slice(0, 4), slug, serializeReport(fields, conversion.body), true);
  } catch (error) {
    fail(`无法写入文件：${(error as Error).message}`);
  }
  // Later files in the same run must not reuse this index number.
  context.indexNumbers.set(fields.indexNumber, displayPath(outcome.written));
  written.push(outcome.written);
  console.log(`已导入：${file} → ${displayPath(outcome.written)}`);
  console.log(`  索引号：${fields.indexNumber}`);
  if (outcome.renamed) console.log(`  文件名：${slug}.md 已被占用，改用 ${basename(outcome.written)}`);
  for (const note of conversion.notes) console.log(`  ${note}`);
}

if (written.length > 0 && !(await checkWritten(contentDir, written))) {
  console.error(red('导入的文件没有通过检查，请按上面的提示修改。'));
  failed = true;
}
process.exit(failed ? 1 : 0);
