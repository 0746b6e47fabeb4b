/**
 * The open-data files: the whole catalogue, one file per 年度 and one per
 * 发布机构, each as JSON and as CSV. Their URLs, their contents and their
 * keys for Astro's incremental build (a file is rendered again only when a
 * report it lists, or the site around it, changed).
 */
import { createHash } from 'node:crypto';
import type { Agency, Report } from '../model.ts';
import type { PortalIndex } from '../portal-index.ts';
import { csvDocument } from './csv.ts';
import { keptRecord } from './records.ts';

export const OPEN_DATA_FORMATS = ['json', 'csv'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

export type OpenDataScope = { kind: 'all' } | { kind: 'year'; year: number } | { kind: 'agency'; agency: Agency };

export interface OpenDataFile {
  scope: OpenDataScope;
  /** Newest first, as in the 信息公开目录. */
  reports: readonly Report[];
}

export const CONTENT_TYPES: Record<OpenDataFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** `/catalogue.json`, `/catalogue/2021.csv`, `/catalogue/agencies/mzj.json` */
export function openDataUrl(scope: OpenDataScope, format: OpenDataFormat): string {
  if (scope.kind === 'year') return `/catalogue/${scope.year}.${format}`;
  if (scope.kind === 'agency') return `/catalogue/agencies/${encodeURIComponent(scope.agency.id)}.${format}`;
  return `/catalogue.${format}`;
}

export function scopeTitle(scope: OpenDataScope): string {
  if (scope.kind === 'year') return `${scope.year}年度`;
  if (scope.kind === 'agency') return scope.agency.name;
  return '全部文件';
}

export const wholeCatalogue = (portal: PortalIndex): OpenDataFile => ({ scope: { kind: 'all' }, reports: portal.reports });

export type YearFile = OpenDataFile & { scope: Extract<OpenDataScope, { kind: 'year' }> };
export type AgencyFile = OpenDataFile & { scope: Extract<OpenDataScope, { kind: 'agency' }> };

export const yearFiles = (portal: PortalIndex): YearFile[] => portal.years.map((group) => ({ scope: { kind: 'year', year: group.key }, reports: group.items }));

/** Every registered agency has its file, like its listing page, even with no reports yet. */
export const agencyFiles = (portal: PortalIndex): AgencyFile[] => portal.byAgency.map((group) => ({ scope: { kind: 'agency', agency: group.key }, reports: group.items }));

export function openDataFiles(portal: PortalIndex): OpenDataFile[] {
  return [wholeCatalogue(portal), ...yearFiles(portal), ...agencyFiles(portal)];
}

/** Every file's URL, both formats. */
export function openDataUrls(portal: PortalIndex): string[] {
  return openDataFiles(portal).flatMap((file) => OPEN_DATA_FORMATS.map((format) => openDataUrl(file.scope, format)));
}

/** What the file says about itself and its site, before the reports. */
function header(portal: PortalIndex, scope: OpenDataScope) {
  return {
    site: { name: portal.site.name, url: `${portal.site.url}/` },
    ...(scope.kind === 'year' ? { year: scope.year } : {}),
    ...(scope.kind === 'agency' ? { agency: { id: scope.agency.id, name: scope.agency.name } } : {}),
  };
}

export function openDataKey(portal: PortalIndex, file: OpenDataFile, format: OpenDataFormat): string {
  const hash = createHash('sha256').update(JSON.stringify([format, header(portal, file.scope)]));
  for (const report of file.reports) hash.update(keptRecord(portal, report).digest);
  return hash.digest('base64url');
}

export function openDataBody(portal: PortalIndex, file: OpenDataFile, format: OpenDataFormat): string {
  const records = file.reports.map((report) => keptRecord(portal, report).record);
  if (format === 'csv') return csvDocument(records);
  // Compact, one report a line: small, and still readable and diffable.
  const head = JSON.stringify({ ...header(portal, file.scope), count: records.length });
  return `${head.slice(0, -1)},"reports":[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]}\n`;
}

export function openDataResponse(portal: PortalIndex, file: OpenDataFile, format: OpenDataFormat): Response {
  return new Response(openDataBody(portal, file, format), { headers: { 'Content-Type': CONTENT_TYPES[format] } });
}
