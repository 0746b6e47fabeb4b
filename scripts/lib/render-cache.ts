/** Points the Markdown renderer at the project's render cache (see src/markdown/cached.ts). */
import { join } from 'node:path';
import { RENDER_CACHE_ENV, RENDER_FINGERPRINT_ENV } from '../../src/markdown/cached.ts';
import { moduleGraphKey } from './cache-key.ts';
import { projectRoot } from './project.ts';

export const DEFAULT_CACHE_DIR = join(projectRoot, 'node_modules', '.cache', 'zwgk');

/** `npm run build -- --cache-dir` names its cache here, for the Astro integration in the same process. */
export const CACHE_DIR_ENV = 'ZWGK_CACHE_DIR';

export function cacheDirFromEnv(): string {
  return process.env[CACHE_DIR_ENV] ?? DEFAULT_CACHE_DIR;
}

/** The module that renders bodies into the cache: its imports are what a rendered body depends on. */
export const RENDER_PRODUCER = 'src/markdown/cached.ts';

/** Sets the environment for this process and the workers it starts; returns the render cache's key. */
export function useRenderCache(cacheDir: string): string {
  const fingerprint = moduleGraphKey(projectRoot, [RENDER_PRODUCER]);
  process.env[RENDER_CACHE_ENV] = join(cacheDir, 'render');
  process.env[RENDER_FINGERPRINT_ENV] = fingerprint;
  return fingerprint;
}
