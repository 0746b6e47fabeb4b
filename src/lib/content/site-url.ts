import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Used when site.yaml gives no `url`: links in RSS and the sitemap then point at a local preview. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/**
 * The site's public URL from site.yaml, for Astro's `site` option (sitemap,
 * canonical links). Any problem with the file falls back to the default:
 * the content check reports it properly.
 */
export function readSiteUrl(contentDir: string): string {
  try {
    const site = parse(readFileSync(join(contentDir, 'site.yaml'), 'utf8').replace(/^\uFEFF/, '')) as { url?: unknown };
    if (typeof site?.url === 'string' && /^https?:\/\//.test(site.url)) return site.url.replace(/\/+$/, '');
  } catch {
    // Reported by the content check.
  }
  return DEFAULT_SITE_URL;
}
