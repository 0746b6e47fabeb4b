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
 * <out>.previous and staging/site to <out> (renames: instant), then deletes
 * the staging folder. Nothing is deleted before the new site is complete.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { markOwned, OUTPUT_MARKER } from './owned-folders.ts';

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

/** Removes what an earlier failed or interrupted build left, and makes an empty, marked staging folder. */
export async function prepareStaging(outDir: string): Promise<void> {
  await discardStaging(outDir);
  await mkdir(stagingDirFor(outDir), { recursive: true });
  markOwned(stagingDirFor(outDir), OUTPUT_MARKER);
}

export async function discardStaging(outDir: string): Promise<void> {
  await rm(stagingDirFor(outDir), { recursive: true, force: true });
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
  await discardStaging(outDir);
}

/** After a build killed between publishing's renames: the published site is missing but its copies are there. */
export async function restoreInterrupted(outDir: string): Promise<void> {
  const previous = previousDirFor(outDir);
  const replaced = join(stagingDirFor(outDir), 'replaced');
  if (existsSync(outDir)) return;
  if (existsSync(previous)) await rename(previous, outDir);
  if (existsSync(replaced)) await rename(replaced, previous);
}
