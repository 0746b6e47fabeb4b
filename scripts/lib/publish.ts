/**
 * Builds go to a staging folder next to the output; only a complete build
 * replaces it. A failed build leaves the previous site exactly as it was.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

export function stagingDirFor(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}.staging`;
}

export async function discardStaging(outDir: string): Promise<void> {
  await rm(stagingDirFor(outDir), { recursive: true, force: true });
}

/** Replaces `outDir` with its staging folder. */
export async function publishStaging(outDir: string): Promise<void> {
  const staging = stagingDirFor(outDir);
  const previous = `${outDir.replace(/[\\/]+$/, '')}.previous`;
  await rm(previous, { recursive: true, force: true });
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) await rename(outDir, previous);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}
