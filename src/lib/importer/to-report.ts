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
import { DISCLOSURE_MODES, type ReportFrontmatter } from '../content/schema.ts';
import { dateProblem, dateTimeProblem } from '../dates.ts';
import { nextIndexNumber } from '../index-number.ts';
import { describeAgency, describeColumn, findAgency, findColumnByTitle, nearestAgency, nearestColumnByTitle } from '../lookup.ts';
import type { Agency } from '../model.ts';
import type { BodyBlock, ImportedPage } from './page.ts';

export interface Registries {
  agencies: readonly Agency[];
  columns: ColumnTree;
  /** Index numbers in use → the file that uses each. */
  indexNumbers: ReadonlyMap<string, string>;
}

/** What the editor gave on the command line, for what the page does not say. */
export interface Fallbacks {
  agency?: Agency | undefined;
  column?: Column | undefined;
  title?: string | undefined;
  date?: string | undefined;
}

export type Conversion =
  | { ok: true; fields: ReportFrontmatter; body: string; notes: string[] }
  | { ok: false; errors: string[] };

/** Crumbs that name the page rather than a column. */
const NOT_COLUMNS = new Set(['首页', '正文', '详情', '内容', '详细信息', '文章', '正文内容']);

/** The column, and why the page alone did not settle it. */
function chooseColumn(page: ImportedPage, columns: ColumnTree, fallback: Column | undefined, notes: string[]): { column: Column | undefined; missing: string } {
  const crumbs = page.breadcrumb.filter((crumb) => !NOT_COLUMNS.has(crumb) && crumb !== page.title);
  const last = crumbs.at(-1);
  const missing = last === undefined ? '页面上没有可用的当前位置' : `当前位置“${last}”没有同名栏目`;
  const exact = last === undefined ? undefined : findColumnByTitle(columns, last);
  if (exact) return { column: exact, missing };
  if (fallback) {
    notes.push(`栏目（column）：${missing}，使用 --column ${fallback.id}`);
    return { column: fallback, missing };
  }
  const near = last === undefined ? undefined : nearestColumnByTitle(columns, last);
  if (near) {
    notes.push(`栏目（column）：${missing}，按最接近的名称使用 ${describeColumn(near)}，请核对`);
    return { column: near, missing };
  }
  for (const crumb of crumbs.slice(0, -1).reverse()) {
    const parent = findColumnByTitle(columns, crumb);
    if (parent) {
      notes.push(`栏目（column）：${missing}，使用上一级 ${describeColumn(parent)}，请核对`);
      return { column: parent, missing };
    }
  }
  return { column: undefined, missing };
}

function chooseAgency(page: ImportedPage, agencies: readonly Agency[], fallback: Agency | undefined, notes: string[]): Agency | undefined {
  const candidates: [label: string, name: string | undefined][] = [
    ['发布机构', page.fields.agency],
    ['来源', page.fields.source],
    ['落款单位', page.signature?.org],
  ];
  const named = candidates.filter((pair): pair is [string, string] => pair[1] !== undefined);
  for (const [label, name] of named) {
    const agency = findAgency(agencies, name);
    if (!agency) continue;
    if (label !== '发布机构') notes.push(`发布机构（agency）：按页面上的${label}“${name}”使用 ${describeAgency(agency)}`);
    return agency;
  }
  const missing = page.fields.agency === undefined ? '页面上没有发布机构' : `发布机构“${page.fields.agency}”不在 agencies.yaml 中`;
  if (fallback) {
    notes.push(`发布机构（agency）：${missing}，使用 --agency ${fallback.id}`);
    return fallback;
  }
  for (const [label, name] of named) {
    const agency = nearestAgency(agencies, name);
    if (!agency) continue;
    notes.push(`发布机构（agency）：${missing}，按最接近${label}“${name}”的名称使用 ${describeAgency(agency)}，请核对`);
    return agency;
  }
  return undefined;
}

function chooseDate(page: ImportedPage, published: string | undefined, fallback: string | undefined, notes: string[]): string | undefined {
  const candidates = [
    ['发文日期', page.fields.date],
    ['发布日期', published?.slice(0, 10)],
    ['落款日期', page.signature?.date],
  ] as const;
  for (const [label, value] of candidates) {
    if (value === undefined) continue;
    if (dateProblem(value)) {
      notes.push(`${label}“${value}”无法识别，已略过`);
      continue;
    }
    if (label !== '发文日期') notes.push(`发文日期（date）：页面上没有发文日期，取${label} ${value}`);
    return value;
  }
  if (fallback) notes.push(`发文日期（date）：页面上没有发文日期，使用 --date ${fallback}`);
  return fallback;
}

/** Characters Markdown would read as markup are escaped, so the text shows as it stood on the page. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~^&[\]<>]/g, '\\$&')
    .replace(/^[#+-]/, '\\$&')
    .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}

export function blocksToMarkdown(blocks: readonly BodyBlock[]): string {
  const prefix = { section: '## ', subsection: '### ', paragraph: '' } as const;
  return blocks.map((block) => prefix[block.kind] + escapeMarkdown(block.text)).join('\n\n');
}

export function toReport(page: ImportedPage, registries: Registries, fallbacks: Fallbacks = {}): Conversion {
  const notes: string[] = [];
  const errors: string[] = [];

  let title = page.title;
  if (title === undefined && fallbacks.title !== undefined) {
    title = fallbacks.title;
    notes.push(`标题（title）：页面上没有标题，使用 --title“${title}”`);
  }
  if (title === undefined) errors.push('找不到标题（title）：请用 --title "文件标题" 指定');

  const { column, missing } = chooseColumn(page, registries.columns, fallbacks.column, notes);
  if (!column) errors.push(`无法确定栏目（column）：${missing}。请用 --column <栏目 id> 指定`);
  const agency = chooseAgency(page, registries.agencies, fallbacks.agency, notes);
  if (!agency) {
    errors.push(
      `无法确定发布机构（agency）：${page.fields.agency === undefined ? '页面上没有发布机构' : `“${page.fields.agency}”不在 agencies.yaml 中`}。请用 --agency <机构 id> 指定，或先在 agencies.yaml 中登记`,
    );
  }
  let published = page.fields.published;
  if (published !== undefined && dateTimeProblem(published)) {
    notes.push(`发布日期（published）“${published}”无法识别，已略过`);
    published = undefined;
  }
  const date = chooseDate(page, published, fallbacks.date, notes);
  if (date === undefined) errors.push('找不到发文日期（date）：页面上没有发文日期、发布日期或落款日期。请用 --date YYYY-MM-DD 指定');

  let indexNumber = page.fields.indexNumber;
  if (indexNumber !== undefined) {
    const user = registries.indexNumbers.get(indexNumber);
    if (user) errors.push(`索引号（indexNumber）“${indexNumber}” 已被 ${user} 使用，这个页面可能已经导入过`);
  } else if (agency && date !== undefined) {
    if (agency.code) {
      indexNumber = nextIndexNumber(agency.code, Number(date.slice(0, 4)), registries.indexNumbers.keys());
      notes.push(`索引号（indexNumber）：页面上没有索引号，已生成 ${indexNumber}`);
    } else {
      errors.push(
        `页面上没有索引号（indexNumber），发布机构 ${describeAgency(agency)} 在 agencies.yaml 中又没有索引号前缀（code），无法生成。请在 agencies.yaml 中为它加上 code`,
      );
    }
  }

  let disclosure = page.fields.disclosure;
  if (disclosure !== undefined && !(DISCLOSURE_MODES as readonly string[]).includes(disclosure)) {
    notes.push(`公开方式（disclosure）“${disclosure}”不是 主动公开 或 依申请公开，已略过`);
    disclosure = undefined;
  }

  if (errors.length > 0 || title === undefined || !column || !agency || date === undefined || indexNumber === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    fields: {
      title,
      indexNumber,
      agency: agency.id,
      column: column.id,
      date,
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
    },
    body: blocksToMarkdown(page.blocks),
    notes,
  };
}
