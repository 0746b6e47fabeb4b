/**
 * What search should find, worked out from the content files without the
 * index: a report matches a query when, for every phrase of the query, one
 * of its searchable fields (title, 索引号, 文号, 发布机构 name and short name,
 * 来源, 组配分类) or its Markdown body contains the phrase, both seen through
 * the search normalization. Used by the browser tests and the bench.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { decodeText, splitFrontMatter } from '../../src/lib/content/source.ts';
import { searchKey } from '../../src/lib/search/normalize.ts';
import { queryPhrases } from '../../src/lib/search/tokens.ts';
import { reportUrl } from '../../src/lib/urls.ts';

export interface ReportSearchText {
  url: string;
  /** Each searchable field and the body, normalized (searchKey). */
  keys: string[];
  /** The body as written, for picking queries. */
  body: string;
}

interface FrontMatter {
  title?: unknown;
  indexNumber?: unknown;
  docNumber?: unknown;
  agency?: unknown;
  source?: unknown;
  category?: unknown;
}

/** Markdown link targets are not text a reader sees. */
const withoutLinkTargets = (body: string) => body.replace(/\]\([^)]*\)/g, ']');

export function reportSearchTexts(contentDir: string): ReportSearchText[] {
  const agencies = (parseYaml(readFileSync(join(contentDir, 'agencies.yaml'), 'utf8')) ?? []) as { id: string; name: string; short?: string }[];
  const reportsDir = join(contentDir, 'reports');
  const files = (readdirSync(reportsDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.md')).sort();
  const texts: ReportSearchText[] = [];
  for (const file of files) {
    const decoded = decodeText(readFileSync(join(reportsDir, file)));
    if (!decoded.ok) continue;
    const { frontMatter, body } = splitFrontMatter(decoded.text);
    const meta = (parseYaml(frontMatter ?? '') ?? {}) as FrontMatter;
    const agency = agencies.find((candidate) => candidate.id === meta.agency || candidate.name === meta.agency);
    const fields = [meta.title, meta.indexNumber, meta.docNumber, agency?.name ?? meta.agency, agency?.short, meta.source, meta.category].map((value) => String(value ?? ''));
    const id = relative(reportsDir, join(reportsDir, file)).split(sep).join('/').replace(/\.md$/, '');
    texts.push({ url: reportUrl(id), keys: [...fields, withoutLinkTargets(body)].map(searchKey), body });
  }
  return texts;
}

/** The URLs of the reports that contain every phrase of `query`. */
export function reportsContaining(texts: readonly ReportSearchText[], query: string): string[] {
  const phrases = queryPhrases(query);
  if (phrases.length === 0) return [];
  return texts.filter(({ keys }) => phrases.every(({ key }) => keys.some((field) => field.includes(key)))).map(({ url }) => url);
}
