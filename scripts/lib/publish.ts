/**
 * Builds go to a staging folder next to the output; only a complete build
 * replaces it. A failed or interrupted build leaves the previous site — and
 * its rollback copy — exactly as they were.
 *
 *   <out>.staging/        made and marked by the build; the site renders into site/
 *   <out>                 the published site
 *   <out>.previous/       the site the last build replaced (a way back)
 *
 * Publishing moves the old rollback copy into the staging folder, <out> to
 * <out>.previous and staging/site to <out> (renames: instant). The copy from
 * two builds back stays in the staging folder: the next build renders over it
 * (see `Reuse`), as deleting a large site and writing it again takes seconds
 * that an editor waiting for a rebuild should not pay. Neither the published
 * site nor its rollback copy is touched before the new site is complete.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { markOwned, OUTPUT_MARKER } from './owned-folders.ts';
import { runInWorker } from './worker-pool.ts';

const trimmed = (outDir: string) => outDir.replace(/[\\/]+$/, '');

/** The folder the build owns while it works (staging site, replaced copies). */
export function stagingDirFor(outDir: string): string {
  return `${trimmed(outDir)}.staging`;
}

/** Where the site is rendered before it is published. */
export function stagedSiteFor(outDir: string): string {
  return join(stagingDirFor(outDir), 'site');
}

export function previousDirFor(outDir: string): string {
  return `${trimmed(outDir)}.previous`;
}

/**
 * How a build reuses the site an earlier build left in the staging folder
 * instead of deleting it: its files that are byte for byte Astro's cached copy
 * of the same path stay, and Astro keeps a page it finds in place rather than
 * copying it again; every other file is removed before Astro starts.
 */
export interface Reuse {
  /** Astro's cached copies of the pages it generated (`<cache>/astro/dist`). */
  sameAs: string;
  /** Folders left as they are, for their own publishing to bring up to date (the search index's hard links). */
  leave: string[];
  /** The file where the digests of files read in earlier builds are known, so that unchanged files are compared unread (see KnownContents). */
  digestsFile: string;
}

/** keepFilesSameAs on another thread. */
function keepInWorker(dir: string, { sameAs, leave, digestsFile }: Reuse): Promise<string[]> {
  return runInWorker(new URL('./keep-worker.ts', import.meta.url), { dir, sameAs, leave, digestsFile }, '比较上次网站文件的线程');
}

/**
 * Makes a marked staging folder with room for the new site. With `reuse`, the
 * latest site an earlier build left there (an interrupted build's pages, or
 * the copy from two builds back) becomes the staged site, holding only the
 * files `kept` once that settles (on another thread: the caller may load
 * Astro meanwhile, not start it). Anything else earlier builds left is moved
 * aside at once; `cleared` deletes it, for the caller to await while the site renders.
 */
export async function prepareStaging(outDir: string, reuse?: Reuse): Promise<{ cleared: Promise<void>; kept: Promise<string[]> }> {
  const staging = stagingDirFor(outDir);
  const site = stagedSiteFor(outDir);
  await mkdir(staging, { recursive: true });
  markOwned(staging, OUTPUT_MARKER);
  let leftovers = (await readdir(staging)).filter((name) => name !== OUTPUT_MARKER);
  // Without Astro's copies nothing could be kept: the old site is deleted beside the build instead of file by file before it.
  const reused = reuse && existsSync(reuse.sameAs) ? ['site', 'replaced'].find((name) => leftovers.includes(name)) : undefined;
  leftovers = leftovers.filter((name) => name !== reused);
  let cleared = Promise.resolve();
  if (leftovers.length > 0) {
    const discarded = join(staging, `discarded-${Date.now()}`);
    await mkdir(discarded);
    for (const name of leftovers) await rename(join(staging, name), join(discarded, name));
    cleared = rm(discarded, { recursive: true, force: true });
  }
  if (!reused) return { cleared, kept: Promise.resolve([]) };
  if (reused !== 'site') await rename(join(staging, reused), site);
  return { cleared, kept: keepInWorker(site, reuse!) };
}

export async function discardStaging(outDir: string): Promise<void> {
  // A page Astro was still writing when its build failed can make a folder non-empty as it is removed: tried again.
  await rm(stagingDirFor(outDir), { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/**
 * Replaces `outDir` with the staged site; the replaced site becomes `<out>.previous`.
 * A crash between the renames leaves `<out>` missing for an instant: `restoreInterrupted` puts it back.
 */
export async function publishStaging(outDir: string): Promise<void> {
  const site = stagedSiteFor(outDir);
  const previous = previousDirFor(outDir);
  if (!existsSync(site)) throw new Error(`没有可发布的网站（${site} 不存在）`);
  markOwned(site, OUTPUT_MARKER);
  if (existsSync(previous)) await rename(previous, join(stagingDirFor(outDir), 'replaced'));
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) await rename(outDir, previous);
  try {
    await rename(site, outDir);
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir);
    throw error;
  }
  // Kept only while it holds a replaced copy for the next build to delete.
  if (!existsSync(join(stagingDirFor(outDir), 'replaced'))) await discardStaging(outDir);
}

/** After a build killed between publishing's renames: the published site is missing but its copies are there. */
export async function restoreInterrupted(outDir: string): Promise<void> {
  const previous = previousDirFor(outDir);
  const replaced = join(stagingDirFor(outDir), 'replaced');
  if (existsSync(outDir)) return;
  if (existsSync(previous)) await rename(previous, outDir);
  if (existsSync(replaced)) await rename(replaced, previous);
}
