/**
 * Builds the search index (format: src/lib/search/format.ts).
 *
 * Every document's text (from the render cache) is scanned once for its
 * terms, which go to disk by partition (search-terms.ts); the postings are
 * then assembled a few partitions at a time on worker threads
 * (search-assemble.ts) and written as a few thousand small gzip-compressed
 * files, so memory stays the same whatever the size of the archive. The whole index is a function of its inputs, so an
 * unchanged archive reuses the previous one as it is; after an edit,
 * documents that did not change are not scanned again (their terms are kept
 * in the cache), files that did not change are not compressed again (they
 * are kept by content), and the result is byte for byte the index a build
 * from scratch would write.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { readReportBody } from '../../src/lib/content/source.ts';
import {
  bucketCount,
  ByteWriter,
  documentPath,
  encodeDocList,
  encodeGramBucket,
  encodeLength,
  HEAD_FIELDS,
  INDEX_FORMAT,
  isHeavyDocument,
  type FixedContext,
  type SearchDocument,
  type SearchManifest,
} from '../../src/lib/search/format.ts';
import { renderedText } from '../../src/markdown/cached.ts';
import { isRunning, releaseLock, takeLock } from './build-lock.ts';
import { linkTree } from './fs-tree.ts';
import { patchGramFiles, type ChangedDocument } from './search-patch.ts';
import { assembleOnWorkers, compressedPath, hashOf, INDEX_FILE_MODE, type CompressedFile, type CompressedGroup } from './search-assemble.ts';
import { DataSizeBound, FixedContextFinder } from './search-contexts.ts';
import { documentStream, GramCollector, GramSnapshot, GramSnapshotWriter, RecordSpill, spillPartitionCount } from './search-terms.ts';

/** What the index needs to know about one report, in newest-first order. */
export interface IndexedReport {
  id: string;
  title: string;
  /** 发布机构 name and 发布日期 (YYYY-MM-DD), shown with the result. */
  agency: string;
  published: string;
  /**
   * The searchable fields before the body: title, 索引号 and 文号 (the head,
   * HEAD_FIELDS of them), then 发布机构 name and short name, 来源, 组配分类
   * (SearchDocument.fields).
   */
  fields: string[];
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
  return `${report.id}\0${report.digest}\0${report.title}\0${report.agency}\0${report.published}\0${report.fields.join('\0')}`;
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
  | { kind: 'cached'; entry: CacheEntry; compress: () => Uint8Array | Promise<Uint8Array> };

interface CacheEntry {
  path: string;
  /** Resolves once the compressed file is in the cache (files of equal content share one write). */
  written?: Promise<void>;
}

/**
 * Whether the compressed file `path` is in the cache. Every other file of an
 * index is written by the code that fingerprints it, read-only; these are
 * kept across versions of that code, and one kept from before index files
 * were read-only is made so (the stat is the one a look for it takes anyway).
 */
function kept(path: string): boolean {
  const found = statSync(path, { throwIfNoEntry: false });
  if (found && INDEX_FILE_MODE !== undefined && (found.mode & 0o777) !== INDEX_FILE_MODE) chmodSync(path, INDEX_FILE_MODE);
  return found !== undefined;
}

/** Compressed index files by content, shared by successive builds. */
class CompressedCache {
  private readonly dir: string;
  private readonly used = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  get folder(): string {
    return this.dir;
  }

  /** Where the compressed content named `key` (a hash of what it is made of) is kept. */
  private readonly entries = new Map<string, CacheEntry>();

  entry(key: string): CacheEntry {
    const path = compressedPath(this.dir, key);
    this.used.add(path);
    let entry = this.entries.get(path);
    if (!entry) {
      entry = kept(path) ? { path, written: Promise.resolve() } : { path };
      this.entries.set(path, entry);
    }
    return entry;
  }

  /** Removes what no file of this index uses. */
  async prune(): Promise<void> {
    for (const entry of await readdir(this.dir)) if (!this.used.has(join(this.dir, entry))) await rm(join(this.dir, entry), { force: true });
  }
}

async function writeIndexFile(path: string, file: IndexFile): Promise<void> {
  if (file.kind === 'plain') return writeFile(path, file.data, { mode: INDEX_FILE_MODE });
  if (file.kind === 'compressed') return writeFile(path, await gzip(file.data, { level: 3 }), { mode: INDEX_FILE_MODE });
  const { entry } = file;
  entry.written ??= (async () => {
    // A .part left by a build killed while writing it is read-only: written over, it would refuse every later build.
    await rm(`${entry.path}.part`, { force: true });
    await writeFile(`${entry.path}.part`, await file.compress(), { mode: INDEX_FILE_MODE });
    await rename(`${entry.path}.part`, entry.path);
  })();
  await entry.written;
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

const termKey = (report: IndexedReport) => `${report.digest}\0${report.fields.join('\0')}`;

export interface SearchIndexOptions {
  /**
   * A process that will publish the index: it is leased to it, and no later
   * build (npm run dev beside npm run build) deletes it until the lease is
   * released (releaseIndexLease) or that process has ended.
   */
  leaseFor?: number;
  /** Records assembled into postings at once (whole partitions, at least one): with their sorted copies, about 15 MB at the default. */
  passRecords?: number;
}

export interface SearchIndexResult {
  /** Folder holding manifest.json and the versioned files. */
  dir: string;
  reused: boolean;
  /** Whether the last index was patched (a few documents changed) rather than built in full. */
  patched: boolean;
}

/** Writes the gram files of the groups assembled on worker threads (search-assemble.ts), and an empty dictionary for every bucket left. */
class GramFileWriter {
  private readonly cache: CompressedCache;
  private readonly writtenBuckets = new Set<number>();

  constructor(cache: CompressedCache) {
    this.cache = cache;
  }

  async write(dir: string, base: string, group: CompressedGroup): Promise<void> {
    for (const bucket of group.buckets) this.writtenBuckets.add(bucket);
    // The worker compressed what the cache lacked when it looked; a cache file deleted since cannot be made again here.
    const bytesOf = ({ path, compressed }: CompressedFile) => () => compressed ?? Promise.reject(new Error(`压缩文件缓存中缺少 ${path}（构建时被删除？）：请重新构建`));
    await writeFiles(dir, new Map(group.files.map((file) => [`${base}/${file.path}`, { kind: 'cached', entry: this.cache.entry(file.key), compress: bytesOf(file) }])));
  }

  /** Buckets no gram fell into still get a (empty) dictionary, so the reader finds a file for every bucket. */
  async writeEmpty(dir: string, base: string, buckets: number): Promise<void> {
    const empty = encodeGramBucket([]).dictionary;
    const files = new Map<string, IndexFile>();
    for (let bucket = 0; bucket < buckets; bucket++) if (!this.writtenBuckets.has(bucket)) files.set(`${base}/grams/${bucket}.bin`, { kind: 'compressed', data: empty });
    await writeFiles(dir, files);
  }
}

/** Document files, written a batch at a time as the scan goes (compressed on the thread pool meanwhile), not held until the end. */
class DocumentFileWriter {
  private readonly dir: string;
  private readonly base: string;
  private readonly cache: CompressedCache;
  /**
   * The code's key (SearchIndexInput.fingerprint): a document's body text is
   * the renderer's, which a report's digest does not name — kept across
   * renderers, a file would hold the text an earlier one gave, and the reader
   * decides phrases from it (docs/search.md).
   */
  private readonly fingerprint: string;
  private pending = new Map<string, IndexFile>();
  /** The batch before, still being compressed while the scan goes on. */
  private writing: Promise<void> = Promise.resolve();

  constructor(dir: string, base: string, cache: CompressedCache, fingerprint: string) {
    this.dir = dir;
    this.base = base;
    this.cache = cache;
    this.fingerprint = fingerprint;
  }

  async add(doc: number, report: IndexedReport, text: () => string): Promise<void> {
    const document = (): SearchDocument => ({ id: report.id, title: report.title, agency: report.agency, published: report.published, fields: report.fields, text: text() });
    this.pending.set(`${this.base}/${documentPath(doc)}`, { kind: 'cached', entry: this.cache.entry(hashOf(`${INDEX_FORMAT}\0${this.fingerprint}\0${documentKey(report)}`)), compress: () => gzip(JSON.stringify(document()), { level: 6 }) });
    if (this.pending.size === DOCUMENT_BATCH) await this.flushBatch();
  }

  /** Hands the batch to the thread pool once the one before is written. */
  private async flushBatch(): Promise<void> {
    await this.writing;
    this.writing = writeFiles(this.dir, this.pending);
    // Awaited by the next batch or flush; a failure meanwhile is not unhandled.
    this.writing.catch(() => undefined);
    this.pending = new Map();
  }

  /** Writes what is left; call once every document is added. */
  async flush(): Promise<void> {
    await this.flushBatch();
    await this.writing;
  }
}

/** The index's files besides grams and documents: filters, lengths, heads and the manifest. */
async function writeIndexFrame(dir: string, base: string, input: SearchIndexInput, buckets: number, streams: { length: number; headLength: number }[]): Promise<void> {
  const files = new Map<string, IndexFile>();
  for (const [kind, values] of Object.entries(input.filterValues)) {
    const position = new Map(values.map((value, n) => [value, n]));
    const lists = values.map((): number[] => []);
    input.reports.forEach((report, doc) => {
      for (const value of report.filters[kind] ?? []) lists[position.get(value)!]?.push(doc);
    });
    lists.forEach((docs, n) => files.set(`${base}/filters/${kind}-${n}.bin`, { kind: 'compressed', data: encodeDocList(docs) }));
  }
  const heads = new ByteWriter();
  for (const { headLength } of streams) heads.varint(headLength);
  files.set(`${base}/lengths.bin`, { kind: 'compressed', data: Uint8Array.from(streams, ({ length }) => encodeLength(length)) });
  files.set(`${base}/heads.bin`, { kind: 'compressed', data: heads.finish() });
  const totalLength = streams.reduce((sum, { length }) => sum + length, 0);
  // The documents' files are written by now.
  const heavyDocuments: Record<number, number> = {};
  streams.forEach(({ length }, doc) => {
    const bytes = statSync(join(dir, base, documentPath(doc))).size;
    if (isHeavyDocument(bytes, encodeLength(length))) heavyDocuments[doc] = bytes;
  });
  const manifest: SearchManifest = {
    format: INDEX_FORMAT,
    base,
    documents: input.reports.length,
    buckets,
    averageLength: input.reports.length > 0 ? totalLength / input.reports.length : 0,
    filters: input.filterValues,
    heavyDocuments,
  };
  files.set('manifest.json', { kind: 'plain', data: JSON.stringify(manifest) });
  await writeFiles(dir, files);
}

/**
 * Patching stops paying off when more documents changed than this: each
 * changed document touches about half the buckets, and their grams' blocks.
 */
function patchLimit(documents: number): number {
  return Math.max(16, Math.floor(documents / 200));
}

/**
 * The documents whose grams differ from the last build's, when the last
 * build's index can be patched into this one: same documents in the same
 * numbering (the same count; few keys differ), its index still there.
 */
function patchableChanges(snapshot: GramSnapshot, input: SearchIndexInput, indexRoot: string): number[] | undefined {
  if (snapshot.documents !== input.reports.length || typeof snapshot.index !== 'string' || !existsSync(join(indexRoot, snapshot.index, 'manifest.json'))) return undefined;
  const changed: number[] = [];
  const limit = patchLimit(input.reports.length);
  for (let doc = 0; doc < input.reports.length; doc++) {
    if (snapshot.keyAt(doc) !== termKey(input.reports[doc]!) && changed.push(doc) > limit) return undefined;
  }
  return changed;
}

/**
 * Builds the index into `<cacheDir>/index/<hash>/`, or reuses it when nothing
 * changed, or patches the last one after a small edit. One process at a time
 * per cache (`npm run dev` and `npm run build` may run together): a patch
 * appends to the snapshot, which two at once would corrupt.
 */
export async function buildSearchIndex(input: SearchIndexInput, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  await mkdir(input.cacheDir, { recursive: true });
  const lock = join(input.cacheDir, '.lock');
  const refusal = await takeLock(lock, INDEX_LOCK_WAIT_SECONDS, () => undefined);
  if (refusal) throw new Error(refusal);
  try {
    return await buildLocked(input, options);
  } finally {
    releaseLock(lock);
  }
}

/** How long an index build waits for another on the same cache (a cold build at 100,000 reports takes minutes). */
const INDEX_LOCK_WAIT_SECONDS = 1800;

/** The lease of index folder `dir` to process `pid`. */
const leaseFile = (dir: string, pid: number) => `${dir}.lease-${pid}`;

/** The publishing process is done with the index: a later build may supersede it. */
export async function releaseIndexLease(result: SearchIndexResult, pid = process.pid): Promise<void> {
  await rm(leaseFile(result.dir, pid), { force: true });
}

/** Index folders (names) leased to a running process; leases of processes gone are removed. */
async function leasedIndexes(indexRoot: string): Promise<Set<string>> {
  const leased = new Set<string>();
  for (const entry of await readdir(indexRoot)) {
    const lease = /^(.+)\.lease-(\d+)$/.exec(entry);
    if (!lease) continue;
    if (isRunning(Number(lease[2]))) leased.add(lease[1]!);
    else await rm(join(indexRoot, entry), { force: true });
  }
  return leased;
}

async function buildLocked(input: SearchIndexInput, options: SearchIndexOptions): Promise<SearchIndexResult> {
  const result = await buildOrReuse(input, options);
  if (options.leaseFor !== undefined) await writeFile(leaseFile(result.dir, options.leaseFor), '');
  return result;
}

/**
 * A report's body as text, read from the render cache once however often it
 * is asked for (the scan and its document file both want it: read twice, it
 * cost a second at 10,000 reports).
 */
function bodyText(report: IndexedReport): () => string {
  let text: string | undefined;
  return () => (text ??= renderedText(report.digest, () => readReportBody(report.sourcePath)));
}

async function buildOrReuse(input: SearchIndexInput, { passRecords = 500_000 }: SearchIndexOptions): Promise<SearchIndexResult> {
  const hash = indexHash(input);
  const indexRoot = join(input.cacheDir, 'index');
  const dir = join(indexRoot, hash);
  if (existsSync(join(dir, 'manifest.json'))) return { dir, reused: true, patched: false };

  const buckets = bucketCount(input.reports.length);
  const partitions = spillPartitionCount(input.reports.length, buckets);
  const collector = new GramCollector(buckets, partitions);
  const snapshotDir = join(input.cacheDir, 'grams');
  const snapshot = await GramSnapshot.open(snapshotDir, `${INDEX_FORMAT}\0${input.fingerprint}`);
  for (const term of snapshot?.terms ?? []) collector.addKnownTerm(term);
  const base = `v${hash}`;
  // Build beside, then move into place: a half-written index is never reused.
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  await mkdir(join(input.cacheDir, 'compressed'), { recursive: true });
  const cache = new CompressedCache(join(input.cacheDir, 'compressed'));
  const changed = snapshot && patchableChanges(snapshot, input, indexRoot);
  let patched = false;
  if (snapshot && changed) {
    const documents: ChangedDocument[] = [];
    try {
      const previousManifest = JSON.parse(await readFile(join(indexRoot, snapshot.index, 'manifest.json'), 'utf8')) as SearchManifest;
      const documentFiles = new DocumentFileWriter(building, base, cache, input.fingerprint);
      const streams: { length: number; headLength: number }[] = [];
      const isChanged = new Set(changed);
      for (let doc = 0; doc < input.reports.length; doc++) {
        const report = input.reports[doc]!;
        const text = bodyText(report);
        if (isChanged.has(doc)) {
          const { stream, headLength } = documentStream([...report.fields, text()], HEAD_FIELDS);
          const after = collector.scanStream(stream, headLength);
          documents.push({ doc, before: snapshot.readAt(doc), after, stream });
          streams.push({ length: after.length, headLength: after.headLength });
        } else streams.push(snapshot.lengthsAt(doc));
        await documentFiles.add(doc, report, text);
      }
      await documentFiles.flush();
      await patchGramFiles(join(indexRoot, snapshot.index, previousManifest.base, 'grams'), join(building, base, 'grams'), buckets, documents, (id) => collector.textOf(id));
      await writeIndexFrame(building, base, input, buckets, streams);
      patched = true;
    } catch {
      // The last index is not whole (files deleted by hand, a disk error): built in full instead.
      await rm(building, { recursive: true, force: true });
    }
    if (patched) {
      await rename(building, dir);
      // The compressed cache keeps what a later full build reuses; the snapshot gets the changed documents' grams.
      await snapshot.replace(new Map(documents.map(({ doc, after }) => [doc, { key: termKey(input.reports[doc]!), grams: after }])), collector.terms, hash);
    }
  }
  if (!patched) {
    const documentFiles = new DocumentFileWriter(building, base, cache, input.fingerprint);
    const streams: { length: number; headLength: number }[] = [];
    const nextSnapshot = new GramSnapshotWriter(snapshotDir, `${INDEX_FORMAT}\0${input.fingerprint}`);
    const spill = new RecordSpill(join(input.cacheDir, 'spill'), partitions);
    const sizes = new DataSizeBound();
    for (let doc = 0; doc < input.reports.length; doc++) {
      const report = input.reports[doc]!;
      const text = bodyText(report);
      const grams = snapshot?.read(termKey(report)) ?? collector.scan([...report.fields, text()], HEAD_FIELDS);
      spill.add(doc, grams, collector);
      sizes.add(grams);
      nextSnapshot.add(termKey(report), grams);
      streams.push({ length: grams.length, headLength: grams.headLength });
      await documentFiles.add(doc, report, text);
    }
    await documentFiles.flush();
    snapshot?.close();
    spill.finish();
    const contextsByPartition = fixedContexts(input, collector, sizes.aboveABlock());
    const gramFiles = new GramFileWriter(cache);
    const idsByPartition = collector.idsByPartition();
    const jobs = spill.groups(passRecords).map((group) => () => {
      const ids = Int32Array.from(group.flatMap((partition) => [...idsByPartition[partition]!]));
      const contexts = new Map(group.flatMap((partition) => contextsByPartition.get(partition) ?? []));
      return { spillDir: spill.folder, parts: spill.parts(group), ids, texts: Array.from(ids, (id) => collector.textOf(id)), contexts, buckets, compressedDir: cache.folder };
    });
    await assembleOnWorkers(jobs, (group) => gramFiles.write(building, base, group));
    await gramFiles.writeEmpty(building, base, buckets);
    spill.remove();
    await writeIndexFrame(building, base, input, buckets, streams);
    await rename(building, dir);
    await cache.prune();
    await nextSnapshot.finish(collector.terms, hash);
  }
  // Keep only this index and those leased for publishing: earlier ones are superseded, moved aside at once and deleted after the build has its answer.
  const leased = await leasedIndexes(indexRoot);
  for (const entry of await readdir(indexRoot)) {
    if (entry === hash || leased.has(entry) || entry.includes('.lease-')) continue;
    await rename(join(indexRoot, entry), join(input.cacheDir, `${SUPERSEDED}${entry}-${process.pid}-${Date.now()}`));
  }
  return { dir, reused: false, patched };
}

/**
 * The fixed contexts of the grams `ids` (DataSizeBound.aboveABlock), by
 * spill partition: every report's stream is read once more, after the scan
 * has told which grams are frequent.
 */
function fixedContexts(input: SearchIndexInput, collector: GramCollector, ids: readonly number[]): Map<number, [number, FixedContext][]> {
  const finder = new FixedContextFinder(ids.map((id) => collector.textOf(id)));
  for (const report of input.reports) finder.add(documentStream([...report.fields, bodyText(report)()], HEAD_FIELDS).stream);
  const byPartition = new Map<number, [number, FixedContext][]>();
  ids.forEach((id, index) => {
    const partition = collector.partition(id);
    let contexts = byPartition.get(partition);
    if (!contexts) byPartition.set(partition, (contexts = []));
    contexts.push([id, finder.context(index)]);
  });
  return byPartition;
}

/** Prefix of earlier indexes moved aside in the cache: deleting an index's 80,000 files takes a second the build need not wait for. */
const SUPERSEDED = 'superseded-';

/** Deletes the indexes earlier builds superseded (search-worker.ts calls it once it has answered). */
export async function removeSupersededIndexes(cacheDir: string): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => []);
  for (const entry of entries) if (entry.startsWith(SUPERSEDED)) await rm(join(cacheDir, entry), { recursive: true, force: true });
}

/** The index goes to `<site>/search-index/`. */
export const SEARCH_INDEX_PATH = 'search-index';

export async function publishSearchIndex(result: SearchIndexResult, siteDir: string): Promise<void> {
  await linkTree(result.dir, join(siteDir, SEARCH_INDEX_PATH));
}
