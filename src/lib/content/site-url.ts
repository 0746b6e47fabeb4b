import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The address a preview build uses when site.yaml gives no `url` (see site-checks.ts: only a preview may). */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The origin pages link to, without a trailing slash: site.yaml's `url`, else the local preview address. */
export function siteOrigin(url: unknown): string {
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url.replace(/\/+$/, '') : DEFAULT_SITE_URL;
}

/**
 * The site's public URL from site.yaml, for Astro's `site` option (sitemap,
 * canonical links). Any problem with the file falls back to the default:
 * the content check reports it properly, and refuses to build without a
 * `url` unless the build is a preview.
 */
export function readSiteUrl(contentDir: string): string {
  try {
    const site = parse(readFileSync(join(contentDir, 'site.yaml'), 'utf8').replace(/^\uFEFF/, '')) as { url?: unknown };
    return siteOrigin(site?.url);
  } catch {
    return DEFAULT_SITE_URL;
  }
}
