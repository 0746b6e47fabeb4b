/** Placing a cached folder into the site without copying every byte. */
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Recreates `source` at `target`, hard-linking files (copying when links are impossible, e.g. across disks). */
export async function linkTree(source: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const entries = await readdir(source, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const from = join(source, entry.name);
      const to = join(target, entry.name);
      if (entry.isDirectory()) return linkTree(from, to);
      try {
        await link(from, to);
      } catch {
        await copyFile(from, to);
      }
      return undefined;
    }),
  );
}
