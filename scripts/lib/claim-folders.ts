/**
 * What `npm run build` and `npm run check` do before touching anything:
 * refuse output and cache folders they must not replace or delete, then lock
 * them against another build running at the same time (the cache first: the
 * check writes to it; the output once the content passed the check).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { takeLock } from './build-lock.ts';
import { KnownContents } from './known-contents.ts';
import { dim, fail } from './output.ts';
import { CACHE_MARKER, markOwned, OUTPUT_MARKER, ownedFolderProblem } from './owned-folders.ts';
import { projectRoot } from './project.ts';
import { previousDirFor, stagingDirFor } from './publish.ts';
import { DEFAULT_CACHE_DIR } from './render-cache.ts';

/** How long a build waits for another one on the same folders, unless `--wait` says otherwise. */
export const DEFAULT_WAIT_SECONDS = 600;

export async function claimFolders({ contentDir, cacheDir, outDir, waitSeconds }: { contentDir: string; cacheDir: string; outDir?: string; waitSeconds: number }): Promise<void> {
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) fail(`--wait 应是等待的秒数，例如 --wait 60（现在是“${waitSeconds}”）。`);
  const outFolders = outDir ? [outDir, stagingDirFor(outDir), previousDirFor(outDir)] : [];
  // Read before the cache folder is checked, written only once it has passed. One record per folder claimed:
  // npm run new and npm run check, which claim only the cache, need not read and write what is known of the
  // three copies of the site (36,000 folders at 10,000 reports, three quarters of the record).
  const knownOutput = outDir ? KnownContents.load(join(cacheDir, 'known-output-folders.json')) : undefined;
  const knownCache = KnownContents.load(join(cacheDir, 'known-folders.json'));
  const problem =
    (outDir &&
      ownedFolderProblem(
        { dir: outDir, label: '输出文件夹（--out）', marker: OUTPUT_MARKER, companions: outFolders.slice(1), isDefault: outDir === join(projectRoot, 'dist') },
        { contentDir, projectRoot, known: knownOutput! },
      )) ||
    ownedFolderProblem({ dir: cacheDir, label: '缓存文件夹（--cache-dir）', marker: CACHE_MARKER, isDefault: cacheDir === DEFAULT_CACHE_DIR, mayBeInProject: true }, { contentDir, projectRoot, known: knownCache, others: outFolders });
  if (problem) fail(`已停止，没有改动任何文件：${problem}`);
  mkdirSync(cacheDir, { recursive: true });
  markOwned(cacheDir, CACHE_MARKER);
  await lock(join(cacheDir, '.lock'), waitSeconds);
  knownOutput?.save();
  knownCache.save();
}

/** Locks the output folder; called once the content passed the check, so a refused build creates nothing next to it. */
export async function lockOutput(outDir: string, waitSeconds: number): Promise<void> {
  mkdirSync(dirname(outDir), { recursive: true });
  await lock(`${outDir.replace(/[\\/]+$/, '')}.lock`, waitSeconds);
}

async function lock(file: string, waitSeconds: number) {
  const refusal = await takeLock(file, waitSeconds, (message) => console.error(dim(message)));
  if (refusal) fail(refusal);
}
