/**
 * npm run build — content → dist/, all or nothing:
 *   1. check the content (refuse on any error, naming file, line and field);
 *   2. `astro build` into a staging folder: the project's integration
 *      (scripts/lib/astro-integration.ts) builds the search index beside
 *      Astro, adds the attachments and _headers, and verifies every page's
 *      links and resources from the files — what a bare `astro build` does too;
 *   3. swap the staging folder into place.
 * What this script adds is about the output folder: the lock, staging, the swap.
 *
 *   npm run build [-- --content <folder>] [--out <folder>] [--cache-dir <folder>] [--wait <seconds>] [--timings] [--preview]
 *
 * --out must be new, empty, or a site this command built (see scripts/lib/owned-folders.ts).
 * --wait: how long to wait for another build using the same folders (default 600 seconds).
 *
 * --timings prints how long each phase took (for performance work).
 * --preview builds a site to look at on this computer: site.yaml may then
 * leave out `url` (links and QR codes use a local address) and every page
 * says it is a preview, not for publishing.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { handPortalToPages } from '../src/lib/content/checked-portal.ts';
import { CONTENT_DIR_ENV, contentDirFor } from '../src/lib/content/location.ts';
import { hasErrors } from '../src/lib/content/problems.ts';
import { BUILD_REPORT_ENV, issueLines, KEPT_PAGES_ENV, type BuildReport } from './lib/astro-integration.ts';
import { parseFlags } from './lib/flags.ts';
import { dim, fail, green, printProblems } from './lib/output.ts';
import { createProgress } from './lib/progress.ts';
import { projectRoot } from './lib/project.ts';
import { CACHE_DIR_ENV, DEFAULT_CACHE_DIR, useRenderCache } from './lib/render-cache.ts';
import { checkContent, checkedPortalFile, knownDigestsFile } from './lib/check-content.ts';
import { claimFolders, DEFAULT_WAIT_SECONDS, lockOutput } from './lib/claim-folders.ts';
import { discardStaging, prepareStaging, publishStaging, restoreInterrupted, stagedSiteFor } from './lib/publish.ts';
import { withRenameAcrossDisks } from './lib/rename-across-disks.ts';
import { SEARCH_INDEX_PATH } from './lib/search-index.ts';

const USAGE = `用法：npm run build -- [--content 文件夹] [--out 文件夹] [--cache-dir 文件夹] [--wait 秒数] [--timings] [--preview]
  --content 文件夹     内容文件夹，默认为 content
  --out 文件夹         输出文件夹，默认为 dist；须是新的、空的，或本命令生成的网站
  --cache-dir 文件夹   构建缓存，默认为 node_modules/.cache/zwgk
  --wait 秒数          另一个构建正在使用同样的文件夹时最多等多久，默认 ${DEFAULT_WAIT_SECONDS} 秒
  --timings            显示每个阶段的用时
  --preview            本机预览：site.yaml 可以不写 url，每个页面标明“预览”，不能发布
例如：npm run build -- --out /srv/www/zwgk`;

const { values } = parseFlags(
  () =>
    parseArgs({
      options: { content: { type: 'string' }, out: { type: 'string' }, 'cache-dir': { type: 'string' }, wait: { type: 'string' }, timings: { type: 'boolean', default: false }, preview: { type: 'boolean', default: false } },
    }),
  USAGE,
);
const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const outDir = resolve(projectRoot, values.out ?? 'dist');
const stagingDir = stagedSiteFor(outDir);
const cacheDir = resolve(values['cache-dir'] ?? DEFAULT_CACHE_DIR);
/**
 * The folder Astro's build runs from. Astro writes its prerender chunks to `<current folder>/.astro/`
 * unless the output's path starts with the current folder's — a plain string test: /srv/portal-site
 * passes for /srv/portal, and the chunks land in the site, where their packages cannot be found.
 * Inside the project they are found, and no --out the build accepts starts with this path (folders
 * in the project whose name starts with a dot are refused); one per cache folder, whose lock keeps
 * two builds from sharing it.
 */
const astroWorkDir = join(projectRoot, '.astro', `build-${createHash('sha256').update(cacheDir).digest('hex').slice(0, 16)}`);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const progress = createProgress();
const timings: [string, number][] = [];
/** The phase being timed; the integration's phases, added to `timings` already timed, never are. */
let currentPhase: [string, number] | undefined;
let phaseStarted = performance.now();
/** Records how long the current phase took. */
function endPhase() {
  if (currentPhase) currentPhase[1] = performance.now() - phaseStarted;
  currentPhase = undefined;
}
/** Starts a phase on the progress line. */
function phase(name: string) {
  endPhase();
  currentPhase = [name, 0];
  timings.push(currentPhase);
  phaseStarted = performance.now();
  progress.phase(name);
}

/** Runs `work` from astroWorkDir, which is gone afterwards whether it succeeds or fails; the site may be on another disk. */
async function inAstroWorkDir<T>(work: () => Promise<T>): Promise<T> {
  const callerDir = process.cwd();
  // A build that was killed may have left its chunks there.
  await rm(astroWorkDir, { recursive: true, force: true });
  await mkdir(astroWorkDir, { recursive: true });
  process.chdir(astroWorkDir);
  try {
    const result = await withRenameAcrossDisks(work);
    process.chdir(callerDir);
    await rm(astroWorkDir, { recursive: true, force: true });
    return result;
  } catch (error) {
    process.chdir(callerDir);
    // Astro gives up on the first page that fails while others are still rendering: their code goes with this
    // process, which the failure ends (removed before, it made each of them fail again, blaming a missing module).
    process.once('exit', () => rmSync(astroWorkDir, { recursive: true, force: true }));
    throw error;
  }
}

const SEARCH_OUTCOME: Record<BuildReport['search'], string> = { reused: '未变，沿用上次', patched: '已按改动更新', built: '已重建' };

const waitSeconds = Number(values.wait ?? DEFAULT_WAIT_SECONDS);
await claimFolders({ contentDir, cacheDir, outDir, waitSeconds });
process.env[CONTENT_DIR_ENV] = contentDir;
process.env[CACHE_DIR_ENV] = cacheDir;
const buildReportFile = join(cacheDir, 'build-report.json');
process.env[BUILD_REPORT_ENV] = buildReportFile;
useRenderCache(cacheDir);
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

phase('检查内容');
const { portal, problems } = await checkContent(contentDir, cacheDir, { preview: values.preview });
progress.clear();
if (problems.length > 0) printProblems(problems);
if (!portal || hasErrors(problems)) fail(`构建已取消：内容有错误。${outDir} 保持不变。`);
handPortalToPages(checkedPortalFile(contentDir, cacheDir), portal);
await lockOutput(outDir, waitSeconds);
await restoreInterrupted(outDir);

try {
  // Pages unchanged since the site left in staging was built stay in place (see prepareStaging).
  const { cleared, kept } = await prepareStaging(outDir, { sameAs: join(cacheDir, 'astro', 'dist'), leave: [SEARCH_INDEX_PATH], digestsFile: knownDigestsFile(cacheDir) });
  // Awaited once Astro is loaded: a failure meanwhile must not be an unhandled rejection.
  kept.catch(() => undefined);
  const { build } = await import('astro');
  const keptFile = join(cacheDir, 'kept-pages.json');
  await writeFile(keptFile, JSON.stringify(await kept));
  process.env[KEPT_PAGES_ENV] = keptFile;
  // The integration completes and verifies the site in astro:build:done, and reports here.
  phase('生成页面');
  await rm(buildReportFile, { force: true });
  // What earlier builds left and the new site does not reuse is deleted meanwhile; Astro must not empty
  // the staged site, or the files kept there would be copied again from its cache.
  // Both settle before a failure of either is acted on: the staging folder is discarded then, and must not be written meanwhile.
  await inAstroWorkDir(async () => {
    const settled = await Promise.allSettled([build({ root: projectRoot, outDir: stagingDir, cacheDir: join(cacheDir, 'astro'), logLevel: 'warn', vite: { build: { emptyOutDir: false } } }), cleared]);
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  });
  const report = JSON.parse(await readFile(buildReportFile, 'utf8')) as BuildReport;
  // The integration's phases ran at the end of Astro's build: shown apart from page generation.
  endPhase();
  timings.at(-1)![1] -= report.phases.reduce((sum, [, ms]) => sum + ms, 0);
  timings.push(...report.phases);
  progress.clear();
  if (report.issues.length > 0) {
    for (const line of issueLines(report.issues)) console.error(line);
    throw new Error(`发现 ${report.issues.length} 个链接或外站资源问题`);
  }
  phase('发布');
  await publishStaging(outDir);
  endPhase();
  if (values.timings) {
    const phases = timings.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} 秒`);
    console.error(dim(`各阶段用时：${phases.join('，')}（其中搜索索引 ${(report.searchMs / 1000).toFixed(1)} 秒、峰值内存 ${Math.round(report.searchPeakRssBytes / 2 ** 20)} MB，与生成页面同时进行）`));
  }
  console.error(
    green(
      `构建完成：${portal.reports.length} 份文件、${report.attachments} 个附件，用时 ${seconds()} 秒（搜索索引${SEARCH_OUTCOME[report.search]}）。`,
    ),
  );
  console.error(dim(`网站已输出到 ${outDir}`));
} catch (error) {
  progress.clear();
  await discardStaging(outDir);
  fail(`构建失败：${(error as Error).message}\n${outDir} 保持不变。`);
}
