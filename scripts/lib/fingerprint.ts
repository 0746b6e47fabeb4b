/**
 * What cached results depend on besides the content itself: the locked
 * dependency versions and our own code that produced them. A change to
 * either invalidates the cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Hash of package-lock.json and every file under `dirs` (relative to the project). */
export function sourceFingerprint(projectRoot: string, dirs: string[]): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  for (const dir of dirs) {
    const root = join(projectRoot, dir);
    const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file.slice(projectRoot.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The rendered HTML of a body depends on the Markdown pipeline. */
export const renderFingerprint = (projectRoot: string) => sourceFingerprint(projectRoot, ['src/markdown']);
