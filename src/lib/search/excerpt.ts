/**
 * Turning what Pagefind returns for a result back into readable text: its
 * excerpt (a window of index tokens with <mark> around matched ones) and its
 * full content (for the exact-match check).
 */
import { matchKey, streamText, tokenText } from './tokens.ts';

export interface Excerpt {
  text: string;
  /** [start, end) character ranges of `text` to highlight. */
  marks: [number, number][];
}

function decodeEntities(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" })[name]!);
}

/**
 * A Pagefind excerpt such as `贯彻 《 <mark>信访</mark> <mark>访条</mark> …` as
 * readable text, each marked token highlighting the query term it begins with.
 */
export function readableExcerpt(excerptHtml: string, terms: readonly string[]): Excerpt {
  const tokens = excerptHtml
    .split(/\s+/)
    .map((part) => ({ text: decodeEntities(part.replace(/<\/?mark>/g, '')), marked: part.includes('<mark>') }))
    .filter((token) => token.text !== '');
  let text = '';
  const marks: [number, number][] = [];
  tokens.forEach((token, index) => {
    const start = text.length;
    const contribution = tokenText(token.text, tokens[index + 1]?.text);
    text += contribution;
    if (!token.marked) return;
    const term = terms.filter((t) => token.text.startsWith(t)).sort((a, b) => b.length - a.length)[0];
    marks.push([start, start + (term ?? contribution).length]);
  });
  return { text, marks: mergeRanges(marks, text.length) };
}

function mergeRanges(ranges: [number, number][], limit: number): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], Math.min(end, limit));
    else merged.push([start, Math.min(end, limit)]);
  }
  return merged;
}

/** Whether a result's indexed content contains the query itself, not just its terms. */
export function containsQuery(contentStream: string, query: string): boolean {
  const key = matchKey(query);
  return key !== '' && matchKey(streamText(contentStream.split(/\s+/).filter(Boolean))).includes(key);
}
