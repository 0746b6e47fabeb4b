/**
 * Builds the search index (format: src/lib/search/format.ts).
 *
 * Every document's text (from the render cache) is scanned once for its
 * terms; the postings are assembled with typed arrays and written as a few
 * thousand small files. The whole index is a function of its inputs, so an
 * unchanged archive reuses the previous one as it is.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readReportBody } from '../../src/lib/content/source.ts';
import {
  bucketCount,
  bucketOf,
  DOCS_PER_BLOCK,
  encodeDocList,
  encodeLength,
  encodeTermFile,
  INDEX_FORMAT,
  prefixFileName,
  prefixKeyOf,
  type SearchManifest,
} from '../../src/lib/search/format.ts';
import { scanTerms, TITLE_WEIGHT, type TermSink } from '../../src/lib/search/tokens.ts';
import { renderedText } from '../../src/markdown/cached.ts';
import { linkTree } from './fs-tree.ts';

/** What the index needs to know about one report, in newest-first order. */
export interface IndexedReport {
  id: string;
  title: string;
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

  push(value: number): void {
    if (this.size === this.array.length) {
      const grown = this.make(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.size++] = value;
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
    this.counts[id] += weight;
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
    const terms = this.pairTerms.array.subarray(0, this.pairTerms.size);
    const counts = this.pairCounts.array.subarray(0, this.pairCounts.size);
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
  for (const report of input.reports) hash.update(`${report.id}\0${report.digest}\0${report.title}\0${JSON.stringify(report.filters)}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function writeFiles(dir: string, files: Map<string, Uint8Array | string>): Promise<void> {
  const folders = new Set([...files.keys()].map((path) => dirname(join(dir, path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(entries.slice(i, i + 64).map(([path, data]) => writeFile(join(dir, path), data)));
  }
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
  const lengths = new Uint8Array(input.reports.length);
  let totalLength = 0;
  input.reports.forEach((report, doc) => {
    const text = renderedText(report.digest, () => readReportBody(report.sourcePath));
    const length = scanTerms(report.title, TITLE_WEIGHT, collector) + scanTerms(text, 1, collector);
    collector.endDocument();
    lengths[doc] = encodeLength(length);
    totalLength += length;
  });
  const postings = collector.postings();
  const postingsOf = (id: number): [Uint32Array, Uint8Array] => {
    const start = postings.offsets[id]!;
    const end = postings.offsets[id + 1]!;
    return [postings.docs.subarray(start, end), postings.counts.subarray(start, end)];
  };

  const base = `v${hash}`;
  const files = new Map<string, Uint8Array | string>();
  const buckets = bucketCount(input.reports.length);
  // Exact terms go to hashed buckets; suffixes (marked with a leading NUL) to prefix files, sorted.
  const byBucket = new Map<number, number[]>();
  const byPrefix = new Map<string, number[]>();
  collector.terms.forEach((term, id) => {
    const [map, key] = term.startsWith('\u0000') ? [byPrefix, prefixKeyOf(term.slice(1))] : [byBucket, bucketOf(term, buckets)];
    const list = (map as Map<unknown, number[]>).get(key);
    if (list) list.push(id);
    else (map as Map<unknown, number[]>).set(key, [id]);
  });
  for (const [bucket, ids] of byBucket) {
    files.set(`${base}/terms/${bucket}.bin`, encodeTermFile(ids.map((id) => [collector.terms[id]!, ...postingsOf(id)])));
  }
  for (const [key, ids] of byPrefix) {
    ids.sort((a, b) => (collector.terms[a]! < collector.terms[b]! ? -1 : 1));
    files.set(`${base}/prefix/${prefixFileName(key)}.bin`, encodeTermFile(ids.map((id) => [collector.terms[id]!.slice(1), ...postingsOf(id)])));
  }
  for (let block = 0; block * DOCS_PER_BLOCK < input.reports.length; block++) {
    const ids = input.reports.slice(block * DOCS_PER_BLOCK, (block + 1) * DOCS_PER_BLOCK).map((report) => report.id);
    files.set(`${base}/docs/${block}.json`, JSON.stringify(ids));
  }
  for (const [kind, values] of Object.entries(input.filterValues)) {
    const position = new Map(values.map((value, n) => [value, n]));
    const lists = values.map((): number[] => []);
    input.reports.forEach((report, doc) => {
      for (const value of report.filters[kind] ?? []) lists[position.get(value)!]?.push(doc);
    });
    lists.forEach((docs, n) => files.set(`${base}/filters/${kind}-${n}.bin`, encodeDocList(docs)));
  }
  files.set(`${base}/lengths.bin`, lengths);
  const manifest: SearchManifest = {
    format: INDEX_FORMAT,
    base,
    documents: input.reports.length,
    buckets,
    averageLength: input.reports.length > 0 ? totalLength / input.reports.length : 0,
    prefixKeys: [...byPrefix.keys()].sort(),
    filters: input.filterValues,
  };
  files.set('manifest.json', JSON.stringify(manifest));

  // Build beside, then move into place: a half-written index is never reused.
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  await writeFiles(building, files);
  await rename(building, dir);
  // Keep only this index: earlier ones are superseded.
  for (const entry of await readdir(indexRoot)) if (entry !== hash) await rm(join(indexRoot, entry), { recursive: true, force: true });
  return { dir, reused: false };
}

/** The index goes to `<site>/search-index/`. */
export const SEARCH_INDEX_PATH = 'search-index';

export async function publishSearchIndex(result: SearchIndexResult, siteDir: string): Promise<void> {
  await linkTree(result.dir, join(siteDir, SEARCH_INDEX_PATH));
}
