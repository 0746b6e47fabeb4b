/**
 * Assembling the gram files of a group of spill partitions: the records
 * sorted by gram (a counting sort, which keeps each gram's documents in
 * order), then each bucket's grams encoded into its files, compressed.
 * Pure and self-contained, so that groups are assembled on worker threads
 * (search-assemble-worker.ts) while the build's thread writes the files of
 * the groups before: at 10,000 reports assembly is a third of the index's
 * time, and by then Astro has finished and left a core idle.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bucketOf, ByteWriter, encodeGramBucket, gramPath, largeGramPath, positionBlockPath, type FixedContext, type GramData } from '../../src/lib/search/format.ts';
import { readSpilled, type SpilledPart, type SpilledRecords } from './search-terms.ts';
import { createWorkerPool } from './worker-pool.ts';

/** The key of compressed content in the build's cache: equal keys, equal bytes. */
export const hashOf = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 32);

/** Where the build's cache of compressed files (in `dir`) keeps the content of key `key`. */
export const compressedPath = (dir: string, key: string) => join(dir, `${key}.gz`);

/** Gram files change on every edit, so they get a fast level (3% larger than level 6, twice as fast). */
export const GRAM_FILE_LEVEL = 3;

/**
 * The index's files are read-only: the site's copies are hard links to the
 * cache's, so a hand edit of a file in dist/search-index/ would change the
 * cache and be published again by every later build (and kept by browsers
 * for a year). The mode refuses the edit, except to root. Not on Windows,
 * where read-only files cannot be unlinked by every tool that cleans a folder.
 */
export const INDEX_FILE_MODE = process.platform === 'win32' ? undefined : 0o444;

export interface AssembledFile {
  /** Relative to the index's versioned folder. */
  path: string;
  data: Uint8Array;
  /** hashOf(data). */
  key: string;
}

/** A gram file as a worker hands it over: compressed there, unless the cache already holds its content. */
export interface CompressedFile {
  path: string;
  key: string;
  /** Gzip of the data at GRAM_FILE_LEVEL; absent when the cache has it. */
  compressed?: Uint8Array;
}

export interface CompressedGroup {
  files: CompressedFile[];
  buckets: number[];
}

export interface AssembledGroup {
  files: AssembledFile[];
  /** The buckets that got a dictionary. */
  buckets: number[];
}

/** What a worker needs to assemble a group: where its records are, and the text of every gram they can hold. */
export interface GroupJob {
  spillDir: string;
  parts: SpilledPart[];
  /** Gram ids, and their texts in the same order. */
  ids: Int32Array;
  texts: string[];
  /** The fixed contexts of the grams among them that may be large, by id. */
  contexts: Map<number, FixedContext>;
  buckets: number;
  /** The build's cache of compressed files. */
  compressedDir: string;
}

/** Each gram's local number in the group being assembled, by gram id; -1 outside it (kept between groups: it is large). */
let localNumbers = new Int32Array(0);

export function assembleGroup(records: SpilledRecords, textOf: (id: number) => string, contextOf: (id: number) => FixedContext | undefined, termCount: number, buckets: number): AssembledGroup {
  const size = records.terms.length;
  if (localNumbers.length < termCount) localNumbers = new Int32Array(termCount).fill(-1);
  // Dense local numbers for the grams of this group, in order of first record.
  const groupTerms: number[] = [];
  const localOf = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const term = records.terms[i]!;
    let at = localNumbers[term]!;
    if (at < 0) {
      at = localNumbers[term] = groupTerms.length;
      groupTerms.push(term);
    }
    localOf[i] = at;
  }
  for (const term of groupTerms) localNumbers[term] = -1;
  const starts = new Int32Array(groupTerms.length + 1);
  for (let i = 0; i < size; i++) starts[localOf[i]! + 1]!++;
  for (let i = 0; i < groupTerms.length; i++) starts[i + 1]! += starts[i]!;
  const order = new Int32Array(size);
  const next = starts.slice(0, groupTerms.length);
  for (let i = 0; i < size; i++) order[next[localOf[i]!]!++] = i;

  // Every gram's list, then every gram's positions, in two buffers; each gram's data is a view into them.
  const lists = new ByteWriter(size * 4);
  const positions = new ByteWriter(records.payload.length + 16);
  const listEnds = new Int32Array(groupTerms.length);
  const positionEnds = new Int32Array(groupTerms.length);
  for (let at = 0; at < groupTerms.length; at++) {
    let previous = 0;
    for (let k = starts[at]!; k < starts[at + 1]!; k++) {
      const record = order[k]!;
      lists.varint(records.docs[record]! - previous).varint(records.counts[record]!);
      previous = records.docs[record]!;
      const from = records.positionStarts[record]!;
      positions.raw(records.payload, from, from + records.positionBytes[record]!);
    }
    listEnds[at] = lists.size;
    positionEnds[at] = positions.size;
  }
  const listBytes = lists.finish();
  const positionBytes = positions.finish();
  const byBucket = new Map<number, GramData[]>();
  groupTerms.forEach((term, at) => {
    const gram = textOf(term);
    const bucket = bucketOf(gram, buckets);
    const data: GramData = {
      gram,
      documents: starts[at + 1]! - starts[at]!,
      list: listBytes.subarray(at === 0 ? 0 : listEnds[at - 1], listEnds[at]),
      positions: positionBytes.subarray(at === 0 ? 0 : positionEnds[at - 1], positionEnds[at]),
      context: contextOf(term),
    };
    const inBucket = byBucket.get(bucket);
    if (inBucket) inBucket.push(data);
    else byBucket.set(bucket, [data]);
  });
  const files: AssembledFile[] = [];
  const file = (path: string, data: Uint8Array) => files.push({ path, data, key: hashOf(data) });
  for (const grams of byBucket.values()) {
    // Sorted by gram, not by when grams were first seen: the same input gives the same bytes.
    grams.sort((a, b) => (a.gram < b.gram ? -1 : 1));
    const { gram } = grams[0]!;
    const { dictionary, large } = encodeGramBucket(grams);
    file(gramPath(gram, buckets), dictionary);
    large.forEach(({ list, blocks }, index) => {
      file(largeGramPath(gram, buckets, index + 1), list);
      blocks.forEach((block, j) => file(positionBlockPath(gram, buckets, index + 1, j), block));
    });
  }
  return { files, buckets: [...byBucket.keys()] };
}

/**
 * Assembles the group a job names and compresses its files (on a worker
 * thread: the build's thread then only writes them).
 */
export function assembleJob(job: GroupJob): CompressedGroup {
  const texts = new Map<number, string>();
  let termCount = 0;
  job.ids.forEach((id, i) => {
    texts.set(id, job.texts[i]!);
    termCount = Math.max(termCount, id + 1);
  });
  const { files, buckets } = assembleGroup(readSpilled(job.spillDir, job.parts), (id) => texts.get(id)!, (id) => job.contexts.get(id), termCount, job.buckets);
  return {
    buckets,
    // Copied out of zlib's output buffer (16 KB however small the file) so that a small file moves alone.
    files: files.map(({ path, data, key }) => ({ path, key, compressed: existsSync(compressedPath(job.compressedDir, key)) ? undefined : new Uint8Array(gzipSync(data, { level: GRAM_FILE_LEVEL })) })),
  };
}

/**
 * Assembles `jobs` on worker threads (one a core), handing each group to
 * `write` as it is ready, one at a time. A job is made once a worker is free
 * of its last group's writing, so at most a group a worker waits in memory.
 */
export async function assembleOnWorkers(jobs: readonly (() => GroupJob)[], write: (group: CompressedGroup) => Promise<void>): Promise<void> {
  if (jobs.length === 0) return;
  const workers = Math.min(jobs.length, availableParallelism());
  const pool = createWorkerPool<GroupJob, CompressedGroup>(new URL('./search-assemble-worker.ts', import.meta.url), workers);
  let next = 0;
  let writing = Promise.resolve();
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < jobs.length) {
          const group = await pool.run(jobs[next++]!());
          writing = writing.then(() => write(group));
          await writing;
        }
      }),
    );
  } finally {
    await pool.close();
  }
}
