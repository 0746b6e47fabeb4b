/**
 * What `npm run new` and `npm run import` share: the registries and the
 * index numbers in use, reading flags, and checking a file once written.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { allColumns, buildColumnTree, type Column, type ColumnConfig, type ColumnTree } from '../../src/lib/columns.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { hasErrors } from '../../src/lib/content/problems.ts';
import { agenciesSchema, siteSchema, type ColumnInput } from '../../src/lib/content/schema.ts';
import { decodeText, splitFrontMatter } from '../../src/lib/content/source.ts';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { dateProblem } from '../../src/lib/dates.ts';
import { describeAgency, describeColumn, findAgency, findColumn, findColumnByTitle, nearestAgency } from '../../src/lib/lookup.ts';
import type { Agency } from '../../src/lib/model.ts';
import { checkContent, parseCacheFor } from './check-content.ts';
import { fail, printProblems } from './output.ts';
import { DEFAULT_CACHE_DIR, useRenderCache } from './render-cache.ts';

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
}

/** A path as messages show it: relative to the current folder, with forward slashes (as `loadContent` does). */
export function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join('/');
}

/** Runs `parseArgs`, turning its English complaint into a Chinese one followed by the usage. */
export function parseFlags<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    return fail(`命令参数有误（${(error as Error).message}）\n\n${usage}`);
  }
}

async function readYaml(path: string): Promise<unknown> {
  const decoded = decodeText(await readFile(path));
  if (!decoded.ok) return fail(`无法读取 ${displayPath(path)}：${decoded.reason}`);
  return parseYaml(decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).value;
}

const INDEX_NUMBER_LINE = /^indexNumber[ \t]*:[ \t]*(['"]?)(.+?)\1[ \t]*(?:#.*)?$/m;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined);

/** The reports' front matter read file by file, so that one broken report does not stop new ones. */
async function scanReports(reportsDir: string): Promise<KnownReport[]> {
  const found: KnownReport[] = [];
  let entries: string[];
  try {
    entries = await readdir(reportsDir, { recursive: true });
  } catch {
    return found;
  }
  for (const entry of entries.filter((name) => name.toLowerCase().endsWith('.md'))) {
    const path = join(reportsDir, entry);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch {
      continue;
    }
    const decoded = decodeText(bytes);
    const frontMatter = decoded.ok ? (splitFrontMatter(decoded.text).frontMatter ?? '') : '';
    const parsed = parseYaml(frontMatter).value;
    const data = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    // Line by line when the YAML itself is broken: a new report must still not reuse the number.
    const indexNumber = text(data['indexNumber']) ?? INDEX_NUMBER_LINE.exec(frontMatter)?.[2]?.trim();
    if (indexNumber) found.push({ file: displayPath(path), indexNumber, title: text(data['title']), importedFrom: text(data['importedFrom']) });
  }
  return found;
}

/** Load options shared by the editor commands: the content check's caches, so unchanged reports are not read or rendered again. */
function loadOptions(contentDir: string, cacheDir: string) {
  useRenderCache(cacheDir);
  return { contentDir, projectRoot: process.cwd(), parseCache: parseCacheFor(contentDir, cacheDir) };
}

/**
 * The agencies, columns and index numbers in use. Broken reports elsewhere do
 * not stop an editor from adding one; broken registries do, since every new
 * report depends on them.
 */
export async function loadEditorContext(contentDir: string, cacheDir = DEFAULT_CACHE_DIR): Promise<EditorContext> {
  const { portal, problems } = await loadContent(loadOptions(contentDir, cacheDir));
  if (portal) {
    return {
      agencies: portal.agencies,
      columns: buildColumnTree(portal.site.columns),
      indexNumbers: new Map(portal.reports.map((report) => [report.indexNumber, report.sourceFile])),
      reports: portal.reports.map((report) => ({ file: report.sourceFile, indexNumber: report.indexNumber, title: report.title, importedFrom: report.importedFrom })),
    };
  }
  const registryFiles = new Set(['site.yaml', 'agencies.yaml'].map((name) => displayPath(join(contentDir, name))));
  const registryErrors = problems.filter((problem) => problem.severity === 'error' && registryFiles.has(problem.file));
  if (registryErrors.length > 0) {
    printProblems(registryErrors);
    fail('site.yaml 或 agencies.yaml 有错误，请先修正（npm run check 会列出所有问题）。');
  }
  // loadContent found both registries valid, so parsing them again cannot fail.
  const site = siteSchema.parse(await readYaml(join(contentDir, 'site.yaml')));
  const toConfig = (column: ColumnInput): ColumnConfig => ({ id: column.id, title: column.title, children: (column.children ?? []).map(toConfig) });
  const agencies = agenciesSchema.parse(await readYaml(join(contentDir, 'agencies.yaml')));
  const reports = await scanReports(join(contentDir, 'reports'));
  return {
    agencies: agencies.map((agency) => ({ id: agency.id, name: agency.name, short: agency.short, code: agency.code })),
    columns: buildColumnTree(site.columns.map(toConfig)),
    indexNumbers: new Map(reports.map((report) => [report.indexNumber, report.file])),
    reports,
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

/** Checks the content again and shows the problems of the files just written; `true` when none is an error. */
export async function checkWritten(contentDir: string, paths: readonly string[], cacheDir = DEFAULT_CACHE_DIR): Promise<boolean> {
  useRenderCache(cacheDir);
  const { problems } = await checkContent(contentDir, cacheDir);
  const written = new Set(paths.map(displayPath));
  const own = problems.filter((problem) => written.has(problem.file));
  if (own.length > 0) printProblems(own);
  return !hasErrors(own);
}
