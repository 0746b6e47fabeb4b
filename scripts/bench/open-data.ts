/**
 * What the open-data files cost a build, measured in isolation on the
 * bench's archive with the same functions the endpoints call:
 *   - cold build: every file's cache key (getStaticPaths), its body (GET),
 *     and writing it twice (Astro writes the output and its cache copy);
 *   - unchanged rebuild: the keys again, and copying each file back from
 *     Astro's cache (what a skipped path costs).
 * Medians of `runs` runs, each on a freshly indexed portal.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexPortal } from '../../src/lib/portal-index.ts';
import { OPEN_DATA_FORMATS, openDataBody, openDataFiles, openDataKey, openDataUrl } from '../../src/lib/open-data/files.ts';
import { checkContent } from '../lib/check-content.ts';
import { useRenderCache } from '../lib/render-cache.ts';
import { median } from './measure.ts';

export interface OpenDataCost {
  files: number;
  bytes: number;
  /** Keys, bodies and two writes: the open-data part of a cold build. */
  coldMs: number;
  /** Keys and one copy per file: the open-data part of a rebuild with nothing changed. */
  unchangedMs: number;
}

export async function measureOpenData(contentDir: string, cacheDir: string, runs = 3): Promise<OpenDataCost> {
  useRenderCache(cacheDir);
  const { portal } = await checkContent(contentDir, cacheDir);
  if (!portal) throw new Error('the bench archive did not pass the content check');
  const work = await mkdtemp(join(tmpdir(), 'zwgk-open-data-'));
  const cold: number[] = [];
  const unchanged: number[] = [];
  let files = 0;
  let bytes = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const index = indexPortal(portal);
      const entries = openDataFiles(index).flatMap((file) => OPEN_DATA_FORMATS.map((format) => ({ file, format, path: join(work, String(run), openDataUrl(file.scope, format)) })));
      await Promise.all([...new Set(entries.map((entry) => join(entry.path, '..')))].map((dir) => mkdir(dir, { recursive: true })));
      const started = performance.now();
      for (const { file, format } of entries) openDataKey(index, file, format);
      const keysMs = performance.now() - started;
      files = entries.length;
      bytes = 0;
      for (const { file, format, path } of entries) {
        const body = openDataBody(index, file, format);
        bytes += Buffer.byteLength(body);
        await writeFile(path, body);
        await writeFile(`${path}.cache`, body);
      }
      cold.push(performance.now() - started);
      const copyStarted = performance.now();
      for (const { path } of entries) await copyFile(`${path}.cache`, `${path}.restored`);
      unchanged.push(keysMs + performance.now() - copyStarted);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { files, bytes, coldMs: median(cold), unchangedMs: median(unchanged) };
}
