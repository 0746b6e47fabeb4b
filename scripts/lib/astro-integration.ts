/**
 * The project's Astro integration: `astro dev` and a bare `astro build`
 * check the content as `npm run build` does and hand the checked portal to
 * the pages; in dev every edit under the content folder is checked again and
 * the browser reloads (an edit with errors keeps the last good portal and
 * prints the problems).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { CHECKED_PORTAL_ENV, handPortalToPages } from '../../src/lib/content/checked-portal.ts';
import { contentDirFor } from '../../src/lib/content/location.ts';
import { formatProblem, formatSummary, hasErrors } from '../../src/lib/content/problems.ts';
import { checkContent, checkedPortalFile } from './check-content.ts';
import { DEFAULT_CACHE_DIR, useRenderCache } from './render-cache.ts';

/** Checks the content; hands the portal over when it passes. `true` when it did. */
async function checkAndHandOver(contentDir: string, preview: boolean, logger: AstroIntegrationLogger): Promise<boolean> {
  useRenderCache(DEFAULT_CACHE_DIR);
  const { portal, problems } = await checkContent(contentDir, DEFAULT_CACHE_DIR, { preview });
  for (const problem of problems) logger[problem.severity === 'error' ? 'error' : 'warn'](formatProblem(problem));
  if (!portal || hasErrors(problems)) {
    logger.error(`内容检查未通过：${formatSummary(problems)}`);
    return false;
  }
  handPortalToPages(checkedPortalFile(contentDir, DEFAULT_CACHE_DIR), portal);
  return true;
}

export function zwgk(): AstroIntegration {
  let contentDir = '';
  return {
    name: 'zwgk',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        contentDir = contentDirFor(fileURLToPath(config.root));
        // npm run build checked the content before it started Astro; `astro sync` needs no content.
        if (process.env[CHECKED_PORTAL_ENV] || (command !== 'dev' && command !== 'build')) return;
        // astro dev serves this computer only: a local address is fine there.
        if (!(await checkAndHandOver(contentDir, command === 'dev', logger))) throw new Error('内容检查未通过（运行 npm run check 查看详情）');
      },
      'astro:server:setup': ({ server, logger }) => {
        let pending: NodeJS.Timeout | undefined;
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir)) return;
          // An editor's save is often several writes: check once they settle.
          clearTimeout(pending);
          pending = setTimeout(() => {
            void checkAndHandOver(contentDir, true, logger).then((passed) => passed && server.ws.send({ type: 'full-reload' }));
          }, 100);
        });
      },
    },
  };
}
