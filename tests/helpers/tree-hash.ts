import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** One hash over every file's path and bytes: equal hashes mean an identical folder. */
export function treeHash(dir: string): string {
  if (!existsSync(dir)) return 'missing';
  const hash = createHash('sha256');
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, file);
    if (!statSync(path).isFile()) continue;
    hash.update(file.split(sep).join('/')).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}
