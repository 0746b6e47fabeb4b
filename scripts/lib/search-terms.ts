/**
 * The index builder's working memory, kept to a fixed size whatever the
 * archive's: terms are numbered as they are first seen (TermCollector), each
 * document's (term, count) pairs go to disk by partition (PairSpill), and
 * the postings are then assembled one group of partitions at a time. The
 * pairs are also kept, document by document, for the next build
 * (TermSnapshot), so documents that did not change are not scanned again.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bucketOf, prefixKeyOf, TRIPLE_SLOTS, tripleSlot } from '../../src/lib/search/format.ts';
import type { TermSink } from '../../src/lib/search/tokens.ts';

/** Suffixes of letter/digit runs are numbered with the exact terms, told apart by this mark. */
export const SUFFIX_MARK = '\u0000';

/**
 * One document's terms and how often each occurs, capped at 255. A term id
 * below TRIPLE_SLOTS is a slot of triples; from there on, a term of the
 * collector's vocabulary (TermCollector.textOf).
 */
export interface DocumentPairs {
  termIds: Int32Array;
  counts: Uint8Array;
}

const isCommonHan = (code: number) => code >= 0x4e00 && code <= 0x9fff;
/** Pairs of common Han characters by a key small enough to stay an integer. */
const hanPairKey = (first: number, second: number) => (first - 0x4e00) * 0x5200 + (second - 0x4e00);

/** Terms numbered as they are first seen, and the terms of the document being scanned. */
export class TermCollector implements TermSink {
  /** The vocabulary: characters, pairs and suffixes, by id − TRIPLE_SLOTS. */
  readonly terms: string[] = [];
  /** Spill partition of each vocabulary term. */
  private partitions = new Uint16Array(1 << 16);
  private readonly bucketCount: number;
  private readonly partitionCount: number;
  /** Term id of each character by code point; -1 until seen. */
  private readonly charIds = new Int32Array(0x110000).fill(-1);
  private readonly hanPairIds = new Map<number, number>();
  private readonly otherIds = new Map<string, number>();
  /** Counts of the current document, by vocabulary index and by triple slot. */
  private counts = new Int32Array(1 << 16);
  private readonly tripleCounts = new Int32Array(TRIPLE_SLOTS);
  private touched: number[] = [];

  /** Terms are spilled into `partitionCount` partitions by the one of `bucketCount` buckets they belong to. */
  constructor(bucketCount: number, partitionCount: number) {
    this.bucketCount = bucketCount;
    this.partitionCount = partitionCount;
  }

  /** Ids this collector can give: every slot and the vocabulary so far. */
  get idCount(): number {
    return TRIPLE_SLOTS + this.terms.length;
  }

  partition(id: number): number {
    return id < TRIPLE_SLOTS ? id % this.partitionCount : this.partitions[id - TRIPLE_SLOTS]!;
  }

  /** A vocabulary term's text, or undefined for a triple slot. */
  textOf(id: number): string | undefined {
    return id < TRIPLE_SLOTS ? undefined : this.terms[id - TRIPLE_SLOTS];
  }

  private newTerm(term: string): number {
    const index = this.terms.length;
    this.terms.push(term);
    if (index >= this.counts.length) {
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
      const partitions = new Uint16Array(this.partitions.length * 2);
      partitions.set(this.partitions);
      this.partitions = partitions;
    }
    this.partitions[index] = termPartition(term, this.bucketCount, this.partitionCount);
    return TRIPLE_SLOTS + index;
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
    if (id < TRIPLE_SLOTS) {
      if (this.tripleCounts[id] === 0) this.touched.push(id);
      this.tripleCounts[id]! += weight;
    } else {
      if (this.counts[id - TRIPLE_SLOTS] === 0) this.touched.push(id);
      this.counts[id - TRIPLE_SLOTS]! += weight;
    }
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
    const id =
      isCommonHan(first) && isCommonHan(second)
        ? this.idOf(this.hanPairIds, hanPairKey(first, second), () => String.fromCodePoint(first, second))
        : this.idOf(this.otherIds, String.fromCodePoint(first, second), () => String.fromCodePoint(first, second));
    this.bump(id, weight);
  }

  triple(first: number, second: number, third: number, weight: number): void {
    this.bump(tripleSlot(first, second, third), weight);
  }

  suffix(text: string, weight: number): void {
    this.bump(this.idOf(this.otherIds, SUFFIX_MARK + text, () => SUFFIX_MARK + text), weight);
  }

  /** Numbers a term known from a previous build, in the order that build numbered them. */
  addKnownTerm(term: string): void {
    const codes = [...term].map((char) => char.codePointAt(0)!);
    if (term.startsWith(SUFFIX_MARK) || codes.length > 2) this.otherIds.set(term, this.newTerm(term));
    else if (codes.length === 1) this.charIds[codes[0]!] = this.newTerm(term);
    else if (isCommonHan(codes[0]!) && isCommonHan(codes[1]!)) this.hanPairIds.set(hanPairKey(codes[0]!, codes[1]!), this.newTerm(term));
    else this.otherIds.set(term, this.newTerm(term));
  }

  /** The terms of the document just scanned; the next scan starts a new document. */
  takeDocument(): DocumentPairs {
    const termIds = Int32Array.from(this.touched);
    const counts = new Uint8Array(termIds.length);
    termIds.forEach((id, i) => {
      const [array, index] = id < TRIPLE_SLOTS ? [this.tripleCounts, id] : [this.counts, id - TRIPLE_SLOTS];
      counts[i] = Math.min(255, array[index]!);
      array[index] = 0;
    });
    this.touched = [];
    return { termIds, counts };
  }
}

/** Reads a file's bytes as 32-bit integers (a copy when the bytes are not aligned for them). */
function int32View<T extends Int32Array | Uint32Array>(bytes: Buffer, make: new (buffer: ArrayBuffer, offset: number, length: number) => T): T {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new make(aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.byteLength / 4);
}

const bytesOf = (array: Int32Array | Uint32Array | Uint8Array, length: number) => new Uint8Array(array.buffer, array.byteOffset, length * array.BYTES_PER_ELEMENT);

/** Pairs buffered per partition before they are appended to its files. */
const SPILL_CHUNK = 1 << 14;

/** Postings of every document, on disk by partition: each partition's (document, term, count) records in document order. */
export class PairSpill {
  private readonly dir: string;
  private readonly buffers: { docs: Uint32Array; terms: Int32Array; counts: Uint8Array; size: number }[];
  /** Records written per partition. */
  private readonly written: number[];

  constructor(dir: string, partitions: number) {
    this.dir = dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    this.buffers = Array.from({ length: partitions }, () => ({ docs: new Uint32Array(SPILL_CHUNK), terms: new Int32Array(SPILL_CHUNK), counts: new Uint8Array(SPILL_CHUNK), size: 0 }));
    this.written = Array.from({ length: partitions }, () => 0);
  }

  private file(partition: number, kind: 'docs' | 'terms' | 'counts'): string {
    return join(this.dir, `${partition}.${kind}`);
  }

  add(doc: number, pairs: DocumentPairs, collector: TermCollector): void {
    const { termIds, counts } = pairs;
    for (let i = 0; i < termIds.length; i++) {
      const partition = collector.partition(termIds[i]!);
      const buffer = this.buffers[partition]!;
      buffer.docs[buffer.size] = doc;
      buffer.terms[buffer.size] = termIds[i]!;
      buffer.counts[buffer.size] = counts[i]!;
      if (++buffer.size === SPILL_CHUNK) this.flush(partition);
    }
  }

  private flush(partition: number): void {
    const buffer = this.buffers[partition]!;
    if (buffer.size === 0) return;
    appendFileSync(this.file(partition, 'docs'), bytesOf(buffer.docs, buffer.size));
    appendFileSync(this.file(partition, 'terms'), bytesOf(buffer.terms, buffer.size));
    appendFileSync(this.file(partition, 'counts'), bytesOf(buffer.counts, buffer.size));
    this.written[partition]! += buffer.size;
    buffer.size = 0;
  }

  /** Writes what is still buffered; call once every document is added. */
  finish(): void {
    this.buffers.forEach((_, partition) => this.flush(partition));
  }

  /** Consecutive partitions holding up to `maxRecords` records together (a bigger partition alone). */
  groups(maxRecords: number): number[][] {
    const groups: number[][] = [];
    let current: number[] = [];
    let records = 0;
    this.written.forEach((count, partition) => {
      if (count === 0) return;
      if (current.length > 0 && records + count > maxRecords) {
        groups.push(current);
        current = [];
        records = 0;
      }
      current.push(partition);
      records += count;
    });
    if (current.length > 0) groups.push(current);
    return groups;
  }

  /** The records of some partitions; within each partition, in document order. */
  read(partitions: number[]): { docs: Uint32Array; terms: Int32Array; counts: Uint8Array } {
    const total = partitions.reduce((sum, partition) => sum + this.written[partition]!, 0);
    const docs = new Uint32Array(total);
    const terms = new Int32Array(total);
    const counts = new Uint8Array(total);
    let at = 0;
    for (const partition of partitions) {
      docs.set(int32View(readFileSync(this.file(partition, 'docs')), Uint32Array), at);
      terms.set(int32View(readFileSync(this.file(partition, 'terms')), Int32Array), at);
      counts.set(readFileSync(this.file(partition, 'counts')), at);
      at += this.written[partition]!;
    }
    return { docs, terms, counts };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The terms each document had in the last build: the vocabulary in its
 * numbering (meta.json), and per document, by what its terms are made of,
 * where its pairs are in terms.bin (4-byte ids) and counts.bin.
 */
interface SnapshotMeta {
  version: string;
  terms: string[];
  documents: [key: string, pairs: number, length: number][];
}

export class TermSnapshot {
  readonly terms: string[];
  private readonly documents: Map<string, { offset: number; pairs: number; length: number }>;
  private readonly termFile: number;
  private readonly countFile: number;

  private constructor(meta: SnapshotMeta, dir: string) {
    this.terms = meta.terms;
    this.documents = new Map();
    let offset = 0;
    for (const [key, pairs, length] of meta.documents) {
      this.documents.set(key, { offset, pairs, length });
      offset += pairs;
    }
    this.termFile = openSync(join(dir, 'terms.bin'), 'r');
    this.countFile = openSync(join(dir, 'counts.bin'), 'r');
  }

  /** The snapshot in `dir`, if it was written by a build of this version. */
  static async open(dir: string, version: string): Promise<TermSnapshot | undefined> {
    try {
      const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as SnapshotMeta;
      return meta.version === version ? new TermSnapshot(meta, dir) : undefined;
    } catch {
      return undefined;
    }
  }

  /** A document's pairs and length, read from disk, if the last build had a document made of the same. */
  read(key: string): (DocumentPairs & { length: number }) | undefined {
    const entry = this.documents.get(key);
    if (!entry) return undefined;
    const termIds = new Int32Array(entry.pairs);
    const counts = new Uint8Array(entry.pairs);
    readSync(this.termFile, bytesOf(termIds, entry.pairs), 0, entry.pairs * 4, entry.offset * 4);
    readSync(this.countFile, counts, 0, entry.pairs, entry.offset);
    return { termIds, counts, length: entry.length };
  }

  close(): void {
    closeSync(this.termFile);
    closeSync(this.countFile);
  }
}

function writeAll(file: number, data: Uint8Array): void {
  for (let written = 0; written < data.length; ) written += writeSync(file, data, written);
}

/** Writes the snapshot for the next build as documents are added; replaces the old one on `finish`. */
export class TermSnapshotWriter {
  private readonly dir: string;
  private readonly building: string;
  private readonly version: string;
  private readonly termFile: number;
  private readonly countFile: number;
  private readonly documents: SnapshotMeta['documents'] = [];

  constructor(dir: string, version: string) {
    this.dir = dir;
    this.version = version;
    this.building = `${dir}.building`;
    rmSync(this.building, { recursive: true, force: true });
    mkdirSync(this.building, { recursive: true });
    this.termFile = openSync(join(this.building, 'terms.bin'), 'w');
    this.countFile = openSync(join(this.building, 'counts.bin'), 'w');
  }

  add(key: string, pairs: DocumentPairs, length: number): void {
    writeAll(this.termFile, bytesOf(pairs.termIds, pairs.termIds.length));
    writeAll(this.countFile, pairs.counts);
    this.documents.push([key, pairs.termIds.length, length]);
  }

  async finish(terms: string[]): Promise<void> {
    closeSync(this.termFile);
    closeSync(this.countFile);
    await writeFile(join(this.building, 'meta.json'), JSON.stringify({ version: this.version, terms, documents: this.documents } satisfies SnapshotMeta));
    await rm(this.dir, { recursive: true, force: true });
    await rename(this.building, this.dir);
  }
}

/**
 * How many partitions the pairs are spilled into: about five hundred
 * documents' worth each, so the postings assembled at once stay a few
 * million pairs.
 * A power of two no larger than the bucket count, so a bucket's terms share one partition.
 */
export function spillPartitionCount(documents: number, buckets: number): number {
  let partitions = 64;
  while (partitions < documents / 500 && partitions < buckets) partitions *= 2;
  return Math.min(partitions, buckets);
}

/**
 * The partition of a vocabulary term: by its bucket, or for a suffix by its
 * prefix file, so each file is built from one partition. (A triple slot's is
 * the slot modulo the partition count, which is also its bucket's.)
 */
function termPartition(term: string, buckets: number, partitions: number): number {
  return term.startsWith(SUFFIX_MARK) ? bucketOf(prefixKeyOf(term.slice(1)), partitions) : bucketOf(term, buckets) % partitions;
}
