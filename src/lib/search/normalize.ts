/**
 * The one normalization of search: the index builder, the query parser and
 * the excerpt's match finder all see text through `forEachSearchChar`, so a
 * query matches exactly where the index says it does.
 *
 * Each character is NFKC-normalized (every character of an expansion kept:
 * ㍻ → 平成), lower-cased, and kept only if it is a letter, a digit or a
 * combining mark. Punctuation, symbols, whitespace and invisible characters
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
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) emit(code, origin);
      else if (code >= 0x41 && code <= 0x5a) emit(code + 32, origin);
      continue;
    }
    if (isCommonHan(code)) {
      emit(code, origin);
      continue;
    }
    for (const kept of expansionOf(code)) emit(kept, origin);
  }
}

/** What other code points become, decided once each: punctuation alone is a tenth of a Chinese text. */
const expansions = new Map<number, number[]>();
/** Enough for every code point a real archive uses; text made of more (hostile) is normalized, just not remembered. */
const EXPANSIONS_KEPT = 1 << 16;

/** `code`'s NFKC expansion, lower-cased, keeping only letters, digits and combining marks. */
function expansionOf(code: number): number[] {
  let expansion = expansions.get(code);
  if (!expansion) {
    expansion = [];
    for (const char of String.fromCodePoint(code).normalize('NFKC').toLowerCase()) if (KEPT.test(char)) expansion.push(char.codePointAt(0)!);
    if (expansions.size < EXPANSIONS_KEPT) expansions.set(code, expansion);
  }
  return expansion;
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
