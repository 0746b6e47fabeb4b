/**
 * The search index's files, written at build time and read by the browser.
 *
 *   manifest.json            what the index holds (SearchManifest)
 *   lengths.bin              one byte per document: its length, log-scaled
 *   terms/<bucket>.bin       exact terms, hashed into buckets
 *   triples/<bucket>.bin     triples of Han characters by slot (gramSlot), the
 *                            slot's bucket its number modulo the bucket count
 *   prefix/<key>.bin         suffixes of letter/digit runs, by their first two characters, sorted
 *   docs/<n>.bin             document n as JSON (SearchDocument): its report id,
 *                            title, 发布机构, 发文日期 and plain text
 *   filters/<kind>-<n>.bin   documents having the n-th value of a filter
 *
 * Every file but the manifest is stored gzip-compressed and inflated by the
 * reader: static hosts compress JSON and text on the fly but rarely binary
 * files, and the first query must stay small on any host.
 * Documents are numbered newest first, so "newest first" is number order.
 * A term file holds a dictionary then postings lists: per document its
 * number (as the gap from the previous one) and how often the term occurs.
 * All numbers are unsigned LEB128 varints.
 */

export const INDEX_FORMAT = 3;

/** What the browser reads of a document to check a match, cut an excerpt and show a result. */
export interface SearchDocument {
  /** Report id: the path under content/reports without `.md`. */
  id: string;
  title: string;
  agency: string;
  /** 发文日期, YYYY-MM-DD. */
  date: string;
  /** The body as plain text. */
  text: string;
}

export const documentPath = (doc: number) => `docs/${doc}.bin`;
/** Where the builder writes and the reader finds a term, a triple slot, a prefix key. */
export const termPath = (term: string, buckets: number) => `terms/${bucketOf(term, buckets)}.bin`;
export const triplePath = (slot: number, buckets: number) => `triples/${slot % buckets}.bin`;
export const prefixPath = (key: string) => `prefix/${prefixFileName(key)}.bin`;

/**
 * Undoes the gzip the index files are stored with. Data without the gzip
 * signature is returned as it is: a host that sends the files with
 * `Content-Encoding: gzip` has the browser inflate them already.
 */
export async function inflate(data: Uint8Array): Promise<Uint8Array> {
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface SearchManifest {
  format: number;
  /** Folder of this build's files, relative to the manifest (changes with every index). */
  base: string;
  documents: number;
  buckets: number;
  /** Average document length, for ranking. */
  averageLength: number;
  /** Prefix keys that have a file. */
  prefixKeys: string[];
  /** Per filter, its values in file order (n). */
  filters: Record<string, string[]>;
}

export class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;

  /** `expected`: how many bytes the writer will likely hold, so it rarely grows. */
  constructor(expected = 256) {
    this.buffer = new Uint8Array(expected);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  varint(value: number): this {
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest = Math.floor(rest / 128);
    }
    this.buffer[this.length++] = rest;
    return this;
  }

  byte(value: number): this {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  raw(data: Uint8Array): this {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
    return this;
  }

  text(value: string): this {
    const encoded = new TextEncoder().encode(value);
    return this.varint(encoded.length).raw(encoded);
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

export class ByteReader {
  offset = 0;
  private readonly data: Uint8Array;

  constructor(data: Uint8Array) {
    this.data = data;
  }

  get done(): boolean {
    return this.offset >= this.data.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.data[this.offset++];
      if (byte === undefined) throw new RangeError('truncated search index file');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }

  byte(): number {
    const byte = this.data[this.offset++];
    if (byte === undefined) throw new RangeError('truncated search index file');
    return byte;
  }

  text(): string {
    const length = this.varint();
    const value = new TextDecoder().decode(this.data.subarray(this.offset, this.offset + length));
    this.offset += length;
    return value;
  }
}

/** One posting: a document and how often (weighted, capped at 255) the term occurs in it. */
export interface Postings {
  docs: Uint32Array;
  counts: Uint8Array;
}

const varintLength = (value: number) => (value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5);

/** Postings lists, one per term, in a term file; documents in increasing order. */
export function encodeTermFile(terms: [term: string, docs: ArrayLike<number>, counts: ArrayLike<number>][]): Uint8Array {
  // List lengths are worked out first, so the dictionary and the lists go straight into one buffer.
  const listLengths = terms.map(([, docs]) => {
    let length = varintLength(docs.length) + docs.length;
    let previous = 0;
    for (let index = 0; index < docs.length; index++) {
      length += varintLength(docs[index]! - previous);
      previous = docs[index]!;
    }
    return length;
  });
  const writer = new ByteWriter(listLengths.reduce((sum, length) => sum + length + 16, 16)).varint(terms.length);
  terms.forEach(([term], index) => writer.text(term).varint(listLengths[index]!));
  for (const [, docs, counts] of terms) {
    writer.varint(docs.length);
    let previous = 0;
    for (let index = 0; index < docs.length; index++) {
      writer.varint(docs[index]! - previous).byte(Math.min(255, counts[index]!));
      previous = docs[index]!;
    }
  }
  return writer.finish();
}

/** Reads the postings of the terms `wanted` accepts (all terms by default). */
export function decodeTermFile(data: Uint8Array, wanted: (term: string) => boolean = () => true): Map<string, Postings> {
  const reader = new ByteReader(data);
  const dictionary = Array.from({ length: reader.varint() }, () => ({ term: reader.text(), length: reader.varint() }));
  const result = new Map<string, Postings>();
  let offset = reader.offset;
  for (const { term, length } of dictionary) {
    if (wanted(term)) {
      const list = new ByteReader(data.subarray(offset, offset + length));
      const size = list.varint();
      const docs = new Uint32Array(size);
      const counts = new Uint8Array(size);
      let doc = 0;
      for (let i = 0; i < size; i++) {
        doc += list.varint();
        docs[i] = doc;
        counts[i] = list.byte();
      }
      result.set(term, { docs, counts });
    }
    offset += length;
  }
  return result;
}

/** Documents having a filter value, increasing. */
export function encodeDocList(docs: readonly number[]): Uint8Array {
  const writer = new ByteWriter().varint(docs.length);
  let previous = 0;
  for (const doc of docs) {
    writer.varint(doc - previous);
    previous = doc;
  }
  return writer.finish();
}

export function decodeDocList(data: Uint8Array): Uint32Array {
  const reader = new ByteReader(data);
  const docs = new Uint32Array(reader.varint());
  let doc = 0;
  for (let i = 0; i < docs.length; i++) {
    doc += reader.varint();
    docs[i] = doc;
  }
  return docs;
}

const fnvStart = 0x811c9dc5;
function fnvStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, 0x01000193) >>> 0;
}
function fnvCodePoint(hash: number, code: number): number {
  if (code <= 0xffff) return fnvStep(hash, code);
  const offset = code - 0x10000;
  return fnvStep(fnvStep(hash, 0xd800 + (offset >> 10)), 0xdc00 + (offset & 0x3ff));
}

/** FNV-1a over UTF-16 code units: the same bucket in Node and every browser. */
export function bucketOf(term: string, buckets: number): number {
  let hash = fnvStart;
  for (let i = 0; i < term.length; i++) hash = fnvStep(hash, term.charCodeAt(i));
  return hash % buckets;
}

/**
 * Triples of Han characters are not kept by name (a large archive has tens of
 * millions) but by slot: a hash into this many. Triples sharing a slot share
 * a postings list, so a slot can list a few documents lacking the triple,
 * never miss one that has it.
 */
export const TRIPLE_SLOTS = 1 << 23;

/** A triple's slot, from its code points: no string is made per character at build time. */
export function tripleSlot(first: number, second: number, third: number): number {
  return fnvCodePoint(fnvCodePoint(fnvCodePoint(fnvStart, first), second), third) % TRIPLE_SLOTS;
}

export function tripleSlotOf(triple: string): number {
  const [first, second, third] = [...triple].map((char) => char.codePointAt(0)!);
  return tripleSlot(first!, second!, third!);
}

/** A slot as its triples file names it. */
export const slotName = (slot: number) => slot.toString(36);

/** Which prefix file a letter/digit suffix (two or more characters) is in. */
export function prefixKeyOf(term: string): string {
  return [...term].slice(0, 2).join('');
}

/** A file-name-safe form of a prefix key (they are letters and digits, but not only ASCII). */
export function prefixFileName(key: string): string {
  return [...key].map((char) => (/^[a-z0-9]$/.test(char) ? char : `_${char.codePointAt(0)!.toString(16)}`)).join('');
}

/** Enough buckets that a rare term's file stays a few kilobytes. */
export function bucketCount(documents: number): number {
  let buckets = 64;
  while (buckets < documents / 2) buckets *= 2;
  return buckets;
}

/** Document lengths on a log scale in one byte: 8 steps per doubling. */
export function encodeLength(length: number): number {
  return Math.min(255, Math.round(Math.log2(Math.max(1, length)) * 8));
}

export function decodeLength(code: number): number {
  return 2 ** (code / 8);
}
