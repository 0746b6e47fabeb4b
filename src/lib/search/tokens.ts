/**
 * How text becomes search terms — the same code at build time (Node) and in
 * the reader's browser, so a query is always cut the way the documents were.
 *
 * Chinese has no spaces, and a word segmenter cuts the same characters
 * differently depending on context, so a substring of a document can be
 * missed. Instead a document is indexed as a stream of tokens:
 *   - each run of Han characters as its overlapping pairs, then its last
 *     character: 信访条例 → 信访 访条 条例 例ᚠ;
 *   - each run of letters or digits as its suffixes: 12345 → 12345ᚠ 2345ᚠ …;
 *   - punctuation as a token of its own (it is not indexed, but keeps its
 *     place, and makes excerpts readable).
 * ᚠ (RUN_END) closes a run, so no index term is ever a one-character or
 * shortened key. Pagefind matches query terms as prefixes of indexed terms
 * and, when nothing matches a term, falls back to a shorter key or drops the
 * term; with RUN_END that fallback finds nothing.
 *
 * A query becomes a pattern: terms at fixed offsets. A document contains the
 * query (ignoring which punctuation marks it uses) exactly when, at some
 * position, every term of the pattern occurs at its offset — which the
 * positions Pagefind reports for each result can tell without downloading
 * the document.
 */

const HAN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u;
const WORD = /[\p{L}\p{N}]/u;
/** Closes the last token of a run: a letter (so Pagefind indexes it) that no Chinese document uses. */
export const RUN_END = 'ᚠ';
/** Suffixes indexed per run of letters or digits: enough for phone and index numbers. */
const MAX_SUFFIXES = 16;

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
  if (WORD.test(char) && char !== RUN_END) return 'word';
  return 'other';
}

/**
 * Splits text into runs of Han characters, of letters/digits (normalised),
 * and of everything else (kept as written, so excerpts keep full-width
 * punctuation; whitespace separates tokens and is not kept).
 */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let previous: Run | undefined;
  for (const char of text) {
    if (/\s/u.test(char)) {
      previous = undefined; // whitespace ends a run
      continue;
    }
    const normalized = normalizeText(char);
    const kind = kindOf([...normalized][0] ?? char);
    const piece = kind === 'other' ? char : normalized;
    if (previous?.kind === kind) {
      previous.text += piece;
    } else {
      previous = { kind, text: piece };
      runs.push(previous);
    }
  }
  return runs;
}

function runTokens(run: Run): string[] {
  const chars = [...run.text];
  if (run.kind === 'han') {
    const tokens: string[] = [];
    for (let i = 0; i < chars.length - 1; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars.at(-1)! + RUN_END);
    return tokens;
  }
  if (run.kind === 'word') {
    return Array.from({ length: Math.min(chars.length, MAX_SUFFIXES) }, (_, i) => chars.slice(i).join('') + RUN_END);
  }
  return [run.text];
}

/** The token stream a document is indexed as (see the top of this file). */
export function indexStream(text: string): string {
  return runsOf(text).flatMap(runTokens).join(' ');
}

/**
 * What one token adds to the readable text, given the token after it: a pair
 * or suffix continued by the next token contributes its first character; a
 * run's last token and punctuation contribute themselves.
 */
export function tokenText(token: string, next: string | undefined): string {
  const text = token.endsWith(RUN_END) ? token.slice(0, -RUN_END.length) : token;
  const chars = [...text];
  const first = chars[0] ?? '';
  if (next !== undefined && chars.length > 1) {
    const nextText = next.endsWith(RUN_END) ? next.slice(0, -RUN_END.length) : next;
    if (HAN.test(first) && !token.endsWith(RUN_END) && [...nextText][0] === chars[1]) return first;
    if (!HAN.test(first) && WORD.test(first) && nextText === chars.slice(1).join('')) return first;
  }
  return text;
}

/** Readable text from (part of) an index stream. */
export function streamText(tokens: readonly string[]): string {
  return tokens.map((token, index) => tokenText(token, tokens[index + 1])).join('');
}

export interface PatternTerm {
  /** Matched as a prefix of an indexed token. */
  term: string;
  /** Token position relative to the first token of the match. */
  offset: number;
}

/**
 * The pattern a query (one keyword) is found by: its Han pairs (or the
 * character itself, for a lone one) and the full text of its runs of letters
 * and digits, each at the offset its token has in the query's own stream.
 */
export function keywordPattern(keyword: string): PatternTerm[] {
  const pattern: PatternTerm[] = [];
  let offset = 0;
  for (const run of runsOf(keyword)) {
    const tokens = runTokens(run);
    if (run.kind === 'han') {
      const chars = [...run.text];
      if (chars.length === 1) pattern.push({ term: chars[0]!, offset });
      for (let i = 0; i < chars.length - 1; i++) pattern.push({ term: chars[i]! + chars[i + 1]!, offset: offset + i });
    } else if (run.kind === 'word') {
      pattern.push({ term: run.text, offset });
    }
    offset += tokens.length;
  }
  return pattern;
}

/** Keywords are separated by spaces; a document must contain every one. */
export function queryKeywords(query: string): string[] {
  return query.split(/\s+/u).filter((keyword) => keywordPattern(keyword).length > 0);
}

/** The distinct terms to ask Pagefind for, for one keyword. */
export function keywordTerms(keyword: string): string[] {
  return [...new Set(keywordPattern(keyword).map((part) => part.term))];
}

/**
 * Whether the token positions at which a result matched one keyword's terms
 * contain the keyword's pattern: the document contains the keyword itself,
 * not just its terms scattered about.
 */
export function positionsMatch(positions: readonly number[], keyword: string): boolean {
  const pattern = keywordPattern(keyword);
  if (pattern.length === 0) return false;
  const matched = new Set(positions);
  const first = pattern[0]!.offset;
  return positions.some((start) => pattern.every(({ offset }) => matched.has(start - first + offset)));
}

/**
 * The text a query must appear in, for exact-match checks on a document's
 * text: normalised, everything but Han characters, letters and digits removed.
 */
export function matchKey(text: string): string {
  return runsOf(text)
    .filter((run) => run.kind !== 'other')
    .map((run) => run.text)
    .join('');
}
