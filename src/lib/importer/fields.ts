/**
 * The labelled values portals print around a document — `索引号：…`,
 * `来源:某局 发布时间:2022-02-18 16:27`, metadata tables copied as
 * `索 引 号 | … | 发布机构 | …` — and the dates in them.
 */
import { dateProblem, dateTimeProblem } from '../dates.ts';
import type { PageFields } from './page.ts';

type Field = keyof PageFields;

/**
 * Every label the importer knows, the field it fills (`null`: read past and
 * dropped) and its rank: when a page has several labels for one field, the
 * lowest rank wins (发文日期 before 成文日期, 发布时间 before 更新时间).
 */
const LABELS: readonly [label: string, field: Field | null, rank: number][] = [
  ['索引号', 'indexNumber', 0],
  ['信息索引号', 'indexNumber', 0],
  ['索取号', 'indexNumber', 1],
  ['信息名称', 'title', 0],
  ['文件名称', 'title', 0],
  ['名称', 'title', 1],
  ['标题', 'title', 1],
  ['组配分类', 'category', 0],
  ['主题分类', 'category', 1],
  ['信息分类', 'category', 2],
  ['发布机构', 'agency', 0],
  ['发文机关', 'agency', 1],
  ['发文单位', 'agency', 2],
  ['发布单位', 'agency', 2],
  ['公开责任部门', 'agency', 3],
  ['责任部门', 'agency', 4],
  ['发文日期', 'date', 0],
  ['成文日期', 'date', 1],
  ['印发日期', 'date', 2],
  ['发布日期', 'published', 0],
  ['发布时间', 'published', 0],
  ['公开日期', 'published', 1],
  ['公开时间', 'published', 1],
  ['更新时间', 'published', 2],
  ['更新日期', 'published', 2],
  ['编辑日期', 'published', 2],
  ['生成日期', 'published', 3],
  ['日期', 'published', 4],
  ['时间', 'published', 4],
  ['公开方式', 'disclosure', 0],
  ['公开形式', 'disclosure', 1],
  ['公开范围', 'scope', 0],
  ['文号', 'docNumber', 0],
  ['发文字号', 'docNumber', 0],
  ['发文文号', 'docNumber', 0],
  ['来源', 'source', 0],
  ['信息来源', 'source', 0],
  ['文章来源', 'source', 0],
  ['稿件来源', 'source', 0],
  ['来源单位', 'source', 1],
  ['责任编辑', 'editor', 0],
  ['编辑', 'editor', 1],
  ['作者', 'editor', 2],
  ['有效性', 'validity', 0],
  ['效力状态', 'validity', 0],
  ['时效性', 'validity', 1],
  ...[
    '浏览量', '浏览次数', '浏览', '阅读次数', '阅读量', '阅读', '访问量', '访问次数', '点击数', '点击量', '点击率', '点击', '字体', '字号', '关键词', '关键字',
    '主题词', '体裁分类', '内容概述', '内容摘要', '摘要', '公开时限', '废止日期', '失效日期', '统一编号', '信息类别', '视力保护色',
  ].map((label) => [label, null, 0] as [string, null, number]),
];
const BY_LABEL = new Map(LABELS.map(([label, field, rank]) => [label, { field, rank }]));
/** Values without a label (`<meta>` tags, a bare date) rank after every label a reader sees. */
const META_RANK = 9;
const rankOf = (label: string) => BY_LABEL.get(label)?.rank ?? META_RANK;

// Longest first, so that 编辑日期 is not read as 编辑 and 发文字号 not as 字号; `索 引 号` and `来　　源` count too.
const BY_LENGTH = LABELS.map(([label]) => label).sort((a, b) => b.length - a.length);
const spaced = (label: string) => [...label].join('\\s*');
/** A table cell holding only a label, with or without its colon. */
const LABEL_CELL = new RegExp(`^(${BY_LENGTH.map(spaced).join('|')})\\s*[:：]?$`);
/** Labels that end longer words (办理时间, 截止日期): inside running text only after a space, bracket or digit. */
const GENERIC_LABELS = new Set(['时间', '日期']);
/**
 * `来源:某局 发布日期:2022-02-18 16:27`, `…00011文号：…` (`<span>`s copied
 * without a space) — labels inside running text need their colon.
 */
const LABEL_IN_TEXT = new RegExp(
  `(${BY_LENGTH.map((label) => (GENERIC_LABELS.has(label) ? `(?<=^|[\\s【\\[（(|\\d])${spaced(label)}` : spaced(label))).join('|')})\\s*[:：]`,
  'g',
);

type Token = { label: string } | { text: string };

const canonical = (label: string) => label.replace(/\s+/g, '');

function tokens(line: string): Token[] {
  const result: Token[] = [];
  for (const cell of line.split('|').map((part) => part.trim()).filter(Boolean)) {
    const labelCell = LABEL_CELL.exec(cell);
    if (labelCell) {
      result.push({ label: canonical(labelCell[1]!) });
      continue;
    }
    let done = 0;
    for (const match of cell.matchAll(LABEL_IN_TEXT)) {
      const before = cell.slice(done, match.index).trim();
      if (before) result.push({ text: before });
      result.push({ label: canonical(match[1]!) });
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
export function labelledValues(line: string): [string, string][] | undefined {
  // `（责任编辑：周敏）`
  const list = tokens(line.replace(/^[（(【[]\s*(?=\S+\s*[:：])/, ''));
  const startsWithLabel = list[0] !== undefined && 'label' in list[0];
  if (!startsWithLabel && !(line.includes('|') && list.some((token) => 'label' in token))) return undefined;
  return list.flatMap((token, index): [string, string][] => {
    if (!('label' in token)) return [];
    const next = list[index + 1];
    // `浏览量:- 【字体:` — the value ends where the next bit of chrome opens.
    const value = next && 'text' in next ? next.text.replace(/\s*[【[].*$/, '').trim() : '';
    // `（责任编辑：周敏）`: a closing bracket whose opening one came before the label.
    return [[token.label, /[（(]/.test(value) ? value : value.replace(/[)）]+$/, '')]];
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

/** `2017-02-09`, `2017/2/9`, `2017.02.09`, `2017年2月9日`, each with or without a time, anywhere in a value. */
const PAGE_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*\d{2}\s*秒?)?)?/;

const LEADING_DATE = new RegExp(`^[[(（【]?\\s*(${PAGE_DATE.source.replaceAll('(\\d', '(?:\\d')})\\s*[\\])）】]?\\s*(.*)$`);

/** `2020-11-06 15:40  来源：区民政局` → the date as written and the rest of the line; `undefined` when the line does not start with a date. */
export function leadingDate(line: string): { date: string; rest: string } | undefined {
  const match = LEADING_DATE.exec(line);
  return match ? { date: match[1]!, rest: match[2]! } : undefined;
}

/**
 * The date in a labelled value as `YYYY-MM-DD`, with ` HH:mm` when `keepTime`
 * and the page gives one; text it cannot read is returned as is, for the
 * caller to report.
 */
function normalizePageDate(value: string, keepTime: boolean): string {
  const match = PAGE_DATE.exec(value);
  if (!match) return parseChineseDate(value.trim()) ?? value;
  const date = `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  const normalized = keepTime && match[4] !== undefined ? `${date} ${pad(Number(match[4]))}:${match[5]}` : date;
  return dateTimeProblem(normalized) === undefined ? normalized : value;
}

/** Fields read off a page, and the label each value came from. */
export interface LabelledFields {
  fields: PageFields;
  /** The page's label for each field: 成文日期 for `date`, 更新时间 for `published` … */
  labels: Partial<Record<Field, string>>;
}

export const emptyFields = (): LabelledFields => ({ fields: {}, labels: {} });

/** Keeps `value` for the label's field unless a better-ranked label already gave one. */
export function recordField(into: LabelledFields, label: string, value: string): void {
  const known = BY_LABEL.get(label);
  const field = known?.field;
  if (!known || !field || value === '') return;
  const held = into.labels[field];
  if (held !== undefined && rankOf(held) <= known.rank) return;
  into.fields[field] = field === 'date' || field === 'published' ? normalizePageDate(value, field === 'published') : value;
  into.labels[field] = label;
}

/** `into` with every field of `more` it lacks or holds from a worse-ranked label. */
export function mergeFields(into: LabelledFields, more: LabelledFields): void {
  for (const [field, label] of Object.entries(more.labels) as [Field, string][]) {
    const held = into.labels[field];
    if (held === undefined || rankOf(held) > rankOf(label)) {
      into.fields[field] = more.fields[field];
      into.labels[field] = label;
    }
  }
}

/** Sets a field the page states without a label (a `<meta>` tag, a bare date under the title), if no label gave it. */
export function recordUnlabelled(into: LabelledFields, field: Field, value: string | undefined, label: string): void {
  if (value === undefined || value.trim() === '' || into.fields[field] !== undefined) return;
  into.fields[field] = field === 'date' || field === 'published' ? normalizePageDate(value.trim(), field === 'published') : value.trim();
  into.labels[field] = label;
}
