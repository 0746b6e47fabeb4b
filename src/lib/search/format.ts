/**
 * The search index's files, written at build time and read by the browser
 * (the algorithm and why it is exact: docs/search.md).
 *
 *   manifest.json            what the index holds (SearchManifest)
 *   lengths.bin              per document: its length (log-scaled, one byte)
 *   heads.bin                per document: where its head (title, 索引号, 文号) ends in its stream
 *   grams/<bucket>.bin       every gram of 1, 2 and 3 characters, hashed into
 *                            buckets: a dictionary, then the data of the grams
 *                            small enough to travel with it (GramFile)
 *                            (a large gram's entry also has its FixedContext)
 *   grams/<bucket>-<k>.bin   the k-th large gram of the bucket: how many documents
 *                            a block of its positions covers, then its list
 *   grams/<bucket>-<k>-<j>.bin  its j-th block of positions
 *   docs/<n>.bin             document n as JSON (SearchDocument): what a result
 *                            shows, and every field of its stream
 *   filters/<kind>-<n>.bin   documents having the n-th value of a filter
 *
 * A document's stream is its searchable text (normalize.ts): title, 索引号,
 * 文号, 发布机构 name and short name, 来源, 组配分类, then the body, with a
 * gap between fields so no gram or phrase spans two of them.
 * A gram's data is its postings list — per document, in increasing order, the
 * gap from the previous document and (occurrences × 2 + whether one is in
 * the head) — and, for grams of three characters, their positions: per
 * document of the list, the gaps between its occurrences' positions.
 *
 * Every file but the manifest is stored gzip-compressed and inflated by the
 * reader: static hosts compress JSON and text on the fly but rarely binary
 * files, and the first query must stay small on any host.
 * Documents are numbered newest first (by 发布日期), so "newest first" is
 * number order. All numbers are unsigned LEB128 varints.
 */

export const INDEX_FORMAT = 6;

/** A stream's first fields — title, 索引号, 文号 — are its head: a phrase found there ranks first. */
export const HEAD_FIELDS = 3;

/** What the browser reads of a document to cut an excerpt and show a result. */
export interface SearchDocument {
  /** Report id: the path under content/reports without `.md`. */
  id: string;
  title: string;
  agency: string;
  /** 发布日期, YYYY-MM-DD. */
  published: string;
  /**
   * The searchable fields before the body, in stream order (title, 索引号,
   * 文号, 发布机构 name and short name, 来源, 组配分类): with `text`, all a
   * document's stream is made of, so the reader can check a phrase in it.
   */
  fields: string[];
  /** The body as plain text. */
  text: string;
}

export const documentPath = (doc: number) => `docs/${doc}.bin`;
/** Where the builder writes and the reader finds a gram's dictionary entry. */
export const gramPath = (gram: string, buckets: number) => `grams/${bucketOf(gram, buckets)}.bin`;
/** Where a large gram's list is: the k-th (from 1) of its bucket; and its j-th block of positions (from 0). */
export const largeGramPath = (gram: string, buckets: number, k: number) => `grams/${bucketOf(gram, buckets)}-${k}.bin`;
export const positionBlockPath = (gram: string, buckets: number, k: number, block: number) => `grams/${bucketOf(gram, buckets)}-${k}-${block}.bin`;

/** Grams are of up to this many characters; only the longest have positions. */
export const GRAM_LENGTH = 3;

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
  /** Per filter, its values in file order (n). */
  filters: Record<string, string[]>;
  /**
   * The documents whose file weighs well over what expectedDocumentBytes
   * says — text mostly of characters the search drops — with its size in
   * bytes: the reader must not take reading them for cheap.
   */
  heavyDocuments: Record<number, number>;
}

/**
 * About how many compressed bytes a document's file holds per character of
 * its stream: 0.9 on the bench's archive of 10,000 reports, mostly Chinese.
 */
const DOCUMENT_BYTES_PER_CHARACTER = 1;

/** What the reader expects a document's file to weigh, from its length code (lengths.bin). */
export function expectedDocumentBytes(lengthCode: number): number {
  return decodeLength(lengthCode) * DOCUMENT_BYTES_PER_CHARACTER;
}

/** Whether a document's file of `bytes` is heavy (SearchManifest.heavyDocuments) for its length code. */
export const isHeavyDocument = (bytes: number, lengthCode: number) => bytes > 2 * expectedDocumentBytes(lengthCode) + 1024;

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

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  byte(value: number): this {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  /** Appends `data[start, end)`; short runs byte by byte (cheaper than a view per call, which the index builder makes millions of). */
  raw(data: Uint8Array, start = 0, end = data.length): this {
    const count = end - start;
    this.reserve(count);
    if (count > 32) this.buffer.set(data.subarray(start, end), this.length);
    else for (let i = 0; i < count; i++) this.buffer[this.length + i] = data[start + i]!;
    this.length += count;
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

  /** The bytes not read yet. */
  rest(): Uint8Array {
    return this.data.subarray(this.offset);
  }

  text(): string {
    const length = this.varint();
    const value = new TextDecoder().decode(this.data.subarray(this.offset, this.offset + length));
    this.offset += length;
    return value;
  }
}

/**
 * The characters found right before and right after **every** occurrence of
 * a gram in every document (at most CONTEXT_LENGTH each, never across a
 * field gap): where a phrase's characters around one of its grams are these,
 * the gram's occurrences are the phrase's, and no positions need be read.
 */
export interface FixedContext {
  before: string;
  after: string;
}

/** Characters of a fixed context kept on each side. */
export const CONTEXT_LENGTH = 8;

export const NO_CONTEXT: FixedContext = { before: '', after: '' };

/** One gram's entry in its bucket's dictionary. */
export interface GramEntry {
  gram: string;
  /** Documents it occurs in. */
  documents: number;
  listBytes: number;
  positionBytes: number;
  /** 0: its data follows the dictionary; k: it is in largeGramPath(gram, buckets, k). */
  file: number;
  /** Kept for large grams only (a small gram's positions come with the dictionary); possibly shorter than the longest true one. */
  context: FixedContext;
}

/** A gram's postings (and positions, for the longest grams), as the builder hands them over. */
export interface GramData {
  gram: string;
  documents: number;
  list: Uint8Array;
  positions: Uint8Array;
  /** Written if the gram is large. */
  context?: FixedContext;
}

/** Data above this many bytes goes to a file of its own, fetched only when a query needs it. */
export const INLINE_LIMIT = 1024;
/** A large gram's positions are cut into blocks of about this many bytes, by runs of its documents. */
export const POSITION_BLOCK_BYTES = 8192;

/**
 * A large gram's files: its list (after how many documents a block of
 * positions holds), and its blocks of positions. The builder may hand over a
 * file it keeps from the previous index instead of its bytes (`T`).
 */
export interface LargeGram<T = never> {
  list: Uint8Array | T;
  blocks: (Uint8Array | T)[];
}

/** A large gram whose files the builder already has (an index patched after an edit: scripts/lib/search-patch.ts). */
export interface PreparedLargeGram<T> {
  gram: string;
  documents: number;
  listBytes: number;
  positionBytes: number;
  files: LargeGram<T>;
  context: FixedContext;
}

/** How many documents' positions a block of a large gram holds: about POSITION_BLOCK_BYTES of them. */
export function documentsPerBlock(documents: number, positionBytes: number): number {
  return positionBytes === 0 ? documents : Math.max(1, Math.ceil((documents * POSITION_BLOCK_BYTES) / positionBytes));
}

/** Cuts positions (laid out in list order) into blocks of `perBlock` documents. */
export function positionBlocks(list: Uint8Array, documents: number, positions: Uint8Array, perBlock: number): Uint8Array[] {
  const { counts } = decodePostings(list, documents);
  const reader = new ByteReader(positions);
  const blocks: Uint8Array[] = [];
  for (let first = 0; first < documents; first += perBlock) {
    const start = reader.offset;
    for (let i = first; i < Math.min(documents, first + perBlock); i++) for (let j = 0; j < counts[i]!; j++) reader.varint();
    blocks.push(positions.subarray(start, reader.offset));
  }
  return blocks;
}

/** A large gram's list file: how many documents a block of its positions covers, then the list. */
export function largeListFile(list: Uint8Array, perBlock: number): Uint8Array {
  return new ByteWriter(list.length + 8).varint(perBlock).raw(list).finish();
}

const isPrepared = <T>(gram: GramData | PreparedLargeGram<T>): gram is PreparedLargeGram<T> => 'files' in gram;

/**
 * A bucket's dictionary file, with the data of its small grams, and the
 * files of its large ones. `grams` sorted by gram, so the same input gives
 * the same bytes. A large gram's positions are in blocks, so that a query
 * fetches only the blocks of the documents it still has to check.
 */
export function encodeGramBucket<T = never>(grams: (GramData | PreparedLargeGram<T>)[]): { dictionary: Uint8Array; large: LargeGram<T>[] } {
  const large: LargeGram<T>[] = [];
  const inline: GramData[] = [];
  const writer = new ByteWriter(16 + grams.reduce((sum, gram) => sum + 16 + (isPrepared(gram) ? 0 : gram.list.length + gram.positions.length), 0)).varint(grams.length);
  for (const gram of grams) {
    let file = 0;
    if (isPrepared(gram)) {
      large.push(gram.files);
      file = large.length;
      writer.text(gram.gram).varint(gram.documents).varint(gram.listBytes).varint(gram.positionBytes).varint(file).text(gram.context.before).text(gram.context.after);
      continue;
    }
    if (gram.list.length + gram.positions.length > INLINE_LIMIT) {
      const perBlock = documentsPerBlock(gram.documents, gram.positions.length);
      const blocks = gram.positions.length === 0 ? [] : positionBlocks(gram.list, gram.documents, gram.positions, perBlock);
      large.push({ list: largeListFile(gram.list, perBlock), blocks });
      file = large.length;
    } else {
      inline.push(gram);
    }
    writer.text(gram.gram).varint(gram.documents).varint(gram.list.length).varint(gram.positions.length).varint(file);
    if (file !== 0) writer.text(gram.context?.before ?? '').text(gram.context?.after ?? '');
  }
  for (const gram of inline) writer.raw(gram.list).raw(gram.positions);
  return { dictionary: writer.finish(), large };
}

/** The dictionary of a bucket file, and where each inline gram's data starts in it. */
export function decodeGramDictionary(data: Uint8Array): Map<string, GramEntry & { offset: number }> {
  const reader = new ByteReader(data);
  const entries = Array.from({ length: reader.varint() }, () => {
    const gram = reader.text();
    const documents = reader.varint();
    const listBytes = reader.varint();
    const positionBytes = reader.varint();
    const file = reader.varint();
    const context = file === 0 ? NO_CONTEXT : { before: reader.text(), after: reader.text() };
    return { gram, documents, listBytes, positionBytes, file, context, offset: -1 };
  });
  let offset = reader.offset;
  for (const entry of entries) {
    if (entry.file !== 0) continue;
    entry.offset = offset;
    offset += entry.listBytes + entry.positionBytes;
  }
  return new Map(entries.map((entry) => [entry.gram, entry]));
}

/** Where a gram occurs: documents increasing, with counts and head flags, and optionally positions. */
export interface Postings {
  docs: Uint32Array;
  counts: Uint32Array;
  /** 1 where an occurrence is in the document's head (title, 索引号, 文号). */
  inHead: Uint8Array;
}

export function decodePostings(list: Uint8Array, documents: number): Postings {
  const reader = new ByteReader(list);
  const docs = new Uint32Array(documents);
  const counts = new Uint32Array(documents);
  const inHead = new Uint8Array(documents);
  let doc = 0;
  for (let i = 0; i < documents; i++) {
    doc += reader.varint();
    docs[i] = doc;
    const value = reader.varint();
    counts[i] = value >>> 1;
    inHead[i] = value & 1;
  }
  return { docs, counts, inHead };
}

/**
 * The positions of a gram in the documents `wanted` accepts, added to
 * `result` by document: `positions` holds those of the list's documents
 * from index `first` on, in list order.
 */
export function decodePositions(positions: Uint8Array, postings: Postings, wanted: (doc: number) => boolean, first = 0, result = new Map<number, Uint32Array>()): Map<number, Uint32Array> {
  const reader = new ByteReader(positions);
  for (let i = first; i < postings.docs.length && !reader.done; i++) {
    const count = postings.counts[i]!;
    const doc = postings.docs[i]!;
    if (!wanted(doc)) {
      for (let j = 0; j < count; j++) reader.varint();
      continue;
    }
    const list = new Uint32Array(count);
    let position = 0;
    for (let j = 0; j < count; j++) {
      position += reader.varint();
      list[j] = position;
    }
    result.set(doc, list);
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

/** FNV-1a over UTF-16 code units: the same bucket in Node and every browser. */
export function bucketOf(term: string, buckets: number): number {
  let hash = fnvStart;
  for (let i = 0; i < term.length; i++) hash = fnvStep(hash, term.charCodeAt(i));
  return hash % buckets;
}

/**
 * At least one bucket per report (a power of two): a query reads one bucket's
 * dictionary per trigram of its phrase, about 2 KB each at 10,000 reports.
 * Half as many buckets made those reads twice as large (10 KB more for the
 * median query, measured; docs/performance.md).
 */
export function bucketCount(documents: number): number {
  let buckets = 64;
  while (buckets < documents) buckets *= 2;
  return buckets;
}

/** Document lengths on a log scale in one byte: 8 steps per doubling. */
export function encodeLength(length: number): number {
  return Math.min(255, Math.round(Math.log2(Math.max(1, length)) * 8));
}

export function decodeLength(code: number): number {
  return 2 ** (code / 8);
}
