/**
 * The HTTP headers the portal is served with. deploy/nginx.conf spells them
 * out for nginx (a test keeps the two identical); the build writes them to
 * dist/_headers for static hosts that read that file.
 */

/** Nothing needs inline script, inline style or eval; nothing is loaded from another origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Attachments are downloaded, never shown as a page of the portal, and even
 * if a browser shows one it runs no script in it (the sandbox gives it an
 * origin of its own). Sent besides the site's own policy: both apply.
 */
export const ATTACHMENT_HEADERS: Readonly<Record<string, string>> = {
  'Content-Disposition': 'attachment',
  'Content-Security-Policy': 'sandbox',
};

export const ATTACHMENTS_PATH = '/attachments/*';

/**
 * The search index's versioned files are fetched by the search page's
 * script, never shown, and a query reads tens of them: nginx sends them only
 * these (and the cache rule), a few hundred bytes instead of the page
 * headers' 900 on each; should one be opened, the policy forbids everything.
 * In `_headers` they come besides the site's own (hosts reading that file
 * join the blocks a path matches; both policies then apply).
 */
export const SEARCH_INDEX_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'X-Content-Type-Options': 'nosniff',
};

export const SEARCH_INDEX_FILES_PATH = '/search-index/v*';

/** Sent when the site is served over HTTPS: browsers then refuse plain HTTP to it for a year. Not for subdomains. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** Cache lifetimes by path, most specific first (`*` matches the rest of a path). */
export const CACHE_RULES: readonly { path: string; cacheControl: string }[] = [
  { path: '/_astro/*', cacheControl: 'public, max-age=31536000, immutable' },
  { path: SEARCH_INDEX_FILES_PATH, cacheControl: 'public, max-age=31536000, immutable' },
  { path: ATTACHMENTS_PATH, cacheControl: 'public, max-age=86400' },
  { path: '/*', cacheControl: 'public, max-age=300, must-revalidate' },
];

/** Headers of some paths besides the cache rule. */
const PATH_HEADERS: Readonly<Record<string, Readonly<Record<string, string>>>> = { [ATTACHMENTS_PATH]: ATTACHMENT_HEADERS, [SEARCH_INDEX_FILES_PATH]: SEARCH_INDEX_HEADERS };

/**
 * The `_headers` file read by Netlify, Cloudflare Pages and similar hosts. A
 * request matching several paths gets every block's headers (the two
 * Content-Security-Policy values of an attachment are joined into two policies).
 */
export function headersFile({ hsts }: { hsts: boolean }): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${[
    block('/*', { ...SECURITY_HEADERS, ...(hsts ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}) }),
    ...CACHE_RULES.map((rule) => block(rule.path, { 'Cache-Control': rule.cacheControl, ...(PATH_HEADERS[rule.path] ?? {}) })),
  ].join('\n\n')}\n`;
}
