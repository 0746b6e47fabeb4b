/**
 * npm run build — content → dist/, all or nothing:
 *   1. check the content (refuse on any error, naming file, line and field);
 *   2. render the site with Astro into a staging folder, and meanwhile build
 *      the search index (Pagefind shards, reused when unchanged);
 *   3. copy the attachments the documents link to, write _headers;
 *   4. verify the staged site: no foreign resources, no broken internal links;
 *   5. swap the staging folder into place.
 *
 *   npm run build [-- --content <folder>] [--out <folder>]
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content/load.ts';
import { CONTENT_DIR_ENV, contentDirFor } from '../src/lib/content/location.ts';
import { hasErrors } from '../src/lib/content/problems.ts';
import type { Portal } from '../src/lib/model.ts';
import { RENDER_CACHE_ENV, RENDER_FINGERPRINT_ENV } from '../src/markdown/cached.ts';
import { renderFingerprint } from './lib/fingerprint.ts';
import { dim, fail, green, printProblems, red } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';
import { discardStaging, publishStaging, stagingDirFor } from './lib/publish.ts';
import { verifySite } from './lib/verify-site.ts';
import { buildSearchIndex, publishSearchIndex } from './lib/search-index.ts';
import { indexPortal } from '../src/lib/portal-index.ts';
import { reportUrl } from '../src/lib/urls.ts';
import { headersFile } from '../src/lib/security-headers.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' } } });
const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const outDir = resolve(projectRoot, values.out ?? 'dist');
const stagingDir = stagingDirFor(outDir);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

process.env[CONTENT_DIR_ENV] = contentDir;
process.env[RENDER_CACHE_ENV] = join(projectRoot, 'node_modules', '.cache', 'zwgk', 'render');
const fingerprint = renderFingerprint(projectRoot);
process.env[RENDER_FINGERPRINT_ENV] = fingerprint;
const searchCacheDir = join(projectRoot, 'node_modules', '.cache', 'zwgk', 'search');
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

const { portal, problems } = await loadContent({ contentDir, projectRoot: process.cwd() });
if (problems.length > 0) printProblems(problems);
if (!portal || hasErrors(problems)) fail(`构建已取消：内容有错误。${outDir} 保持不变。`);

async function copyAttachments(site: Portal, target: string): Promise<number> {
  const files = new Set(site.reports.flatMap((report) => [...report.attachments.map((attachment) => attachment.file), ...report.linkedFiles]));
  for (const file of files) {
    const destination = join(target, 'attachments', file);
    await mkdir(dirname(destination), { recursive: true });
    await copyFile(join(contentDir, 'attachments', file), destination);
  }
  return files.size;
}

try {
  await discardStaging(outDir);
  const { build } = await import('astro');
  // The search index needs only the content, so it builds on the other cores while Astro renders.
  const [search] = await Promise.all([
    buildSearchIndex({ portal: indexPortal(portal), cacheDir: searchCacheDir, fingerprint }),
    build({ root: projectRoot, outDir: stagingDir, logLevel: 'warn' }),
  ]);
  await publishSearchIndex(search, searchCacheDir, stagingDir);
  const attachmentCount = await copyAttachments(portal, stagingDir);
  await writeFile(join(stagingDir, '_headers'), headersFile());
  const issues = await verifySite(stagingDir);
  if (issues.length > 0) {
    const sourceOf = new Map(portal.reports.map((report) => [reportUrl(report.id), report.sourceFile]));
    for (const issue of issues) {
      const source = sourceOf.get(issue.page);
      console.error(red(`${source ? `${source}（${issue.page}）` : issue.page}  错误  ${issue.message}`));
    }
    throw new Error(`发现 ${issues.length} 个链接或外站资源问题`);
  }
  await publishStaging(outDir);
  console.error(green(`构建完成：${portal.reports.length} 份文件、${attachmentCount} 个附件，用时 ${seconds()} 秒。`));
  console.error(dim(`网站已输出到 ${outDir}`));
} catch (error) {
  await discardStaging(outDir);
  fail(`构建失败：${(error as Error).message}\n${outDir} 保持不变。`);
}
