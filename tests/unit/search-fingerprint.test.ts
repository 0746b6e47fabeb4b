/**
 * The search index is rebuilt whenever the code that writes or reads it
 * changes: every such file, and every project file they import, is in its
 * fingerprint.
 */
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleGraphFiles, searchIndexKey } from '../../scripts/lib/cache-key.ts';
import { projectRoot } from '../../scripts/lib/project.ts';
import { tempDir } from '../helpers/temp.ts';

describe('the search index fingerprint', () => {
  const root = tempDir('search-fingerprint');
  for (const part of ['src', 'scripts', 'package-lock.json']) cpSync(join(projectRoot, part), join(root, part), { recursive: true });

  it('covers the index code, the browser engine and what they import', () => {
    const closure = moduleGraphFiles(root, ['src/client/search/engine.ts', 'scripts/lib/search-index.ts']);
    for (const file of ['src/lib/search/format.ts', 'src/lib/search/normalize.ts', 'src/lib/search/query.ts', 'scripts/lib/search-terms.ts', 'src/lib/urls.ts', 'src/markdown/cached.ts']) {
      expect(closure, file).toContain(file);
    }
  });

  it('changes when any file that writes or reads the index changes', () => {
    const touched = [
      'src/lib/search/normalize.ts',
      'src/lib/search/format.ts',
      'src/lib/search/query.ts',
      'scripts/lib/search-index.ts',
      'scripts/lib/search-terms.ts',
      'scripts/lib/search-input.ts',
      'src/client/search/engine.ts',
      'src/lib/content/source.ts',
      'src/markdown/cached.ts',
    ];
    let previous = searchIndexKey(root);
    for (const file of touched) {
      expect(readFileSync(join(root, file), 'utf8').length, file).toBeGreaterThan(0);
      appendFileSync(join(root, file), '\n// changed\n');
      const next = searchIndexKey(root);
      expect(next, file).not.toBe(previous);
      previous = next;
    }
  });

  it('stays the same when nothing changed', () => {
    expect(searchIndexKey(root)).toBe(searchIndexKey(root));
  });
});
