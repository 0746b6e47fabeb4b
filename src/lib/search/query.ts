/**
 * Finding and ranking documents in the search index: the part of search
 * that needs no browser, so it is tested in Node against a built index.
 *
 * A phrase's documents are found exactly from the index (docs/search.md):
 * a phrase of one or two characters is a gram, whose postings list is its
 * documents; a longer one is covered by grams of three characters (with the
 * characters always found around them), chosen so that the fewest bytes are
 * fetched, and a document contains the phrase where those grams occur at the
 * phrase's offsets from one start position — or, when one gram's fixed
 * context holds the whole phrase, exactly where that gram occurs.
 */
import {
  ByteReader,
  decodeDocList,
  decodeGramDictionary,
  decodeLength,
  decodePositions,
  decodePostings,
  documentPath,
  expectedDocumentBytes,
  GRAM_LENGTH,
  gramPath,
  HEAD_FIELDS,
  INDEX_FORMAT,
  inflate,
  largeGramPath,
  positionBlockPath,
  type FixedContext,
  type Postings,
  type GramEntry,
  type SearchDocument,
  type SearchManifest,
} from './format.ts';
import { searchKey } from './normalize.ts';

/** Reads index files by path relative to the index folder. */
export interface IndexFiles {
  json<T>(path: string): Promise<T>;
  bytes(path: string): Promise<Uint8Array>;
}

export type SortOrder = 'relevance' | 'newest';

/** The index was built by another version of the site's code than the page reading it. */
export class IndexFormatError extends Error {
  constructor(format: unknown) {
    super(`搜索索引的格式（${String(format)}）与本页面（${INDEX_FORMAT}）不一致，网站可能刚刚更新。请刷新页面后再试。`);
    this.name = 'IndexFormatError';
  }
}

/** The documents containing a phrase (increasing), how often, and whether it occurs in their head. */
export interface PhraseMatches {
  docs: Uint32Array;
  counts: Uint32Array;
  inHead: Uint8Array;
}

const NONE: PhraseMatches = { docs: new Uint32Array(0), counts: new Uint32Array(0), inHead: new Uint8Array(0) };

/** BM25 parameters, the usual ones. */
const K1 = 1.2;
const B = 0.75;

/** The characters of a phrase, [start, end), that its gram at `offset` decides: the gram's own, and those of its fixed context the phrase agrees with. */
export function gramSpan(chars: readonly string[], offset: number, context: FixedContext): { start: number; end: number } {
  const before = [...context.before];
  const after = [...context.after];
  let start = offset;
  while (start > 0 && before[before.length - 1 - (offset - start)] === chars[start - 1]) start--;
  let end = offset + GRAM_LENGTH;
  while (end < chars.length && after[end - offset - GRAM_LENGTH] === chars[end]) end++;
  return { start, end };
}

/**
 * The offsets of the grams (spans as gramSpan gives them, by offset) that
 * together decide every character of a phrase at the least cost. A gram
 * costs the bytes its data adds to the fetch (0 for data that came with the
 * dictionary), plus one so fewer grams win ties.
 */
export function cheapestCover(spans: readonly { start: number; end: number }[], costs: readonly number[]): number[] {
  const length = Math.max(...spans.map(({ end }) => end));
  // best[o]: the least cost of grams up to o deciding characters [0, spans[o].end).
  const best = costs.map(() => Infinity);
  const from = costs.map(() => -1);
  spans.forEach(({ start, end }, offset) => {
    if (start === 0) best[offset] = costs[offset]! + 1;
    for (let previous = 0; previous < offset; previous++) {
      const reached = spans[previous]!.end;
      if (reached >= start && reached < end && best[previous]! + costs[offset]! + 1 < best[offset]!) {
        best[offset] = best[previous]! + costs[offset]! + 1;
        from[offset] = previous;
      }
    }
  });
  let last = -1;
  spans.forEach(({ end }, offset) => {
    if (end === length && (last < 0 || best[offset]! < best[last]!)) last = offset;
  });
  const cover: number[] = [];
  for (let offset = last; offset >= 0; offset = from[offset]!) cover.unshift(offset);
  return cover;
}

/**
 * What a large gram's data would add to the fetch when `fewest` documents
 * can still match: its list, and its positions in those documents. Nothing
 * for a small gram, whose data came with the dictionary.
 */
function fetchCost(entry: GramEntry, fewest: number): number {
  return entry.file === 0 ? 0 : entry.listBytes + entry.positionBytes * Math.min(1, fewest / entry.documents);
}

/**
 * Each gram's weight when a cover is chosen: its fetch cost, except that one
 * rarest gram is made part of every cover (weighted far below zero), so the
 * documents that can still match are at most as many as it has.
 */
function coverCosts(entries: readonly GramEntry[]): number[] {
  const fewest = Math.min(...entries.map((entry) => entry.documents));
  // One rarest gram: were all those tied for rarest favoured, the cover would take every one of them.
  const rarest = entries.findIndex((entry) => entry.documents === fewest);
  return entries.map((entry, offset) => (entry.file !== 0 && offset === rarest ? entry.listBytes - 1e9 : fetchCost(entry, fewest)));
}

/**
 * Each document's possible phrase starts (increasing) once the gram whose
 * positions are `byDoc` must occur at `offset` from them: the first gram
 * (`starts` undefined) gives those of the `candidates`, each next one keeps
 * the starts where it occurs; a document left without a start is dropped.
 */
function narrowStarts(starts: Map<number, number[]> | undefined, byDoc: Map<number, Uint32Array>, offset: number, candidates: Set<number>): Map<number, number[]> {
  const narrowed = new Map<number, number[]>();
  if (!starts) {
    for (const doc of candidates) {
      const found = [...byDoc.get(doc)!].filter((position) => position >= offset).map((position) => position - offset);
      if (found.length > 0) narrowed.set(doc, found);
    }
    return narrowed;
  }
  for (const [doc, found] of starts) {
    const positions = byDoc.get(doc)!;
    const kept = found.filter((start) => hasPosition(positions, start + offset));
    if (kept.length > 0) narrowed.set(doc, kept);
  }
  return narrowed;
}

function hasPosition(sorted: Uint32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! === value) return true;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * How often the phrase `key` occurs in a document's stream — in its fields
 * and body, each as searchKey sees it, every start counted (overlapping ones
 * too), as the index counts — and whether once in its head.
 */
export function phraseInDocument(document: SearchDocument, key: string): { count: number; inHead: boolean } {
  let count = 0;
  let inHead = false;
  [...document.fields, document.text].forEach((field, index) => {
    const text = searchKey(field);
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      count++;
      if (index < HEAD_FIELDS) inHead = true;
    }
  });
  return { count, inHead };
}

/** A gram's documents, and a way to fetch its positions in some of them. */
interface GramData {
  postings: Postings;
  /** About how many bytes fetching the positions in the documents `wanted` accepts would add (0: here already). */
  cost: (wanted: (doc: number) => boolean) => number;
  positions: (wanted: (doc: number) => boolean) => Promise<Map<number, Uint32Array>>;
}

export class SearchIndexReader {
  private readonly cache = new Map<string, Promise<Uint8Array>>();
  private readonly dictionaries = new Map<string, Promise<Map<string, GramEntry & { offset: number }>>>();
  private readonly phrases = new Map<string, Promise<PhraseMatches>>();
  private lengths: Promise<Uint8Array> | undefined;
  private heads: Promise<Uint32Array> | undefined;
  /** Compressed bytes of the index files read so far (they are sent as they are stored). */
  bytesRead = 0;
  private readonly files: IndexFiles;
  readonly manifest: SearchManifest;

  private constructor(files: IndexFiles, manifest: SearchManifest) {
    this.files = files;
    this.manifest = manifest;
  }

  /** Opens the index, refusing one of a format this code does not read. */
  static async open(files: IndexFiles): Promise<SearchIndexReader> {
    const manifest = await files.json<SearchManifest>('manifest.json');
    if (manifest?.format !== INDEX_FORMAT) throw new IndexFormatError(manifest?.format);
    return new SearchIndexReader(files, manifest);
  }

  private file(path: string): Promise<Uint8Array> {
    let pending = this.cache.get(path);
    if (!pending) {
      pending = this.files.bytes(`${this.manifest.base}/${path}`).then((data) => {
        this.bytesRead += data.length;
        return inflate(data);
      });
      // A failed fetch is not remembered: the next search tries again.
      pending.catch(() => this.cache.delete(path));
      this.cache.set(path, pending);
    }
    return pending;
  }

  private async entry(gram: string): Promise<(GramEntry & { offset: number }) | undefined> {
    const path = gramPath(gram, this.manifest.buckets);
    let dictionary = this.dictionaries.get(path);
    if (!dictionary) {
      dictionary = this.file(path).then(decodeGramDictionary);
      dictionary.catch(() => this.dictionaries.delete(path));
      this.dictionaries.set(path, dictionary);
    }
    return (await dictionary).get(gram);
  }

  /**
   * A gram's list, and its positions: from its bucket file, or for a large
   * gram from its own file, positions fetched by blocks only for the
   * documents `wanted` accepts; `cost` estimates the bytes that fetch adds.
   */
  private async data(entry: GramEntry & { offset: number }): Promise<GramData> {
    const { buckets } = this.manifest;
    if (entry.file === 0) {
      const bytes = await this.file(gramPath(entry.gram, buckets));
      const postings = decodePostings(bytes.subarray(entry.offset, entry.offset + entry.listBytes), entry.documents);
      const positions = bytes.subarray(entry.offset + entry.listBytes, entry.offset + entry.listBytes + entry.positionBytes);
      return { postings, cost: () => 0, positions: async (wanted) => decodePositions(positions, postings, wanted) };
    }
    const reader = new ByteReader(await this.file(largeGramPath(entry.gram, buckets, entry.file)));
    const perBlock = reader.varint();
    const postings = decodePostings(reader.rest(), entry.documents);
    const blocksFor = (wanted: (doc: number) => boolean) => {
      const blocks = new Set<number>();
      postings.docs.forEach((doc, i) => {
        if (wanted(doc)) blocks.add(Math.floor(i / perBlock));
      });
      return blocks;
    };
    return {
      postings,
      cost: (wanted) => (blocksFor(wanted).size * entry.positionBytes) / Math.ceil(entry.documents / perBlock),
      positions: async (wanted) => {
        const blocks = blocksFor(wanted);
        const result = new Map<number, Uint32Array>();
        const fetched = await Promise.all([...blocks].map(async (block) => [block, await this.file(positionBlockPath(entry.gram, buckets, entry.file, block))] as const));
        for (const [block, bytes] of fetched) decodePositions(bytes, postings, wanted, block * perBlock, result);
        return result;
      },
    };
  }

  /** Where each document's head (title, 索引号, 文号) ends in its stream. */
  private headLengths(): Promise<Uint32Array> {
    return (this.heads ??= this.file('heads.bin').then((data) => {
      const reader = new ByteReader(data);
      return Uint32Array.from({ length: this.manifest.documents }, () => reader.varint());
    }));
  }

  /** Each document's stream length (log-scaled: decodeLength). */
  private documentLengths(): Promise<Uint8Array> {
    return (this.lengths ??= this.file('lengths.bin'));
  }

  /** About how many bytes reading the documents `docs` would add to the fetch. */
  private documentsCost(docs: readonly number[], lengths: Uint8Array): number {
    const heavy = this.manifest.heavyDocuments;
    return docs.reduce((sum, doc) => sum + (this.cache.has(documentPath(doc)) ? 0 : (heavy[doc] ?? expectedDocumentBytes(lengths[doc]!))), 0);
  }

  /** The phrase `key` looked for in the text of the documents `docs`, which are read. */
  private async findInDocuments(key: string, docs: readonly number[]): Promise<PhraseMatches> {
    const sorted = [...docs].sort((a, b) => a - b);
    const found = await Promise.all(sorted.map(async (doc) => ({ doc, ...phraseInDocument(await this.document(doc), key) })));
    const matching = found.filter(({ count }) => count > 0);
    return {
      docs: Uint32Array.from(matching, ({ doc }) => doc),
      counts: Uint32Array.from(matching, ({ count }) => count),
      inHead: Uint8Array.from(matching, ({ inHead }) => (inHead ? 1 : 0)),
    };
  }

  /** The documents whose stream contains `key` (a phrase as searchKey gives it), exactly. */
  phrase(key: string): Promise<PhraseMatches> {
    let pending = this.phrases.get(key);
    if (!pending) {
      pending = this.findPhrase(key);
      pending.catch(() => this.phrases.delete(key));
      this.phrases.set(key, pending);
    }
    return pending;
  }

  private async findPhrase(key: string): Promise<PhraseMatches> {
    const chars = [...key];
    if (chars.length === 0) return NONE;
    if (chars.length < GRAM_LENGTH) {
      const entry = await this.entry(key);
      return entry ? (await this.data(entry)).postings : NONE;
    }
    const grams = Array.from({ length: chars.length - GRAM_LENGTH + 1 }, (_, offset) => chars.slice(offset, offset + GRAM_LENGTH).join(''));
    const entries = await Promise.all(grams.map((gram) => this.entry(gram)));
    if (entries.some((entry) => entry === undefined)) return NONE;
    const known = entries as (GramEntry & { offset: number })[];
    const spans = known.map((entry, offset) => gramSpan(chars, offset, entry.context));
    const cover = cheapestCover(spans, coverCosts(known));
    // A gram whose fixed context holds the whole phrase occurs exactly where the phrase does: its list is the answer, no positions needed.
    const fewest = Math.min(...known.map((entry) => entry.documents));
    const listCost = (entry: GramEntry) => (entry.file === 0 ? 0 : entry.listBytes);
    const whole = known.filter((entry, offset) => spans[offset]!.start === 0 && spans[offset]!.end === chars.length).sort((a, b) => listCost(a) - listCost(b))[0];
    if (whole && listCost(whole) <= cover.reduce((sum, offset) => sum + fetchCost(known[offset]!, fewest), 0)) return (await this.data(whole)).postings;
    const [heads, lengths, ...parts] = await Promise.all([this.headLengths(), this.documentLengths(), ...cover.map(async (offset) => ({ offset, ...(await this.data(known[offset]!)) }))]);
    // Documents having every gram of the cover, from the rarest gram's list.
    const byRarity = [...parts].sort((a, b) => a.postings.docs.length - b.postings.docs.length);
    let candidates = new Set(byRarity[0]!.postings.docs);
    for (const part of byRarity.slice(1)) candidates = new Set(part.postings.docs.filter((doc) => candidates.has(doc)));
    // Each candidate's possible start positions, narrowed gram by gram. The
    // positions come in two rounds: first of the grams that cost least (at
    // least two, so that they can disagree), then of the others only for the
    // candidates still having a start — often a few of many. Before a round,
    // the documents still in question may be read instead, when that costs
    // less: their text settles them just as exactly.
    const byCost = parts.map((part) => ({ part, cost: part.cost((doc) => candidates.has(doc)) })).sort((a, b) => a.cost - b.cost);
    const firstRound = Math.max(2, byCost.filter(({ cost }) => cost === 0).length);
    let starts: Map<number, number[]> | undefined;
    for (const round of [byCost.slice(0, firstRound), byCost.slice(firstRound)]) {
      const known = starts;
      const wanted = known ? (doc: number) => known.has(doc) : (doc: number) => candidates.has(doc);
      const undecided = [...(known ? known.keys() : candidates)];
      if (round.length > 0 && this.documentsCost(undecided, lengths) < round.reduce((sum, { part }) => sum + part.cost(wanted), 0)) return this.findInDocuments(key, undecided);
      const fetched = await Promise.all(round.map(async ({ part }) => ({ offset: part.offset, byDoc: await part.positions(wanted) })));
      for (const { offset, byDoc } of fetched) starts = narrowStarts(starts, byDoc, offset, candidates);
    }
    starts ??= new Map();
    const docs: number[] = [];
    const counts: number[] = [];
    const inHead: number[] = [];
    for (const doc of [...starts.keys()].sort((a, b) => a - b)) {
      const found = starts.get(doc)!;
      docs.push(doc);
      counts.push(found.length);
      inHead.push(found[0]! < heads[doc]! ? 1 : 0);
    }
    return { docs: Uint32Array.from(docs), counts: Uint32Array.from(counts), inHead: Uint8Array.from(inHead) };
  }

  /**
   * The documents containing every phrase and matching every filter, in one
   * order: relevance (phrases found in the head first, then BM25 over the
   * phrases' occurrences, then newest) or newest first.
   */
  async search(keys: readonly string[], filters: Record<string, string>, sort: SortOrder): Promise<number[]> {
    if (keys.length === 0) return [];
    const [allowed, ...matches] = await Promise.all([this.filtered(filters), ...keys.map((key) => this.phrase(key))]);
    let docs = [...matches.reduce((smallest, match) => (match.docs.length < smallest.docs.length ? match : smallest)).docs];
    if (allowed) docs = docs.filter((doc) => allowed.has(doc));
    const lookups = matches.map((match) => new Map([...match.docs].map((doc, i) => [doc, i])));
    docs = docs.filter((doc) => lookups.every((lookup) => lookup.has(doc)));
    if (sort === 'newest') return docs.sort((a, b) => a - b);

    const lengths = await this.documentLengths();
    const { documents, averageLength } = this.manifest;
    const heads = new Map<number, number>();
    const scores = new Map<number, number>();
    for (const doc of docs) {
      let head = 0;
      let score = 0;
      const norm = 1 - B + (B * decodeLength(lengths[doc]!)) / Math.max(1, averageLength);
      matches.forEach((match, phrase) => {
        const at = lookups[phrase]!.get(doc)!;
        const idf = Math.log(1 + (documents - match.docs.length + 0.5) / (match.docs.length + 0.5));
        const count = match.counts[at]!;
        head += match.inHead[at]!;
        score += (idf * count * (K1 + 1)) / (count + K1 * norm);
      });
      heads.set(doc, head);
      scores.set(doc, score);
    }
    return docs.sort((a, b) => heads.get(b)! - heads.get(a)! || scores.get(b)! - scores.get(a)! || a - b);
  }

  /** Documents matching every filter, or undefined when none is set. */
  private async filtered(filters: Record<string, string>): Promise<Set<number> | undefined> {
    let allowed: Set<number> | undefined;
    for (const [kind, value] of Object.entries(filters)) {
      const n = this.manifest.filters[kind]?.indexOf(value) ?? -1;
      const docs = n < 0 ? new Uint32Array(0) : decodeDocList(await this.file(`filters/${kind}-${n}.bin`));
      const next = new Set(docs);
      allowed = allowed ? new Set([...allowed].filter((doc) => next.has(doc))) : next;
    }
    return allowed;
  }

  /** A document's id, title, 发布机构, 发布日期 and text. */
  async document(doc: number): Promise<SearchDocument> {
    return JSON.parse(new TextDecoder().decode(await this.file(documentPath(doc)))) as SearchDocument;
  }
}
