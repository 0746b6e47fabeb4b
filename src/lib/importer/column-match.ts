/**
 * 当前位置 on an old page → a column of the new site, by title: the whole
 * trail first (`信息公开 > 法定主动公开内容 > 工作总结` is the column whose
 * chain of titles it is), then the deepest crumb that names exactly one
 * column (its parents in the trail settle a title several columns share),
 * then what the editor said (`--column`), then near misses, which the
 * editor is asked to check.
 */
import { allColumns, type Column, type ColumnTree } from '../columns.ts';
import { describeColumn, nearestColumnByTitle } from '../lookup.ts';

/** Crumbs that name the site or the page rather than a column. */
const NOT_COLUMNS = new Set(['首页', '网站首页', '主页', '门户首页', '正文', '详情', '内容', '详细信息', '文章', '正文内容', '浏览文章', '阅读文章', '信息浏览', '文章内容', '查看内容']);

export type ColumnChoice = { column: Column; note?: string } | { column: undefined; reason: string };

function titlePath(tree: ColumnTree, column: Column): string[] {
  return column.path.map((id) => tree.byId.get(id)!.title);
}

/** `xxgk-gzzj（信息公开 > 法定主动公开内容 > 工作总结）`, to tell columns of the same title apart. */
function describeWithPath(tree: ColumnTree, column: Column): string {
  return `${column.id}（${titlePath(tree, column).join(' > ')}）`;
}

/** The crumbs that may name columns: not 首页, not the page's own title (even cut short with …). */
export function crumbsNamingColumns(crumbs: readonly string[], title: string | undefined): string[] {
  return crumbs.filter((crumb) => {
    if (NOT_COLUMNS.has(crumb)) return false;
    const shortened = crumb.replace(/(?:\.{2,}|…+)$/, '');
    return !(title !== undefined && shortened.length >= 4 && title.startsWith(shortened));
  });
}

export function chooseColumn(tree: ColumnTree, crumbs: readonly string[], fallback: Column | undefined): ColumnChoice {
  const columns = allColumns(tree);
  const last = crumbs.at(-1);
  const useFallback = (why: string): ColumnChoice | undefined => (fallback ? { column: fallback, note: `${why}，使用 --column ${fallback.id}` } : undefined);
  if (last === undefined) return useFallback('页面上没有可用的当前位置') ?? { column: undefined, reason: '页面上没有可用的当前位置' };

  // The whole chain of titles of a column at the end of the trail; the longest chain wins.
  const chains = columns
    .map((column) => ({ column, path: titlePath(tree, column) }))
    .filter(({ path }) => path.length <= crumbs.length && path.every((title, i) => title === crumbs[crumbs.length - path.length + i]));
  const longest = Math.max(0, ...chains.map(({ path }) => path.length));
  const full = chains.filter(({ path }) => path.length === longest);
  if (full.length === 1) return { column: full[0]!.column };

  const named = columns.filter((column) => column.title === last);
  if (named.length > 1) {
    // Several columns share the title: the one more of whose parents the trail names.
    const score = (column: Column) => titlePath(tree, column).slice(0, -1).filter((title) => crumbs.includes(title)).length;
    const best = Math.max(...named.map(score));
    const top = named.filter((column) => score(column) === best);
    if (best > 0 && top.length === 1) return { column: top[0]! };
    const why = `当前位置“${last}”对应多个同名栏目：${named.map((column) => describeWithPath(tree, column)).join('、')}`;
    return useFallback(why) ?? { column: undefined, reason: why };
  }
  if (named.length === 1) return { column: named[0]! };

  const missing = `当前位置“${last}”没有同名栏目`;
  const flagged = useFallback(missing);
  if (flagged) return flagged;
  const near = nearestColumnByTitle(tree, last);
  if (near) return { column: near, note: `${missing}，按最接近的名称使用 ${describeColumn(near)}，请核对` };
  for (const crumb of crumbs.slice(0, -1).reverse()) {
    const parents = columns.filter((column) => column.title === crumb);
    if (parents.length === 1) return { column: parents[0]!, note: `${missing}，使用上一级 ${describeColumn(parents[0]!)}，请核对` };
  }
  return { column: undefined, reason: missing };
}
