/**
 * The search index: one Pagefind index per shard of at most `shardSize`
 * reports of the same 年度, which the search page merges in the browser.
 *
 * Sharding keeps Pagefind's memory bounded (it grows with the pages of one
 * index), lets shards build in parallel on every core, and lets a rebuild
 * reuse every shard whose reports did not change: shards are kept in a cache
 * keyed by a hash of everything that goes into them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { columnLineage } from '../../src/lib/columns.ts';
import { groupBy } from '../../src/lib/listings.ts';
import type { PortalIndex } from '../../src/lib/portal-index.ts';
import { SEARCH_INDEX_LANGUAGE, type ShardManifest } from '../../src/lib/search/records.ts';
import { reportUrl } from '../../src/lib/urls.ts';
import type { ShardJob, WorkerMessage } from './search-worker.ts';

/** Bump when the records or the way they are cut change, so cached shards are rebuilt. */
const INDEX_FORMAT = 1;

export interface SearchIndexOptions {
  portal: PortalIndex;
  /** Where shards are built and kept between builds. */
  cacheDir: string;
  /** Changes whenever rendered body text could change (see renderFingerprint). */
  fingerprint: string;
  shardSize?: number;
  workers?: number;
  onShardDone?: (done: number, total: number) => void;
}

export interface PlannedShard {
  name: string;
  hash: string;
  job: Omit<ShardJob, 'outputPath'>;
}

export interface SearchIndexResult {
  shards: PlannedShard[];
  built: number;
  reused: number;
}

export const DEFAULT_SHARD_SIZE = 1000;

/**
 * Shards by year of 发布日期, each year cut into consecutive date ranges of at
 * most `shardSize`, numbered from the oldest: `2021-01`, `2021-02`. New
 * documents land in the newest shard, an edit changes only its own shard,
 * and shard names sort in date order.
 */
export function planShards(portal: PortalIndex, fingerprint: string, shardSize = DEFAULT_SHARD_SIZE): PlannedShard[] {
  const shards: PlannedShard[] = [];
  const byYear = groupBy(portal.reports, (report) => report.published.slice(0, 4));
  for (const { key: year, items } of byYear) {
    const oldestFirst = [...items].reverse();
    for (let start = 0, part = 1; start < oldestFirst.length; start += shardSize, part++) {
      const name = `${year}-${String(part).padStart(2, '0')}`;
      const reports = oldestFirst.slice(start, start + shardSize);
      const job: PlannedShard['job'] = {
        reports: reports.map((report) => ({
          shard: name,
          url: reportUrl(report.id),
          title: report.title,
          agencyName: portal.agency(report.agencyId).name,
          agencyId: report.agencyId,
          date: report.date,
          published: report.published,
          year: report.year,
          category: report.category,
          columnLineage: columnLineage(portal.columns, portal.column(report.columnId)).map((column) => column.id),
          sourcePath: report.sourcePath,
        })),
      };
      const hash = createHash('sha256')
        .update(JSON.stringify({ INDEX_FORMAT, fingerprint, records: job.reports.map(({ sourcePath: _, ...record }) => record) }))
        .update(reports.map((report) => report.digest).join(','))
        .digest('hex')
        .slice(0, 20);
      shards.push({ name, hash, job });
    }
  }
  // Newest first: the search page loads the first shard's runtime and merges the rest.
  return shards.sort((a, b) => b.name.localeCompare(a.name));
}

/** Pagefind's own search interfaces; the portal has its own search page. */
const PAGEFIND_UI_FILE = /^pagefind-(?:component-|modular-)?(?:ui|highlight)\.(?:js|css)$/;

const WORKER = fileURLToPath(new URL('./search-worker.ts', import.meta.url));

/** Builds the shards that are not cached yet, `workers` at a time, each in its own process. */
async function buildMissing(missing: PlannedShard[], cacheDir: string, workers: number, onDone: () => void): Promise<void> {
  const queue = [...missing];
  const children: ChildProcess[] = [];
  const runWorker = async () => {
    const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    try {
      for (let shard = queue.shift(); shard; shard = queue.shift()) {
        const building = join(cacheDir, `${shard.hash}.building`);
        await rm(building, { recursive: true, force: true });
        const job: ShardJob = { ...shard.job, outputPath: building };
        await new Promise<void>((resolve, reject) => {
          const onExit = (code: number | null) => reject(new Error(`搜索索引进程意外退出（${code}）`));
          child.once('exit', onExit);
          child.once('message', (message: WorkerMessage) => {
            child.off('exit', onExit);
            if ('failed' in message) reject(new Error(`搜索索引 ${shard.name}：${message.error}`));
            else resolve();
          });
          child.send(job);
        });
        await rename(building, join(cacheDir, shard.hash));
        onDone();
      }
    } finally {
      child.kill();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(workers, missing.length) }, runWorker));
  } finally {
    for (const child of children) child.kill();
  }
}

/** Builds (or reuses) every shard into the cache; `publishSearchIndex` then copies them into the site. */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const { portal, cacheDir, fingerprint } = options;
  await mkdir(cacheDir, { recursive: true });
  const shards = planShards(portal, fingerprint, options.shardSize);
  const missing = shards.filter((shard) => !existsSync(join(cacheDir, shard.hash)));
  let done = shards.length - missing.length;
  options.onShardDone?.(done, shards.length);
  await buildMissing(missing, cacheDir, options.workers ?? Math.max(1, availableParallelism()), () => options.onShardDone?.(++done, shards.length));
  // Keep the cache to what this build uses.
  const used = new Set(shards.map((shard) => shard.hash));
  for (const entry of await readdir(cacheDir)) if (!used.has(entry)) await rm(join(cacheDir, entry), { recursive: true, force: true });
  return { shards, built: missing.length, reused: shards.length - missing.length };
}

/** Copies the shards into `<site>/pagefind/<name>/` and writes the manifest the search page reads. */
export async function publishSearchIndex(result: SearchIndexResult, cacheDir: string, siteDir: string): Promise<void> {
  const root = join(siteDir, 'pagefind');
  await mkdir(root, { recursive: true });
  for (const shard of result.shards) {
    await cp(join(cacheDir, shard.hash), join(root, shard.name), { recursive: true, filter: (source) => !PAGEFIND_UI_FILE.test(basename(source)) });
  }
  const manifest: ShardManifest = {
    version: 1,
    language: SEARCH_INDEX_LANGUAGE,
    shards: result.shards.map((shard) => ({ name: shard.name, path: `/pagefind/${shard.name}/`, pages: shard.job.reports.length })),
  };
  await writeFile(join(root, 'shards.json'), JSON.stringify(manifest));
}
