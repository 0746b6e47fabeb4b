/**
 * The full content check shared by `npm run check`, `npm run build` and the
 * editor commands: every file validated (bodies rendered on every core when
 * not cached), then the links bodies make to other pages of the site checked
 * against the pages the site will have.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { siteLinkProblems } from '../../src/lib/content/links.ts';
import { checkRead, readContent, type ContentRead, type LoadOptions, type LoadResult } from '../../src/lib/content/load.ts';
import { hasErrors, sortProblems } from '../../src/lib/content/problems.ts';
import { indexPortal } from '../../src/lib/portal-index.ts';
import { sitePaths } from '../../src/lib/routes.ts';
import { cachedOutline, renderedOutline } from '../../src/markdown/cached.ts';
import { moduleGraphKey } from './cache-key.ts';
import { projectRoot } from './project.ts';
import { createRenderPool, type RenderPool } from './render-pool.ts';

/** Files under public/, which the build publishes as they are, as site paths. */
function publicFiles(): Set<string> {
  const dir = join(projectRoot, 'public');
  return new Set((readdirSync(dir, { recursive: true }) as string[]).map((file) => `/${file.split(sep).join('/')}`));
}

/** The module that fills the parse cache: its imports are what a parsed entry depends on. */
export const PARSE_PRODUCER = 'src/lib/content/parse-cache.ts';

/** Where parsed front matter of `contentDir` is kept between runs: one file per folder, versioned by the code that parses. */
export function parseCacheFor(contentDir: string, cacheDir: string): { file: string; version: string } {
  return {
    file: join(cacheDir, 'parsed', `${createHash('sha256').update(contentDir).digest('hex').slice(0, 16)}.json`),
    version: moduleGraphKey(projectRoot, [PARSE_PRODUCER]),
  };
}

/** Where the portal checked from `contentDir` is handed to the pages (see src/lib/content/checked-portal.ts). */
export function checkedPortalFile(contentDir: string, cacheDir: string): string {
  return join(cacheDir, 'checked-portal', `${createHash('sha256').update(contentDir).digest('hex').slice(0, 16)}.json`);
}

/** Where the pages of the site built into `siteDir` that passed the link check are recorded (see verifySite). */
export function verifiedRecordFile(siteDir: string, cacheDir: string): string {
  return join(cacheDir, 'verified', `${createHash('sha256').update(siteDir).digest('hex').slice(0, 16)}.json`);
}

/** Where the digests of the files a build read are kept (see KnownContents). */
export function knownDigestsFile(cacheDir: string): string {
  return join(cacheDir, 'known-digests.json');
}

/**
 * How `contentDir` is read by every command: parsed front matter kept in `cacheDir`.
 * `preview`: the site is built to be looked at on this computer (site.yaml may leave out `url`).
 */
export function contentOptions(contentDir: string, cacheDir: string | undefined, { preview = false } = {}): LoadOptions {
  return { contentDir, projectRoot: process.cwd(), preview, parseCache: cacheDir === undefined ? undefined : parseCacheFor(contentDir, cacheDir) };
}

/**
 * Checks what `readContent` read; bodies not in the render cache are rendered on every core.
 * `only`: check just these files (see `CheckOptions`); the portal is then only for that check.
 */
export async function checkContentRead(read: ContentRead, only?: ReadonlySet<string>): Promise<LoadResult> {
  // Threads are started only for bodies not rendered before: a warm check or an editor's new file needs none.
  let renderPool: RenderPool | undefined;
  try {
    const result = await checkRead(read, {
      only,
      renderOutline: (digest, markdown) => cachedOutline(digest) ?? (only ? renderedOutline(digest, markdown) : (renderPool ??= createRenderPool()).outline(digest, markdown)),
    });
    if (!result.portal) return result;
    const problems = sortProblems([...result.problems, ...siteLinkProblems(result.portal, sitePaths(indexPortal(result.portal)), publicFiles())]);
    return { portal: hasErrors(problems) ? undefined : result.portal, problems };
  } finally {
    await renderPool?.close();
  }
}

export async function checkContent(contentDir: string, cacheDir: string, { preview = false } = {}): Promise<LoadResult> {
  return checkContentRead(await readContent(contentOptions(contentDir, cacheDir, { preview })));
}
