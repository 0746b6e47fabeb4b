/**
 * Every cache's key covers every source file that shapes what it holds: touch
 * any of them (in a copy of the project) and the key changes, so a stale
 * entry is never used; touch a file outside and it stays, so unrelated edits
 * keep the caches of a 10,000-report archive.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleGraphFiles, moduleGraphKey } from '../../scripts/lib/cache-key.ts';
import { PARSE_PRODUCER } from '../../scripts/lib/check-content.ts';
import { RENDER_PRODUCER } from '../../scripts/lib/render-cache.ts';
import { projectCopy } from '../helpers/project-copy.ts';

/** Appends a comment to `file`, computes the key, and puts the file back. */
function keyWithTouched(root: string, producer: string, file: string): string {
  const path = join(root, file);
  const before = readFileSync(path);
  appendFileSync(path, '\n// touched\n');
  try {
    return moduleGraphKey(root, [producer]);
  } finally {
    writeFileSync(path, before);
  }
}

describe.each([
  ['parsed front matter', PARSE_PRODUCER, ['src/lib/content/parse-report.ts', 'src/lib/content/schema.ts', 'src/lib/content/yaml.ts', 'src/lib/page-chrome.ts']],
  // text-safety.ts lives outside src/markdown, which the key used to hash by hand: editing it left stale bodies.
  ['rendered bodies', RENDER_PRODUCER, ['src/markdown/render.ts', 'src/markdown/sanitize-schema.ts', 'src/lib/content/text-safety.ts']],
])('the key of the cache of %s', (_name, producer, expected) => {
  const root = projectCopy(['src', 'package-lock.json']);
  const key = moduleGraphKey(root, [producer]);
  const files = moduleGraphFiles(root, [producer]);

  it('follows the imports to the files that shape it', () => {
    expect(files).toEqual(expect.arrayContaining([producer, ...expected]));
  });

  it('changes when any of those files, or the locked dependencies, change', () => {
    for (const file of [...files, 'package-lock.json']) expect(keyWithTouched(root, producer, file), file).not.toBe(key);
  });

  it('stays when a file it does not import changes', () => {
    expect(files).not.toContain('src/lib/search/query.ts');
    expect(keyWithTouched(root, producer, 'src/lib/search/query.ts')).toBe(key);
  });
});
