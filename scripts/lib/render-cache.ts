/** Points the Markdown renderer at the project's render cache (see src/markdown/cached.ts). */
import { join } from 'node:path';
import { RENDER_CACHE_ENV, RENDER_FINGERPRINT_ENV } from '../../src/markdown/cached.ts';
import { renderFingerprint } from './fingerprint.ts';
import { projectRoot } from './project.ts';

export const DEFAULT_CACHE_DIR = join(projectRoot, 'node_modules', '.cache', 'zwgk');

/** Sets the environment for this process and the workers it starts; returns the renderer's fingerprint. */
export function useRenderCache(cacheDir: string): string {
  const fingerprint = renderFingerprint(projectRoot);
  process.env[RENDER_CACHE_ENV] = join(cacheDir, 'render');
  process.env[RENDER_FINGERPRINT_ENV] = fingerprint;
  return fingerprint;
}
