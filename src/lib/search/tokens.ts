/**
 * What a query asks for: phrases, every one of which a result contains.
 * Words separated by spaces are separate phrases (AND); text in quotes
 * ("…", “…”, 「…」) is one phrase, its spaces ignored like the document's.
 */
import { stripUnsafe } from '../content/text-safety.ts';
import { searchKey } from './normalize.ts';

/** Queries are cut to this many characters (as typed); the page says so. */
export const QUERY_MAX_LENGTH = 100;

export interface Phrase {
  /** As typed, for messages. */
  text: string;
  /** As the search sees it (searchKey): what a document's stream must contain. */
  key: string;
}

const QUOTED = /"([^"]*)"|“([^”]*)”|「([^」]*)」|([^\s"“「]+)/gu;

/** Bidi marks (LRM, RLM, ALM): a text may hold them, but in an echoed query they only serve to reorder it. */
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

/**
 * The query as typed, cut to QUERY_MAX_LENGTH characters (never in the middle
 * of one), without the characters a published text may not hold either, nor
 * bidi marks: the page echoes the query, and U+202E in a link's ?q= would
 * show it reversed. (They are invisible to the search anyway.)
 */
export function capQuery(typed: string): { query: string; capped: boolean } {
  const query = stripUnsafe(typed).replace(BIDI_MARKS, '');
  const chars = [...query];
  return chars.length > QUERY_MAX_LENGTH ? { query: chars.slice(0, QUERY_MAX_LENGTH).join(''), capped: true } : { query, capped: false };
}

/** The distinct phrases of a query that have something to search for. */
export function queryPhrases(query: string): Phrase[] {
  const phrases = new Map<string, Phrase>();
  for (const match of capQuery(query).query.matchAll(QUOTED)) {
    const text = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim();
    const key = searchKey(text);
    if (key && !phrases.has(key)) phrases.set(key, { text, key });
  }
  return [...phrases.values()];
}
