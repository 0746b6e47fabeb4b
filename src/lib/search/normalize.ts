/**
 * The one normalization of search: the index builder, the query parser and
 * the excerpt's match finder all see text through `forEachSearchChar`, so a
 * query matches exactly where the index says it does.
 *
 * Each character — a letter with the combining marks that follow it counts
 * as one (e + U+0301 is é, ｶ + ﾞ is ガ) — is NFKC-normalized (every
 * character of an expansion kept: ㍻ → 平成), lower-cased, and kept only if
 * it is a letter, a digit or a combining mark. Punctuation, symbols, whitespace and invisible characters
 * (zero-width space, soft hyphen, BOM …) are dropped, so 区委区政府 finds
 * 区委、区政府 and PD­F finds PDF. The rule is in docs/search.md.
 */

const KEPT = /[\p{L}\p{N}\p{M}]/u;

/** Common CJK ideographs: kept as they are (NFKC and case leave them alone). */
const isCommonHan = (code: number) => code >= 0x4e00 && code <= 0x9fff;

/**
 * Calls `emit` with every searchable character of `text` (a code point) and
 * the UTF-16 index in `text` of the character it came from. Runs over every
 * character of every document at build time, so common characters are
 * decided by code point.
 */
export function forEachSearchChar(text: string, emit: (code: number, origin: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    const origin = i;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
    }
    if (code < 0x80) {
      if (code >= 0x30 && code <= 0x39) emit(code, origin);
      else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) {
        if (combiningFollows(text, i)) i = emitComposed(text, origin, emit);
        else emit(code | 0x20, origin);
      }
      continue;
    }
    // No common ideograph composes with what follows it.
    if (isCommonHan(code)) {
      emit(code, origin);
      continue;
    }
    if (combiningFollows(text, i)) i = emitComposed(text, origin, emit);
    else for (const kept of expansionOf(code)) emit(kept, origin);
  }
}

/** Whether the character after the one ending at `last` combines with it (checked where a character could compose). */
function combiningFollows(text: string, last: number): boolean {
  const next = text.charCodeAt(last + 1);
  return next >= 0x300 && !isCommonHan(next) && combining[next] !== NOT_COMBINING && combinesWithPrevious(text, last + 1);
}

/** Emits the character at `origin` composed with the characters that combine with it; returns the index of its last UTF-16 unit. */
function emitComposed(text: string, origin: number, emit: (code: number, origin: number) => void): number {
  const end = characterEnd(text, origin);
  for (const kept of keptChars(text.slice(origin, end))) emit(kept, origin);
  return end - 1;
}

/** What other code points become, decided once each: punctuation alone is a tenth of a Chinese text. */
const expansions = new Map<number, number[]>();
/** Enough for every code point a real archive uses; text made of more (hostile) is normalized, just not remembered. */
const EXPANSIONS_KEPT = 1 << 16;

/** `text`'s NFKC form, lower-cased, keeping only letters, digits and combining marks. */
function keptChars(text: string): number[] {
  const kept: number[] = [];
  for (const char of text.normalize('NFKC').toLowerCase()) if (KEPT.test(char)) kept.push(char.codePointAt(0)!);
  return kept;
}

/** `code`'s expansion (keptChars), decided once. */
function expansionOf(code: number): number[] {
  let expansion = expansions.get(code);
  if (!expansion) {
    expansion = keptChars(String.fromCodePoint(code));
    if (expansions.size < EXPANSIONS_KEPT) expansions.set(code, expansion);
  }
  return expansion;
}

const STARTS_WITH_MARK = /^\p{M}/u;
const COMBINING = 1;
const NOT_COMBINING = 2;
/** For each BMP character: COMBINING with the character before it, NOT_COMBINING, or 0 not yet known. */
const combining = new Uint8Array(0x10000);

/** Whether the character at `at` combines with the one before it: a combining mark, or one whose compatibility form starts with one (ﾞ is U+3099). */
function combinesWithPrevious(text: string, at: number): boolean {
  const code = text.codePointAt(at)!;
  const decide = () => STARTS_WITH_MARK.test(String.fromCodePoint(code).normalize('NFKD'));
  if (code > 0xffff) return decide();
  // A lone surrogate combines with nothing; remembered, it would stand for every astral character it starts (combiningFollows).
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (combining[code] === 0) combining[code] = decide() ? COMBINING : NOT_COMBINING;
  return combining[code] === COMBINING;
}

const unitsOf = (code: number) => (code > 0xffff ? 2 : 1);

/** Where the character at `at` (UTF-16) ends in `text`, with the characters that combine with it: e + U+0301 is one é. */
export function characterEnd(text: string, at: number): number {
  let end = at + unitsOf(text.codePointAt(at)!);
  while (end < text.length && combinesWithPrevious(text, end)) end += unitsOf(text.codePointAt(end)!);
  return end;
}

/** Code points as a string, a slice at a time (a string built a character at a time is a long chain in memory). */
function stringOf(codes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 4096) parts.push(String.fromCodePoint(...codes.slice(i, i + 4096)));
  return parts.join('');
}

/** `text` as the search sees it, with where each of its characters (UTF-16 units) came from. */
export function searchKeyWithOrigin(text: string): { key: string; origin: number[] } {
  const codes: number[] = [];
  const origin: number[] = [];
  forEachSearchChar(text, (code, from) => {
    codes.push(code);
    origin.push(from);
    // A code point above U+FFFF is two UTF-16 units in the key: both come from the same place.
    if (code > 0xffff) origin.push(from);
  });
  return { key: stringOf(codes), origin };
}

/** `text` as the search sees it. */
export function searchKey(text: string): string {
  const codes: number[] = [];
  forEachSearchChar(text, (code) => codes.push(code));
  return stringOf(codes);
}
