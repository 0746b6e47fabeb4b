/**
 * One rule for every cache: its key covers every source file that shapes
 * what it holds, and the locked dependencies. The files are found, not
 * listed by hand: the module that produces the cache's content and
 * everything it imports from the project, followed import by import
 * (es-module-lexer reads TypeScript's imports as they are; type-only ones
 * are followed too, which can only make a key change more often). Packages
 * are covered by package-lock.json.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { initSync, parse } from 'es-module-lexer';

const PARSED_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);

function importsOf(file: string, source: string): string[] {
  initSync();
  // `n` is the specifier when it is a plain string (static imports, re-exports, `import('…')`).
  return parse(source, file)[0].flatMap((specifier) => (specifier.n ? [specifier.n] : []));
}

/** Every project file `entries` (relative to `projectRoot`) import, directly or not, themselves included; sorted, relative, with forward slashes. */
export function moduleGraphFiles(projectRoot: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = entries.map((entry) => resolve(projectRoot, entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!PARSED_EXTENSIONS.has(extname(file))) continue;
    for (const specifier of importsOf(file, readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) pending.push(resolve(dirname(file), specifier));
    }
  }
  return [...seen].map((file) => relative(projectRoot, file).split(sep).join('/')).sort();
}

/** The key of a cache whose content the modules `entries` produce: changes when any file they import, or any locked dependency, does. */
export function moduleGraphKey(projectRoot: string, entries: readonly string[]): string {
  const hash = createHash('sha256').update(readFileSync(join(projectRoot, 'package-lock.json')));
  for (const file of moduleGraphFiles(projectRoot, entries)) hash.update(`\0${file}\0`).update(readFileSync(join(projectRoot, file)));
  return hash.digest('hex').slice(0, 16);
}

/** Files of a folder (relative to `projectRoot`, forward slashes) whose names match `name`. */
function filesIn(projectRoot: string, folder: string, name = /\.ts$/): string[] {
  return (readdirSync(join(projectRoot, folder), { recursive: true }) as string[])
    .filter((file) => name.test(file))
    .map((file) => `${folder}/${file.split(sep).join('/')}`);
}

/**
 * The search index's key: it depends on the code that writes it and on the
 * code that reads it in the browser (a format change must republish it),
 * the text the renderer gives it among what they import.
 */
export function searchIndexKey(projectRoot: string): string {
  return moduleGraphKey(projectRoot, [
    ...filesIn(projectRoot, 'src/lib/search'),
    ...filesIn(projectRoot, 'scripts/lib', /^search-[^/]*\.ts$/),
    ...filesIn(projectRoot, 'src/client/search'),
    'src/markdown/cached.ts',
  ]);
}
