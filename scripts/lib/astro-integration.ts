/**
 * The project's Astro integration. `astro dev` and a bare `astro build`
 * check the content as `npm run build` does and hand the checked portal to
 * the pages. In dev it also serves what the build adds around Astro — the
 * attachments the documents use and the search index, with the headers the
 * published site sends — and on every edit under the content folder checks
 * again, rebuilds the search index and reloads the browser (an edit with
 * errors keeps the last good portal and prints the problems).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookup } from 'mrmime';
import { CHECKED_PORTAL_ENV, handPortalToPages } from '../../src/lib/content/checked-portal.ts';
import { contentDirFor } from '../../src/lib/content/location.ts';
import { insideFolder } from '../../src/lib/content/paths.ts';
import { formatProblem, formatSummary, hasErrors } from '../../src/lib/content/problems.ts';
import type { Portal } from '../../src/lib/model.ts';
import { indexPortal } from '../../src/lib/portal-index.ts';
import { ATTACHMENT_HEADERS } from '../../src/lib/security-headers.ts';
import { attachmentSource, publishedAttachments } from './attachments.ts';
import { checkContent, checkedPortalFile } from './check-content.ts';
import { DEFAULT_CACHE_DIR, useRenderCache } from './render-cache.ts';
import { SEARCH_INDEX_PATH, type SearchIndexResult } from './search-index.ts';
import { searchIndexInput } from './search-input.ts';
import { buildSearchIndexInWorker } from './search-worker.ts';

/** Checks the content; hands the portal over when it passes and returns it. */
async function checkAndHandOver(contentDir: string, preview: boolean, logger: AstroIntegrationLogger): Promise<Portal | undefined> {
  useRenderCache(DEFAULT_CACHE_DIR);
  const { portal, problems } = await checkContent(contentDir, DEFAULT_CACHE_DIR, { preview });
  for (const problem of problems) logger[problem.severity === 'error' ? 'error' : 'warn'](formatProblem(problem));
  if (!portal || hasErrors(problems)) {
    logger.error(`内容检查未通过：${formatSummary(problems)}`);
    return undefined;
  }
  handPortalToPages(checkedPortalFile(contentDir, DEFAULT_CACHE_DIR), portal);
  return portal;
}

/** The site's search index, built (or reused) in the build's cache. */
function searchIndexOf(portal: Portal): Promise<SearchIndexResult> {
  return buildSearchIndexInWorker(searchIndexInput(indexPortal(portal), join(DEFAULT_CACHE_DIR, 'search'), useRenderCache(DEFAULT_CACHE_DIR)));
}

async function sendFile(response: ServerResponse, path: string, headers: Record<string, string> = {}): Promise<boolean> {
  const found = await stat(path).catch(() => undefined);
  if (!found?.isFile()) return false;
  response.writeHead(200, { 'Content-Type': lookup(path) ?? 'application/octet-stream', 'Content-Length': found.size, 'X-Content-Type-Options': 'nosniff', ...headers });
  createReadStream(path).pipe(response);
  return true;
}

export function zwgk(): AstroIntegration {
  let contentDir = '';
  let portal: Portal | undefined;
  return {
    name: 'zwgk',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        contentDir = contentDirFor(fileURLToPath(config.root));
        // npm run build checked the content before it started Astro; `astro sync` needs no content.
        if (process.env[CHECKED_PORTAL_ENV] || (command !== 'dev' && command !== 'build')) return;
        // astro dev serves this computer only: a local address is fine there.
        portal = await checkAndHandOver(contentDir, command === 'dev', logger);
        if (!portal) throw new Error('内容检查未通过（运行 npm run check 查看详情）');
      },
      'astro:server:setup': ({ server, logger }) => {
        let search = portal && searchIndexOf(portal);
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
          const serve = async (): Promise<boolean> => {
            const attachment = path.startsWith('/attachments/') ? path.slice('/attachments/'.length) : undefined;
            if (attachment !== undefined) {
              return Boolean(portal && publishedAttachments(portal).has(attachment)) && sendFile(response, await attachmentSource(contentDir, attachment), ATTACHMENT_HEADERS);
            }
            const indexFile = path.startsWith(`/${SEARCH_INDEX_PATH}/`) ? path.slice(SEARCH_INDEX_PATH.length + 2) : undefined;
            if (indexFile === undefined || !search) return false;
            const inside = insideFolder((await search).dir, indexFile);
            return Boolean(inside) && sendFile(response, inside!);
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
            void checkAndHandOver(contentDir, true, logger).then((checked) => {
              if (!checked) return;
              portal = checked;
              search = searchIndexOf(checked);
              server.ws.send({ type: 'full-reload' });
            });
          }, 100);
        });
      },
    },
  };
}
