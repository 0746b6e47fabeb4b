/**
 * Builds go to a staging folder next to the output; only a complete build
 * replaces it. A failed build leaves the previous site exactly as it was.
 * The replaced site is kept as `<out>.previous` (a way back) until the next
 * build, which removes it while Astro renders instead of making this one wait.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

const trimmed = (outDir: string) => outDir.replace(/[\\/]+$/, '');

export function stagingDirFor(outDir: string): string {
  return `${trimmed(outDir)}.staging`;
}

export function previousDirFor(outDir: string): string {
  return `${trimmed(outDir)}.previous`;
}

export async function discardStaging(outDir: string): Promise<void> {
  await rm(stagingDirFor(outDir), { recursive: true, force: true });
}

/** Removes the site the last build replaced. */
export async function discardPrevious(outDir: string): Promise<void> {
  await rm(previousDirFor(outDir), { recursive: true, force: true });
}

/** Replaces `outDir` with its staging folder; call `discardPrevious` first. */
export async function publishStaging(outDir: string): Promise<void> {
  const staging = stagingDirFor(outDir);
  const previous = previousDirFor(outDir);
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) await rename(outDir, previous);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir);
    throw error;
  }
}
