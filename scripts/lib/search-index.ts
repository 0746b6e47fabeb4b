/**
 * Builds the search index (format: src/lib/search/format.ts).
 *
 * Every document's text (from the render cache) is scanned once for its
 * terms, which go to disk by partition (search-terms.ts); the postings are
 * then assembled a few partitions at a time and written as a few thousand
 * small gzip-compressed files, so memory stays the same whatever the size
 * of the archive. The whole index is a function of its inputs, so an
 * unchanged archive reuses the previous one as it is; after an edit,
 * documents that did not change are not scanned again (their terms are kept
 * in the cache), files that did not change are not compressed again (they
 * are kept by content), and the result is byte for byte the index a build
 * from scratch would write.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { readReportBody } from '../../src/lib/content/source.ts';
import {
  bucketCount,
  termPath,
  triplePath,
  prefixPath,
  documentPath,
  encodeDocList,
  encodeLength,
  encodeTermFile,
  INDEX_FORMAT,
  prefixKeyOf,
  slotName,
  TRIPLE_SLOTS,
  type SearchDocument,
  type SearchManifest,
} from '../../src/lib/search/format.ts';
import { scanTerms, TITLE_WEIGHT } from '../../src/lib/search/tokens.ts';
import { renderedText } from '../../src/markdown/cached.ts';
import { linkTree } from './fs-tree.ts';
import { PairSpill, spillPartitionCount, SUFFIX_MARK, TermCollector, TermSnapshot, TermSnapshotWriter } from './search-terms.ts';

/** What the index needs to know about one report, in newest-first order. */
export interface IndexedReport {
  id: string;
  title: string;
  /** 发布机构 name and 发文日期, shown with the result. */
  agency: string;
  date: string;
  digest: string;
  sourcePath: string;
  /** Filter values: filter name → values this report has. */
  filters: Record<string, string[]>;
}

export interface SearchIndexInput {
  reports: IndexedReport[];
  /** Every value of every filter, in the order the search page offers them. */
  filterValues: Record<string, string[]>;
  fingerprint: string;
  cacheDir: string;
}

/** Hash of everything the index is made of: equal hashes, identical index. */
function indexHash(input: SearchIndexInput): string {
  const hash = createHash('sha256').update(`${INDEX_FORMAT}\0${input.fingerprint}\0${JSON.stringify(input.filterValues)}`);
  for (const report of input.reports) hash.update(`${documentKey(report)}\0${JSON.stringify(report.filters)}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Everything a document's file is made of. */
function documentKey(report: IndexedReport): string {
  return `${report.id}\0${report.digest}\0${report.title}\0${report.agency}\0${report.date}`;
}

const gzip = promisify(gzipCallback);
const WRITE_BATCH = 64;
const DOCUMENT_BATCH = 512;

/**
 * A file of the index: the manifest (read first and tiny) as it is; small
 * files compressed on every build; documents and postings compressed once
 * and kept in the cache by what they hold, the index linking to them — a
 * file that did not change since the last build is not compressed again.
 */
type IndexFile =
  | { kind: 'plain'; data: string }
  | { kind: 'compressed'; data: Uint8Array }
  | { kind: 'cached'; entry: CacheEntry; data: () => string | Uint8Array; level: number };

interface CacheEntry {
  path: string;
  exists: boolean;
}

/** Compressed index files by content, shared by successive builds. */
class CompressedCache {
  private readonly dir: string;
  private readonly used = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Where the compressed content named `key` (a hash of what it is made of) is kept. */
  entry(key: string): CacheEntry {
    const path = join(this.dir, `${key}.gz`);
    this.used.add(path);
    return { path, exists: existsSync(path) };
  }

  /** Removes what no file of this index uses. */
  async prune(): Promise<void> {
    for (const entry of await readdir(this.dir)) if (!this.used.has(join(this.dir, entry))) await rm(join(this.dir, entry), { force: true });
  }
}

const hashOf = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 32);

async function writeIndexFile(path: string, file: IndexFile): Promise<void> {
  if (file.kind === 'plain') return writeFile(path, file.data);
  if (file.kind === 'compressed') return writeFile(path, await gzip(file.data, { level: 3 }));
  const { entry } = file;
  if (!entry.exists) {
    await writeFile(`${entry.path}.part`, await gzip(file.data(), { level: file.level }));
    await rename(`${entry.path}.part`, entry.path);
  }
  try {
    await link(entry.path, path);
  } catch {
    await copyFile(entry.path, path);
  }
}

/** Writes the files, compressing a batch at a time on the thread pool. */
async function writeFiles(dir: string, files: Map<string, IndexFile>): Promise<void> {
  const folders = new Set([...files.keys()].map((path) => dirname(join(dir, path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const entries = [...files];
  for (let i = 0; i < entries.length; i += WRITE_BATCH) {
    await Promise.all(entries.slice(i, i + WRITE_BATCH).map(([path, file]) => writeIndexFile(join(dir, path), file)));
  }
}

const termKey = (report: IndexedReport) => `${report.digest}\0${report.title}`;

export interface SearchIndexOptions {
  /** Pairs assembled into postings at once: with their sorted copies, about 60 MB at the default. */
  passRecords?: number;
}

export interface SearchIndexResult {
  /** Folder holding manifest.json and the versioned files. */
  dir: string;
  reused: boolean;
}

/**
 * Writes the term files of some spill partitions: their pairs are sorted
 * by term (a counting sort, which keeps each term's documents in order),
 * then grouped into the files the terms belong to: exact terms and triple
 * slots by bucket, suffixes by prefix.
 */
class TermFileWriter {
  private readonly collector: TermCollector;
  private readonly buckets: number;
  private readonly partitions: number;
  private readonly cache: CompressedCache;
  readonly prefixKeys = new Set<string>();

  constructor(collector: TermCollector, buckets: number, partitions: number, cache: CompressedCache) {
    this.collector = collector;
    this.buckets = buckets;
    this.partitions = partitions;
    this.cache = cache;
  }

  /**
   * Numbers the terms a group of partitions can hold from 0, densely: the
   * counting sort then works on arrays that stay in the processor's cache.
   * Triple slots of partition p are p, p + partitions, p + 2 × partitions …
   */
  private localIds(group: number[]): { size: number; localOf: (id: number) => number } {
    const shift = Math.log2(this.partitions);
    const mask = this.partitions - 1;
    const place = new Int32Array(this.partitions);
    group.forEach((partition, index) => (place[partition] = index));
    const width = group.length;
    const slots = (TRIPLE_SLOTS >> shift) * width;
    return {
      size: slots + this.collector.idCount - TRIPLE_SLOTS,
      localOf: (id) => (id < TRIPLE_SLOTS ? (id >> shift) * width + place[id & mask]! : slots + id - TRIPLE_SLOTS),
    };
  }

  async write(dir: string, base: string, group: number[], pairs: ReturnType<PairSpill['read']>): Promise<void> {
    const { size, localOf } = this.localIds(group);
    const counts = new Int32Array(size);
    const ends = new Int32Array(size);
    const records = pairs.terms.length;
    const local = new Int32Array(records);
    const present: number[] = [];
    for (let i = 0; i < records; i++) {
      const at = localOf(pairs.terms[i]!);
      local[i] = at;
      if (counts[at]!++ === 0) present.push(pairs.terms[i]!);
    }
    let offset = 0;
    for (const term of present) {
      const at = localOf(term);
      ends[at] = offset;
      offset += counts[at]!;
    }
    const docs = new Uint32Array(records);
    const termCounts = new Uint8Array(records);
    for (let i = 0; i < records; i++) {
      const to = ends[local[i]!]!++;
      docs[to] = pairs.docs[i]!;
      termCounts[to] = pairs.counts[i]!;
    }

    const byFile = new Map<string, [name: string, docs: Uint32Array, counts: Uint8Array][]>();
    for (const term of present) {
      const text = this.collector.textOf(term);
      let path: string;
      let name: string;
      if (text === undefined) {
        path = `${base}/${triplePath(term, this.buckets)}`;
        name = slotName(term);
      } else if (text.startsWith(SUFFIX_MARK)) {
        name = text.slice(1);
        const key = prefixKeyOf(name);
        this.prefixKeys.add(key);
        path = `${base}/${prefixPath(key)}`;
      } else {
        path = `${base}/${termPath(text, this.buckets)}`;
        name = text;
      }
      const at = localOf(term);
      const start = ends[at]! - counts[at]!;
      const entry: [string, Uint32Array, Uint8Array] = [name, docs.subarray(start, ends[at]), termCounts.subarray(start, ends[at])];
      const list = byFile.get(path);
      if (list) list.push(entry);
      else byFile.set(path, [entry]);
    }
    // Sorted by name, not by when terms were first seen: the same input gives the same bytes.
    const files = new Map<string, IndexFile>();
    for (const [path, entries] of byFile) {
      entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const data = encodeTermFile(entries);
      // Postings change on every edit, so they get a fast level (3% larger than level 6, twice as fast).
      files.set(path, { kind: 'cached', entry: this.cache.entry(hashOf(data)), data: () => data, level: 3 });
    }
    await writeFiles(dir, files);
  }
}

/** Builds the index into `<cacheDir>/index/<hash>/`, or reuses it when nothing changed. */
export async function buildSearchIndex(input: SearchIndexInput, { passRecords = 4_000_000 }: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const hash = indexHash(input);
  const indexRoot = join(input.cacheDir, 'index');
  const dir = join(indexRoot, hash);
  if (existsSync(join(dir, 'manifest.json'))) return { dir, reused: true };

  const buckets = bucketCount(input.reports.length);
  const partitions = spillPartitionCount(input.reports.length, buckets);
  const collector = new TermCollector(buckets, partitions);
  const snapshotDir = join(input.cacheDir, 'terms');
  const snapshotVersion = `${INDEX_FORMAT}\0${input.fingerprint}`;
  const snapshot = await TermSnapshot.open(snapshotDir, snapshotVersion);
  for (const term of snapshot?.terms ?? []) collector.addKnownTerm(term);
  const nextSnapshot = new TermSnapshotWriter(snapshotDir, snapshotVersion);
  const spill = new PairSpill(join(input.cacheDir, 'spill'), partitions);
  const lengths = new Uint8Array(input.reports.length);
  let totalLength = 0;
  const base = `v${hash}`;
  // Build beside, then move into place: a half-written index is never reused.
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  await mkdir(join(input.cacheDir, 'compressed'), { recursive: true });
  const cache = new CompressedCache(join(input.cacheDir, 'compressed'));
  // Document files are written as the scan goes (compressed on the thread pool meanwhile), not held until the end.
  let documentFiles = new Map<string, IndexFile>();
  for (let doc = 0; doc < input.reports.length; doc++) {
    const report = input.reports[doc]!;
    const text = () => renderedText(report.digest, () => readReportBody(report.sourcePath));
    let pairs = snapshot?.read(termKey(report));
    if (!pairs) {
      const length = scanTerms(report.title, TITLE_WEIGHT, collector) + scanTerms(text(), 1, collector);
      pairs = { ...collector.takeDocument(), length };
    }
    spill.add(doc, pairs, collector);
    nextSnapshot.add(termKey(report), pairs, pairs.length);
    lengths[doc] = encodeLength(pairs.length);
    totalLength += pairs.length;
    const document = (): SearchDocument => ({ id: report.id, title: report.title, agency: report.agency, date: report.date, text: text() });
    documentFiles.set(`${base}/${documentPath(doc)}`, { kind: 'cached', entry: cache.entry(hashOf(`${INDEX_FORMAT}\0${documentKey(report)}`)), data: () => JSON.stringify(document()), level: 6 });
    if (documentFiles.size === DOCUMENT_BATCH || doc === input.reports.length - 1) {
      await writeFiles(building, documentFiles);
      documentFiles = new Map();
    }
  }
  snapshot?.close();
  spill.finish();

  const termFiles = new TermFileWriter(collector, buckets, partitions, cache);
  for (const group of spill.groups(passRecords)) await termFiles.write(building, base, group, spill.read(group));
  spill.remove();

  const files = new Map<string, IndexFile>();
  for (const [kind, values] of Object.entries(input.filterValues)) {
    const position = new Map(values.map((value, n) => [value, n]));
    const lists = values.map((): number[] => []);
    input.reports.forEach((report, doc) => {
      for (const value of report.filters[kind] ?? []) lists[position.get(value)!]?.push(doc);
    });
    lists.forEach((docs, n) => files.set(`${base}/filters/${kind}-${n}.bin`, { kind: 'compressed', data: encodeDocList(docs) }));
  }
  files.set(`${base}/lengths.bin`, { kind: 'compressed', data: lengths });
  const manifest: SearchManifest = {
    format: INDEX_FORMAT,
    base,
    documents: input.reports.length,
    buckets,
    averageLength: input.reports.length > 0 ? totalLength / input.reports.length : 0,
    prefixKeys: [...termFiles.prefixKeys].sort(),
    filters: input.filterValues,
  };
  files.set('manifest.json', { kind: 'plain', data: JSON.stringify(manifest) });

  await writeFiles(building, files);
  await rename(building, dir);
  await cache.prune();
  await nextSnapshot.finish(collector.terms);
  // Keep only this index: earlier ones are superseded.
  for (const entry of await readdir(indexRoot)) if (entry !== hash) await rm(join(indexRoot, entry), { recursive: true, force: true });
  return { dir, reused: false };
}

/** The index goes to `<site>/search-index/`. */
export const SEARCH_INDEX_PATH = 'search-index';

export async function publishSearchIndex(result: SearchIndexResult, siteDir: string): Promise<void> {
  await linkTree(result.dir, join(siteDir, SEARCH_INDEX_PATH));
}
