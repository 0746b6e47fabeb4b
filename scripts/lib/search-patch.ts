/**
 * After an edit to a few reports, the search index is patched instead of
 * built again: the previous index's gram files are kept (hard-linked) for
 * every bucket no changed gram falls into; in the others, only the grams
 * whose postings changed are decoded and encoded again, and of a large gram
 * only the blocks of positions holding a changed document. The result is
 * the index a full build would write (tested against one), byte for byte but
 * for fixed contexts, which may be shorter (narrowedContexts), at a cost that
 * grows with the edit, not with the archive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip as gzipCallback } from 'node:zlib';
import {
  bucketOf,
  ByteReader,
  ByteWriter,
  decodeGramDictionary,
  decodePostings,
  documentsPerBlock,
  encodeGramBucket,
  GRAM_LENGTH,
  INLINE_LIMIT,
  largeListFile,
  type FixedContext,
  type GramData,
  type GramEntry,
  type PreparedLargeGram,
} from '../../src/lib/search/format.ts';
import { GRAM_FILE_LEVEL, INDEX_FILE_MODE } from './search-assemble.ts';
import { FixedContextFinder } from './search-contexts.ts';
import { GAP, type DocumentGrams } from './search-terms.ts';

const gzip = promisify(gzipCallback);

/** A document's record of one gram: occurrences × 2 + whether one is in the head, and its positions (gap-coded). */
interface GramRecord {
  value: number;
  positions: Uint8Array;
}

/** How a gram's record in one document changed (absent: the document did not / does not have it). */
interface RecordChange {
  before?: GramRecord;
  after?: GramRecord;
}

/** A document the patch changes: its grams in the previous build and now, and its stream now. */
export interface ChangedDocument {
  doc: number;
  before: DocumentGrams;
  after: DocumentGrams;
  stream: Int32Array;
}

/** Per gram, per document, what changed; records equal before and after are left out. */
function gramChanges(documents: readonly ChangedDocument[], textOf: (id: number) => string): Map<string, Map<number, RecordChange>> {
  const changes = new Map<string, Map<number, RecordChange>>();
  const record = (grams: DocumentGrams, side: keyof RecordChange, doc: number) => {
    let offset = 0;
    for (let i = 0; i < grams.termIds.length; i++) {
      const gram = textOf(grams.termIds[i]!);
      let byDoc = changes.get(gram);
      if (!byDoc) changes.set(gram, (byDoc = new Map()));
      let change = byDoc.get(doc);
      if (!change) byDoc.set(doc, (change = {}));
      change[side] = { value: grams.counts[i]!, positions: grams.positions.subarray(offset, offset + grams.positionBytes[i]!) };
      offset += grams.positionBytes[i]!;
    }
  };
  for (const { doc, before, after } of documents) {
    record(before, 'before', doc);
    record(after, 'after', doc);
  }
  for (const [gram, byDoc] of changes) {
    for (const [doc, { before, after }] of byDoc) if (before && after && sameRecord(before, after)) byDoc.delete(doc);
    if (byDoc.size === 0) changes.delete(gram);
  }
  return changes;
}

function sameRecord(a: GramRecord, b: GramRecord): boolean {
  return a.value === b.value && a.positions.length === b.positions.length && a.positions.every((byte, i) => byte === b.positions[i]);
}

/** A file of the patched index: new bytes (compressed when written), or a file of the previous index kept as it is. */
type PatchedFile = Uint8Array | { keep: string };

/** Reads a file of the previous index (stored gzip-compressed). */
const readStored = (path: string) => new Uint8Array(gunzipSync(readFileSync(path)));

/** Splits positions laid out in list order into each document's bytes (`counts[i]` varints each). */
function splitPositions(positions: Uint8Array, counts: ArrayLike<number>, from: number, to: number): Uint8Array[] {
  const reader = new ByteReader(positions);
  const spans: Uint8Array[] = [];
  for (let i = from; i < to; i++) {
    const start = reader.offset;
    for (let j = 0; j < counts[i]!; j++) reader.varint();
    spans.push(positions.subarray(start, reader.offset));
  }
  return spans;
}

/** The previous index's files of one bucket, and how a gram of it is read. */
class PreviousBucket {
  private readonly gramsDir: string;
  readonly bucket: number;
  readonly dictionary: Uint8Array;
  readonly entries: Map<string, GramEntry & { offset: number }>;
  private readonly blockCounts: Map<string, number>;

  constructor(gramsDir: string, bucket: number, blockCounts: Map<string, number>) {
    this.gramsDir = gramsDir;
    this.bucket = bucket;
    this.blockCounts = blockCounts;
    this.dictionary = readStored(join(gramsDir, `${bucket}.bin`));
    this.entries = decodeGramDictionary(this.dictionary);
  }

  listPath = (entry: GramEntry) => join(this.gramsDir, `${this.bucket}-${entry.file}.bin`);
  blockPath = (entry: GramEntry, block: number) => join(this.gramsDir, `${this.bucket}-${entry.file}-${block}.bin`);
  blocks = (entry: GramEntry) => this.blockCounts.get(`${this.bucket}-${entry.file}`) ?? 0;

  /** A gram's list, how many documents a block of its positions holds, and all its positions. */
  read(entry: GramEntry & { offset: number }): { list: Uint8Array; perBlock: number; positions: () => Uint8Array } {
    if (entry.file === 0) {
      const { offset, listBytes, positionBytes } = entry;
      return { list: this.dictionary.subarray(offset, offset + listBytes), perBlock: 0, positions: () => this.dictionary.subarray(offset + listBytes, offset + listBytes + positionBytes) };
    }
    const reader = new ByteReader(readStored(this.listPath(entry)));
    const perBlock = reader.varint();
    return {
      list: reader.rest(),
      perBlock,
      positions: () => {
        const all = new ByteWriter(entry.positionBytes);
        for (let block = 0; block < this.blocks(entry); block++) all.raw(readStored(this.blockPath(entry, block)));
        return all.finish();
      },
    };
  }
}

/**
 * A changed gram, encoded again: its merged list, and its positions — all of
 * them (GramData), or, when its documents and block size stay the same, only
 * the blocks holding a changed document, the other blocks kept.
 */
function patchGram(gram: string, previous: PreviousBucket | undefined, changes: Map<number, RecordChange>, context: FixedContext | undefined): GramData | PreparedLargeGram<{ keep: string }> | undefined {
  const entry = previous?.entries.get(gram);
  const old = entry ? previous!.read(entry) : undefined;
  const oldPostings = old ? decodePostings(old.list, entry!.documents) : { docs: new Uint32Array(0), counts: new Uint32Array(0), inHead: new Uint8Array(0) };
  const changedDocs = [...changes.keys()].sort((a, b) => a - b);

  // The merged list: each document's value, and where its positions come from (the old list's index, or the change).
  const docs: number[] = [];
  const values: number[] = [];
  const sources: (number | GramRecord)[] = [];
  let next = 0;
  const takeOld = (until: number) => {
    for (; next < oldPostings.docs.length && oldPostings.docs[next]! < until; next++) {
      docs.push(oldPostings.docs[next]!);
      values.push(oldPostings.counts[next]! * 2 + oldPostings.inHead[next]!);
      sources.push(next);
    }
  };
  for (const doc of changedDocs) {
    takeOld(doc);
    if (oldPostings.docs[next] === doc) next++;
    const after = changes.get(doc)!.after;
    if (!after) continue;
    docs.push(doc);
    values.push(after.value);
    sources.push(after);
  }
  takeOld(Infinity);
  if (docs.length === 0) return undefined;

  const list = new ByteWriter(docs.length * 3);
  docs.forEach((doc, i) => list.varint(doc - (i === 0 ? 0 : docs[i - 1]!)).varint(values[i]!));
  const listBytes = list.finish();
  const positionBytes = (entry?.positionBytes ?? 0) + [...changes.values()].reduce((sum, { before, after }) => sum + (after?.positions.length ?? 0) - (before?.positions.length ?? 0), 0);

  const sameDocuments = entry !== undefined && docs.length === entry.documents && changedDocs.every((doc) => Boolean(changes.get(doc)!.before) === Boolean(changes.get(doc)!.after));
  const perBlock = documentsPerBlock(docs.length, positionBytes);
  if (entry && entry.file !== 0 && sameDocuments && listBytes.length + positionBytes > INLINE_LIMIT && perBlock === old!.perBlock) {
    const blocks: PatchedFile[] = [];
    const changedBlocks = new Set(changedDocs.map((doc) => Math.floor(docs.indexOf(doc) / perBlock)));
    for (let block = 0; positionBytes > 0 && block * perBlock < docs.length; block++) {
      if (!changedBlocks.has(block)) {
        blocks.push({ keep: previous!.blockPath(entry, block) });
        continue;
      }
      const from = block * perBlock;
      const to = Math.min(docs.length, from + perBlock);
      const spans = splitPositions(readStored(previous!.blockPath(entry, block)), oldPostings.counts, from, to);
      const bytes = new ByteWriter();
      for (let i = from; i < to; i++) {
        const source = sources[i]!;
        bytes.raw(typeof source === 'number' ? spans[i - from]! : source.positions);
      }
      blocks.push(bytes.finish());
    }
    return { gram, documents: docs.length, listBytes: listBytes.length, positionBytes, files: { list: largeListFile(listBytes, perBlock), blocks }, context: context ?? entry.context };
  }

  // Only grams of GRAM_LENGTH characters have positions.
  const spans = old && [...gram].length === GRAM_LENGTH ? splitPositions(old.positions(), oldPostings.counts, 0, oldPostings.docs.length) : [];
  const positions = new ByteWriter(positionBytes);
  for (const source of sources) {
    const bytes = typeof source === 'number' ? spans[source] : source.positions;
    if (bytes) positions.raw(bytes);
  }
  return { gram, documents: docs.length, list: listBytes, positions: positions.finish(), context };
}

/**
 * The large grams of the previous index whose fixed context the changed
 * documents cut short, with their context now. A context is only ever cut
 * here, never lengthened (that needs every document's text): a patched
 * index may keep a shorter context than a full build would find, which
 * costs bytes, never exactness.
 */
function narrowedContexts(previousGramsDir: string, buckets: number, documents: readonly ChangedDocument[]): Map<string, FixedContext> {
  const grams = new Set<string>();
  for (const { stream } of documents) {
    for (let at = 0; at + GRAM_LENGTH <= stream.length; at++) {
      if (stream[at] !== GAP && stream[at + 1] !== GAP && stream[at + 2] !== GAP) grams.add(String.fromCodePoint(stream[at]!, stream[at + 1]!, stream[at + 2]!));
    }
  }
  const dictionaries = new Map<number, Map<string, GramEntry>>();
  const known: string[] = [];
  const before: FixedContext[] = [];
  for (const gram of grams) {
    const bucket = bucketOf(gram, buckets);
    let dictionary = dictionaries.get(bucket);
    if (!dictionary) dictionaries.set(bucket, (dictionary = decodeGramDictionary(readStored(join(previousGramsDir, `${bucket}.bin`)))));
    const entry = dictionary.get(gram);
    if (entry && entry.file !== 0 && (entry.context.before || entry.context.after)) {
      known.push(gram);
      before.push(entry.context);
    }
  }
  const finder = new FixedContextFinder(known, before);
  for (const { stream } of documents) finder.add(stream);
  const narrowed = new Map<string, FixedContext>();
  known.forEach((gram, index) => {
    const now = finder.context(index);
    if (now.before !== before[index]!.before || now.after !== before[index]!.after) narrowed.set(gram, now);
  });
  return narrowed;
}

/**
 * Writes the gram files of the patched index into `gramsDir`, from the
 * previous index's (`previousGramsDir`): every file of a bucket no changed
 * gram falls into is linked; the others' dictionaries are encoded again.
 */
export async function patchGramFiles(previousGramsDir: string, gramsDir: string, buckets: number, documents: readonly ChangedDocument[], textOf: (id: number) => string): Promise<void> {
  const changes = gramChanges(documents, textOf);
  const narrowed = narrowedContexts(previousGramsDir, buckets, documents);
  // Buckets with a changed gram or a narrowed context are encoded again.
  const changedBuckets = new Map<number, string[]>();
  for (const gram of narrowed.keys()) changedBuckets.set(bucketOf(gram, buckets), []);
  for (const gram of changes.keys()) {
    const bucket = bucketOf(gram, buckets);
    const grams = changedBuckets.get(bucket);
    if (grams) grams.push(gram);
    else changedBuckets.set(bucket, [gram]);
  }
  const previousFiles = readdirSync(previousGramsDir);
  const blockCounts = new Map<string, number>();
  for (const name of previousFiles) {
    const block = /^(\d+-\d+)-\d+\.bin$/.exec(name);
    if (block) blockCounts.set(block[1]!, (blockCounts.get(block[1]!) ?? 0) + 1);
  }

  const files = new Map<string, PatchedFile>();
  for (const name of previousFiles) {
    if (!changedBuckets.has(Number(/^\d+/.exec(name)![0]))) files.set(name, { keep: join(previousGramsDir, name) });
  }
  for (const [bucket, changedGrams] of changedBuckets) {
    const previous = new PreviousBucket(previousGramsDir, bucket, blockCounts);
    const grams: (GramData | PreparedLargeGram<{ keep: string }>)[] = [];
    for (const [gram, entry] of previous.entries) {
      if (changes.has(gram)) continue;
      if (entry.file === 0) {
        const { list, positions } = previous.read(entry);
        grams.push({ gram, documents: entry.documents, list, positions: positions() });
      } else {
        const blocks = Array.from({ length: previous.blocks(entry) }, (_, block) => ({ keep: previous.blockPath(entry, block) }));
        grams.push({ gram, documents: entry.documents, listBytes: entry.listBytes, positionBytes: entry.positionBytes, files: { list: { keep: previous.listPath(entry) }, blocks }, context: narrowed.get(gram) ?? entry.context });
      }
    }
    for (const gram of changedGrams) {
      const entry = previous.entries.get(gram);
      const context = entry && entry.file !== 0 ? (narrowed.get(gram) ?? entry.context) : undefined;
      const patched = patchGram(gram, previous, changes.get(gram)!, context);
      if (patched) grams.push(patched);
    }
    // The order a full build writes: by gram.
    grams.sort((a, b) => (a.gram < b.gram ? -1 : 1));
    const { dictionary, large } = encodeGramBucket(grams);
    files.set(`${bucket}.bin`, dictionary);
    large.forEach(({ list, blocks }, index) => {
      files.set(`${bucket}-${index + 1}.bin`, list);
      blocks.forEach((block, j) => files.set(`${bucket}-${index + 1}-${j}.bin`, block));
    });
  }

  await mkdir(gramsDir, { recursive: true });
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(
      entries.slice(i, i + 64).map(async ([name, file]) => {
        const path = join(gramsDir, name);
        if (file instanceof Uint8Array) return writeFile(path, await gzip(file, { level: GRAM_FILE_LEVEL }), { mode: INDEX_FILE_MODE });
        await link(file.keep, path).catch(() => copyFile(file.keep, path));
      }),
    );
  }
}
