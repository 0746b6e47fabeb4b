/**
 * Builds the search index (format: src/lib/search/format.ts).
 *
 * Every document's text (from the render cache) is scanned once for its
 * terms; the postings are assembled with typed arrays and written as a few
 * thousand small gzip-compressed files. The whole index is a function of its
 * inputs, so an unchanged archive reuses the previous one as it is; after an
 * edit, documents that did not change are not scanned again (their terms are
 * kept in the cache) nor compressed again (their files are kept too), and
 * the result is byte for byte the index a build from scratch would write.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { readReportBody } from '../../src/lib/content/source.ts';
import {
  bucketCount,
  bucketOf,
  documentPath,
  encodeDocList,
  encodeLength,
  encodeTermFile,
  INDEX_FORMAT,
  prefixFileName,
  prefixKeyOf,
  type SearchDocument,
  type SearchManifest,
} from '../../src/lib/search/format.ts';
import { scanTerms, TITLE_WEIGHT, type TermSink } from '../../src/lib/search/tokens.ts';
import { renderedText } from '../../src/markdown/cached.ts';
import { linkTree } from './fs-tree.ts';

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

/** A growable array of one typed kind. */
class Growable<T extends Int32Array | Uint8Array> {
  array: T;
  size = 0;
  private readonly make: (size: number) => T;

  constructor(make: (size: number) => T) {
    this.make = make;
    this.array = make(1 << 16);
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.array.length) return;
    let length = this.array.length * 2;
    while (length < this.size + extra) length *= 2;
    const grown = this.make(length);
    grown.set(this.array.subarray(0, this.size));
    this.array = grown;
  }

  push(value: number): void {
    this.reserve(1);
    this.array[this.size++] = value;
  }

  pushAll(values: ArrayLike<number>): void {
    this.reserve(values.length);
    this.array.set(values, this.size);
    this.size += values.length;
  }

  get values(): T {
    return this.array.subarray(0, this.size) as T;
  }
}

/**
 * Terms numbered as they are first seen, and each document's (term, count)
 * pairs recorded document by document; `postings()` then turns them around
 * into one list per term with a counting sort. Typed arrays throughout: an
 * archive of 10,000 documents has some 30 million pairs.
 */
class TermCollector implements TermSink {
  readonly terms: string[] = [];
  /** Term id of each character by code point; -1 until seen. */
  private readonly charIds = new Int32Array(0x110000).fill(-1);
  /** Pairs of characters from the common Han block, by a key small enough to stay an integer. */
  private readonly hanPairIds = new Map<number, number>();
  private readonly otherIds = new Map<string, number>();
  private counts = new Int32Array(1 << 16);
  private touched: number[] = [];
  private readonly pairTerms = new Growable((n) => new Int32Array(n));
  private readonly pairCounts = new Growable((n) => new Uint8Array(n));
  /** Where each document's pairs start in pairTerms/pairCounts. */
  readonly documentStarts: number[] = [];

  private newTerm(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id >= this.counts.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    return id;
  }

  private idOf<K>(map: Map<K, number>, key: K, term: () => string): number {
    let id = map.get(key);
    if (id === undefined) {
      id = this.newTerm(term());
      map.set(key, id);
    }
    return id;
  }

  private bump(id: number, weight: number): void {
    if (this.counts[id] === 0) this.touched.push(id);
    this.counts[id]! += weight;
  }

  char(code: number, weight: number): void {
    let id = this.charIds[code]!;
    if (id < 0) {
      id = this.newTerm(String.fromCodePoint(code));
      this.charIds[code] = id;
    }
    this.bump(id, weight);
  }

  pair(first: number, second: number, weight: number): void {
    const common = first >= 0x4e00 && first <= 0x9fff && second >= 0x4e00 && second <= 0x9fff;
    const id = common
      ? this.idOf(this.hanPairIds, (first - 0x4e00) * 0x5200 + (second - 0x4e00), () => String.fromCodePoint(first, second))
      : this.idOf(this.otherIds, String.fromCodePoint(first, second), () => String.fromCodePoint(first, second));
    this.bump(id, weight);
  }

  suffix(text: string, weight: number): void {
    // Suffixes share the numbering; they are told apart by the prefix files they go to.
    this.bump(this.idOf(this.otherIds, `\u0000${text}`, () => `\u0000${text}`), weight);
  }

  /** Records a document's terms as a previous build found them (term ids of this collector). */
  appendDocument(termIds: Int32Array, counts: Uint8Array): void {
    this.documentStarts.push(this.pairTerms.size);
    this.pairTerms.pushAll(termIds);
    this.pairCounts.pushAll(counts);
  }

  /** Every document's (term, count) pairs, document after document, and how many each has. */
  allPairs(): { termIds: Int32Array; counts: Uint8Array; perDocument: number[] } {
    const starts = [...this.documentStarts, this.pairTerms.size];
    return { termIds: this.pairTerms.values, counts: this.pairCounts.values, perDocument: this.documentStarts.map((start, doc) => starts[doc + 1]! - start) };
  }

  /** Numbers terms known from a previous build the same way again. */
  addKnownTerm(term: string): void {
    const codes = [...term].map((char) => char.codePointAt(0)!);
    if (term.startsWith('\u0000') || codes.length > 2) this.otherIds.set(term, this.newTerm(term));
    else if (codes.length === 1) this.charIds[codes[0]!] = this.newTerm(term);
    else {
      const [first, second] = codes as [number, number];
      const common = first >= 0x4e00 && first <= 0x9fff && second >= 0x4e00 && second <= 0x9fff;
      if (common) this.hanPairIds.set((first - 0x4e00) * 0x5200 + (second - 0x4e00), this.newTerm(term));
      else this.otherIds.set(term, this.newTerm(term));
    }
  }

  /** Records the current document's terms and starts the next. */
  endDocument(): void {
    this.documentStarts.push(this.pairTerms.size);
    for (const id of this.touched) {
      this.pairTerms.push(id);
      this.pairCounts.push(Math.min(255, this.counts[id]!));
      this.counts[id] = 0;
    }
    this.touched = [];
  }

  /** Per term: the documents it occurs in (increasing) and its counts there. */
  postings(): { offsets: Int32Array; docs: Uint32Array; counts: Uint8Array } {
    const terms = this.pairTerms.values;
    const counts = this.pairCounts.values;
    const offsets = new Int32Array(this.terms.length + 1);
    for (const term of terms) offsets[term + 1]!++;
    for (let i = 0; i < this.terms.length; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, this.terms.length);
    const docs = new Uint32Array(terms.length);
    const sortedCounts = new Uint8Array(terms.length);
    const starts = [...this.documentStarts, terms.length];
    for (let doc = 0; doc < this.documentStarts.length; doc++) {
      for (let i = starts[doc]!; i < starts[doc + 1]!; i++) {
        const at = fill[terms[i]!]!++;
        docs[at] = doc;
        sortedCounts[at] = counts[i]!;
      }
    }
    return { offsets, docs, counts: sortedCounts };
  }
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
 * A file of the index: the manifest (read first and tiny) as it is; postings
 * compressed on every build; documents compressed once and kept, by content,
 * in the cache, the index linking to them (no data when the copy exists).
 */
type IndexFile =
  | { kind: 'plain'; data: string }
  | { kind: 'compressed'; data: Uint8Array }
  | { kind: 'document'; data: string | undefined; cachedAs: string };

async function writeIndexFile(path: string, file: IndexFile): Promise<void> {
  if (file.kind === 'plain') return writeFile(path, file.data);
  // Postings are rewritten on every change, so they get a fast level (3% larger than level 6, twice as fast).
  if (file.kind === 'compressed') return writeFile(path, await gzip(file.data, { level: 3 }));
  const { data, cachedAs } = file;
  if (data !== undefined) {
    await writeFile(`${cachedAs}.part`, await gzip(data, { level: 6 }));
    await rename(`${cachedAs}.part`, cachedAs);
  }
  try {
    await link(cachedAs, path);
  } catch {
    await copyFile(cachedAs, path);
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

/** Removes compressed documents no document of this index uses. */
async function pruneDocumentCache(dir: string, used: Set<string>): Promise<void> {
  for (const entry of await readdir(dir)) if (!used.has(join(dir, entry))) await rm(join(dir, entry), { force: true });
}

/**
 * The terms each document had in the last build, so a rebuild scans only the
 * documents that changed: term strings, and per document (by what its terms
 * are made of) its (term, count) pairs.
 */
interface TermSnapshot {
  terms: string[];
  documents: Map<string, [Int32Array, Uint8Array, number]>;
}

const termKey = (report: IndexedReport) => `${report.digest}\0${report.title}`;

async function loadTermSnapshot(dir: string, version: string): Promise<TermSnapshot | undefined> {
  try {
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as { version: string; terms: string[]; documents: [key: string, pairs: number, length: number][] };
    if (meta.version !== version) return undefined;
    const termBytes = await readFile(join(dir, 'terms.bin'));
    // Int32Array needs 4-byte alignment, which a small file read into Node's shared pool may lack.
    const aligned = termBytes.byteOffset % 4 === 0 ? termBytes : Buffer.from(termBytes);
    const termIds = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    const counts = await readFile(join(dir, 'counts.bin'));
    const documents = new Map<string, [Int32Array, Uint8Array, number]>();
    let offset = 0;
    for (const [key, pairs, length] of meta.documents) {
      documents.set(key, [termIds.subarray(offset, offset + pairs), counts.subarray(offset, offset + pairs), length]);
      offset += pairs;
    }
    return { terms: meta.terms, documents };
  } catch {
    return undefined;
  }
}

async function saveTermSnapshot(dir: string, version: string, collector: TermCollector, reports: IndexedReport[], lengths: number[]): Promise<void> {
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const { termIds, counts, perDocument } = collector.allPairs();
  const documents = reports.map((report, doc) => [termKey(report), perDocument[doc]!, lengths[doc]!] as const);
  await writeFile(join(building, 'terms.bin'), new Uint8Array(termIds.buffer, termIds.byteOffset, termIds.byteLength));
  await writeFile(join(building, 'counts.bin'), counts);
  await writeFile(join(building, 'meta.json'), JSON.stringify({ version, terms: collector.terms, documents }));
  await rm(dir, { recursive: true, force: true });
  await rename(building, dir);
}

export interface SearchIndexResult {
  /** Folder holding manifest.json and the versioned files. */
  dir: string;
  reused: boolean;
}

/** Builds the index into `<cacheDir>/index/<hash>/`, or reuses it when nothing changed. */
export async function buildSearchIndex(input: SearchIndexInput): Promise<SearchIndexResult> {
  const hash = indexHash(input);
  const indexRoot = join(input.cacheDir, 'index');
  const dir = join(indexRoot, hash);
  if (existsSync(join(dir, 'manifest.json'))) return { dir, reused: true };

  const collector = new TermCollector();
  const snapshotDir = join(input.cacheDir, 'terms');
  const snapshotVersion = `${INDEX_FORMAT}\0${input.fingerprint}`;
  const snapshot = await loadTermSnapshot(snapshotDir, snapshotVersion);
  for (const term of snapshot?.terms ?? []) collector.addKnownTerm(term);
  const lengths = new Uint8Array(input.reports.length);
  const fullLengths: number[] = [];
  let totalLength = 0;
  const base = `v${hash}`;
  // Build beside, then move into place: a half-written index is never reused.
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  const documentCache = join(input.cacheDir, 'documents');
  await mkdir(documentCache, { recursive: true });
  const cachedDocuments = new Set<string>();
  // Document files are written as the scan goes (compressed on the thread pool meanwhile), not held until the end.
  let documentFiles = new Map<string, IndexFile>();
  for (let doc = 0; doc < input.reports.length; doc++) {
    const report = input.reports[doc]!;
    const text = () => renderedText(report.digest, () => readReportBody(report.sourcePath));
    const known = snapshot?.documents.get(termKey(report));
    let length: number;
    if (known) {
      collector.appendDocument(known[0], known[1]);
      length = known[2];
    } else {
      length = scanTerms(report.title, TITLE_WEIGHT, collector) + scanTerms(text(), 1, collector);
      collector.endDocument();
    }
    fullLengths.push(length);
    lengths[doc] = encodeLength(length);
    totalLength += length;
    const cachedAs = join(documentCache, `${createHash('sha256').update(`${INDEX_FORMAT}\0${documentKey(report)}`).digest('hex').slice(0, 32)}.gz`);
    cachedDocuments.add(cachedAs);
    const document = (): SearchDocument => ({ id: report.id, title: report.title, agency: report.agency, date: report.date, text: text() });
    documentFiles.set(`${base}/${documentPath(doc)}`, { kind: 'document', data: existsSync(cachedAs) ? undefined : JSON.stringify(document()), cachedAs });
    if (documentFiles.size === DOCUMENT_BATCH || doc === input.reports.length - 1) {
      await writeFiles(building, documentFiles);
      documentFiles = new Map();
    }
  }
  const files = new Map<string, IndexFile>();
  const postings = collector.postings();
  const postingsOf = (id: number): [Uint32Array, Uint8Array] => {
    const start = postings.offsets[id]!;
    const end = postings.offsets[id + 1]!;
    return [postings.docs.subarray(start, end), postings.counts.subarray(start, end)];
  };

  const buckets = bucketCount(input.reports.length);
  // Exact terms go to hashed buckets; suffixes (marked with a leading NUL) to prefix files, sorted.
  const byBucket = new Map<number, number[]>();
  const byPrefix = new Map<string, number[]>();
  collector.terms.forEach((term, id) => {
    // Terms only documents of earlier builds had.
    if (postings.offsets[id] === postings.offsets[id + 1]) return;
    const [map, key] = term.startsWith('\u0000') ? [byPrefix, prefixKeyOf(term.slice(1))] : [byBucket, bucketOf(term, buckets)];
    const list = (map as Map<unknown, number[]>).get(key);
    if (list) list.push(id);
    else (map as Map<unknown, number[]>).set(key, [id]);
  });
  // Term order within files doesn't depend on the order terms were first seen: the same input gives the same bytes.
  const byTerm = (a: number, b: number) => (collector.terms[a]! < collector.terms[b]! ? -1 : 1);
  for (const [bucket, ids] of byBucket) {
    ids.sort(byTerm);
    files.set(`${base}/terms/${bucket}.bin`, { kind: 'compressed', data: encodeTermFile(ids.map((id) => [collector.terms[id]!, ...postingsOf(id)])) });
  }
  for (const [key, ids] of byPrefix) {
    ids.sort(byTerm);
    files.set(`${base}/prefix/${prefixFileName(key)}.bin`, { kind: 'compressed', data: encodeTermFile(ids.map((id) => [collector.terms[id]!.slice(1), ...postingsOf(id)])) });
  }
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
    prefixKeys: [...byPrefix.keys()].sort(),
    filters: input.filterValues,
  };
  files.set('manifest.json', { kind: 'plain', data: JSON.stringify(manifest) });

  await writeFiles(building, files);
  await rename(building, dir);
  await pruneDocumentCache(documentCache, cachedDocuments);
  await saveTermSnapshot(snapshotDir, snapshotVersion, collector, input.reports, fullLengths);
  // Keep only this index: earlier ones are superseded.
  for (const entry of await readdir(indexRoot)) if (entry !== hash) await rm(join(indexRoot, entry), { recursive: true, force: true });
  return { dir, reused: false };
}

/** The index goes to `<site>/search-index/`. */
export const SEARCH_INDEX_PATH = 'search-index';

export async function publishSearchIndex(result: SearchIndexResult, siteDir: string): Promise<void> {
  await linkTree(result.dir, join(siteDir, SEARCH_INDEX_PATH));
}
