/**
 * Whether a document really contains a query, and the excerpt a result
 * shows: the text around the first match, with every match highlighted.
 */
import { matchKey, matchKeyWithOrigin, type KeywordTerms } from './tokens.ts';

export interface Excerpt {
  text: string;
  /** [start, end) ranges of `text` to highlight. */
  marks: [number, number][];
  /** Whether text was cut before and after the excerpt. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** Whether `text` contains every keyword (ignoring punctuation, spacing, width and case). */
export function containsKeywords(text: string, keywords: readonly KeywordTerms[]): boolean {
  const key = matchKey(text);
  return keywords.every((keyword) => key.includes(matchKey(keyword.keyword)));
}

/** Ranges of `text` where any of `needles` (match keys) occurs. */
function occurrences(text: string, needles: string[]): [number, number][] {
  const { key, origin } = matchKeyWithOrigin(text);
  const ranges: [number, number][] = [];
  for (const needle of needles.filter(Boolean)) {
    for (let at = key.indexOf(needle); at >= 0; at = key.indexOf(needle, at + 1)) {
      const last = origin[at + needle.length - 1]!;
      ranges.push([origin[at]!, last + (text.codePointAt(last)! > 0xffff ? 2 : 1)]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function merge(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * About `length` characters of `text` around the first match: of a whole
 * keyword if the text has one, else of any of its terms.
 */
export function excerptOf(text: string, keywords: readonly KeywordTerms[], length = 90): Excerpt {
  const whole = occurrences(text, keywords.map((keyword) => matchKey(keyword.keyword)));
  const matches = whole.length > 0 ? whole : occurrences(text, keywords.flatMap((keyword) => [...keyword.exact, ...keyword.triples, ...keyword.prefix]));
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  let end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  // Never cut a character in half.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start]!)) start--;
  if (end < text.length && /[\udc00-\udfff]/.test(text[end]!)) end++;
  const marks = merge(matches.filter(([s, e]) => s >= start && e <= end)).map(([s, e]): [number, number] => [s - start, e - start]);
  return { text: text.slice(start, end), marks, cutStart: start > 0, cutEnd: end < text.length };
}
