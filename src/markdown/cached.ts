/**
 * Rendering with an on-disk cache keyed by the body and the renderer's
 * fingerprint. The build pipeline sets both environment variables; a build
 * after a one-file edit then renders one body instead of thousands. Without
 * them (astro dev, tests of the renderer) every call renders.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderMarkdown, type RenderedBody } from './render.ts';

export const RENDER_CACHE_ENV = 'ZWGK_RENDER_CACHE';
export const RENDER_FINGERPRINT_ENV = 'ZWGK_RENDER_FINGERPRINT';

export function renderBody(markdown: string): RenderedBody {
  const cacheDir = process.env[RENDER_CACHE_ENV];
  if (!cacheDir) return renderMarkdown(markdown);
  const key = createHash('sha256')
    .update(process.env[RENDER_FINGERPRINT_ENV] ?? '')
    .update('\0')
    .update(markdown)
    .digest('hex')
    .slice(0, 32);
  const file = join(cacheDir, key.slice(0, 2), `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RenderedBody;
  } catch {
    // Not cached yet (or unreadable): render and store.
  }
  const rendered = renderMarkdown(markdown);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(rendered));
  return rendered;
}
