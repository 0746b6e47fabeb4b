/**
 * Finding and ranking documents in the search index: the part of search
 * that needs no browser, so it is tested in Node against a built index.
 */
import {
  termPath,
  triplePath,
  prefixPath,
  decodeDocList,
  decodeLength,
  decodeTermFile,
  documentPath,
  inflate,
  prefixKeyOf,
  slotName,
  tripleSlotOf,
  type Postings,
  type SearchDocument,
  type SearchManifest,
} from './format.ts';
import type { KeywordTerms } from './tokens.ts';

/** Reads index files by path relative to the index folder. */
export interface IndexFiles {
  json<T>(path: string): Promise<T>;
  bytes(path: string): Promise<Uint8Array>;
}

export type SortOrder = 'relevance' | 'newest';

/** BM25 parameters, the usual ones. */
const K1 = 1.2;
const B = 0.75;

const EMPTY: Postings = { docs: new Uint32Array(0), counts: new Uint8Array(0) };

/** Sum of postings lists (for a prefix that several terms share). */
function union(lists: Postings[]): Postings {
  if (lists.length === 1) return lists[0]!;
  const counts = new Map<number, number>();
  for (const list of lists) list.docs.forEach((doc, i) => counts.set(doc, (counts.get(doc) ?? 0) + list.counts[i]!));
  const docs = Uint32Array.from([...counts.keys()].sort((a, b) => a - b));
  return { docs, counts: Uint8Array.from(docs, (doc) => Math.min(255, counts.get(doc)!)) };
}

export class SearchIndexReader {
  private readonly cache = new Map<string, Promise<Uint8Array>>();
  private lengths: Promise<Uint8Array> | undefined;
  /** Compressed bytes of the index files read so far (they are sent as they are stored). */
  bytesRead = 0;
  private readonly files: IndexFiles;
  readonly manifest: SearchManifest;

  private constructor(files: IndexFiles, manifest: SearchManifest) {
    this.files = files;
    this.manifest = manifest;
  }

  static async open(files: IndexFiles): Promise<SearchIndexReader> {
    return new SearchIndexReader(files, await files.json<SearchManifest>('manifest.json'));
  }

  private file(path: string): Promise<Uint8Array> {
    let pending = this.cache.get(path);
    if (!pending) {
      pending = this.files.bytes(`${this.manifest.base}/${path}`).then((data) => {
        this.bytesRead += data.length;
        return inflate(data);
      });
      this.cache.set(path, pending);
    }
    return pending;
  }

  private async exact(term: string): Promise<Postings> {
    const terms = decodeTermFile(await this.file(termPath(term, this.manifest.buckets)), (candidate) => candidate === term);
    return terms.get(term) ?? EMPTY;
  }

  private async triple(triple: string): Promise<Postings> {
    const slot = tripleSlotOf(triple);
    const name = slotName(slot);
    const slots = decodeTermFile(await this.file(triplePath(slot, this.manifest.buckets)), (candidate) => candidate === name);
    return slots.get(name) ?? EMPTY;
  }

  private async prefix(prefix: string): Promise<Postings> {
    const key = prefixKeyOf(prefix);
    if (!this.manifest.prefixKeys.includes(key)) return EMPTY;
    const terms = decodeTermFile(await this.file(prefixPath(key)), (term) => term.startsWith(prefix));
    return terms.size === 0 ? EMPTY : union([...terms.values()]);
  }

  /**
   * Documents containing every term of every keyword and matching every
   * filter, best first (BM25 over the terms) or newest first.
   */
  async candidates(keywords: KeywordTerms[], filters: Record<string, string>, sort: SortOrder): Promise<number[]> {
    const lists = await Promise.all(
      keywords.flatMap((keyword) => [
        ...keyword.exact.map((term) => this.exact(term)),
        ...keyword.triples.map((term) => this.triple(term)),
        ...keyword.prefix.map((term) => this.prefix(term)),
      ]),
    );
    if (lists.length === 0 || lists.some((list) => list.docs.length === 0)) return [];
    const allowed = await this.filtered(filters);

    // Intersect, starting from the rarest term.
    const order = [...lists].sort((a, b) => a.docs.length - b.docs.length);
    let docs = [...order[0]!.docs].filter((doc) => !allowed || allowed.has(doc));
    for (const list of order.slice(1)) {
      const members = new Set(list.docs);
      docs = docs.filter((doc) => members.has(doc));
      if (docs.length === 0) return [];
    }
    if (sort === 'newest') return docs.sort((a, b) => a - b);

    const lengths = await (this.lengths ??= this.file('lengths.bin'));
    const { documents, averageLength } = this.manifest;
    const scores = new Map<number, number>(docs.map((doc) => [doc, 0]));
    for (const list of lists) {
      const idf = Math.log(1 + (documents - list.docs.length + 0.5) / (list.docs.length + 0.5));
      list.docs.forEach((doc, i) => {
        const score = scores.get(doc);
        if (score === undefined) return;
        const count = list.counts[i]!;
        const norm = 1 - B + (B * decodeLength(lengths[doc]!)) / Math.max(1, averageLength);
        scores.set(doc, score + (idf * count * (K1 + 1)) / (count + K1 * norm));
      });
    }
    // Ties go to the newer document.
    return docs.sort((a, b) => scores.get(b)! - scores.get(a)! || a - b);
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

  /** A document's id, title, 发布机构, 发文日期 and text. */
  async document(doc: number): Promise<SearchDocument> {
    return JSON.parse(new TextDecoder().decode(await this.file(documentPath(doc)))) as SearchDocument;
  }
}
