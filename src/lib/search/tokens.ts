/**
 * How text becomes search terms — the same code at build time (Node) and in
 * the reader's browser, so a query is always cut the way the documents were.
 *
 * Chinese has no spaces, and a word segmenter cuts the same characters
 * differently depending on context, so a substring of a document can be
 * missed. Instead:
 *   - a run of Han characters is indexed as its characters, its overlapping
 *     pairs and its overlapping triples (信访条例 → 信 访 条 例, 信访 访条
 *     条例, 信访条 访条例);
 *   - a run of letters or digits as its characters and its suffixes
 *     (12345 → 1 2 3 4 5, 12345 2345 345 45 5), the suffixes looked up by
 *     prefix, so "234" finds "12345".
 * A query of three or more Han characters needs its triples, two characters
 * their pair, one character itself, letters and digits a suffix they begin.
 * Every document that contains the query contains all of its terms: recall
 * is complete by construction. Triples keep documents that have a long
 * query's pairs only scattered (认真贯彻 here, 贯彻政策 there) from being
 * found at all; the few that have its triples but not the query itself are
 * told apart afterwards, on their text (see excerpt.ts).
 */

const HAN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** Suffixes indexed per run of letters or digits: enough for phone and index numbers. */
export const MAX_SUFFIXES = 16;
/** Title terms count this many times over body terms when ranking. */
export const TITLE_WEIGHT = 5;

export type RunKind = 'han' | 'word' | 'other';

export interface Run {
  kind: RunKind;
  text: string;
}

/** Full-width letters and digits become ASCII (１２３４５ → 12345), letters lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function kindOf(char: string): RunKind {
  if (HAN.test(char)) return 'han';
  if (WORD.test(char)) return 'word';
  return 'other';
}

/** Chinese punctuation: general punctuation, CJK symbols (but 々 and 〇 are Han), full-width marks. */
function isPunctuation(code: number): boolean {
  return (code >= 0x2010 && code <= 0x2027) || (code >= 0x3001 && code <= 0x3004) || (code >= 0x3008 && code <= 0x3011) || (code >= 0xff01 && code <= 0xff0f);
}

/**
 * The kind of one character and the text it contributes to its run. Plain
 * ASCII and the common CJK block are decided by code point (this runs over
 * every character of every document); anything else goes through Unicode
 * normalisation and property tests.
 */
function classify(char: string): { kind: RunKind | 'space'; piece: string } {
  const code = char.codePointAt(0)!;
  if (code < 0x80) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return { kind: 'word', piece: char };
    if (code >= 0x41 && code <= 0x5a) return { kind: 'word', piece: String.fromCharCode(code + 32) };
    return SPACE.test(char) ? { kind: 'space', piece: '' } : { kind: 'other', piece: char };
  }
  if (code >= 0x4e00 && code <= 0x9fff) return { kind: 'han', piece: char };
  if (isPunctuation(code)) return { kind: 'other', piece: char };
  if (SPACE.test(char)) return { kind: 'space', piece: '' };
  const normalized = normalizeText(char);
  const kind = kindOf([...normalized][0] ?? char);
  return { kind, piece: kind === 'other' ? char : normalized };
}

/**
 * Splits text into runs of Han characters, of letters/digits (normalised),
 * and of everything else (as written); whitespace ends a run.
 */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let previous: Run | undefined;
  for (const char of text) {
    const { kind, piece } = classify(char);
    if (kind === 'space') {
      previous = undefined;
    } else if (previous?.kind === kind) {
      previous.text += piece;
    } else {
      previous = { kind, text: piece };
      runs.push(previous);
    }
  }
  return runs;
}

/** Where the terms of a document go as they are found (the index builder counts them). */
export interface TermSink {
  /** A Han character, letter or digit: an exact term of one character. */
  char(codePoint: number, weight: number): void;
  /** Two adjacent Han characters: an exact term of two characters. */
  pair(first: number, second: number, weight: number): void;
  /** Three adjacent Han characters, indexed by their slot (see gramSlot in format.ts). */
  triple(first: number, second: number, third: number, weight: number): void;
  /** A suffix of a run of letters or digits (two or more characters), looked up by prefix. */
  suffix(text: string, weight: number): void;
}

const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;

/**
 * Feeds every term of `text` to `sink`, each occurrence weighing `weight`,
 * and returns the number of Han, letter and digit characters. One pass over
 * the code points, without allocating per character: it runs over every
 * character of every document at build time.
 */
export function scanTerms(text: string, weight: number, sink: TermSink): number {
  let length = 0;
  let previousHan = -1;
  let beforePreviousHan = -1;
  let word: string[] = [];
  const endWord = () => {
    for (let i = 0; i < Math.min(word.length, MAX_SUFFIXES) && word.length - i > 1; i++) sink.suffix(word.slice(i).join(''), weight);
    word = [];
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i)!;
      i++;
    }
    let han = false;
    let piece: string | undefined;
    if (code >= HAN_FIRST && code <= HAN_LAST) han = true;
    else if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) piece = String.fromCharCode(code);
    else if (code >= 0x41 && code <= 0x5a) piece = String.fromCharCode(code + 32);
    else if (isPunctuation(code)) {
      // neither Han nor a letter or digit
    } else if (code >= 0x80) {
      const classified = classify(String.fromCodePoint(code));
      if (classified.kind === 'han') {
        han = true;
        code = classified.piece.codePointAt(0)!;
      } else if (classified.kind === 'word') {
        piece = classified.piece;
      }
    }
    if (han) {
      if (word.length > 0) endWord();
      length++;
      sink.char(code, weight);
      if (previousHan >= 0) sink.pair(previousHan, code, weight);
      if (beforePreviousHan >= 0) sink.triple(beforePreviousHan, previousHan, code, weight);
      beforePreviousHan = previousHan;
      previousHan = code;
    } else if (piece !== undefined) {
      previousHan = -1;
      beforePreviousHan = -1;
      for (const char of piece) {
        length++;
        sink.char(char.codePointAt(0)!, weight);
        word.push(char);
      }
    } else {
      previousHan = -1;
      beforePreviousHan = -1;
      if (word.length > 0) endWord();
    }
  }
  if (word.length > 0) endWord();
  return length;
}

/** A document's terms with their counts, as plain maps (for tests and small jobs). */
export interface DocumentTerms {
  exact: Map<string, number>;
  prefix: Map<string, number>;
  /** Triples of Han characters. */
  triples: Map<string, number>;
  length: number;
}

export function documentTerms(title: string, text: string): DocumentTerms {
  const terms: DocumentTerms = { exact: new Map(), prefix: new Map(), triples: new Map(), length: 0 };
  const add = (map: Map<string, number>, term: string, weight: number) => map.set(term, (map.get(term) ?? 0) + weight);
  const sink: TermSink = {
    char: (code, weight) => add(terms.exact, String.fromCodePoint(code), weight),
    pair: (first, second, weight) => add(terms.exact, String.fromCodePoint(first, second), weight),
    suffix: (suffix, weight) => add(terms.prefix, suffix, weight),
    triple: (first, second, third, weight) => add(terms.triples, String.fromCodePoint(first, second, third), weight),
  };
  terms.length = scanTerms(title, TITLE_WEIGHT, sink) + scanTerms(text, 1, sink);
  return terms;
}

/** What one keyword of a query is looked up by. */
export interface KeywordTerms {
  keyword: string;
  /** Characters and pairs of characters. */
  exact: string[];
  prefix: string[];
  /** Triples of Han characters. */
  triples: string[];
}

/**
 * The terms of one keyword: the triples of its Han runs (a run of two its
 * pair, a lone Han character itself), and for runs of letters or digits the
 * run as a prefix (a lone letter or digit itself). Every document containing
 * the keyword has them.
 */
export function keywordTerms(keyword: string): KeywordTerms {
  const exact = new Set<string>();
  const prefix = new Set<string>();
  const triples = new Set<string>();
  for (const run of runsOf(keyword)) {
    if (run.kind === 'other') continue;
    const chars = [...run.text];
    if (chars.length === 1) exact.add(chars[0]!);
    else if (run.kind === 'word') prefix.add(chars.slice(0, MAX_SUFFIXES).join(''));
    else if (chars.length === 2) exact.add(chars.join(''));
    else for (let i = 0; i < chars.length - 2; i++) triples.add(chars.slice(i, i + 3).join(''));
  }
  return { keyword, exact: [...exact], prefix: [...prefix], triples: [...triples] };
}

/** Keywords are separated by spaces; a document must contain every one. */
export function queryKeywords(query: string): KeywordTerms[] {
  return query
    .split(/\s+/u)
    .map(keywordTerms)
    .filter((terms) => terms.exact.length + terms.prefix.length + terms.triples.length > 0);
}

/**
 * The text a keyword must appear in, for exact-match checks: normalised, and
 * without punctuation or spacing, which vary between how readers type and
 * how documents are written. `origin[i]` is the index in `text` of the
 * character that gave `key[i]`.
 */
export function matchKeyWithOrigin(text: string): { key: string; origin: number[] } {
  let key = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const { kind, piece } = classify(char);
    if (kind === 'han' || kind === 'word') {
      key += piece;
      for (let i = 0; i < piece.length; i++) origin.push(index);
    }
    index += char.length;
  }
  return { key, origin };
}

export function matchKey(text: string): string {
  return matchKeyWithOrigin(text).key;
}
