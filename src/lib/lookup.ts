/**
 * Finding agencies and columns by what editors type and what old pages say:
 * an id, a full name, a short name or a column title, exactly or nearly.
 */
import { allColumns, type Column, type ColumnTree } from './columns.ts';
import type { Agency } from './model.ts';
import { nearest } from './suggest.ts';

/** The agency whose id, full name or short name is exactly `text`. */
export function findAgency(agencies: readonly Agency[], text: string): Agency | undefined {
  const wanted = text.trim();
  return (
    agencies.find((agency) => agency.id === wanted) ??
    agencies.find((agency) => agency.name === wanted) ??
    agencies.find((agency) => agency.short === wanted)
  );
}

/** The agency whose id, name or short name is closest to `text`, when one is plausibly meant. */
export function nearestAgency(agencies: readonly Agency[], text: string): Agency | undefined {
  const byKey = new Map<string, Agency>();
  for (const agency of agencies) {
    for (const key of [agency.id, agency.name, agency.short]) if (key && !byKey.has(key)) byKey.set(key, agency);
  }
  const key = nearest(text, byKey.keys());
  return key === undefined ? undefined : byKey.get(key);
}

/** `sfj（示例区司法局）`, for messages. */
export function describeAgency(agency: Agency): string {
  return `${agency.id}（${agency.name}）`;
}

/** `fazhi（法治政府建设）`, for messages. */
export function describeColumn(column: Column): string {
  return `${column.id}（${column.title}）`;
}

/** The column with id `text`, or else the one whose id is closest. */
export function findColumn(tree: ColumnTree, text: string): { column: Column | undefined; suggestion: Column | undefined } {
  const column = tree.byId.get(text.trim());
  if (column) return { column, suggestion: undefined };
  const id = nearest(text, tree.byId.keys());
  return { column: undefined, suggestion: id === undefined ? undefined : tree.byId.get(id) };
}

/** The first column, depth first, titled exactly `title`. */
export function findColumnByTitle(tree: ColumnTree, title: string): Column | undefined {
  const wanted = title.trim();
  return allColumns(tree).find((column) => column.title === wanted);
}

/** The column whose title is closest to `title`, when one is plausibly meant. */
export function nearestColumnByTitle(tree: ColumnTree, title: string): Column | undefined {
  const columns = allColumns(tree);
  const found = nearest(title, columns.map((column) => column.title));
  return found === undefined ? undefined : columns.find((column) => column.title === found);
}
