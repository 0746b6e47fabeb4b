/**
 * The index builder's working memory, kept to a fixed size whatever the
 * archive's: grams are numbered as they are first seen (GramCollector), each
 * document's (gram, occurrences, positions) records go to disk by partition
 * (RecordSpill), and the postings are then assembled one group of partitions
 * at a time. The records are also kept, document by document, for the next
 * build (GramSnapshot), so documents that did not change are not scanned again.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bucketOf, ByteWriter, GRAM_LENGTH } from '../../src/lib/search/format.ts';
import { forEachSearchChar } from '../../src/lib/search/normalize.ts';

/**
 * One document's grams: per gram its id, (occurrences × 2 + whether one is
 * in the head), and for grams of GRAM_LENGTH characters the byte length of
 * its positions (gap-coded varints) in `positions`.
 */
export interface DocumentGrams {
  termIds: Int32Array;
  counts: Uint32Array;
  positionBytes: Uint32Array;
  positions: Uint8Array;
  /** Searchable characters in the document. */
  length: number;
  /** Where its head (the first `headFields` fields) ends in its stream. */
  headLength: number;
}

/** Characters get dense numbers so a gram of three is one exact integer key (below 2⁵³). */
const CHAR_KEY_BITS = 17;
const CHAR_KEY_LIMIT = 2 ** CHAR_KEY_BITS;
/** Positions and gram ids share a float key while a document's grams are sorted. */
const POSITION_LIMIT = 2 ** 26;
const GAP = -1;

/**
 * A document's stream: its fields' searchable characters, a gap between
 * fields so that no gram spans two. Returns the stream and where the first
 * `headFields` fields end.
 */
export function documentStream(fields: readonly string[], headFields: number): { stream: Int32Array; headLength: number } {
  const codes: number[] = [];
  let headLength = 0;
  fields.forEach((field, index) => {
    if (index > 0) codes.push(GAP);
    forEachSearchChar(field, (code) => codes.push(code));
    if (index === headFields - 1) headLength = codes.length;
  });
  return { stream: Int32Array.from(codes), headLength };
}

/** Grams numbered as they are first seen. */
export class GramCollector {
  /** Each gram's text, by id. */
  readonly terms: string[] = [];
  private partitions = new Uint16Array(1 << 16);
  private readonly bucketCount: number;
  private readonly partitionCount: number;
  /** Dense number of each character by code point; -1 until seen. */
  private readonly charKeys = new Int32Array(0x110000).fill(-1);
  private charKeyCount = 0;
  private readonly ids = new Map<number | string, number>();
  private keys = new Float64Array(1 << 16);

  /** Grams are spilled into `partitionCount` partitions by the one of `bucketCount` buckets they belong to. */
  constructor(bucketCount: number, partitionCount: number) {
    this.bucketCount = bucketCount;
    this.partitionCount = partitionCount;
  }

  partition(id: number): number {
    return this.partitions[id]!;
  }

  textOf(id: number): string {
    return this.terms[id]!;
  }

  private newTerm(text: string): number {
    const id = this.terms.length;
    this.terms.push(text);
    if (id >= this.partitions.length) {
      const partitions = new Uint16Array(this.partitions.length * 2);
      partitions.set(this.partitions);
      this.partitions = partitions;
    }
    this.partitions[id] = bucketOf(text, this.bucketCount) % this.partitionCount;
    return id;
  }

  /** A gram's key: an exact integer while characters have small dense numbers, else its text. */
  private keyOf(stream: Int32Array, start: number, length: number): number | string {
    let key = 0;
    for (let i = start; i < start + length; i++) {
      const code = stream[i]!;
      let dense = this.charKeys[code]!;
      if (dense < 0) dense = this.charKeys[code] = this.charKeyCount++;
      if (dense >= CHAR_KEY_LIMIT) return String.fromCodePoint(...stream.subarray(start, start + length));
      key = key * CHAR_KEY_LIMIT + dense + 1;
    }
    return key;
  }

  private idOf(stream: Int32Array, start: number, length: number): number {
    const key = this.keyOf(stream, start, length);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.newTerm(String.fromCodePoint(...stream.subarray(start, start + length)));
      this.ids.set(key, id);
    }
    return id;
  }

  /** Numbers a gram known from a previous build, in the order that build numbered them. */
  addKnownTerm(text: string): void {
    const stream = Int32Array.from([...text].map((char) => char.codePointAt(0)!));
    this.ids.set(this.keyOf(stream, 0, stream.length), this.newTerm(text));
  }

  /** Every gram of 1 to GRAM_LENGTH characters of a document (its fields, the first `headFields` its head). */
  scan(fields: readonly string[], headFields: number): DocumentGrams {
    const { stream, headLength } = documentStream(fields, headFields);
    let size = 0;
    let length = 0;
    for (let at = 0; at < stream.length && at < POSITION_LIMIT; at++) {
      if (stream[at] === GAP) continue;
      length++;
      for (let n = 1; n <= GRAM_LENGTH && at + n <= stream.length && stream[at + n - 1] !== GAP; n++) {
        if (size === this.keys.length) {
          const grown = new Float64Array(size * 2);
          grown.set(this.keys);
          this.keys = grown;
        }
        this.keys[size++] = this.idOf(stream, at, n) * POSITION_LIMIT + at;
      }
    }
    const keys = this.keys.subarray(0, size).sort();
    const termIds: number[] = [];
    const counts: number[] = [];
    const positionBytes: number[] = [];
    const positions = new ByteWriter(size);
    for (let i = 0; i < size; ) {
      const id = Math.floor(keys[i]! / POSITION_LIMIT);
      const withPositions = [...this.terms[id]!].length === GRAM_LENGTH;
      const before = positions.size;
      let count = 0;
      let previous = 0;
      let inHead = 0;
      for (; i < size && Math.floor(keys[i]! / POSITION_LIMIT) === id; i++, count++) {
        const position = keys[i]! % POSITION_LIMIT;
        if (position < headLength) inHead = 1;
        if (withPositions) positions.varint(position - previous);
        previous = position;
      }
      termIds.push(id);
      counts.push(count * 2 + inHead);
      positionBytes.push(positions.size - before);
    }
    return {
      termIds: Int32Array.from(termIds),
      counts: Uint32Array.from(counts),
      positionBytes: Uint32Array.from(positionBytes),
      positions: positions.finish(),
      length,
      headLength,
    };
  }
}

/** Reads a file's bytes as 32-bit integers (a copy when the bytes are not aligned for them). */
function int32View<T extends Int32Array | Uint32Array>(bytes: Buffer, make: new (buffer: ArrayBuffer, offset: number, length: number) => T): T {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new make(aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.byteLength / 4);
}

const bytesOf = (array: Int32Array | Uint32Array | Uint8Array, length = array.length) => new Uint8Array(array.buffer, array.byteOffset, length * array.BYTES_PER_ELEMENT);

/** Records buffered per partition before they are appended to its files. */
const SPILL_CHUNK = 1 << 14;

/** Records of a group of partitions, read back for assembly. */
export interface SpilledRecords {
  docs: Uint32Array;
  terms: Int32Array;
  counts: Uint32Array;
  positionBytes: Uint32Array;
  positions: Uint8Array;
}

const RECORD_FILES = ['docs', 'terms', 'counts', 'positionBytes'] as const;

/** Postings of every document, on disk by partition: each partition's records in document order. */
export class RecordSpill {
  private readonly dir: string;
  private readonly buffers: { docs: Uint32Array; terms: Int32Array; counts: Uint32Array; positionBytes: Uint32Array; positions: ByteWriter; size: number }[];
  /** Records and position bytes written per partition. */
  private readonly written: number[];
  private readonly writtenBytes: number[];

  constructor(dir: string, partitions: number) {
    this.dir = dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    this.buffers = Array.from({ length: partitions }, () => ({
      docs: new Uint32Array(SPILL_CHUNK),
      terms: new Int32Array(SPILL_CHUNK),
      counts: new Uint32Array(SPILL_CHUNK),
      positionBytes: new Uint32Array(SPILL_CHUNK),
      positions: new ByteWriter(SPILL_CHUNK),
      size: 0,
    }));
    this.written = Array.from({ length: partitions }, () => 0);
    this.writtenBytes = Array.from({ length: partitions }, () => 0);
  }

  private file(partition: number, kind: (typeof RECORD_FILES)[number] | 'positions'): string {
    return join(this.dir, `${partition}.${kind}`);
  }

  add(doc: number, grams: DocumentGrams, collector: GramCollector): void {
    const { termIds, counts, positionBytes, positions } = grams;
    let offset = 0;
    for (let i = 0; i < termIds.length; i++) {
      const partition = collector.partition(termIds[i]!);
      const buffer = this.buffers[partition]!;
      buffer.docs[buffer.size] = doc;
      buffer.terms[buffer.size] = termIds[i]!;
      buffer.counts[buffer.size] = counts[i]!;
      buffer.positionBytes[buffer.size] = positionBytes[i]!;
      buffer.positions.raw(positions.subarray(offset, offset + positionBytes[i]!));
      offset += positionBytes[i]!;
      if (++buffer.size === SPILL_CHUNK) this.flush(partition);
    }
  }

  private flush(partition: number): void {
    const buffer = this.buffers[partition]!;
    if (buffer.size === 0) return;
    for (const kind of RECORD_FILES) appendFileSync(this.file(partition, kind), bytesOf(buffer[kind], buffer.size));
    const positions = buffer.positions.finish();
    appendFileSync(this.file(partition, 'positions'), positions);
    this.written[partition]! += buffer.size;
    this.writtenBytes[partition]! += positions.length;
    buffer.size = 0;
    buffer.positions = new ByteWriter(SPILL_CHUNK);
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
  read(partitions: number[]): SpilledRecords {
    const total = partitions.reduce((sum, partition) => sum + this.written[partition]!, 0);
    const totalBytes = partitions.reduce((sum, partition) => sum + this.writtenBytes[partition]!, 0);
    const records: SpilledRecords = {
      docs: new Uint32Array(total),
      terms: new Int32Array(total),
      counts: new Uint32Array(total),
      positionBytes: new Uint32Array(total),
      positions: new Uint8Array(totalBytes),
    };
    let at = 0;
    let byteAt = 0;
    for (const partition of partitions) {
      if (this.written[partition] === 0) continue;
      records.docs.set(int32View(readFileSync(this.file(partition, 'docs')), Uint32Array), at);
      records.terms.set(int32View(readFileSync(this.file(partition, 'terms')), Int32Array), at);
      records.counts.set(int32View(readFileSync(this.file(partition, 'counts')), Uint32Array), at);
      records.positionBytes.set(int32View(readFileSync(this.file(partition, 'positionBytes')), Uint32Array), at);
      if (this.writtenBytes[partition]! > 0) records.positions.set(readFileSync(this.file(partition, 'positions')), byteAt);
      at += this.written[partition]!;
      byteAt += this.writtenBytes[partition]!;
    }
    return records;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The grams each document had in the last build: the vocabulary in its
 * numbering (meta.json), and per document, by what it is made of, where its
 * records are in the record files.
 */
interface SnapshotMeta {
  version: string;
  terms: string[];
  documents: [key: string, records: number, positionBytes: number, length: number, headLength: number][];
}

const SNAPSHOT_FILES = ['terms', 'counts', 'positionBytes', 'positions'] as const;

export class GramSnapshot {
  readonly terms: string[];
  private readonly documents: Map<string, { offset: number; byteOffset: number; records: number; bytes: number; length: number; headLength: number }>;
  private readonly files: Record<(typeof SNAPSHOT_FILES)[number], number>;

  private constructor(meta: SnapshotMeta, dir: string) {
    this.terms = meta.terms;
    this.documents = new Map();
    let offset = 0;
    let byteOffset = 0;
    for (const [key, records, bytes, length, headLength] of meta.documents) {
      this.documents.set(key, { offset, byteOffset, records, bytes, length, headLength });
      offset += records;
      byteOffset += bytes;
    }
    this.files = Object.fromEntries(SNAPSHOT_FILES.map((kind) => [kind, openSync(join(dir, `${kind}.bin`), 'r')])) as GramSnapshot['files'];
  }

  /** The snapshot in `dir`, if it was written by a build of this version. */
  static async open(dir: string, version: string): Promise<GramSnapshot | undefined> {
    try {
      const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as SnapshotMeta;
      return meta.version === version ? new GramSnapshot(meta, dir) : undefined;
    } catch {
      return undefined;
    }
  }

  /** A document's grams, read from disk, if the last build had a document made of the same. */
  read(key: string): DocumentGrams | undefined {
    const entry = this.documents.get(key);
    if (!entry) return undefined;
    const grams: DocumentGrams = {
      termIds: new Int32Array(entry.records),
      counts: new Uint32Array(entry.records),
      positionBytes: new Uint32Array(entry.records),
      positions: new Uint8Array(entry.bytes),
      length: entry.length,
      headLength: entry.headLength,
    };
    readSync(this.files.terms, bytesOf(grams.termIds), 0, entry.records * 4, entry.offset * 4);
    readSync(this.files.counts, bytesOf(grams.counts), 0, entry.records * 4, entry.offset * 4);
    readSync(this.files.positionBytes, bytesOf(grams.positionBytes), 0, entry.records * 4, entry.offset * 4);
    readSync(this.files.positions, grams.positions, 0, entry.bytes, entry.byteOffset);
    return grams;
  }

  close(): void {
    for (const file of Object.values(this.files)) closeSync(file);
  }
}

function writeAll(file: number, data: Uint8Array): void {
  for (let written = 0; written < data.length; ) written += writeSync(file, data, written);
}

/** Writes the snapshot for the next build as documents are added; replaces the old one on `finish`. */
export class GramSnapshotWriter {
  private readonly dir: string;
  private readonly building: string;
  private readonly version: string;
  private readonly files: Record<(typeof SNAPSHOT_FILES)[number], number>;
  private readonly documents: SnapshotMeta['documents'] = [];

  constructor(dir: string, version: string) {
    this.dir = dir;
    this.version = version;
    this.building = `${dir}.building`;
    rmSync(this.building, { recursive: true, force: true });
    mkdirSync(this.building, { recursive: true });
    this.files = Object.fromEntries(SNAPSHOT_FILES.map((kind) => [kind, openSync(join(this.building, `${kind}.bin`), 'w')])) as GramSnapshotWriter['files'];
  }

  add(key: string, grams: DocumentGrams): void {
    writeAll(this.files.terms, bytesOf(grams.termIds));
    writeAll(this.files.counts, bytesOf(grams.counts));
    writeAll(this.files.positionBytes, bytesOf(grams.positionBytes));
    writeAll(this.files.positions, grams.positions);
    this.documents.push([key, grams.termIds.length, grams.positions.length, grams.length, grams.headLength]);
  }

  async finish(terms: string[]): Promise<void> {
    for (const file of Object.values(this.files)) closeSync(file);
    await writeFile(join(this.building, 'meta.json'), JSON.stringify({ version: this.version, terms, documents: this.documents } satisfies SnapshotMeta));
    await rm(this.dir, { recursive: true, force: true });
    await rename(this.building, this.dir);
  }
}

/**
 * How many partitions the records are spilled into: about five hundred
 * documents' worth each, so the postings assembled at once stay a few
 * million records.
 * A power of two no larger than the bucket count, so a bucket's grams share one partition.
 */
export function spillPartitionCount(documents: number, buckets: number): number {
  let partitions = 64;
  while (partitions < documents / 500 && partitions < buckets) partitions *= 2;
  return Math.min(partitions, buckets);
}
