/**
 * Sizes of a built site: the whole of dist/, the search index, the largest
 * HTML page, and what a report page weighs for a reader — its HTML plus the
 * stylesheets and scripts it loads, gzip-compressed as the server sends them.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SEARCH_INDEX_URL } from '../../src/lib/search/filters.ts';
import { median } from './measure.ts';

export interface SiteStats {
  distBytes: number;
  searchIndexBytes: number;
  searchIndexFiles: number;
  htmlPages: number;
  largestHtml: { path: string; bytes: number };
  /** HTML + CSS + JS of a report page, gzip level 6; median and maximum over all report pages. */
  reportPageGzip: { median: number; max: number };
}

const gzipSize = (data: Buffer) => gzipSync(data, { level: 6 }).length;

/** Stylesheets and scripts a page loads from the site itself. */
function assetsOf(html: string): string[] {
  const assets = new Set<string>();
  for (const match of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(match[0])?.[1];
    if (href?.startsWith('/')) assets.add(href);
  }
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)) assets.add(match[1]!);
  return [...assets];
}

export async function siteStats(distDir: string): Promise<SiteStats> {
  const files = await readdir(distDir, { recursive: true, withFileTypes: true });
  let distBytes = 0;
  let searchIndexBytes = 0;
  let searchIndexFiles = 0;
  let htmlPages = 0;
  let largestHtml = { path: '', bytes: 0 };
  const assetGzip = new Map<string, number>();
  const reportWeights: number[] = [];
  const indexPrefix = SEARCH_INDEX_URL.replace(/^\/|\/$/g, '');
  for (const entry of files) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const sitePath = relative(distDir, path).split(sep).join('/');
    const { size } = await stat(path);
    distBytes += size;
    if (sitePath.startsWith(`${indexPrefix}/`)) {
      searchIndexBytes += size;
      searchIndexFiles++;
    }
    if (!entry.name.endsWith('.html')) continue;
    htmlPages++;
    if (size > largestHtml.bytes) largestHtml = { path: sitePath, bytes: size };
    if (!sitePath.startsWith('reports/')) continue;
    const html = await readFile(path);
    let weight = gzipSize(html);
    for (const asset of assetsOf(html.toString('utf8'))) {
      if (!assetGzip.has(asset)) assetGzip.set(asset, gzipSize(await readFile(join(distDir, asset))));
      weight += assetGzip.get(asset)!;
    }
    reportWeights.push(weight);
  }
  return {
    distBytes,
    searchIndexBytes,
    searchIndexFiles,
    htmlPages,
    largestHtml,
    reportPageGzip: { median: reportWeights.length ? median(reportWeights) : 0, max: reportWeights.length ? Math.max(...reportWeights) : 0 },
  };
}
