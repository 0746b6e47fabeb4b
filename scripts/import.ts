/**
 * npm run import — brings the pages of an old portal in: folders (a `wget
 * -m` mirror, pages saved from the browser) are walked for .html / .htm /
 * .shtml pages and .txt copies. Listing and other non-document pages are
 * skipped with the reason; what a page does not say comes from the flags
 * or is generated, and the output says so, one line per field; one
 * summary at the end, and a JSON log of every page (not on a dry run; see
 * scripts/lib/import-log.ts for where it may go). Never overwrites a file,
 * and never imports a page twice.
 *
 *   npm run import -- <文件或文件夹…> [--agency <id|名称>] [--column <id>] [--date YYYY-MM-DD] [--title "标题"]
 *                     [--dry-run] [--log FILE] [--content <folder>] [--cache-dir <folder>]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirFor } from '../src/lib/content/location.ts';
import { collectSources } from '../src/lib/importer/mirror.ts';
import type { Fallbacks } from '../src/lib/importer/to-report.ts';
import { claimFolders, DEFAULT_WAIT_SECONDS } from './lib/claim-folders.ts';
import { agencyFromFlag, checkWritten, columnFromFlag, dateFromFlag, displayPath, loadEditorContext } from './lib/editor.ts';
import { parseFlags } from './lib/flags.ts';
import { importLogProblem, writeImportLog } from './lib/import-log.ts';
import { importPages, type PageOutcome } from './lib/import-run.ts';
import { outcomeLines, summaryLines } from './lib/import-summary.ts';
import { fail, red } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';
import { DEFAULT_CACHE_DIR } from './lib/render-cache.ts';

const USAGE = `用法：npm run import -- <文件或文件夹…> [--agency <机构 id 或名称>] [--column <栏目 id>] [--dry-run]
  文件或文件夹：旧网站的镜像（wget -m）、从浏览器“另存为”的 .html / .htm / .shtml，
                或从浏览器复制正文后保存的 .txt；文件夹中的页面（含子文件夹）都会导入
页面上找不到时使用（可选）：
  --agency 机构        发布机构
  --column 栏目 id     栏目
  --date YYYY-MM-DD    发文日期
  --title "标题"       标题（只导入一个文件时）
其他：
  --dry-run            试运行：列出会导入什么，不写入任何文件（也不写导入日志）
  --log 文件           导入日志（JSON）写到这里，默认为当前文件夹的 import-log.json；
                       不能在内容文件夹里，已存在的只有本命令写的导入日志才会被替换
  --content 文件夹     内容文件夹，默认为 content
  --cache-dir 文件夹   检查内容用的缓存，默认与 npm run check 相同（试运行不用缓存）
例如：npm run import -- 旧网站镜像/ --column fazhi`;

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
        'dry-run': { type: 'boolean', default: false },
        log: { type: 'string', default: 'import-log.json' },
        'cache-dir': { type: 'string' },
      },
    }),
  USAGE,
);
if (positionals.length === 0) fail(`请写出要导入的文件或文件夹。\n\n${USAGE}`);

const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const dryRun = values['dry-run'];
const logFile = resolve(values.log);
const logProblem = await importLogProblem(logFile, contentDir);
if (logProblem) fail(`已停止，没有写入任何文件：${logProblem}`);
const cacheDir = resolve(values['cache-dir'] ?? DEFAULT_CACHE_DIR);
const date = values.date === undefined ? undefined : dateFromFlag(values.date);
const { files, problems } = await collectSources(positionals);
if (problems.length > 0) fail(problems.map((problem) => `${problem.input}：${problem.reason}`).join('\n'));
if (values.title !== undefined && files.length > 1) fail('标题（--title）只能在导入一个文件时使用：每个文件的标题各不相同。');

// A dry run writes nothing anywhere: no cache, no lock; it reads every report afresh.
if (!dryRun) await claimFolders({ contentDir, cacheDir, waitSeconds: DEFAULT_WAIT_SECONDS });
const context = await loadEditorContext(contentDir, dryRun ? undefined : cacheDir);
const fallbacks: Fallbacks = {
  agency: values.agency === undefined ? undefined : agencyFromFlag(context.agencies, values.agency),
  column: values.column === undefined ? undefined : columnFromFlag(context.columns, values.column),
  title: values.title?.trim() || undefined,
  date,
};

const started = performance.now();
// Collected as they come: a run stopped halfway still checks and logs the pages it wrote.
const outcomes: PageOutcome[] = [];
let stopped: string | undefined;
try {
  await importPages(files, context, {
    contentDir,
    fallbacks,
    dryRun,
    onOutcome: (outcome) => {
      outcomes.push(outcome);
      const lines = outcomeLines(outcome, dryRun).join('\n');
      if (outcome.status === 'needs-attention') console.error(red(lines));
      else console.log(lines);
    },
  });
} catch (error) {
  const { code, path } = error as NodeJS.ErrnoException;
  // A copy fails on either side: the message names the file without guessing which.
  stopped = code && path ? `无法读取或写入 ${displayPath(path)}（${code}），请检查文件是否还在、权限是否允许` : (error as Error).message.replace(/。$/, '');
}

const written = outcomes.flatMap((outcome) => (outcome.status === 'imported' ? [outcome.file] : []));
const checked = dryRun || written.length === 0 || (await checkWritten(context, written));
if (!dryRun) {
  await writeImportLog(logFile, { sources: positionals, content: displayPath(contentDir), seconds: Math.round(performance.now() - started) / 1000, pages: outcomes }).catch((error: NodeJS.ErrnoException) =>
    fail(`导入的文件已写好，但无法写入导入日志 ${displayPath(logFile)}（${error.code ?? error.message}）。请检查这个文件；再次导入不会重复导入已导入的页面。`),
  );
}
console.log(summaryLines(outcomes, dryRun, displayPath(logFile)).join('\n'));
if (!checked) console.error(red('导入的文件没有通过检查，请按上面的提示修改。'));
if (stopped) console.error(red(`导入在中途停止：${stopped}。上面列出的页面已处理，其余页面没有导入；解决后再运行一次，已导入的页面不会重复导入。`));
process.exit(checked && !stopped && !outcomes.some((outcome) => outcome.status === 'needs-attention') ? 0 : 1);
