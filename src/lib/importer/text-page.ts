/**
 * A page of an old portal as lines of text → an ImportedPage.
 *
 * The lines are what an editor gets by copying the page from the browser
 * (`.txt`), or what html-page.ts makes of the markup. A page reads top to
 * bottom as: the site's header and navigation, 当前位置, a header (the
 * metadata table, the title, the 来源 / 发布日期 line, page chrome), an
 * optional 主送 line, the body, an optional 落款 (organisation and date),
 * and what follows the document (上一篇, 相关链接, the footer). Nothing above
 * 当前位置 and nothing from 上一篇 on is ever body. Everything here is a
 * heuristic, kept conservative: when in doubt a line stays in the body.
 */
import { breadcrumbOf, isChromeLine, startsTrailer } from '../page-chrome.ts';
import { emptyFields, labelledValues, leadingDate, mergeFields, parseChineseDate, recordField, recordUnlabelled, type LabelledFields } from './fields.ts';
import { MARK, stripMarks, type BodyBlock, type ImportedPage } from './page.ts';

/** `|` and `---|---|` rows left over from copying a table. */
const TABLE_RULE = /^[\s|:：\-—]+$/;

/** 一、 （一） (一) 1、 1. （1） — the start of a numbered heading or point. */
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．]|[（(]\d+[）)]|第[一二三四五六七八九十百\d]+[章节条])/;
const SECTION = /^[一二三四五六七八九十]{1,3}、/;
const SUBSECTION = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
/** `1.全年排查…`: a point of a numbered list (not `1.5万元`, not `1、`, whose 、 a Markdown list would not show). */
const ITEM = /^\d{1,2}\.(?!\d)\s*\S/;
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

const IMAGE_LINE = new RegExp(`^${MARK.imageOpen}(\\d+)${MARK.imageClose}$`);
const TABLE_LINE = new RegExp(`^${MARK.tableOpen}(\\d+)${MARK.tableClose}$`);
const LINK = new RegExp(`${MARK.linkOpen}(\\d+)${MARK.linkText}([^${MARK.linkClose}]*)${MARK.linkClose}`, 'g');
/** What may stand beside attachment links on a line of their own: 附件1：, sizes, 已下载次. */
const ATTACHMENT_LINE_REST = /^(?:相关)?附件\s*[\d一二三四五六七八九十]*\s*[:：.、]?|[（(\[【]?\s*\d+(?:\.\d+)?\s*[KMG]?B\s*[)）\]】]?|已下载\s*\d*\s*次|[\s【】[\]()（）:：,，、;；.]+/gi;

/** A line as the reader saw it: links as their text, no marks. */
export function lineText(line: string): string {
  return stripMarks(line.replace(LINK, '$2')).trim();
}

/** The attachments linked from `line`, by index. */
export function linkedAttachments(line: string): number[] {
  return [...line.matchAll(LINK)].map((match) => Number(match[1]));
}

/** A line that only lists attachments (`附件：1.统计表.xls（35KB）`): their indexes; `undefined` for any other line. */
export function attachmentLine(line: string): number[] | undefined {
  const links = linkedAttachments(line);
  if (links.length === 0) return undefined;
  return line.replace(LINK, '').replace(ATTACHMENT_LINE_REST, '').trim() === '' ? links : undefined;
}

export interface HeaderFacts {
  breadcrumb: string[];
  fields: LabelledFields;
}

const emptyFacts = (): HeaderFacts => ({ breadcrumb: [], fields: emptyFields() });

/**
 * Reads header information at `lines[index]` into `facts`: the breadcrumb, a
 * metadata line, or something to skip (blank, table rule, chrome). Returns
 * the index of the last line used, or `undefined` for any other line.
 */
function readHeaderLine(lines: readonly string[], index: number, facts: HeaderFacts): number | undefined {
  const line = lineText(lines[index]!);
  if (line === '' && !IMAGE_LINE.test(lines[index]!) && !TABLE_LINE.test(lines[index]!)) return index;
  if (TABLE_RULE.test(line)) return index;
  const crumbs = breadcrumbOf(line);
  if (crumbs) {
    facts.breadcrumb = crumbs;
    // `您当前所在的位置是:首页 > … 发布时间:… 阅读次数:次 [ 关 闭 ]`: the rest of a merged line may hold labels.
    const at = line.search(/(?:来源|发布|时间|日期|作者|编辑)\s*[:：]/);
    if (at > 0) for (const [label, value] of labelledValues(line.slice(at)) ?? []) recordField(facts.fields, label, value);
    return index;
  }
  // `2020-11-06 15:40  来源：区民政局`: a date without a label in the header is when the page was published.
  const dated = leadingDate(line);
  if (dated && (dated.rest === '' || labelledValues(dated.rest))) {
    recordUnlabelled(facts.fields, 'published', dated.date, '标题下未标注的日期');
    for (const [label, value] of labelledValues(dated.rest) ?? []) recordField(facts.fields, label, value);
    return index;
  }
  const pairs = labelledValues(line);
  if (pairs) {
    for (const [label, value] of pairs) recordField(facts.fields, label, value);
    const next = lines[index + 1] === undefined ? undefined : lineText(lines[index + 1]!);
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

/** The breadcrumb and metadata anywhere in `lines`: for the parts of an HTML page around its title and body. */
export function headerFacts(rawLines: readonly string[]): HeaderFacts {
  const lines = trimmed(rawLines);
  const facts = emptyFacts();
  for (let index = 0; index < lines.length; index++) index = readHeaderLine(lines, index, facts) ?? index;
  return facts;
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

/**
 * Of the title-like lines above the body (a copied page may start with the
 * site's name and its menu), the one a header line follows (来源, 发布时间,
 * the metadata table), else the last.
 */
function chooseTitle(lines: readonly string[], candidates: readonly number[], facts: HeaderFacts): string | undefined {
  const followedByHeader = candidates.filter((index) => {
    let next = index + 1;
    while (next < lines.length && (lineText(lines[next]!) === '' || isChromeLine(lineText(lines[next]!)))) next++;
    return next < lines.length && labelledValues(lineText(lines[next]!)) !== undefined;
  });
  const index = followedByHeader.at(-1) ?? candidates.at(-1);
  return index === undefined ? facts.fields.fields.title : lineText(lines[index]!);
}

function isOrganisation(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !/[。；;，,：:！!？?]/.test(text) && !NUMBERED.test(text) && ORGANISATION_END.test(text);
}

/** `区人民政府:` → `区人民政府：`; `undefined` when the line is not a 主送. */
function addresseeOf(line: string): string | undefined {
  const match = /^(.{2,60})[:：]$/.exec(line);
  if (!match || SENTENCE_BREAK.test(match[1]!)) return undefined;
  // 各街道（镇）人民政府（办事处），区政府各部门 — the bracketed alternatives aside.
  return isOrganisation(match[1]!.replace(/[（(][^）)]*[）)]/g, '').replace(/[，,、]/g, '')) ? `${match[1]}：` : undefined;
}

function lastContentLine(lines: readonly string[], before: number): number {
  let index = before - 1;
  while (index >= 0 && lines[index] === '') index--;
  return index;
}

const isSpace = (char: string) => /\s/.test(char);

/**
 * `青禾区司法局 2021年3月4日` → the text before the last run of spaces and the
 * word after it. Scanned, not matched: `/^(.+?)\s+(\S+)$/` takes time
 * quadratic in a long run of spaces (a page padded with 240,000 &nbsp; took 49 s).
 */
function lastWord(line: string): { before: string; word: string } | undefined {
  let start = line.length;
  while (start > 0 && !isSpace(line[start - 1]!)) start--;
  let end = start;
  while (end > 0 && isSpace(line[end - 1]!)) end--;
  return start < line.length && end < start && end > 0 ? { before: line.slice(0, end), word: line.slice(start) } : undefined;
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
    const sameLine = lastWord(lines[last]!);
    if (!sameLine || !isOrganisation(sameLine.before)) return none;
    date = parseChineseDate(sameLine.word);
    if (date === undefined) return none;
    orgs.push(sameLine.before);
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

/** Body lines (blank lines separate paragraphs) → headings, list items, paragraphs, images and tables. */
function bodyBlocks(lines: readonly string[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let mayContinue = false;
  for (const raw of lines) {
    const image = IMAGE_LINE.exec(raw);
    const table = TABLE_LINE.exec(raw);
    if (image || table) {
      blocks.push(image ? { kind: 'image', image: Number(image[1]) } : { kind: 'table', table: Number(table![1]) });
      mayContinue = false;
      continue;
    }
    const line = lineText(raw);
    if (line === '') {
      mayContinue = false;
      continue;
    }
    const kind = headingKind(line) ?? (ITEM.test(line) ? 'item' : undefined);
    const previous = blocks.at(-1);
    if (kind) {
      blocks.push({ kind, text: line });
      mayContinue = kind === 'item';
    } else if (mayContinue && previous && 'text' in previous && continues(previous.text, line)) {
      previous.text = joinLines(previous.text, line);
    } else {
      blocks.push({ kind: 'paragraph', text: line });
      mayContinue = true;
    }
  }
  return pointsNotHeadings(blocks);
}

/**
 * `（一）…。（二）…。` one after the other, each a sentence: points of a
 * list, not headings — a heading has text under it before the next one.
 */
function pointsNotHeadings(blocks: BodyBlock[]): BodyBlock[] {
  const sentence = (block: BodyBlock | undefined, kind: string) => block !== undefined && block.kind === kind && 'text' in block && /[。；;]$/.test(block.text);
  const points = new Set<number>();
  blocks.forEach((block, index) => {
    if ((block.kind === 'section' || block.kind === 'subsection') && sentence(block, block.kind) && sentence(blocks[index + 1], block.kind)) {
      points.add(index);
      points.add(index + 1);
    }
  });
  return blocks.map((block, index) => (points.has(index) && 'text' in block ? { kind: 'paragraph', text: block.text } : block));
}

/** What parsePageLines reads; html-page.ts adds the page's files. */
export type PageText = Omit<ImportedPage, 'images' | 'tables' | 'attachments' | 'url'> & {
  /** Indexes of the attachment links in the body, in order. */
  attachmentLinks: number[];
};

/**
 * Reads a page from its lines. `knownTitle`, when the caller found the title
 * in the markup, replaces the guess and its line is left out of the body.
 */
export function parsePageLines(rawLines: readonly string[], knownTitle?: string): PageText {
  const lines = trimmed(rawLines);
  const facts = emptyFacts();
  // Above 当前位置 are the site's banner and menus.
  const crumbAt = lines.findIndex((line) => breadcrumbOf(lineText(line)) !== undefined);
  const candidates: number[] = [];
  let start = Math.max(crumbAt, 0);
  for (; start < lines.length; start++) {
    const used = readHeaderLine(lines, start, facts);
    if (used !== undefined) {
      start = used;
      continue;
    }
    const line = lineText(lines[start]!);
    if (knownTitle === undefined ? looksLikeTitle(line) && linkedAttachments(lines[start]!).length === 0 : sameText(line, knownTitle)) {
      candidates.push(start);
      continue;
    }
    break;
  }
  const title = knownTitle ?? chooseTitle(lines, candidates, facts);

  let body = lines.slice(start);
  const hasText = (upTo: number) => body.slice(0, upTo).some((line) => lineText(line) !== '' && !isChromeLine(lineText(line)));
  const trailer = body.findIndex((line, index) => startsTrailer(lineText(line)) && hasText(index));
  if (trailer >= 0) {
    // What follows the document may still say who edited it: （责任编辑：…）.
    mergeFields(facts.fields, headerFacts(body.slice(trailer)).fields);
    body = body.slice(0, trailer);
  }
  const attachmentLinks: number[] = [];
  body = body.map((line) => {
    const text = lineText(line);
    if (text !== '' && isChromeLine(text)) return '';
    const listed = attachmentLine(line);
    for (const link of listed ?? linkedAttachments(line)) if (!attachmentLinks.includes(link)) attachmentLinks.push(link);
    return listed ? '' : line;
  });
  const first = body.findIndex((line) => line !== '');
  const addressee = first >= 0 ? addresseeOf(lineText(body[first]!)) : undefined;
  if (addressee !== undefined) body[first] = '';
  const { signature, bodyEnd } = signatureOf(body.map(lineText));

  return {
    title,
    breadcrumb: facts.breadcrumb,
    fields: facts.fields.fields,
    labels: facts.fields.labels,
    addressee,
    signature,
    blocks: bodyBlocks(body.slice(0, bodyEnd)),
    attachmentLinks,
  };
}

/** A line of a listing: a document's title followed by its date. */
const LISTING_LINE = /^.{6,80}?\s*[[(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\])）]?$/;
/** Listing lines among the non-blank lines of a copied listing page. */
const MIN_LISTING_LINES = 8;

/** A page copied from the browser and saved as text: table cells arrive separated by tabs or `|`. */
export function parseTextPage(text: string): ImportedPage {
  const { attachmentLinks: _none, ...page } = parsePageLines(stripMarks(text).replaceAll('\t', ' | ').split(/\r\n?|\n/));
  return { ...page, attachments: [], images: [], tables: [], url: undefined };
}

/** A copied page, or why it is not a document: no Chinese at all (robots.txt), or a listing of titles and dates. */
export function readTextPage(text: string): { page: ImportedPage } | { skipped: string } {
  if (!/[\u4e00-\u9fff]/.test(text)) return { skipped: '不是文件页面：没有中文内容' };
  const lines = text.split(/\r\n?|\n/).map((line) => line.trim()).filter(Boolean);
  const listed = lines.filter((line) => LISTING_LINE.test(line)).length;
  if (listed >= MIN_LISTING_LINES && listed * 2 >= lines.length) return { skipped: `列表页：${listed} 行“标题 日期”，没有正文` };
  return { page: parseTextPage(text) };
}
