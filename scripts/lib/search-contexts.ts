/**
 * The fixed contexts of large grams (FixedContext in src/lib/search/format.ts):
 * the characters found before and after every occurrence of a gram. They let
 * the reader answer a template phrase — one that occurs in thousands of
 * reports, many times each — from one gram's list instead of the positions of
 * several (docs/search.md).
 */
import { CONTEXT_LENGTH, GRAM_LENGTH, POSITION_BLOCK_BYTES, type FixedContext } from '../../src/lib/search/format.ts';
import { GAP, type DocumentGrams } from './search-terms.ts';

/**
 * Per gram id, at least the bytes of its list and positions (a document's
 * list entry takes at most 6 bytes, two varints). Only a gram above a block
 * of positions gets a fixed context: reading a smaller one's positions costs
 * a request of a few KB, while finding contexts for every large gram took
 * half as long again (docs/performance.md).
 */
export class DataSizeBound {
  /** Saturating at 2³² − 1, far above any limit asked for. */
  private bytes = new Uint32Array(1 << 16);

  add(grams: DocumentGrams): void {
    const { termIds, positionBytes } = grams;
    let bytes = this.bytes;
    for (let i = 0; i < termIds.length; i++) {
      // Only grams of GRAM_LENGTH characters have positions, and only they get a context.
      if (positionBytes[i] === 0) continue;
      const id = termIds[i]!;
      if (id >= bytes.length) {
        bytes = new Uint32Array(Math.max(id + 1, bytes.length * 2));
        bytes.set(this.bytes);
        this.bytes = bytes;
      }
      bytes[id] = Math.min(0xffffffff, bytes[id]! + 6 + positionBytes[i]!);
    }
  }

  /** The ids of the grams that may hold more than a block of positions. */
  aboveABlock(): number[] {
    const ids: number[] = [];
    this.bytes.forEach((bytes, id) => {
      if (bytes > POSITION_BLOCK_BYTES) ids.push(id);
    });
    return ids;
  }
}

const EMPTY = -1;

/** Bits of the filter by a gram's first two characters (FixedContextFinder.live): 128 KB, which stays in the processor's cache. */
const PAIR_BITS = 20;
const pairBit = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> (32 - PAIR_BITS);
/** Streams between two rebuilds of that filter. */
const STREAMS_PER_FILTER = 64;

/**
 * Narrows the fixed contexts of some grams over document streams
 * (search-terms.ts documentStream). A gram starts either unseen (its first
 * occurrence sets its context) or with a context known from before, and
 * each occurrence cuts its context to the characters it shares with it.
 */
export class FixedContextFinder {
  /** Open addressing by the gram's three code points: per slot the three, then the gram's index (EMPTY: free). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Per gram, CONTEXT_LENGTH characters before (nearest first), then CONTEXT_LENGTH after. */
  private readonly characters: Int32Array;
  private readonly lengths: Uint8Array;
  private readonly seen: Uint8Array;
  /** Each gram's three code points. */
  private readonly codes: Int32Array;
  /**
   * A bit per pairBit of the first two characters of the grams whose context
   * can still change (a seen gram with nothing before or after cannot): most
   * positions are passed over on one test once the common grams' contexts
   * have emptied, a few streams in.
   */
  private readonly live = new Int32Array(1 << (PAIR_BITS - 5));
  private streamsAdded = 0;

  /** `grams`: grams of GRAM_LENGTH characters; `known[i]`, if given, the context grams[i] had so far. */
  constructor(grams: readonly string[], known?: readonly FixedContext[]) {
    let capacity = 16;
    while (capacity < grams.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 4).fill(EMPTY);
    this.mask = capacity - 1;
    this.characters = new Int32Array(grams.length * CONTEXT_LENGTH * 2);
    this.lengths = new Uint8Array(grams.length * 2);
    this.seen = new Uint8Array(grams.length);
    this.codes = new Int32Array(grams.length * 3);
    grams.forEach((gram, index) => {
      const [a, b, c] = [...gram].map((char) => char.codePointAt(0)!);
      this.codes.set([a!, b!, c!], index * 3);
      let slot = this.slotOf(a!, b!, c!);
      while (this.slots[slot + 3] !== EMPTY) slot = ((slot / 4 + 1) & this.mask) * 4;
      this.slots.set([a!, b!, c!, index], slot);
      const context = known?.[index];
      if (!context) return;
      this.seen[index] = 1;
      const base = index * CONTEXT_LENGTH * 2;
      const before = [...context.before].reverse();
      const after = [...context.after];
      before.forEach((char, k) => (this.characters[base + k] = char.codePointAt(0)!));
      after.forEach((char, k) => (this.characters[base + CONTEXT_LENGTH + k] = char.codePointAt(0)!));
      this.lengths[index * 2] = before.length;
      this.lengths[index * 2 + 1] = after.length;
    });
  }

  private rebuildFilter(): void {
    this.live.fill(0);
    for (let index = 0; index < this.seen.length; index++) {
      if (this.seen[index] && this.lengths[index * 2] === 0 && this.lengths[index * 2 + 1] === 0) continue;
      const bit = pairBit(this.codes[index * 3]!, this.codes[index * 3 + 1]!);
      this.live[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  private slotOf(a: number, b: number, c: number): number {
    let hash = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 0;
    hash ^= hash >>> 15;
    return (hash & this.mask) * 4;
  }

  private indexOf(a: number, b: number, c: number): number {
    for (let slot = this.slotOf(a, b, c); ; slot = ((slot / 4 + 1) & this.mask) * 4) {
      const index = this.slots[slot + 3]!;
      if (index === EMPTY || (this.slots[slot] === a && this.slots[slot + 1] === b && this.slots[slot + 2] === c)) return index;
    }
  }

  add(stream: Int32Array): void {
    if (this.streamsAdded++ % STREAMS_PER_FILTER === 0) this.rebuildFilter();
    const { characters, lengths, seen, live } = this;
    for (let at = 0; at + GRAM_LENGTH <= stream.length; at++) {
      const a = stream[at]!;
      const b = stream[at + 1]!;
      const bit = pairBit(a, b);
      if ((live[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      const c = stream[at + 2]!;
      if (a === GAP || b === GAP || c === GAP) continue;
      const index = this.indexOf(a, b, c);
      if (index === EMPTY) continue;
      const before = index * CONTEXT_LENGTH * 2;
      const after = before + CONTEXT_LENGTH;
      if (!seen[index]) {
        seen[index] = 1;
        let k = 0;
        for (; k < CONTEXT_LENGTH && at - 1 - k >= 0 && stream[at - 1 - k] !== GAP; k++) characters[before + k] = stream[at - 1 - k]!;
        lengths[index * 2] = k;
        k = 0;
        for (; k < CONTEXT_LENGTH && at + GRAM_LENGTH + k < stream.length && stream[at + GRAM_LENGTH + k] !== GAP; k++) characters[after + k] = stream[at + GRAM_LENGTH + k]!;
        lengths[index * 2 + 1] = k;
        continue;
      }
      // A gap never equals a kept character, so contexts stop at a field's edge.
      let k = 0;
      for (const kept = lengths[index * 2]!; k < kept && at - 1 - k >= 0 && stream[at - 1 - k] === characters[before + k]; k++);
      lengths[index * 2] = k;
      k = 0;
      for (const kept = lengths[index * 2 + 1]!; k < kept && at + GRAM_LENGTH + k < stream.length && stream[at + GRAM_LENGTH + k] === characters[after + k]; k++);
      lengths[index * 2 + 1] = k;
    }
  }

  /** The context of grams[index] over every stream added (and the one it was known with). */
  context(index: number): FixedContext {
    const before = index * CONTEXT_LENGTH * 2;
    const after = before + CONTEXT_LENGTH;
    return {
      before: String.fromCodePoint(...this.characters.subarray(before, before + this.lengths[index * 2]!)
        .slice()
        .reverse()),
      after: String.fromCodePoint(...this.characters.subarray(after, after + this.lengths[index * 2 + 1]!)),
    };
  }
}
