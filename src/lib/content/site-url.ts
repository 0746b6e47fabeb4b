/** The address a preview build uses when site.yaml gives no `url` (see site-checks.ts: only a preview may). */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The origin pages link to, without a trailing slash: site.yaml's `url`, else the local preview address. */
export function siteOrigin(url: unknown): string {
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url.replace(/\/+$/, '') : DEFAULT_SITE_URL;
}
