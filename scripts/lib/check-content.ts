/**
 * The full content check shared by `npm run check` and `npm run build`: every
 * file validated (on every core), then the links bodies make to other pages
 * of the site checked against the pages the site will have.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { siteLinkProblems } from '../../src/lib/content/links.ts';
import { loadContent, type LoadResult } from '../../src/lib/content/load.ts';
import { hasErrors, sortProblems } from '../../src/lib/content/problems.ts';
import { indexPortal } from '../../src/lib/portal-index.ts';
import { sitePaths } from '../../src/lib/routes.ts';
import { sourceFingerprint } from './fingerprint.ts';
import { projectRoot } from './project.ts';
import { createRenderPool } from './render-pool.ts';

/** Files under public/, which the build publishes as they are, as site paths. */
function publicFiles(): Set<string> {
  const dir = join(projectRoot, 'public');
  return new Set((readdirSync(dir, { recursive: true }) as string[]).map((file) => `/${file.split(sep).join('/')}`));
}

/** Where parsed front matter of `contentDir` is kept between runs: keyed by the folder, versioned by the parsing code. */
export function parseCacheFor(contentDir: string, cacheDir: string): { file: string; version: string } {
  return {
    file: join(cacheDir, 'parsed', `${createHash('sha256').update(contentDir).digest('hex').slice(0, 16)}.json`),
    version: sourceFingerprint(projectRoot, ['src/lib']),
  };
}

/**
 * Checks `contentDir`; parsed front matter is kept in `cacheDir` for the next run.
 * `preview`: the site is built to be looked at on this computer (site.yaml may leave out `url`).
 */
export async function checkContent(contentDir: string, cacheDir: string, { preview = false } = {}): Promise<LoadResult> {
  const renderPool = createRenderPool();
  try {
    const result = await loadContent({
      contentDir,
      projectRoot: process.cwd(),
      renderOutline: renderPool.outline,
      preview,
      parseCache: parseCacheFor(contentDir, cacheDir),
    });
    if (!result.portal) return result;
    const problems = sortProblems([...result.problems, ...siteLinkProblems(result.portal, sitePaths(indexPortal(result.portal)), publicFiles())]);
    return { portal: hasErrors(problems) ? undefined : result.portal, problems };
  } finally {
    await renderPool.close();
  }
}
