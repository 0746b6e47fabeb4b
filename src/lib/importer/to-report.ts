/**
 * An ImportedPage and the site's registries → a report's front matter and
 * Markdown body, with a note (in Chinese) for every field that did not come
 * straight from the page: taken from a flag, guessed, or generated.
 *
 * Where the page is silent or unclear, the order is: what the page says
 * exactly, then what the editor gave on the command line, then a best guess
 * that the notes ask the editor to check.
 */
import type { Column, ColumnTree } from '../columns.ts';
import { DISCLOSURE_MODES, VALIDITY_STATES, type ReportFrontmatter } from '../content/schema.ts';
import { dateProblem, dateTimeProblem } from '../dates.ts';
import { nextIndexNumber } from '../index-number.ts';
import { describeAgency, findAgency, nearestAgency } from '../lookup.ts';
import type { Agency } from '../model.ts';
import { chooseColumn, crumbsNamingColumns } from './column-match.ts';
import type { BodyBlock, ImportedPage } from './page.ts';

export interface Registries {
  agencies: readonly Agency[];
  columns: ColumnTree;
  /** Index numbers in use → the file that uses each. */
  indexNumbers: ReadonlyMap<string, string>;
  /** Index numbers not in use yet that a number generated now must not take (other pages of the same import state them). */
  reserved?: ReadonlySet<string>;
}

/** What the editor gave on the command line, for what the page does not say. */
export interface Fallbacks {
  agency?: Agency | undefined;
  column?: Column | undefined;
  title?: string | undefined;
  date?: string | undefined;
}

/** A field that did not come straight from the page: `check` when it is a guess the editor should verify. */
export interface Note {
  /** `栏目（column）` */
  field: string;
  message: string;
  check: boolean;
}

export type Conversion =
  | {
      ok: true;
      fields: ReportFrontmatter;
      notes: Note[];
      /** Where 发文日期 and 发布日期 came from: the page's label (成文日期, 发布时间 …), 落款日期 or --date. */
      dateFrom: string;
      publishedFrom: string | undefined;
    }
  | { ok: false; errors: string[]; missing: string[] };

const TITLE = '标题（title）';
const COLUMN = '栏目（column）';
const AGENCY = '发布机构（agency）';
const DATE = '发文日期（date）';
const PUBLISHED = '发布日期（published）';
const INDEX_NUMBER = '索引号（indexNumber）';
const DISCLOSURE = '公开方式（disclosure）';
const VALIDITY = '有效性（validity）';

function chooseAgency(page: ImportedPage, title: string | undefined, agencies: readonly Agency[], fallback: Agency | undefined, notes: Note[]): Agency | undefined {
  // The agency whose name the title starts with (样例县教育局关于…), longest name first.
  const byTitle = title === undefined ? undefined : [...agencies].sort((a, b) => b.name.length - a.name.length).find((agency) => title.startsWith(agency.name));
  const candidates: [label: string, name: string | undefined][] = [
    [page.labels.agency ?? '发布机构', page.fields.agency],
    [page.labels.source ?? '来源', page.fields.source],
    ['落款单位', page.signature?.org],
    ['标题', byTitle?.name],
  ];
  const named = candidates.filter((pair): pair is [string, string] => pair[1] !== undefined);
  for (const [label, name] of named) {
    const agency = findAgency(agencies, name);
    if (!agency) continue;
    if (label === '标题') notes.push({ field: AGENCY, message: `页面上没有可用的发布机构，按标题开头的“${name}”使用 ${describeAgency(agency)}，请核对`, check: true });
    else if (name !== page.fields.agency) notes.push({ field: AGENCY, message: `按页面上的${label}“${name}”使用 ${describeAgency(agency)}`, check: false });
    return agency;
  }
  const missing = page.fields.agency === undefined ? '页面上没有发布机构' : `发布机构“${page.fields.agency}”不在 agencies.yaml 中`;
  if (fallback) {
    notes.push({ field: AGENCY, message: `${missing}，使用 --agency ${fallback.id}`, check: false });
    return fallback;
  }
  for (const [label, name] of named) {
    const agency = nearestAgency(agencies, name);
    if (!agency) continue;
    notes.push({ field: AGENCY, message: `${missing}，按最接近${label}“${name}”的名称使用 ${describeAgency(agency)}，请核对`, check: true });
    return agency;
  }
  return undefined;
}

function chooseDate(page: ImportedPage, published: string | undefined, publishedFrom: string | undefined, fallback: string | undefined, notes: Note[]): { date: string; from: string } | undefined {
  const candidates = [
    [page.labels.date ?? '发文日期', page.fields.date],
    [publishedFrom ?? '发布日期', published?.slice(0, 10)],
    ['落款日期', page.signature?.date],
  ] as const;
  for (const [label, value] of candidates) {
    if (value === undefined) continue;
    if (dateProblem(value)) {
      notes.push({ field: DATE, message: `页面上的${label}“${value}”无法识别，已略过`, check: true });
      continue;
    }
    if (value !== page.fields.date) notes.push({ field: DATE, message: `页面上没有发文日期，取${label} ${value}`, check: false });
    return { date: value, from: label };
  }
  if (!fallback) return undefined;
  notes.push({ field: DATE, message: `页面上没有发文日期，使用 --date ${fallback}`, check: false });
  return { date: fallback, from: '--date' };
}

/** Characters Markdown would read as markup are escaped, so the text shows as it stood on the page. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~^&[\]<>]/g, '\\$&')
    .replace(/^[#+-]/, '\\$&')
    .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}

const ITEM_NUMBER = /^(\d+)\.\s*/;

/** Runs of list items numbered 1, 2, 3 … (or n, n+1 …): only those become Markdown lists, which renumber what they hold. */
function numberedRuns(blocks: readonly BodyBlock[]): Set<number> {
  const listed = new Set<number>();
  for (let start = 0; start < blocks.length; ) {
    let end = start;
    while (end < blocks.length && blocks[end]!.kind === 'item') end++;
    const numbers = blocks.slice(start, end).map((block) => Number(ITEM_NUMBER.exec('text' in block ? block.text : '')?.[1]));
    if (numbers.every((number, i) => number === numbers[0]! + i)) for (let i = start; i < end; i++) listed.add(i);
    start = Math.max(end, start + 1);
  }
  return listed;
}

/**
 * The body as Markdown in the house style: 一、 as `##`, （一） as `###`,
 * `1.` points as an ordered list, images where they stood (`imageUrl` gives
 * each its address under /attachments/, or `undefined` to leave it out) and
 * data tables as HTML.
 */
export function blocksToMarkdown(page: Pick<ImportedPage, 'blocks' | 'tables' | 'images'>, imageUrl: (image: number) => string | undefined = () => undefined): string {
  const listed = numberedRuns(page.blocks);
  const prefix = { section: '## ', subsection: '### ', paragraph: '' } as const;
  return page.blocks
    .flatMap((block, index): string[] => {
      if (block.kind === 'table') return [page.tables[block.table]!];
      if (block.kind === 'image') {
        const url = imageUrl(block.image);
        return url === undefined ? [] : [`![${escapeMarkdown(page.images[block.image]!.text)}](<${url}>)`];
      }
      if (block.kind === 'item') {
        const match = ITEM_NUMBER.exec(block.text)!;
        return [listed.has(index) ? `${match[1]}. ${escapeMarkdown(block.text.slice(match[0].length))}` : escapeMarkdown(block.text).replace(/^(\d+)\./, '$1\\.')];
      }
      return [prefix[block.kind] + escapeMarkdown(block.text)];
    })
    .join('\n\n');
}

/** The page's 有效性 as the contract writes it (现行有效 → 有效), or `undefined` with a note when it is something else. */
function chooseValidity(validity: string | undefined, notes: Note[]): ReportFrontmatter['validity'] {
  if (validity === undefined) return undefined;
  const state = validity === '现行有效' ? '有效' : validity;
  if ((VALIDITY_STATES as readonly string[]).includes(state)) return state as ReportFrontmatter['validity'];
  notes.push({ field: VALIDITY, message: `页面上的“${validity}”不是 有效、失效 或 废止，已略过，请核对`, check: true });
  return undefined;
}

export function toReport(page: ImportedPage, registries: Registries, fallbacks: Fallbacks = {}): Conversion {
  const notes: Note[] = [];
  const errors: string[] = [];
  const missing: string[] = [];
  const fail = (field: string, message: string) => {
    missing.push(field);
    errors.push(message);
  };

  let title = page.title ?? page.fields.title;
  if (title === undefined && fallbacks.title !== undefined) {
    title = fallbacks.title;
    notes.push({ field: TITLE, message: `页面上没有标题，使用 --title“${title}”`, check: false });
  }
  if (title === undefined) fail(TITLE, `找不到标题（title）：请用 --title "文件标题" 指定`);

  const crumbs = crumbsNamingColumns(page.breadcrumb, title);
  const choice = chooseColumn(registries.columns, crumbs.length > 0 || page.fields.columnName === undefined ? crumbs : [page.fields.columnName], fallbacks.column);
  if (choice.column && choice.note) notes.push({ field: COLUMN, message: choice.note, check: choice.note.endsWith('请核对') });
  if (!choice.column) fail(COLUMN, `无法确定栏目（column）：${choice.reason}。请用 --column <栏目 id> 指定`);

  const agency = chooseAgency(page, title, registries.agencies, fallbacks.agency, notes);
  if (!agency) {
    fail(
      AGENCY,
      `无法确定发布机构（agency）：${page.fields.agency === undefined ? '页面上没有发布机构' : `“${page.fields.agency}”不在 agencies.yaml 中`}。请用 --agency <机构 id> 指定，或先在 agencies.yaml 中登记`,
    );
  }
  let published = page.fields.published;
  let publishedFrom = page.labels.published;
  if (published !== undefined && dateTimeProblem(published)) {
    notes.push({ field: PUBLISHED, message: `页面上的${publishedFrom ?? '发布日期'}“${published}”无法识别，已略过`, check: true });
    published = undefined;
    publishedFrom = undefined;
  }
  const dated = chooseDate(page, published, publishedFrom, fallbacks.date, notes);
  if (dated === undefined) fail(DATE, '找不到发文日期（date）：页面上没有发文日期、发布日期或落款日期。请用 --date YYYY-MM-DD 指定');

  let indexNumber = page.fields.indexNumber;
  if (indexNumber !== undefined) {
    const user = registries.indexNumbers.get(indexNumber);
    if (user) fail(INDEX_NUMBER, `索引号（indexNumber）“${indexNumber}” 已被 ${user} 使用，而那份文件的标题和来源与这个页面不同。请核对两份文件`);
  } else if (agency && dated) {
    if (agency.code) {
      indexNumber = nextIndexNumber(agency.code, Number(dated.date.slice(0, 4)), [...registries.indexNumbers.keys(), ...(registries.reserved ?? [])]);
      notes.push({ field: INDEX_NUMBER, message: `页面上没有索引号，已生成 ${indexNumber}`, check: false });
    } else {
      fail(INDEX_NUMBER, `页面上没有索引号（indexNumber），发布机构 ${describeAgency(agency)} 在 agencies.yaml 中又没有索引号前缀（code），无法生成。请在 agencies.yaml 中为它加上 code`);
    }
  }

  let disclosure = page.fields.disclosure;
  if (disclosure !== undefined && !(DISCLOSURE_MODES as readonly string[]).includes(disclosure)) {
    notes.push({ field: DISCLOSURE, message: `页面上的“${disclosure}”不是 主动公开 或 依申请公开，已略过`, check: true });
    disclosure = undefined;
  }
  const validity = chooseValidity(page.fields.validity, notes);

  if (errors.length > 0 || title === undefined || !choice.column || !agency || !dated || indexNumber === undefined) return { ok: false, errors, missing };
  return {
    ok: true,
    fields: {
      title,
      indexNumber,
      agency: agency.id,
      column: choice.column.id,
      date: dated.date,
      published,
      category: page.fields.category,
      disclosure: disclosure as ReportFrontmatter['disclosure'],
      scope: page.fields.scope,
      docNumber: page.fields.docNumber,
      // 来源 defaults to the agency's name; keep it only when the page says otherwise.
      source: page.fields.source === agency.name ? undefined : page.fields.source,
      editor: page.fields.editor,
      addressee: page.addressee,
      signature: page.signature,
      validity,
    },
    notes,
    dateFrom: dated.from,
    publishedFrom: published === undefined ? undefined : publishedFrom,
  };
}
