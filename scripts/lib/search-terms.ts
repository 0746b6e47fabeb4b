/**
 * The index builder's working memory, kept to a fixed size whatever the
 * archive's: grams are numbered as they are first seen (GramCollector), each
 * document's (gram, occurrences, positions) records go to disk by partition
 * (RecordSpill), and the postings are then assembled one group of partitions
 * at a time. The records are also kept, document by document, for the next
 * build (GramSnapshot), so documents that did not change are not scanned again.
 */
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bucketOf, ByteReader, ByteWriter, GRAM_LENGTH } from '../../src/lib/search/format.ts';
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

/** Stands between fields in a stream: no gram or phrase spans it. */
export const GAP = -1;

/**
 * Where the last field (the body) starts in a stream, unless the fields
 * before it are longer: a title or 来源 edited to another length leaves the
 * body's positions as they were, so the index patched after that edit
 * changes only those fields' grams, not every gram of the body.
 */
const BODY_START = 1024;

/**
 * A document's stream: its fields' searchable characters, a gap between
 * fields so that no gram spans two (and gaps up to BODY_START before the
 * last field). Returns the stream and where the first `headFields` fields end.
 */
export function documentStream(fields: readonly string[], headFields: number): { stream: Int32Array; headLength: number } {
  // NFKC expansions aside, a field gives at most a character per UTF-16 unit; grown if not.
  let stream = new Int32Array(fields.reduce((sum, field) => sum + field.length + 1, 0));
  let size = 0;
  const push = (code: number) => {
    if (size === stream.length) {
      const grown = new Int32Array(size * 2 + 16);
      grown.set(stream);
      stream = grown;
    }
    stream[size++] = code;
  };
  let headLength = 0;
  fields.forEach((field, index) => {
    if (index > 0) push(GAP);
    if (index > 0 && index === fields.length - 1) while (size < BODY_START) push(GAP);
    forEachSearchChar(field, push);
    if (index === headFields - 1) headLength = size;
  });
  return { stream: stream.subarray(0, size), headLength };
}

/**
 * Gram ids by (id of the gram without its last character, that character):
 * open addressing over one typed array, so looking a gram up allocates
 * nothing and touches one cache line (a slot's prefix, character and id sit
 * together; at 10,000 reports the table has millions of slots).
 */
class GramTable {
  /** Per slot: prefix id, last character, gram id (-1: free), unused. */
  private slots = GramTable.empty(1 << 16);
  private used = 0;

  private static empty(capacity: number): Int32Array {
    const slots = new Int32Array(capacity * 4);
    for (let at = 2; at < slots.length; at += 4) slots[at] = -1;
    return slots;
  }

  private find(prefix: number, last: number): number {
    const mask = this.slots.length / 4 - 1;
    let slot = (Math.imul(prefix, 0x9e3779b1) ^ Math.imul(last, 0x85ebca77)) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    for (;;) {
      const at = slot * 4;
      if (this.slots[at + 2] === -1 || (this.slots[at] === prefix && this.slots[at + 1] === last)) return at;
      slot = (slot + 1) & mask;
    }
  }

  get(prefix: number, last: number): number {
    return this.slots[this.find(prefix, last) + 2]!;
  }

  set(prefix: number, last: number, value: number): void {
    if ((this.used + 1) * 2 > this.slots.length / 4) this.grow();
    const at = this.find(prefix, last);
    if (this.slots[at + 2] === -1) this.used++;
    this.slots[at] = prefix;
    this.slots[at + 1] = last;
    this.slots[at + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = GramTable.empty((old.length / 4) * 2);
    this.used = 0;
    for (let at = 0; at < old.length; at += 4) if (old[at + 2] !== -1) this.set(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

const HOT_BITS = 16;

/** Grams numbered as they are first seen. */
export class GramCollector {
  /** Each gram's text, by id. */
  readonly terms: string[] = [];
  private partitions = new Uint16Array(1 << 16);
  /** Characters in each gram, by id. */
  private lengths = new Uint8Array(1 << 16);
  private readonly bucketCount: number;
  private readonly partitionCount: number;
  /** Id of each character's gram by code point; -1 until seen. */
  private readonly charIds = new Int32Array(0x110000).fill(-1);
  private readonly longer = new GramTable();
  /**
   * The grams looked up last, by a hash of (prefix, last character): a few
   * grams make most of any text, and this small table stays in the
   * processor's cache where the full one (millions of grams) does not.
   */
  private readonly hot = new Int32Array((1 << HOT_BITS) * 3).fill(-1);

  /** Grams are spilled into `partitionCount` partitions by the one of `bucketCount` buckets they belong to. */
  constructor(bucketCount: number, partitionCount: number) {
    this.bucketCount = bucketCount;
    this.partitionCount = partitionCount;
  }

  partition(id: number): number {
    return this.partitions[id]!;
  }

  /** The ids of the grams of each of the `partitionCount` partitions. */
  idsByPartition(): Int32Array[] {
    const counts = new Int32Array(this.partitionCount);
    for (let id = 0; id < this.terms.length; id++) counts[this.partitions[id]!]!++;
    const ids = Array.from(counts, (count) => new Int32Array(count));
    counts.fill(0);
    for (let id = 0; id < this.terms.length; id++) {
      const partition = this.partitions[id]!;
      ids[partition]![counts[partition]!++] = id;
    }
    return ids;
  }

  textOf(id: number): string {
    return this.terms[id]!;
  }

  private newTerm(text: string, length: number): number {
    const id = this.terms.length;
    this.terms.push(text);
    if (id >= this.partitions.length) {
      const partitions = new Uint16Array(this.partitions.length * 2);
      partitions.set(this.partitions);
      this.partitions = partitions;
      const lengths = new Uint8Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.partitions[id] = bucketOf(text, this.bucketCount) % this.partitionCount;
    this.lengths[id] = length;
    return id;
  }

  private charId(code: number): number {
    let id = this.charIds[code]!;
    if (id < 0) id = this.charIds[code] = this.newTerm(String.fromCodePoint(code), 1);
    return id;
  }

  /** The id of a gram: the one without its last character (`prefix`), then `last`. */
  private extend(prefix: number, last: number, length: number): number {
    const hot = ((Math.imul(prefix, 0x9e3779b1) ^ Math.imul(last, 0x85ebca77)) >>> (32 - HOT_BITS)) * 3;
    if (this.hot[hot] === prefix && this.hot[hot + 1] === last) return this.hot[hot + 2]!;
    let id = this.longer.get(prefix, last);
    if (id < 0) {
      id = this.newTerm(this.terms[prefix]! + String.fromCodePoint(last), length);
      this.longer.set(prefix, last, id);
    }
    this.hot[hot] = prefix;
    this.hot[hot + 1] = last;
    this.hot[hot + 2] = id;
    return id;
  }

  /** Numbers a gram known from a previous build, in the order that build numbered them (a gram's prefix before it). */
  addKnownTerm(text: string): void {
    const codes = [...text].map((char) => char.codePointAt(0)!);
    if (codes.length === 1) {
      this.charIds[codes[0]!] = this.newTerm(text, 1);
      return;
    }
    let prefix = this.charIds[codes[0]!]!;
    for (let i = 1; i < codes.length - 1; i++) prefix = this.longer.get(prefix, codes[i]!);
    this.longer.set(prefix, codes.at(-1)!, this.newTerm(text, codes.length));
  }

  /** For the document being scanned: each gram's number in it (from 1), by gram id; 0 when it has not occurred. */
  private localOf = new Int32Array(1 << 16);
  private occurrenceGram = new Int32Array(1 << 16);
  private occurrenceAt = new Int32Array(1 << 16);
  /** For the document being scanned: its grams' ids and (occurrences × 2 + in head), by their number in it. */
  private distinctGrams = new Int32Array(0);
  private distinctCounts = new Uint32Array(0);

  private occur(id: number, at: number, size: number): number {
    if (size === this.occurrenceGram.length) {
      const grams = new Int32Array(size * 2);
      grams.set(this.occurrenceGram);
      this.occurrenceGram = grams;
      const ats = new Int32Array(size * 2);
      ats.set(this.occurrenceAt);
      this.occurrenceAt = ats;
    }
    this.occurrenceGram[size] = id;
    this.occurrenceAt[size] = at;
    return size + 1;
  }

  /** Every gram of 1 to GRAM_LENGTH characters of a document (its fields, the first `headFields` its head). */
  scan(fields: readonly string[], headFields: number): DocumentGrams {
    const { stream, headLength } = documentStream(fields, headFields);
    return this.scanStream(stream, headLength);
  }

  /** The same, from the document's stream (documentStream). */
  scanStream(stream: Int32Array, headLength: number): DocumentGrams {
    let size = 0;
    let length = 0;
    for (let at = 0; at < stream.length; at++) {
      const code = stream[at]!;
      if (code === GAP) continue;
      length++;
      let id = this.charId(code);
      size = this.occur(id, at, size);
      for (let n = 2; n <= GRAM_LENGTH && at + n <= stream.length && stream[at + n - 1] !== GAP; n++) {
        id = this.extend(id, stream[at + n - 1]!, n);
        size = this.occur(id, at, size);
      }
    }
    if (this.localOf.length < this.terms.length) this.localOf = new Int32Array(this.terms.length * 2);
    if (this.distinctGrams.length < size) {
      this.distinctGrams = new Int32Array(this.occurrenceGram.length);
      this.distinctCounts = new Uint32Array(this.occurrenceGram.length);
    }
    const { distinctGrams, distinctCounts, occurrenceGram, occurrenceAt } = this;
    // Group the occurrences by gram (a counting sort: each gram's positions stay in order).
    // Each occurrence's gram id is replaced by the gram's number in this document.
    let distinct = 0;
    for (let i = 0; i < size; i++) {
      const id = occurrenceGram[i]!;
      let local = this.localOf[id]! - 1;
      if (local < 0) {
        local = distinct++;
        this.localOf[id] = distinct;
        distinctGrams[local] = id;
        distinctCounts[local] = 0;
      }
      // occurrences × 2, plus 1 once one is in the head
      distinctCounts[local] = (distinctCounts[local]! + 2) | (occurrenceAt[i]! < headLength ? 1 : 0);
      occurrenceGram[i] = local;
    }
    const termIds = distinctGrams.slice(0, distinct);
    const starts = new Int32Array(distinct + 1);
    for (let local = 0; local < distinct; local++) starts[local + 1] = starts[local]! + (this.lengths[termIds[local]!] === GRAM_LENGTH ? distinctCounts[local]! >>> 1 : 0);
    const next = starts.slice(0, distinct);
    const grouped = new Int32Array(starts[distinct]!);
    for (let i = 0; i < size; i++) {
      const local = occurrenceGram[i]!;
      // Only grams of GRAM_LENGTH characters have a share of `grouped`.
      if (starts[local + 1] !== starts[local]) grouped[next[local]!++] = occurrenceAt[i]!;
    }
    const positions = new ByteWriter(grouped.length * 2);
    const positionBytes = new Uint32Array(distinct);
    for (let local = 0; local < distinct; local++) {
      this.localOf[termIds[local]!] = 0;
      const before = positions.size;
      let previous = 0;
      for (let k = starts[local]!; k < starts[local + 1]!; k++) {
        positions.varint(grouped[k]! - previous);
        previous = grouped[k]!;
      }
      positionBytes[local] = positions.size - before;
    }
    return {
      termIds,
      counts: distinctCounts.slice(0, distinct),
      positionBytes,
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

/** Records buffered in all partitions together before they are appended to their files: memory stays the same however many partitions. */
const SPILL_BUFFERED = 1 << 22;

/** Records of a group of partitions, read back for assembly. */
export interface SpilledRecords {
  docs: Uint32Array;
  terms: Int32Array;
  counts: Uint32Array;
  /** Where each record's positions are in `payload`, and how many bytes. */
  positionStarts: Float64Array;
  positionBytes: Uint32Array;
  payload: Uint8Array;
}

type SpillKind = 'docs' | 'terms' | 'payload';

const spillFile = (dir: string, partition: number, kind: SpillKind) => join(dir, `${partition}.${kind}`);

/** A spilled partition: its number, and how many records and payload bytes it holds. */
export interface SpilledPart {
  partition: number;
  records: number;
  bytes: number;
}

/** The records of some partitions spilled in `dir`; within each partition, in document order. */
export function readSpilled(dir: string, parts: readonly SpilledPart[]): SpilledRecords {
  const total = parts.reduce((sum, part) => sum + part.records, 0);
  const totalBytes = parts.reduce((sum, part) => sum + part.bytes, 0);
  const docs = new Uint32Array(total);
  const terms = new Int32Array(total);
  const payload = new Uint8Array(totalBytes);
  let at = 0;
  let byteAt = 0;
  for (const { partition, records, bytes } of parts) {
    if (records === 0) continue;
    docs.set(int32View(readFileSync(spillFile(dir, partition, 'docs')), Uint32Array), at);
    terms.set(int32View(readFileSync(spillFile(dir, partition, 'terms')), Int32Array), at);
    payload.set(readFileSync(spillFile(dir, partition, 'payload')), byteAt);
    at += records;
    byteAt += bytes;
  }
  const counts = new Uint32Array(total);
  const positionStarts = new Float64Array(total);
  const positionBytes = new Uint32Array(total);
  const reader = new ByteReader(payload);
  for (let i = 0; i < total; i++) {
    counts[i] = reader.varint();
    positionBytes[i] = reader.varint();
    positionStarts[i] = reader.offset;
    reader.offset += positionBytes[i]!;
  }
  return { docs, terms, counts, positionStarts, positionBytes, payload };
}

/**
 * Postings of every document, on disk by partition: each partition's
 * records in document order, as document and gram ids, and a payload per
 * record (occurrences × 2 + head flag, the positions' byte length, the
 * positions), varints to keep the files small.
 */
export class RecordSpill {
  private readonly dir: string;
  private readonly buffers: { docs: Uint32Array; terms: Int32Array; payload: ByteWriter; size: number }[];
  /** Records buffered per partition. */
  private readonly chunk: number;
  /** Records and payload bytes written per partition. */
  private readonly written: number[];
  private readonly writtenBytes: number[];

  constructor(dir: string, partitions: number) {
    this.dir = dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    this.chunk = Math.max(1024, Math.floor(SPILL_BUFFERED / partitions));
    this.buffers = Array.from({ length: partitions }, () => ({ docs: new Uint32Array(this.chunk), terms: new Int32Array(this.chunk), payload: new ByteWriter(this.chunk * 2), size: 0 }));
    this.written = Array.from({ length: partitions }, () => 0);
    this.writtenBytes = Array.from({ length: partitions }, () => 0);
  }

  private file(partition: number, kind: SpillKind): string {
    return spillFile(this.dir, partition, kind);
  }

  add(doc: number, grams: DocumentGrams, collector: GramCollector): void {
    const { termIds, counts, positionBytes, positions } = grams;
    let offset = 0;
    for (let i = 0; i < termIds.length; i++) {
      const partition = collector.partition(termIds[i]!);
      const buffer = this.buffers[partition]!;
      buffer.docs[buffer.size] = doc;
      buffer.terms[buffer.size] = termIds[i]!;
      buffer.payload.varint(counts[i]!).varint(positionBytes[i]!).raw(positions, offset, offset + positionBytes[i]!);
      offset += positionBytes[i]!;
      if (++buffer.size === this.chunk) this.flush(partition);
    }
  }

  private flush(partition: number): void {
    const buffer = this.buffers[partition]!;
    if (buffer.size === 0) return;
    appendFileSync(this.file(partition, 'docs'), bytesOf(buffer.docs, buffer.size));
    appendFileSync(this.file(partition, 'terms'), bytesOf(buffer.terms, buffer.size));
    const payload = buffer.payload.finish();
    appendFileSync(this.file(partition, 'payload'), payload);
    this.written[partition]! += buffer.size;
    this.writtenBytes[partition]! += payload.length;
    buffer.size = 0;
    buffer.payload = new ByteWriter(this.chunk * 2);
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

  /** What `readSpilled` needs to read some partitions (on another thread). */
  parts(partitions: number[]): SpilledPart[] {
    return partitions.map((partition) => ({ partition, records: this.written[partition]!, bytes: this.writtenBytes[partition]! }));
  }

  get folder(): string {
    return this.dir;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The grams each document had in the last build: the vocabulary in its
 * numbering (meta.json), and per document, in document order, where its
 * records are in the record files. A patched build appends the records of
 * the documents it changed (a full build writes the files afresh).
 */
interface SnapshotMeta {
  version: string;
  /** The index (its hash) built from these records, which a patch starts from. */
  index: string;
  terms: string[];
  documents: SnapshotDocument[];
}

/** A document's key (what its grams are made of), then where its records are and its stream's lengths. */
type SnapshotDocument = [key: string, records: number, positionBytes: number, length: number, headLength: number, offset: number, byteOffset: number];

const SNAPSHOT_FILES = ['terms', 'counts', 'positionBytes', 'positions'] as const;
type SnapshotFiles = Record<(typeof SNAPSHOT_FILES)[number], number>;

function openSnapshotFiles(dir: string, flags: string): SnapshotFiles {
  return Object.fromEntries(SNAPSHOT_FILES.map((kind) => [kind, openSync(join(dir, `${kind}.bin`), flags)])) as SnapshotFiles;
}

function writeAll(file: number, data: Uint8Array): void {
  for (let written = 0; written < data.length; ) written += writeSync(file, data, written);
}

/** Appends a document's records; returns where they start (in records, in position bytes). */
function appendRecords(files: SnapshotFiles, at: { records: number; bytes: number }, key: string, grams: DocumentGrams): SnapshotDocument {
  writeAll(files.terms, bytesOf(grams.termIds));
  writeAll(files.counts, bytesOf(grams.counts));
  writeAll(files.positionBytes, bytesOf(grams.positionBytes));
  writeAll(files.positions, grams.positions);
  const entry: SnapshotDocument = [key, grams.termIds.length, grams.positions.length, grams.length, grams.headLength, at.records, at.bytes];
  at.records += grams.termIds.length;
  at.bytes += grams.positions.length;
  return entry;
}

export class GramSnapshot {
  readonly terms: string[];
  /** The index these records were last built into. */
  readonly index: string;
  private readonly dir: string;
  private readonly meta: SnapshotMeta;
  private readonly byKey: Map<string, SnapshotDocument>;
  private files: SnapshotFiles | undefined;

  private constructor(meta: SnapshotMeta, dir: string) {
    this.meta = meta;
    this.dir = dir;
    this.terms = meta.terms;
    this.index = meta.index;
    this.byKey = new Map(meta.documents.map((entry) => [entry[0], entry]));
    this.files = openSnapshotFiles(dir, 'r');
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

  /** How many documents the last build had. */
  get documents(): number {
    return this.meta.documents.length;
  }

  /** The key of the last build's document `doc`. */
  keyAt(doc: number): string {
    return this.meta.documents[doc]![0];
  }

  /** A document's grams, read from disk, if the last build had a document made of the same. */
  read(key: string): DocumentGrams | undefined {
    const entry = this.byKey.get(key);
    return entry && this.readEntry(entry);
  }

  /** The grams of the last build's document `doc`. */
  readAt(doc: number): DocumentGrams {
    return this.readEntry(this.meta.documents[doc]!);
  }

  /** The stream lengths of the last build's document `doc`. */
  lengthsAt(doc: number): { length: number; headLength: number } {
    const [, , , length, headLength] = this.meta.documents[doc]!;
    return { length, headLength };
  }

  private readEntry([, records, bytes, length, headLength, offset, byteOffset]: SnapshotDocument): DocumentGrams {
    const files = this.files!;
    const grams: DocumentGrams = {
      termIds: new Int32Array(records),
      counts: new Uint32Array(records),
      positionBytes: new Uint32Array(records),
      positions: new Uint8Array(bytes),
      length,
      headLength,
    };
    readSync(files.terms, bytesOf(grams.termIds), 0, records * 4, offset * 4);
    readSync(files.counts, bytesOf(grams.counts), 0, records * 4, offset * 4);
    readSync(files.positionBytes, bytesOf(grams.positionBytes), 0, records * 4, offset * 4);
    readSync(files.positions, grams.positions, 0, bytes, byteOffset);
    return grams;
  }

  close(): void {
    if (this.files) for (const file of Object.values(this.files)) closeSync(file);
    this.files = undefined;
  }

  /**
   * After a patched build: the changed documents' records appended, the
   * vocabulary and the index replaced. meta.json is replaced last, so a build
   * stopped before that leaves the previous snapshot whole.
   */
  async replace(changed: Map<number, { key: string; grams: DocumentGrams }>, terms: string[], index: string): Promise<void> {
    this.close();
    const files = openSnapshotFiles(this.dir, 'a');
    const at = { records: fstatSync(files.terms).size / 4, bytes: fstatSync(files.positions).size };
    const documents = [...this.meta.documents];
    for (const [doc, { key, grams }] of changed) documents[doc] = appendRecords(files, at, key, grams);
    for (const file of Object.values(files)) closeSync(file);
    const meta: SnapshotMeta = { version: this.meta.version, index, terms, documents };
    await writeFile(join(this.dir, 'meta.json.part'), JSON.stringify(meta));
    await rename(join(this.dir, 'meta.json.part'), join(this.dir, 'meta.json'));
  }
}

/** Writes the snapshot for the next build as documents are added; replaces the old one on `finish`. */
export class GramSnapshotWriter {
  private readonly dir: string;
  private readonly building: string;
  private readonly version: string;
  private readonly files: SnapshotFiles;
  private readonly documents: SnapshotDocument[] = [];
  private readonly at = { records: 0, bytes: 0 };

  constructor(dir: string, version: string) {
    this.dir = dir;
    this.version = version;
    this.building = `${dir}.building`;
    rmSync(this.building, { recursive: true, force: true });
    mkdirSync(this.building, { recursive: true });
    this.files = openSnapshotFiles(this.building, 'w');
  }

  add(key: string, grams: DocumentGrams): void {
    this.documents.push(appendRecords(this.files, this.at, key, grams));
  }

  async finish(terms: string[], index: string): Promise<void> {
    for (const file of Object.values(this.files)) closeSync(file);
    await writeFile(join(this.building, 'meta.json'), JSON.stringify({ version: this.version, index, terms, documents: this.documents } satisfies SnapshotMeta));
    await rm(this.dir, { recursive: true, force: true });
    await rename(this.building, this.dir);
  }
}

/**
 * How many partitions the records are spilled into (a partition holds every
 * document's records of its share of the grams): about one per forty
 * documents, so a partition holds a few hundred thousand records and the
 * arrays that assemble it stay in the processor's cache (at 10,000 reports,
 * 64 partitions of a million records each took 18 s to assemble, 256 took 8 s).
 * A power of two no larger than the bucket count, so a bucket's grams share one partition.
 */
export function spillPartitionCount(documents: number, buckets: number): number {
  let partitions = 64;
  while (partitions < documents / 40 && partitions < buckets) partitions *= 2;
  return Math.min(partitions, buckets);
}
