/**
 * Temporary folders for tests, all under one folder per test file (or global
 * setup), removed when it is done — see tests/helpers/cleanup.ts — so test
 * runs leave nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let root: string | undefined;

export function tempDir(prefix: string): string {
  root ??= mkdtempSync(join(tmpdir(), 'zwgk-test-'));
  return mkdtempSync(join(root, `${prefix}-`));
}

export function removeTempDirs(): void {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
}
