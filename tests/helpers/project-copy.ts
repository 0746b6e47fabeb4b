/**
 * A copy of the project in a temporary folder (sharing node_modules), for
 * tests that must change its source without touching the real one.
 */
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './run.ts';
import { tempDir } from './temp.ts';

export function projectCopy(parts: readonly string[] = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']): string {
  const root = tempDir('project');
  for (const part of parts) cpSync(join(projectRoot, part), join(root, part), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}
