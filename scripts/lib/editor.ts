/**
 * What `npm run new` and `npm run import` share: the registries and the
 * index numbers in use, and checking a file once written.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { allColumns, buildColumnTree, type Column, type ColumnTree } from '../../src/lib/columns.ts';
import { readContent, type ContentRead, type LoadOptions } from '../../src/lib/content/load.ts';
import { hasErrors } from '../../src/lib/content/problems.ts';
import { decodeText, splitFrontMatter } from '../../src/lib/content/source.ts';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { dateProblem } from '../../src/lib/dates.ts';
import { describeAgency, describeColumn, findAgency, findColumn, findColumnByTitle, nearestAgency } from '../../src/lib/lookup.ts';
import type { Agency } from '../../src/lib/model.ts';
import { checkContentRead, contentOptions } from './check-content.ts';
import { fail, printProblems } from './output.ts';
import { useRenderCache } from './render-cache.ts';

/** What the importer needs to know of a report already in the content folder. */
export interface KnownReport {
  file: string;
  indexNumber: string;
  title: string | undefined;
  importedFrom: string | undefined;
}

export interface EditorContext {
  agencies: Agency[];
  columns: ColumnTree;
  /** Every index number in use → the file that uses it. */
  indexNumbers: Map<string, string>;
  reports: KnownReport[];
  /** The content as read, so that checking the files written reads only them again. */
  read: ContentRead;
  options: LoadOptions;
}

/** A path as messages show it: relative to the current folder, with forward slashes (as `loadContent` does). */
export function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join('/');
}

const INDEX_NUMBER_LINE = /^indexNumber[ \t]*:[ \t]*(['"]?)(.+?)\1[ \t]*(?:#.*)?$/m;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined);

/**
 * A report whose front matter did not pass the check, read leniently (line by
 * line when the YAML itself is broken): a new report must still not reuse its number.
 */
async function scanBrokenReport(path: string): Promise<KnownReport | undefined> {
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes) return undefined;
  const decoded = decodeText(bytes);
  const frontMatter = decoded.ok ? (splitFrontMatter(decoded.text).frontMatter ?? '') : '';
  const parsed = parseYaml(frontMatter).value;
  const data = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  const indexNumber = text(data['indexNumber']) ?? INDEX_NUMBER_LINE.exec(frontMatter)?.[2]?.trim();
  return indexNumber ? { file: displayPath(path), indexNumber, title: text(data['title']), importedFrom: text(data['importedFrom']) } : undefined;
}

/**
 * The agencies, columns and index numbers in use, from the content check's
 * first steps (and its caches). Broken reports elsewhere do not stop an
 * editor from adding one; broken registries do, since every new report depends on them.
 */
export async function loadEditorContext(contentDir: string, cacheDir: string | undefined): Promise<EditorContext> {
  if (cacheDir !== undefined) useRenderCache(cacheDir);
  const options = contentOptions(contentDir, cacheDir);
  const read = await readContent(options);
  const { registries } = read;
  if (!registries.valid) {
    const registryFiles = new Set(Object.values(registries.files));
    printProblems(read.problems.filter((problem) => problem.severity === 'error' && registryFiles.has(problem.file)));
    fail('site.yaml 或 agencies.yaml 有错误，请先修正（npm run check 会列出所有问题）。');
  }
  const reportsDir = join(contentDir, 'reports');
  const broken = [...read.reports.entries].filter(([, entry]) => !entry.draft).map(([relativePath]) => scanBrokenReport(join(reportsDir, relativePath)));
  const reports: KnownReport[] = [
    ...read.reports.drafts.map(({ file, data }) => ({ file, indexNumber: data.indexNumber, title: data.title, importedFrom: data.importedFrom })),
    ...(await Promise.all(broken)).filter((report) => report !== undefined),
  ];
  return {
    agencies: registries.agencies,
    columns: buildColumnTree(registries.valid.site.columns),
    indexNumbers: new Map(reports.map((report) => [report.indexNumber, report.file])),
    reports,
    read,
    options,
  };
}

/** The agency an `--agency` flag names by id, name or short name; else exits with the nearest and the list. */
export function agencyFromFlag(agencies: readonly Agency[], value: string): Agency {
  const agency = findAgency(agencies, value);
  if (agency) return agency;
  const suggestion = nearestAgency(agencies, value);
  return fail(
    `发布机构（--agency）“${value}” 不在 agencies.yaml 中。${suggestion ? `是不是 ${describeAgency(suggestion)}？` : ''}\n` +
      `可用的发布机构：${agencies.map(describeAgency).join('、')}`,
  );
}

/** The column a `--column` flag names by id (or exact title); else exits with the nearest and the list. */
export function columnFromFlag(columns: ColumnTree, value: string): Column {
  const { column, suggestion } = findColumn(columns, value);
  const found = column ?? findColumnByTitle(columns, value);
  if (found) return found;
  return fail(
    `栏目（--column）“${value}” 不在 site.yaml 的栏目树中。${suggestion ? `是不是 ${describeColumn(suggestion)}？` : ''}\n` +
      `可用的栏目：${allColumns(columns).map(describeColumn).join('、')}`,
  );
}

/** A `--date` flag, checked as a real calendar date. */
export function dateFromFlag(value: string): string {
  const problem = dateProblem(value.trim());
  if (problem) return fail(`发文日期（--date）“${value}” 不是有效日期：${problem}，例如 --date 2024-03-04`);
  return value.trim();
}

/** Checks the content with the files just written read again, and shows their problems; `true` when none is an error. */
export async function checkWritten(context: EditorContext, paths: readonly string[]): Promise<boolean> {
  const reportsDir = join(context.read.contentDir, 'reports');
  const changed = paths.map((path) => relative(reportsDir, path).split(sep).join('/'));
  const written = new Set(paths.map(displayPath));
  const { problems } = await checkContentRead(await readContent(context.options, { read: context.read, changed }), written);
  const own = problems.filter((problem) => written.has(problem.file));
  if (own.length > 0) printProblems(own);
  return !hasErrors(own);
}
