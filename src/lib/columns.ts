/**
 * The column (栏目) tree: ids are URL segments, so a column's URL is the
 * chain of ids from the root: /zwgk/guihua/gongzuo-baogao/.
 */

export interface ColumnConfig {
  id: string;
  title: string;
  children?: ColumnConfig[];
}

export interface Column {
  id: string;
  title: string;
  /** Ids from the root column down to this one. */
  path: string[];
  parentId: string | undefined;
  childIds: string[];
}

export interface ColumnTree {
  roots: Column[];
  byId: Map<string, Column>;
}

export interface Crumb {
  label: string;
  href: string;
}

export function buildColumnTree(configs: readonly ColumnConfig[]): ColumnTree {
  const byId = new Map<string, Column>();
  const visit = (config: ColumnConfig, parent: Column | undefined): Column => {
    const column: Column = {
      id: config.id,
      title: config.title,
      path: parent ? [...parent.path, config.id] : [config.id],
      parentId: parent?.id,
      childIds: [],
    };
    byId.set(column.id, column);
    for (const child of config.children ?? []) column.childIds.push(visit(child, column).id);
    return column;
  };
  const roots = configs.map((config) => visit(config, undefined));
  return { roots, byId };
}

export function getColumn(tree: ColumnTree, id: string): Column {
  const column = tree.byId.get(id);
  if (!column) throw new RangeError(`未知栏目：${id}`);
  return column;
}

export function columnUrl(column: Column): string {
  return `/${column.path.join('/')}/`;
}

export function childColumns(tree: ColumnTree, column: Column): Column[] {
  return column.childIds.map((id) => getColumn(tree, id));
}

/** The column itself and every column below it, depth first. */
export function columnAndDescendants(tree: ColumnTree, column: Column): Column[] {
  return [column, ...childColumns(tree, column).flatMap((child) => columnAndDescendants(tree, child))];
}

/** Root first, ending with the column itself. */
export function columnLineage(tree: ColumnTree, column: Column): Column[] {
  return column.path.map((id) => getColumn(tree, id));
}

/** 首页 > ancestor columns > column, each with its URL. */
export function columnCrumbs(tree: ColumnTree, column: Column): Crumb[] {
  return [
    { label: '首页', href: '/' },
    ...columnLineage(tree, column).map((c) => ({ label: c.title, href: columnUrl(c) })),
  ];
}

/** Every column, depth first, as the site navigation lists them. */
export function allColumns(tree: ColumnTree): Column[] {
  return tree.roots.flatMap((root) => columnAndDescendants(tree, root));
}
