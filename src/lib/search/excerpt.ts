/**
 * What a result shows of a document: the excerpt around the first place a
 * phrase occurs, starting at a sentence (or at least a word) boundary, and
 * every occurrence of the phrases highlighted — in the excerpt and the title.
 * Occurrences are found through the same normalization as the index
 * (normalize.ts), so what is highlighted is what was found.
 */
import { characterEnd, searchKeyWithOrigin } from './normalize.ts';

export type Range = [start: number, end: number];

export interface Excerpt {
  text: string;
  /** [start, end) ranges of `text` to highlight. */
  marks: Range[];
  /** Whether text was cut before and after the excerpt. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** Ranges of `text` where any of `keys` (phrases as searchKey gives them) occurs, merged and in order. */
export function occurrences(text: string, keys: readonly string[]): Range[] {
  const { key, origin } = searchKeyWithOrigin(text);
  const ranges: Range[] = [];
  // Where each matched character ends, found once: a run of marks is one character, and a mark matches at each of its marks.
  const ends = new Map<number, number>();
  for (const needle of keys.filter(Boolean)) {
    for (let at = key.indexOf(needle); at >= 0; at = key.indexOf(needle, at + 1)) {
      const last = origin[at + needle.length - 1]!;
      let end = ends.get(last);
      if (end === undefined) ends.set(last, (end = characterEnd(text, last)));
      ranges.push([origin[at]!, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [start, end] of ranges) {
    const previous = merged.at(-1);
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

const SENTENCE_END = /[。！？；!?;\n]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (text: string, at: number) => at >= 0 && at < text.length && WORD_CHAR.test(text[at]!) && !/\p{Script=Han}/u.test(text[at]!);
const isLowSurrogate = (text: string, at: number) => /[\udc00-\udfff]/.test(text[at] ?? '');

/**
 * Where an excerpt showing `match` should start: after the last sentence end
 * within `reach` characters before it, else at `match - reach` moved back to
 * the start of a number or word it would cut (…022年 becomes 2022年), if that
 * is at most LONGEST_WHOLE_WORD characters back.
 */
/** An 索引号 or a long number fits; a run of tens of thousands of letters does not. */
const LONGEST_WHOLE_WORD = 40;

function excerptStart(text: string, match: number, reach: number): number {
  for (let at = match - 1; at >= Math.max(0, match - reach); at--) if (SENTENCE_END.test(text[at]!)) return at + 1;
  let start = Math.max(0, match - reach);
  // A longer word is cut rather than shown whole (60,000 letters made a 60,000-character excerpt).
  const earliest = Math.max(0, start - LONGEST_WHOLE_WORD);
  while (start > earliest && isWordChar(text, start) && isWordChar(text, start - 1)) start--;
  if (start > 0 && isLowSurrogate(text, start)) start--;
  return start;
}

/** Where an excerpt of about `length` characters from `start` should end: not inside a number or word, nor a character. */
function excerptEnd(text: string, start: number, length: number, lastMark: number): number {
  let end = Math.min(text.length, start + length);
  while (end < text.length && end > lastMark && isWordChar(text, end) && isWordChar(text, end - 1)) end--;
  if (end < text.length && isLowSurrogate(text, end)) end++;
  return end;
}

/** About `length` characters of `text` from a boundary before the first occurrence of a phrase. */
export function excerptOf(text: string, keys: readonly string[], length = 90): Excerpt {
  const matches = occurrences(text, keys);
  const first = matches[0];
  const start = first ? excerptStart(text, first[0], Math.floor(length / 3)) : 0;
  const end = excerptEnd(text, start, Math.max(length, first ? first[1] - start : 0), first?.[1] ?? 0);
  const marks = matches.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Range => [s - start, e - start]);
  return { text: text.slice(start, end), marks, cutStart: start > 0, cutEnd: end < text.length };
}
