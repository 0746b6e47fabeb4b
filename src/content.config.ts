/**
 * Astro's view of the content: three collections filled by one loader that
 * runs the project's own validation (src/lib/content/: the schemas with
 * Chinese labels, and the cross-file checks). Entries hold metadata only; a
 * report's body is rendered when its page is, so memory stays flat however
 * large the archive grows.
 */
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { loadContent } from './lib/content/load.ts';
import { checkedPortal } from './lib/content/handoff.ts';
import { contentDirFor } from './lib/content/location.ts';
import { formatProblem, formatSummary, hasErrors } from './lib/content/problems.ts';

type Part = 'site' | 'agencies' | 'reports';

function portalLoader(part: Part): Loader {
  return {
    name: `zwgk-${part}`,
    load: async ({ store, config, logger, watcher, generateDigest }: LoaderContext) => {
      const projectRoot = fileURLToPath(config.root);
      const contentDir = contentDirFor(projectRoot);
      const load = async () => {
        // astro dev serves this computer only: a local address is fine there.
        const { portal, problems } = await loadContent({ contentDir, projectRoot, preview: import.meta.env.DEV });
        // Problems are printed once, by the reports loader.
        if (part === 'reports') for (const problem of problems) logger[problem.severity === 'error' ? 'error' : 'warn'](formatProblem(problem));
        if (!portal || hasErrors(problems)) throw new Error(`内容检查未通过：${formatSummary(problems)}（运行 npm run check 查看详情）`);
        return portal;
      };
      const sync = async (fresh: boolean) => {
        const portal = (!fresh && checkedPortal(contentDir)) || (await load());
        store.clear();
        if (part === 'site') store.set({ id: 'site', data: { ...portal.site } });
        // getCollection() returns entries by id; `order` keeps the registry's order.
        if (part === 'agencies') portal.agencies.forEach((agency, order) => store.set({ id: agency.id, data: { ...agency, order } }));
        if (part === 'reports') {
          for (const report of portal.reports) store.set({ id: report.id, data: { ...report }, digest: generateDigest(report.digest) });
        }
      };
      await sync(false);
      watcher?.add(contentDir);
      watcher?.on('change', (path) => {
        if (path.startsWith(contentDir)) void sync(true).catch((error: Error) => logger.error(error.message));
      });
    },
  };
}

export const collections = {
  site: defineCollection({ loader: portalLoader('site') }),
  agencies: defineCollection({ loader: portalLoader('agencies') }),
  reports: defineCollection({ loader: portalLoader('reports') }),
};
