/**
 * What cached results depend on besides the content itself: the locked
 * dependency versions and our own code that produced them. A change to
 * either invalidates the cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every file under `dir` (absolute paths, sorted). */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Hash of package-lock.json and `files` (absolute), named relative to the project. */
function hashFiles(projectRoot: string, files: string[]): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  for (const file of files) hash.update(relative(projectRoot, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Hash of package-lock.json and every file under `dirs` (relative to the project). */
export function sourceFingerprint(projectRoot: string, dirs: string[]): string {
  return hashFiles(
    projectRoot,
    dirs.flatMap((dir) => filesUnder(join(projectRoot, dir))),
  );
}

const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** `entries` (absolute paths) and the project files they import, directly or not, sorted. */
export function importClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) pending.push(resolve(dirname(file), specifier!));
  }
  return [...seen].sort();
}

/**
 * The search index depends on the code that writes it and the code that
 * reads it (a format change must republish it): src/lib/search/,
 * scripts/lib/search-*.ts, the browser's search engine, and every project
 * file they import — the Markdown renderer giving the text among them.
 */
export function searchFingerprint(projectRoot: string): string {
  const entries = [
    ...filesUnder(join(projectRoot, 'src/lib/search')),
    ...filesUnder(join(projectRoot, 'scripts/lib')).filter((file) => /\/search-[^/]*\.ts$/.test(file)),
    ...filesUnder(join(projectRoot, 'src/client/search')),
  ];
  return hashFiles(projectRoot, [...new Set([...importClosure(entries), ...filesUnder(join(projectRoot, 'src/markdown'))])].sort());
}

/** The rendered HTML of a body depends on the Markdown pipeline. */
export const renderFingerprint = (projectRoot: string) => sourceFingerprint(projectRoot, ['src/markdown']);
