/**
 * 语音阅读: what the page says aloud, in what pieces. Pure, so it is tested
 * without a browser; src/client/read-aloud.ts hands the pieces to the
 * browser's own speechSynthesis.
 *
 * A page is read as units — headings, paragraphs, list items, table rows —
 * each highlighted while it is read. A unit's text is handed over in chunks
 * of whole sentences, because some engines (Chrome's network voices) stop
 * an utterance after about 15 seconds.
 */

/** The part of a DOM node the walker reads. DOM nodes satisfy it as they are. */
export interface SpeechNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<SpeechNode>;
  getAttribute?(name: string): string | null;
}

/** A unit is one element, or a run of loose text and inline elements between blocks. */
export type SpeechUnit<N extends SpeechNode> = { element: N; text: string } | { run: N[]; text: string };

/** About 12 seconds of Chinese at the normal rate. */
export const MAX_CHUNK_LENGTH = 60;

const ELEMENT = 1;
const TEXT = 3;

const UNIT_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'DT', 'DD', 'TR', 'CAPTION', 'FIGCAPTION', 'PRE', 'ADDRESS']);
const BLOCK_TAGS = new Set([
  ...UNIT_TAGS,
  'DIV', 'SECTION', 'ARTICLE', 'ASIDE', 'NAV', 'HEADER', 'FOOTER', 'MAIN', 'BLOCKQUOTE', 'FIGURE', 'DETAILS', 'SUMMARY',
  'UL', 'OL', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TD', 'TH', 'HR',
]);
const SILENT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'BUTTON']);
const CELL_TAGS = new Set(['TD', 'TH']);

function isSilent(node: SpeechNode): boolean {
  return (
    node.nodeType === ELEMENT &&
    (SILENT_TAGS.has(node.nodeName) || node.getAttribute?.('hidden') != null || node.getAttribute?.('aria-hidden') === 'true')
  );
}

const isBlock = (node: SpeechNode) => node.nodeType === ELEMENT && BLOCK_TAGS.has(node.nodeName);

/** Collapses white space; an ISO date is said as 2019年1月15日 rather than digit by digit. */
export function speakable(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g, (date, year: string, month: string, day: string) =>
      Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31 ? `${year}年${Number(month)}月${Number(day)}日` : date,
    );
}

/** Parts said one after another with a pause: the cells of a table row, the items of the byline. */
export function joinParts(parts: readonly (string | null)[]): string {
  return parts
    .map((part) => speakable(part ?? ''))
    .filter(Boolean)
    .join('，');
}

/** The text of a node that belongs to its own unit: nested units are read after it, not inside it. */
function ownText(node: SpeechNode): string {
  if (node.nodeType === TEXT) return node.textContent ?? '';
  if (node.nodeType !== ELEMENT || isSilent(node)) return '';
  if (node.nodeName === 'BR') return ' ';
  const children = Array.from(node.childNodes);
  if (node.nodeName === 'TR') return joinParts(children.filter((child) => CELL_TAGS.has(child.nodeName)).map(ownText));
  const text = children.map((child) => (UNIT_TAGS.has(child.nodeName) ? ' ' : ownText(child))).join('');
  // Block children (a div in a list item) are separate phrases.
  return isBlock(node) ? ` ${text} ` : text;
}

/** Loose text inside a unit is part of that unit's text; only outside units does it make units of its own. */
function collect<N extends SpeechNode>(node: N, units: SpeechUnit<N>[], insideUnit: boolean): void {
  if (node.nodeType !== ELEMENT || isSilent(node)) return;
  const isUnit = UNIT_TAGS.has(node.nodeName);
  if (isUnit) {
    const text = speakable(ownText(node));
    if (text) units.push({ element: node, text });
  }
  let run: N[] = [];
  const flush = () => {
    const text = speakable(run.map(ownText).join(''));
    if (text && !isUnit && !insideUnit) units.push({ run, text });
    run = [];
  };
  for (const child of Array.from(node.childNodes) as N[]) {
    if (isBlock(child)) {
      flush();
      collect(child, units, insideUnit || isUnit);
    } else {
      run.push(child);
    }
  }
  flush();
}

/** The units of a part of the page, in reading order. */
export function speechUnits<N extends SpeechNode>(root: N): SpeechUnit<N>[] {
  const units: SpeechUnit<N>[] = [];
  collect(root, units, false);
  return units;
}

const SENTENCE = /[^。！？!?；;…]*(?:[。！？!?；;…]+[”’"」』）)】]*|$)/g;
const CLAUSE = /[^，、：,:]*(?:[，、：,:]+|$)/g;

function pieces(text: string, pattern: RegExp): string[] {
  return (text.match(pattern) ?? []).filter(Boolean);
}

/** Packs pieces into chunks of at most `max` characters, never splitting a piece that fits. */
function pack(parts: string[], max: number, split: (part: string) => string[]): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const part of parts.flatMap((part) => (part.length > max ? split(part) : [part]))) {
    if (chunk && chunk.length + part.length > max) {
      chunks.push(chunk);
      chunk = '';
    }
    chunk += part;
  }
  if (chunk) chunks.push(chunk);
  return chunks.map((text) => text.trim()).filter(Boolean);
}

function hardSplit(text: string, max: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += max) parts.push(text.slice(start, start + max));
  return parts;
}

/**
 * A unit's text as utterances: whole sentences, packed up to `max`
 * characters; a longer sentence is split at commas, a longer clause at `max`.
 */
export function speechChunks(text: string, max = MAX_CHUNK_LENGTH): string[] {
  if (text.length <= max) return text ? [text] : [];
  const byClause = (sentence: string) => pack(pieces(sentence, CLAUSE), max, (clause) => hardSplit(clause, max));
  return pack(pieces(text, SENTENCE), max, byClause);
}

export interface VoiceLike {
  readonly lang: string;
  readonly localService: boolean;
}

/** Mainland Mandarin first, then other Mandarin; Cantonese never. A local voice before a network one. */
function voiceRank(voice: VoiceLike): number {
  const lang = voice.lang.replace(/_/g, '-').toLowerCase();
  const rank = /^(zh-cn|zh-hans|cmn-cn|cmn-hans)/.test(lang) ? 0 : /^(zh|cmn)$/.test(lang) ? 2 : /^(zh-tw|zh-hant|cmn-tw|cmn-hant)/.test(lang) ? 4 : undefined;
  if (rank === undefined) return Number.POSITIVE_INFINITY;
  return voice.localService ? rank : rank + 1;
}

/** The voice to read Chinese with, or undefined to leave the choice to the engine (it still gets lang zh-CN). */
export function chineseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  let best: V | undefined;
  for (const voice of voices) if (voiceRank(voice) < (best ? voiceRank(best) : Number.POSITIVE_INFINITY)) best = voice;
  return best;
}
