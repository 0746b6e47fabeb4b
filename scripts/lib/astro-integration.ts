/**
 * The project's Astro integration: what the site needs besides Astro's pages,
 * the same in `npm run build`, a bare `astro build` and `npm run dev`.
 *
 *   astro:config:setup  check the content (unless `npm run build` already
 *                       did) and hand the checked portal to the pages
 *   astro:build:start   build the search index in another process, beside Astro
 *   astro:build:done    write the XML sitemaps, copy the attachments the
 *                       documents use, write _headers, verify every page's
 *                       links from the files written (verifySite) while
 *                       the search index may still build, publish the index
 *   astro:server:setup  dev: serve the attachments and the search index with
 *                       the headers the published site sends; on every edit
 *                       under the content folder check again, rebuild the
 *                       index and reload the browser (an edit with errors
 *                       keeps the last good portal and prints the problems)
 *
 * `npm run build` (scripts/build.ts) wraps `astro build` with what is about
 * the output folder — the lock, staging and the swap into place — and reads
 * how the build went from the file named in `$ZWGK_BUILD_REPORT`.
 */
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookup } from 'mrmime';
import { CHECKED_PORTAL_ENV, checkedPortal, handPortalToPages } from '../../src/lib/content/checked-portal.ts';
import { contentDirFor } from '../../src/lib/content/location.ts';
import { insideFolder } from '../../src/lib/content/paths.ts';
import { formatProblem, formatSummary, hasErrors } from '../../src/lib/content/problems.ts';
import type { Portal } from '../../src/lib/model.ts';
import { indexPortal } from '../../src/lib/portal-index.ts';
import { ATTACHMENT_HEADERS, headersFile, SEARCH_INDEX_HEADERS } from '../../src/lib/security-headers.ts';
import { reportUrl } from '../../src/lib/urls.ts';
import { copyAttachments, openAttachment, publishedAttachments } from './attachments.ts';
import { checkContent, checkedPortalFile, knownDigestsFile, verifiedRecordFile } from './check-content.ts';
import { removeFiles } from './fs-tree.ts';
import { KnownContents } from './known-contents.ts';
import { searchIndexKey } from './cache-key.ts';
import { red } from './output.ts';
import { projectRoot } from './project.ts';
import { cacheDirFromEnv, useRenderCache } from './render-cache.ts';
import { publishSearchIndex, releaseIndexLease, SEARCH_INDEX_PATH } from './search-index.ts';
import { searchIndexInput } from './search-input.ts';
import { buildSearchIndexInWorker, type SearchWorkerResult } from './search-worker.ts';
import { verifySite, type SiteIssue } from './verify-site.ts';
import { writeXmlSitemaps } from './xml-sitemap.ts';

/** `npm run build` names a file here; the integration writes a `BuildReport` to it. */
export const BUILD_REPORT_ENV = 'ZWGK_BUILD_REPORT';

/**
 * `npm run build` names a file here listing the files it kept in place from an
 * earlier build (see prepareStaging); those Astro did not generate again — a
 * page whose report is gone — are removed before the site is completed.
 */
export const KEPT_PAGES_ENV = 'ZWGK_KEPT_PAGES';

/** Removes the files kept from an earlier build that are not among the files Astro generated (`assets`). */
async function removeNotGenerated(siteDir: string, assets: Map<string, URL[]>): Promise<void> {
  const keptFile = process.env[KEPT_PAGES_ENV];
  if (!keptFile) return;
  const generated = new Set([...assets.values()].flat().map((url) => relative(siteDir, fileURLToPath(url)).split(sep).join('/')));
  removeFiles(siteDir, (JSON.parse(await readFile(keptFile, 'utf8')) as string[]).filter((path) => !generated.has(path)));
}

/** How the build went around Astro, for `npm run build`'s summary and `--timings`. */
export interface BuildReport {
  /** The search index: the last one reused, patched after a small edit, or built in full. */
  search: 'reused' | 'patched' | 'built';
  /** From the start of Astro's build to the index being ready (it builds beside Astro). */
  searchMs: number;
  searchPeakRssBytes: number;
  attachments: number;
  /** How long completing the site took, and verifying it: [phase, ms]. */
  phases: [string, number][];
  /** Links and resources that fail the check, with the source file of a report page. */
  issues: (SiteIssue & { source: string | undefined })[];
}

/** Checks the content; hands the portal over when it passes and returns it. */
async function checkAndHandOver(contentDir: string, preview: boolean, logger: AstroIntegrationLogger): Promise<Portal | undefined> {
  const cacheDir = cacheDirFromEnv();
  useRenderCache(cacheDir);
  const { portal, problems } = await checkContent(contentDir, cacheDir, { preview });
  for (const problem of problems) logger[problem.severity === 'error' ? 'error' : 'warn'](formatProblem(problem));
  if (!portal || hasErrors(problems)) {
    logger.error(`内容检查未通过：${formatSummary(problems)}`);
    return undefined;
  }
  handPortalToPages(checkedPortalFile(contentDir, cacheDir), portal);
  return portal;
}

/**
 * Builds the site's search index (or reuses or patches it) in the build's
 * cache, in the order asked: in dev, edits in quick succession each ask for
 * one. The cache's lock (buildSearchIndex) already keeps two from writing at
 * once; queuing here also keeps the last edit's index the last one built,
 * and spares a waiting process polling the lock.
 */
function searchIndexer(): (portal: Portal, publishTo?: string) => Promise<SearchWorkerResult> {
  let last: Promise<unknown> = Promise.resolve();
  return (portal, publishTo) => {
    const cacheDir = cacheDirFromEnv();
    const next = last.then(() => buildSearchIndexInWorker(searchIndexInput(indexPortal(portal), join(cacheDir, 'search'), searchIndexKey(projectRoot)), publishTo));
    last = next.catch(() => undefined);
    return next;
  };
}

/** What Astro generated: the site's address and its pages' paths, for the XML sitemaps. */
interface Generated {
  site: URL;
  pages: string[];
}

/**
 * Everything the published site holds besides Astro's pages, written into
 * `siteDir`, and every page verified — while the search index may still be
 * building: no page links into it (the content check refuses such a link),
 * and the verification counts what its folder holds meanwhile as missing.
 */
async function completeSite(siteDir: string, portal: Portal, contentDir: string, generated: Generated, search: Promise<SearchWorkerResult>, started: number): Promise<BuildReport> {
  const completing = performance.now();
  const ready = search.then((built) => ({ built, searchMs: performance.now() - started }));
  // Awaited below, after the verification: a failed index must not be an unhandled rejection meanwhile.
  ready.catch(() => undefined);
  await writeXmlSitemaps(siteDir, generated.site, generated.pages);
  const attachments = await copyAttachments(portal, contentDir, siteDir);
  await writeFile(join(siteDir, '_headers'), headersFile({ hsts: portal.site.hsts }));
  const verifying = performance.now();
  const sourceOf = new Map(portal.reports.map((report) => [reportUrl(report.id), report.sourceFile]));
  const digests = KnownContents.load(knownDigestsFile(cacheDirFromEnv()));
  const record = verifiedRecordFile(siteDir, cacheDirFromEnv());
  const issues = (await verifySite(siteDir, { record, digests, later: [SEARCH_INDEX_PATH] })).map((issue) => ({ ...issue, source: sourceOf.get(issue.page) }));
  digests.save();
  const verifyMs = performance.now() - verifying;
  const { built, searchMs } = await ready;
  if (built.publishedTo !== siteDir) await publishSearchIndex(built, siteDir);
  await releaseIndexLease(built);
  const phases: [string, number][] = [
    ['整理输出', performance.now() - completing - verifyMs],
    ['校验链接', verifyMs],
  ];
  return { search: built.reused ? 'reused' : built.patched ? 'patched' : 'built', searchMs, searchPeakRssBytes: built.peakRssBytes, attachments, phases, issues };
}

/** One line per issue, naming the report's file when the page is a report's. */
export function issueLines(issues: BuildReport['issues']): string[] {
  return issues.map((issue) => red(`${issue.source ? `${issue.source}（${issue.page}）` : issue.page}  错误  ${issue.message}`));
}

async function sendFile(response: ServerResponse, path: string, headers: Record<string, string> = {}): Promise<boolean> {
  const handle = await open(path).catch(() => undefined);
  return handle !== undefined && sendOpenFile(response, handle, path, headers);
}

/** Sends the open file `handle`, typed by its `name`, and closes it; `false` when it is not a regular file. */
async function sendOpenFile(response: ServerResponse, handle: FileHandle, name: string, headers: Record<string, string>): Promise<boolean> {
  const found = await handle.stat();
  if (!found.isFile()) {
    await handle.close();
    return false;
  }
  response.writeHead(200, { 'Content-Type': lookup(name) ?? 'application/octet-stream', 'Content-Length': found.size, 'X-Content-Type-Options': 'nosniff', ...headers });
  handle.createReadStream().pipe(response);
  return true;
}

export function zwgk(): AstroIntegration {
  let contentDir = '';
  let portal: Portal | undefined;
  let search: Promise<SearchWorkerResult> | undefined;
  let buildStarted = 0;
  let config: AstroConfig | undefined;
  const searchIndexOf = searchIndexer();
  return {
    name: 'zwgk',
    hooks: {
      'astro:config:setup': async ({ command, config: setup, logger }) => {
        config = setup;
        contentDir = contentDirFor(fileURLToPath(config.root));
        // npm run build checked the content before it started Astro; `astro sync` needs no content.
        if (process.env[CHECKED_PORTAL_ENV] || (command !== 'dev' && command !== 'build')) return;
        // astro dev serves this computer only: a local address is fine there.
        portal = await checkAndHandOver(contentDir, command === 'dev', logger);
        if (!portal) throw new Error('内容检查未通过（运行 npm run check 查看详情）');
      },
      'astro:build:start': () => {
        portal ??= checkedPortal().portal;
        buildStarted = performance.now();
        // npm run build's staged site is not emptied by Astro, and no page is written under search-index/:
        // the index can be published there as soon as it is built. A bare astro build publishes it at the end.
        search = searchIndexOf(portal, process.env[KEPT_PAGES_ENV] ? fileURLToPath(config!.outDir) : undefined);
        // Settled in astro:build:done; a failed render must not leave it unhandled meanwhile.
        search.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, assets, pages }) => {
        await removeNotGenerated(fileURLToPath(dir), assets);
        const generated = { site: new URL(config!.base, config!.site), pages: pages.map((page) => page.pathname) };
        const report = await completeSite(fileURLToPath(dir), portal!, contentDir, generated, search!, buildStarted);
        const reportFile = process.env[BUILD_REPORT_ENV];
        // npm run build prints the issues and fails without a stack trace; a bare astro build fails here.
        if (reportFile) await writeFile(reportFile, JSON.stringify(report));
        else if (report.issues.length > 0) {
          for (const line of issueLines(report.issues)) console.error(line);
          throw new Error(`发现 ${report.issues.length} 个链接或外站资源问题`);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        search = portal && searchIndexOf(portal);
        server.middlewares.use((request, response, next) => {
          const serve = async (): Promise<boolean> => {
            const path = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
            const attachment = path.startsWith('/attachments/') ? path.slice('/attachments/'.length) : undefined;
            if (attachment !== undefined) {
              return Boolean(portal && publishedAttachments(portal).has(attachment)) && sendOpenFile(response, await openAttachment(contentDir, attachment), attachment, ATTACHMENT_HEADERS);
            }
            const indexFile = path.startsWith(`/${SEARCH_INDEX_PATH}/`) ? path.slice(SEARCH_INDEX_PATH.length + 2) : undefined;
            if (indexFile === undefined || !search) return false;
            const inside = insideFolder((await search).dir, indexFile);
            return Boolean(inside) && sendFile(response, inside!, indexFile.startsWith('v') ? SEARCH_INDEX_HEADERS : {});
          };
          serve().then((served) => served || next(), next);
        });
        let pending: NodeJS.Timeout | undefined;
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir)) return;
          // An editor's save is often several writes: check once they settle.
          clearTimeout(pending);
          pending = setTimeout(() => {
            checkAndHandOver(contentDir, true, logger).then(
              (checked) => {
                if (!checked) return;
                portal = checked;
                const previous = search;
                search = searchIndexOf(checked);
                // Served from now on: the index served before may be superseded once this one is ready.
                search.then(() => previous?.then((built) => releaseIndexLease(built))).catch(() => undefined);
                server.ws.send({ type: 'full-reload' });
              },
              (error: Error) => logger.error(`内容检查失败：${error.message}`),
            );
          }, 100);
        });
      },
    },
  };
}
