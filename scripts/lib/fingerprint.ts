/**
 * What the rendered HTML of a body depends on besides the body itself: the
 * locked dependency versions and our Markdown pipeline. A change to either
 * invalidates the render cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function renderFingerprint(projectRoot: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  const markdownDir = join(projectRoot, 'src', 'markdown');
  for (const file of readdirSync(markdownDir).sort()) hash.update(file).update(readFileSync(join(markdownDir, file)));
  return hash.digest('hex').slice(0, 16);
}
