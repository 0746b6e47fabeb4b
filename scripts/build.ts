/**
 * npm run build — content → dist/, all or nothing:
 *   1. check the content (refuse on any error, naming file, line and field);
 *   2. render the site with Astro into a staging folder, and meanwhile build
 *      the search index in another process (reused when nothing changed);
 *   3. copy the attachments the documents link to, write _headers;
 *   4. verify the staged site: no foreign resources, no broken internal links;
 *   5. swap the staging folder into place.
 *
 *   npm run build [-- --content <folder>] [--out <folder>] [--cache-dir <folder>] [--timings] [--preview]
 *
 * --timings prints how long each phase took (for performance work).
 * --preview builds a site to look at on this computer: site.yaml may then
 * leave out `url` (links and QR codes use a local address) and every page
 * says it is a preview, not for publishing.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { handPortalToPages } from '../src/lib/content/checked-portal.ts';
import { CONTENT_DIR_ENV, contentDirFor } from '../src/lib/content/location.ts';
import { hasErrors } from '../src/lib/content/problems.ts';
import { indexPortal } from '../src/lib/portal-index.ts';
import { htmlPageCount } from '../src/lib/routes.ts';
import { headersFile } from '../src/lib/security-headers.ts';
import { reportUrl } from '../src/lib/urls.ts';
import { dim, fail, green, printProblems, red } from './lib/output.ts';
import { countPagesWritten, createProgress } from './lib/progress.ts';
import { projectRoot } from './lib/project.ts';
import { DEFAULT_CACHE_DIR, useRenderCache } from './lib/render-cache.ts';
import { copyAttachments } from './lib/attachments.ts';
import { checkContent, checkedPortalFile, verifiedRecordFile } from './lib/check-content.ts';
import { discardPrevious, discardStaging, publishStaging, stagingDirFor } from './lib/publish.ts';
import { publishSearchIndex } from './lib/search-index.ts';
import { searchIndexInput } from './lib/search-input.ts';
import { buildSearchIndexInWorker } from './lib/search-worker.ts';
import { verifySite } from './lib/verify-site.ts';

const { values } = parseArgs({
  options: { content: { type: 'string' }, out: { type: 'string' }, 'cache-dir': { type: 'string' }, timings: { type: 'boolean', default: false }, preview: { type: 'boolean', default: false } },
});
const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const outDir = resolve(projectRoot, values.out ?? 'dist');
const stagingDir = stagingDirFor(outDir);
const cacheDir = resolve(values['cache-dir'] ?? DEFAULT_CACHE_DIR);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const progress = createProgress();
const timings: [string, number][] = [];
let phaseStarted = performance.now();
/** Records how long the current phase took. */
function endPhase() {
  if (timings.length > 0) timings[timings.length - 1]![1] = performance.now() - phaseStarted;
}
/** Starts a phase on the progress line. */
function phase(name: string, total?: number) {
  endPhase();
  timings.push([name, 0]);
  phaseStarted = performance.now();
  progress.phase(name, total);
}

process.env[CONTENT_DIR_ENV] = contentDir;
const fingerprint = useRenderCache(cacheDir);
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

phase('检查内容');
const { portal, problems } = await checkContent(contentDir, cacheDir, { preview: values.preview });
progress.clear();
if (problems.length > 0) printProblems(problems);
if (!portal || hasErrors(problems)) fail(`构建已取消：内容有错误。${outDir} 保持不变。`);
handPortalToPages(checkedPortalFile(contentDir, cacheDir), portal);

let searchMs = 0;
let searchPeakRss = 0;
try {
  await discardStaging(outDir);
  const index = indexPortal(portal);
  const { build } = await import('astro');
  phase('生成页面', htmlPageCount(index));
  const counting = countPagesWritten(stagingDir, (written) => progress.update(written));
  // The search index needs only the content, so it builds on another core while Astro renders;
  // the site the last build replaced is removed meanwhile too.
  const [search] = await Promise.all([
    buildSearchIndexInWorker(searchIndexInput(index, join(cacheDir, 'search'), fingerprint)).then((built) => {
      searchMs = performance.now() - phaseStarted;
      searchPeakRss = built.peakRssBytes;
      return built;
    }),
    build({
      root: projectRoot,
      outDir: stagingDir,
      cacheDir: join(cacheDir, 'astro'),
      logLevel: 'warn',
    }).finally(() => clearInterval(counting)),
    discardPrevious(outDir),
  ]);
  phase('整理输出');
  await publishSearchIndex(search, stagingDir);
  const attachmentCount = await copyAttachments(portal, contentDir, stagingDir);
  await writeFile(join(stagingDir, '_headers'), headersFile({ hsts: portal.site.hsts }));
  phase('校验链接');
  // Pages whose bytes passed last time are not read again (see verifySite).
  const issues = await verifySite(stagingDir, verifiedRecordFile(outDir, cacheDir));
  progress.clear();
  if (issues.length > 0) {
    const sourceOf = new Map(portal.reports.map((report) => [reportUrl(report.id), report.sourceFile]));
    for (const issue of issues) {
      const source = sourceOf.get(issue.page);
      console.error(red(`${source ? `${source}（${issue.page}）` : issue.page}  错误  ${issue.message}`));
    }
    throw new Error(`发现 ${issues.length} 个链接或外站资源问题`);
  }
  await publishStaging(outDir);
  endPhase();
  if (values.timings) {
    const phases = timings.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} 秒`);
    console.error(dim(`各阶段用时：${phases.join('，')}（其中搜索索引 ${(searchMs / 1000).toFixed(1)} 秒、峰值内存 ${Math.round(searchPeakRss / 2 ** 20)} MB，与生成页面同时进行）`));
  }
  console.error(
    green(
      `构建完成：${portal.reports.length} 份文件、${attachmentCount} 个附件，用时 ${seconds()} 秒（搜索索引${search.reused ? '未变，沿用上次' : '已重建'}）。`,
    ),
  );
  console.error(dim(`网站已输出到 ${outDir}`));
} catch (error) {
  progress.clear();
  await discardStaging(outDir);
  fail(`构建失败：${(error as Error).message}\n${outDir} 保持不变。`);
}
