/**
 * The two registries every report depends on: `site.yaml` (identity and
 * column tree) and `agencies.yaml` (发布机构), read and checked on their own.
 */
import { join } from 'node:path';
import type * as z from 'zod';
import type { ColumnConfig } from '../columns.ts';
import type { Agency, Site } from '../model.ts';
import { RESERVED_SEGMENTS } from '../urls.ts';
import { schemaProblems, withoutUnsafeCharacters } from './field-problems.ts';
import { hasErrors, issueMessage, type Problem } from './problems.ts';
import { isProblem, readText } from './read-text.ts';
import { agenciesSchema, siteSchema, type ColumnInput, type SiteConfig } from './schema.ts';
import { siteProblems } from './site-checks.ts';
import { siteOrigin } from './site-url.ts';
import { keyPathOf, lineOf, parseYaml, type ParsedYaml } from './yaml.ts';

/** Reads and validates a YAML file against a schema; `undefined` data when it has errors. */
export async function loadYamlFile<T>(
  contentDir: string,
  name: string,
  display: (path: string) => string,
  schema: z.ZodType<T>,
  /** Paths the content scan refused (symlinks): reported there, never read. */
  unreadable: ReadonlySet<string> = new Set(),
): Promise<{ data: T | undefined; parsed: ParsedYaml | undefined; problems: Problem[] }> {
  const file = display(join(contentDir, name));
  if (unreadable.has(name)) return { data: undefined, parsed: undefined, problems: [] };
  const read = await readText(join(contentDir, name), file);
  if (isProblem(read)) return { data: undefined, parsed: undefined, problems: [read] };
  const parsed = parseYaml(read.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const problems = [...read.problems];
  if (parsed.errors.length > 0) {
    problems.push(...parsed.errors.map((e): Problem => ({ severity: 'error', file, line: e.line, message: e.message, hint: e.hint })));
    return { data: undefined, parsed, problems };
  }
  const result = schema.safeParse(withoutUnsafeCharacters(parsed.value, file, parsed, problems), { error: issueMessage });
  if (!result.success) {
    problems.push(...schemaProblems(file, parsed, result.error.issues));
    return { data: undefined, parsed, problems };
  }
  return { data: result.data, parsed, problems };
}

/**
 * The site's public URL from site.yaml, read as the content check reads it,
 * for Astro's `site` option (sitemap, canonical links). Any problem with the
 * file falls back to the default: the content check reports it properly, and
 * refuses to build without a `url` unless the build is a preview.
 */
export async function readSiteUrl(contentDir: string): Promise<string> {
  const { data } = await loadYamlFile(contentDir, 'site.yaml', (path) => path, siteSchema);
  return siteOrigin(data?.url);
}

function columnProblems(columns: readonly ColumnInput[], file: string, parsed: ParsedYaml): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const walk = (list: readonly ColumnInput[], path: PropertyKey[], depth: number) => {
    list.forEach((column, index) => {
      const here = [...path, index];
      const line = lineOf(parsed, [...here, 'id']);
      const earlier = seen.get(column.id);
      if (earlier !== undefined) {
        problems.push({
          severity: 'error',
          file,
          line,
          key: keyPathOf([...here, 'id']),
          message: `栏目编号（id）“${column.id}” 重复，第 ${earlier} 行已经用过`,
          hint: '栏目编号在整个栏目树中必须唯一，请换一个',
        });
      } else {
        seen.set(column.id, line);
      }
      if (depth === 0 && RESERVED_SEGMENTS.has(column.id)) {
        problems.push({
          severity: 'error',
          file,
          line,
          key: keyPathOf([...here, 'id']),
          message: `一级栏目编号（id）不能用 “${column.id}”：网站的内置页面 /${column.id}/ 已占用这个网址`,
          hint: `请换一个编号，保留字有：${[...RESERVED_SEGMENTS].join('、')}`,
        });
      }
      walk(column.children ?? [], [...here, 'children'], depth + 1);
    });
  };
  walk(columns, ['columns'], 0);
  return problems;
}

function duplicateAgencyProblems(agencies: readonly Agency[], file: string, parsed: ParsedYaml): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['id', 'name'] as const) {
    const seen = new Map<string, number>();
    agencies.forEach((agency, index) => {
      const line = lineOf(parsed, [index, key]);
      const earlier = seen.get(agency[key]);
      if (earlier === undefined) {
        seen.set(agency[key], line);
        return;
      }
      problems.push({
        severity: 'error',
        file,
        line,
        key: keyPathOf([index, key]),
        message: `${key === 'id' ? '机构编号（id）' : '机构名称（name）'}“${agency[key]}” 重复，第 ${earlier} 行已经用过`,
        hint: '每个发布机构只登记一次',
      });
    });
  }
  return problems;
}

/** The column tree as site.yaml writes it, in the model's shape. */
export function columnConfigs(columns: readonly ColumnInput[]): ColumnConfig[] {
  return columns.map((column) => ({ id: column.id, title: column.title, children: columnConfigs(column.children ?? []) }));
}

function siteFrom(data: SiteConfig, preview: boolean): Site {
  return {
    name: data.name,
    identifier: data.identifier,
    icp: data.icp,
    psb: data.psb,
    organizer: data.organizer,
    contact: data.contact,
    email: data.email,
    url: siteOrigin(data.url),
    hsts: siteOrigin(data.url).startsWith('https:') && data.hsts !== false,
    preview,
    description: data.description,
    columns: columnConfigs(data.columns),
  };
}

export interface Registries {
  /** Present only when both registries are free of errors. */
  valid: { site: Site; settings: SiteConfig; siteParsed: ParsedYaml } | undefined;
  agencies: Agency[];
  /** Display paths of the two files. */
  files: { site: string; agencies: string };
  problems: Problem[];
}

export async function readRegistries(contentDir: string, display: (path: string) => string, unreadable: ReadonlySet<string>, preview: boolean): Promise<Registries> {
  const files = { site: display(join(contentDir, 'site.yaml')), agencies: display(join(contentDir, 'agencies.yaml')) };
  const siteFile = await loadYamlFile(contentDir, 'site.yaml', display, siteSchema, unreadable);
  const problems = [...siteFile.problems];
  if (siteFile.data && siteFile.parsed) {
    problems.push(...columnProblems(siteFile.data.columns, files.site, siteFile.parsed));
    problems.push(...siteProblems(siteFile.data, files.site, siteFile.parsed, preview));
  }
  const agenciesFile = await loadYamlFile(contentDir, 'agencies.yaml', display, agenciesSchema, unreadable);
  problems.push(...agenciesFile.problems);
  const agencies: Agency[] = (agenciesFile.data ?? []).map((a) => ({ id: a.id, name: a.name, short: a.short, code: a.code }));
  if (agenciesFile.parsed) problems.push(...duplicateAgencyProblems(agencies, files.agencies, agenciesFile.parsed));
  const valid =
    siteFile.data && siteFile.parsed && agenciesFile.data && !hasErrors(problems)
      ? { site: siteFrom(siteFile.data, preview), settings: siteFile.data, siteParsed: siteFile.parsed }
      : undefined;
  return { valid, agencies, files, problems };
}
