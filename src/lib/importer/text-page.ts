/**
 * A page of an old portal as lines of text → an ImportedPage.
 *
 * The lines are what an editor gets by copying the page from the browser
 * (`.txt`), or what html-page.ts makes of the markup. A page reads top to
 * bottom as: a header (当前位置, the metadata table, the title, the 来源 /
 * 发布日期 line, page chrome), an optional 主送 line, the body, an optional
 * 落款 (organisation and date), and trailing chrome. Everything here is a
 * heuristic, kept conservative: when in doubt a line stays in the body.
 */
import { dateProblem, dateTimeProblem } from '../dates.ts';
import type { BodyBlock, ImportedPage, PageFields } from './page.ts';

/** Labels portals print around a document; `null` marks those the importer reads past. */
const LABELS: ReadonlyMap<string, keyof PageFields | null> = new Map([
  ['索引号', 'indexNumber'],
  ['组配分类', 'category'],
  ['发布机构', 'agency'],
  ['发文机关', 'agency'],
  ['发文单位', 'agency'],
  ['发文日期', 'date'],
  ['成文日期', 'date'],
  ['公开方式', 'disclosure'],
  ['公开范围', 'scope'],
  ['文号', 'docNumber'],
  ['发文字号', 'docNumber'],
  ['来源', 'source'],
  ['信息来源', 'source'],
  ['文章来源', 'source'],
  ['发布日期', 'published'],
  ['发布时间', 'published'],
  ['编辑', 'editor'],
  ['责任编辑', 'editor'],
  ['编辑日期', null],
  ['浏览量', null],
  ['浏览次数', null],
  ['阅读次数', null],
  ['访问量', null],
  ['点击数', null],
  ['字体', null],
  ['字号', null],
]);

// Longest first, so that 编辑日期 is not read as 编辑 and 发文字号 not as 字号.
const LABEL_ALTERNATIVES = [...LABELS.keys()].sort((a, b) => b.length - a.length).join('|');
/** A table cell holding only a label, with or without its colon. */
const LABEL_CELL = new RegExp(`^(${LABEL_ALTERNATIVES})\\s*[:：]?$`);
/** `来源:某局 发布日期:2022-02-18 16:27` — labels inside running text need their colon. */
const LABEL_IN_TEXT = new RegExp(`(?<=^|[\\s【\\[])(${LABEL_ALTERNATIVES})\\s*[:：]`, 'g');

const BREADCRUMB = /^(?:当前位置|您的位置|您现在的位置|您当前的位置|当前所在位置|所在位置)\s*[:：]?\s*(.*)$/;
const CRUMB_SEPARATOR = /\s*(?:>|＞|›|»|→|\||｜|\/|／)\s*/;
/** `|` and `---|---|` rows left over from copying a table. */
const TABLE_RULE = /^[\s|:：\-—]+$/;

const CHROME_PREFIX = /^[【[]?\s*(?:分享到|转载分享|扫一扫|字体|字号|浏览量|浏览次数|阅读次数|访问量|点击数|点击量|上一篇|下一篇)/;
/** 附件: and 相关稿件: with nothing after them are headings of empty page sections. */
const EMPTY_SECTION = /^(?:附件|相关附件|相关稿件|相关文件|相关链接)\s*[:：]?$/;
const CHROME_WORDS = new Set([
  '打印', '打印本页', '打印此页', '关闭', '关闭窗口', '关闭本页', '收藏', '加入收藏', '分享', '转载',
  '返回', '返回顶部', '返回列表', '纠错', '我要纠错', '大', '中', '小', '默认',
]);

/** 一、 （一） (一) 1、 1. （1） — the start of a numbered heading or point. */
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．]|[（(]\d+[）)]|第[一二三四五六七八九十百\d]+[章节条])/;
const SECTION = /^[一二三四五六七八九十]{1,3}、/;
const SUBSECTION = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
/** Longest lines still read as headings: longer ones are numbered paragraphs. */
const MAX_HEADING = { section: 50, subsection: 40 } as const;
const SENTENCE_BREAK = /[。！？；!?;]/;
/** Titles may end in 》 or （试行）, never in these. */
const SENTENCE_END = /[。；;：:，,、！!？?]$/;
/** Characters a finished line ends with; a line ending otherwise (even in ，) may have been cut by copying. */
const LINE_END = /[。；;：:！!？?”"’'」』）)】》….]$/;
/** Shorter unfinished lines are more likely labels or list items than lines cut by wrapping. */
const MIN_CUT_LINE = 15;
/** 局, 政府, 办公室 … — how the names of offices end, for 主送 and 落款. */
const ORGANISATION_END = /(?:政府|委员会|党委|党组|委|局|办|办公室|部门|单位|机构|处|院|厅|室|中心|所|站|队|街道|乡|镇|村|社区|公司|学校|协会|会)$/;

type Token = { label: string } | { text: string };

function tokens(line: string): Token[] {
  const result: Token[] = [];
  for (const cell of line.split('|').map((part) => part.trim()).filter(Boolean)) {
    const labelCell = LABEL_CELL.exec(cell);
    if (labelCell) {
      result.push({ label: labelCell[1]! });
      continue;
    }
    let done = 0;
    for (const match of cell.matchAll(LABEL_IN_TEXT)) {
      const before = cell.slice(done, match.index).trim();
      if (before) result.push({ text: before });
      result.push({ label: match[1]! });
      done = match.index + match[0].length;
    }
    const rest = cell.slice(done).trim();
    if (rest) result.push({ text: rest });
  }
  return result;
}

/**
 * The label/value pairs of a metadata line — `索引号：x`, `来源:x 发布日期:y`
 * or a table row `索引号: | x | 组配分类: | y |` — or `undefined` when the
 * line is not one. A label with no value pairs with `''`.
 */
function labelledValues(line: string): [string, string][] | undefined {
  const list = tokens(line);
  const startsWithLabel = list[0] !== undefined && 'label' in list[0];
  if (!startsWithLabel && !(line.includes('|') && list.some((token) => 'label' in token))) return undefined;
  return list.flatMap((token, index): [string, string][] => {
    if (!('label' in token)) return [];
    const next = list[index + 1];
    // `浏览量:- 【字体:` — drop the bracket that opens the next bit of chrome.
    return [[token.label, next && 'text' in next ? next.text.replace(/[【[（(]+$/, '').trim() : '']];
  });
}

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 三十一 → 1 … 31 */
function chineseNumber(text: string): number {
  const [tens, units] = text.split('十') as [string, string | undefined];
  if (units === undefined) return CHINESE_DIGITS[tens] ?? NaN;
  return (tens === '' ? 1 : (CHINESE_DIGITS[tens] ?? NaN)) * 10 + (units === '' ? 0 : (CHINESE_DIGITS[units] ?? NaN));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2021年3月4日` or `二〇二一年三月四日` → `2021-03-04`; `undefined` for anything else or a date that does not exist. */
export function parseChineseDate(text: string): string | undefined {
  const arabic = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(text);
  const chinese = /^([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/.exec(text);
  let date: string | undefined;
  if (arabic) date = `${arabic[1]}-${pad(Number(arabic[2]))}-${pad(Number(arabic[3]))}`;
  if (chinese) {
    const year = [...chinese[1]!].map((digit) => CHINESE_DIGITS[digit]).join('');
    date = `${year}-${pad(chineseNumber(chinese[2]!))}-${pad(chineseNumber(chinese[3]!))}`;
  }
  return date !== undefined && dateProblem(date) === undefined ? date : undefined;
}

/**
 * `2022-02-18 16:27:05`, `2022/2/18`, `2022年02月18日` → `YYYY-MM-DD[ HH:mm]`
 * (the time only when `keepTime`); text it cannot read is returned as is, for
 * the caller to report.
 */
function normalizePageDate(value: string, keepTime: boolean): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?)?$/.exec(value);
  if (!match) return value;
  const date = `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  const normalized = keepTime && match[4] !== undefined ? `${date} ${pad(Number(match[4]))}:${match[5]}` : date;
  return dateTimeProblem(normalized) === undefined ? normalized : value;
}

function recordField(fields: PageFields, label: string, value: string): void {
  const key = LABELS.get(label);
  if (!key || value === '' || fields[key] !== undefined) return;
  fields[key] = key === 'date' || key === 'published' ? normalizePageDate(value, key === 'published') : value;
}

/** Page furniture that is not part of the document: share and print links, counters, empty 附件:. */
export function isChromeLine(line: string): boolean {
  if (CHROME_PREFIX.test(line) || EMPTY_SECTION.test(line)) return true;
  const words = line.split(/[\s【】[\]()（）|｜·•/:：]+/).filter(Boolean);
  return words.length > 0 && words.every((word) => CHROME_WORDS.has(word));
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

function looksLikeTitle(line: string): boolean {
  return (
    line.length >= 4 &&
    line.length <= 80 &&
    !SENTENCE_END.test(line) &&
    !NUMBERED.test(line) &&
    !line.includes('|') &&
    parseChineseDate(line) === undefined
  );
}

function isOrganisation(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !/[。；;，,：:！!？?]/.test(text) && !NUMBERED.test(text) && ORGANISATION_END.test(text);
}

/** `区人民政府:` → `区人民政府：`; `undefined` when the line is not a 主送. */
function addresseeOf(line: string): string | undefined {
  const match = /^(.{2,60})[:：]$/.exec(line);
  if (!match || SENTENCE_BREAK.test(match[1]!)) return undefined;
  return isOrganisation(match[1]!.replace(/[，,、]/g, '')) ? `${match[1]}：` : undefined;
}

function lastContentLine(lines: readonly string[], before: number): number {
  let index = before - 1;
  while (index >= 0 && lines[index] === '') index--;
  return index;
}

/**
 * The 落款 at the end of the body: a date line (`2021年3月4日`), after up to
 * two organisation lines or on the same line as one. Returns where the body
 * ends without it.
 */
function signatureOf(lines: readonly string[]): { signature: ImportedPage['signature']; bodyEnd: number } {
  const none = { signature: undefined, bodyEnd: lines.length };
  const last = lastContentLine(lines, lines.length);
  if (last < 0) return none;
  const orgs: string[] = [];
  let date = parseChineseDate(lines[last]!);
  if (date === undefined) {
    const sameLine = /^(.+?)\s+(\S+)$/.exec(lines[last]!);
    if (!sameLine || !isOrganisation(sameLine[1]!)) return none;
    date = parseChineseDate(sameLine[2]!);
    if (date === undefined) return none;
    orgs.push(sameLine[1]!);
  }
  let bodyEnd = last;
  while (orgs.length < 2) {
    const previous = lastContentLine(lines, bodyEnd);
    if (previous < 0 || !isOrganisation(lines[previous]!)) break;
    orgs.unshift(lines[previous]!);
    bodyEnd = previous;
  }
  return { signature: { org: orgs.length > 0 ? orgs.join(' ') : undefined, date }, bodyEnd };
}

function headingKind(line: string): 'section' | 'subsection' | undefined {
  const kind = SECTION.test(line) ? 'section' : SUBSECTION.test(line) ? 'subsection' : undefined;
  if (kind === undefined) return undefined;
  // A numbered point with sentences after it on the same line is a paragraph.
  return line.length <= MAX_HEADING[kind] && !SENTENCE_BREAK.test(line.slice(0, -1)) ? kind : undefined;
}

/** A line cut by copying continues on the next: the first ends unfinished, the next starts no new point. */
function continues(previous: string, next: string): boolean {
  return previous.length >= MIN_CUT_LINE && !LINE_END.test(previous) && !NUMBERED.test(next) && !previous.includes('|') && !next.includes('|');
}

function joinLines(previous: string, next: string): string {
  return /[A-Za-z0-9]$/.test(previous) && /^[A-Za-z0-9]/.test(next) ? `${previous} ${next}` : previous + next;
}

/** Body lines (blank lines separate paragraphs) → headings and paragraphs. */
function bodyBlocks(lines: readonly string[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let mayContinue = false;
  for (const line of lines) {
    if (line === '') {
      mayContinue = false;
      continue;
    }
    const kind = headingKind(line);
    const previous = blocks.at(-1);
    if (kind) {
      blocks.push({ kind, text: kind === 'subsection' ? line.replaceAll('(', '（').replaceAll(')', '）') : line });
      mayContinue = false;
    } else if (mayContinue && previous && continues(previous.text, line)) {
      previous.text = joinLines(previous.text, line);
    } else {
      blocks.push({ kind: 'paragraph', text: line });
      mayContinue = true;
    }
  }
  return blocks;
}

export interface HeaderFacts {
  breadcrumb: string[];
  fields: PageFields;
}

/**
 * Reads header information at `lines[index]` into `facts`: the breadcrumb, a
 * metadata line, or something to skip (blank, table rule, chrome). Returns
 * the index of the last line used, or `undefined` for any other line.
 */
function readHeaderLine(lines: readonly string[], index: number, facts: HeaderFacts): number | undefined {
  const line = lines[index]!;
  if (line === '' || TABLE_RULE.test(line)) return index;
  const crumbs = BREADCRUMB.exec(line);
  if (crumbs) {
    facts.breadcrumb = crumbs[1]!.split(CRUMB_SEPARATOR).filter(Boolean);
    return index;
  }
  const pairs = labelledValues(line);
  if (pairs) {
    for (const [label, value] of pairs) recordField(facts.fields, label, value);
    const next = lines[index + 1];
    // A label alone on its line (a definition list, or a table copied cell by cell) has its value on the next.
    if (pairs.length === 1 && pairs[0]![1] === '' && next && !labelledValues(next) && next.length <= 40 && !LINE_END.test(next)) {
      recordField(facts.fields, pairs[0]![0], next);
      return index + 1;
    }
    return index;
  }
  return isChromeLine(line) ? index : undefined;
}

const trimmed = (lines: readonly string[]) => lines.map((line) => line.trim());

/** The breadcrumb and metadata anywhere in `lines`: for the part of an HTML page above its title. */
export function headerFacts(rawLines: readonly string[]): HeaderFacts {
  const lines = trimmed(rawLines);
  const facts: HeaderFacts = { breadcrumb: [], fields: {} };
  for (let index = 0; index < lines.length; index++) index = readHeaderLine(lines, index, facts) ?? index;
  return facts;
}

/**
 * Reads a page from its lines. `knownTitle`, when the caller found the title
 * in the markup, replaces the guess and its line is left out of the body.
 */
export function parsePageLines(rawLines: readonly string[], knownTitle?: string): ImportedPage {
  const lines = trimmed(rawLines);
  const facts: HeaderFacts = { breadcrumb: [], fields: {} };
  let title = knownTitle;
  let start = 0;
  for (; start < lines.length; start++) {
    const used = readHeaderLine(lines, start, facts);
    if (used !== undefined) {
      start = used;
      continue;
    }
    const line = lines[start]!;
    if (knownTitle === undefined ? title === undefined && looksLikeTitle(line) : sameText(line, knownTitle)) {
      title = line;
      continue;
    }
    break;
  }

  const body = lines.slice(start).map((line) => (isChromeLine(line) ? '' : line));
  const first = body.findIndex((line) => line !== '');
  const addressee = first >= 0 ? addresseeOf(body[first]!) : undefined;
  if (addressee !== undefined) body[first] = '';
  const { signature, bodyEnd } = signatureOf(body);

  return { title, ...facts, addressee, signature, blocks: bodyBlocks(body.slice(0, bodyEnd)) };
}

/** A page copied from the browser and saved as text. */
export function parseTextPage(text: string): ImportedPage {
  return parsePageLines(text.split(/\r\n?|\n/));
}
