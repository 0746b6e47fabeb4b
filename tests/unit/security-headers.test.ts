import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_HEADERS, ATTACHMENTS_PATH, CACHE_RULES, headersFile, SEARCH_INDEX_FILES_PATH, SEARCH_INDEX_HEADERS, SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from '../../src/lib/security-headers.ts';
import { projectRoot } from '../helpers/run.ts';

const nginx = readFileSync(join(projectRoot, 'deploy/nginx.conf'), 'utf8');
/** The search index's own location; its add_header lines replace the server's. */
const indexLocation = /^\s*location ~ \^\/search-index\/v \{[^}]*\}/m.exec(nginx)?.[0] ?? '';
const headersIn = (text: string) => Object.fromEntries([...text.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)].map((match) => [match[1], match[2]]));
const nginxHeaders = headersIn(nginx.replace(indexLocation, ''));

describe('one set of headers for every server', () => {
  it('deploy/nginx.conf sends exactly the security headers the project defines', () => {
    const { 'Cache-Control': _cache, ...security } = nginxHeaders;
    expect(security).toEqual(SECURITY_HEADERS);
  });

  it('deploy/nginx.conf caches by the same rules', () => {
    for (const rule of CACHE_RULES) expect(nginx).toContain(`"${rule.cacheControl}"`);
  });

  it('the CSP allows no inline script, eval or inline style', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy']!;
    const sources = csp.split(/[;\s]+/);
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('_headers lists them for every path, with cache rules per path', () => {
    const file = headersFile({ hsts: false });
    const blocks = file.trim().split('\n\n').map((block) => block.split('\n'));
    expect(blocks[0]![0]).toBe('/*');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(blocks[0]).toContain(`  ${name}: ${value}`);
    expect(blocks.slice(1).map((block) => [block[0], block[1]])).toEqual(CACHE_RULES.map((rule) => [rule.path, `  Cache-Control: ${rule.cacheControl}`]));
  });

  it('_headers serves attachments as sandboxed downloads, like nginx', () => {
    const blocks = headersFile({ hsts: false }).trim().split('\n\n').map((block) => block.split('\n'));
    const attachments = blocks.find((block) => block[0] === ATTACHMENTS_PATH)!;
    for (const [name, value] of Object.entries(ATTACHMENT_HEADERS)) expect(attachments).toContain(`  ${name}: ${value}`);
    expect(ATTACHMENT_HEADERS['Content-Disposition']).toBe('attachment');
    expect(ATTACHMENT_HEADERS['Content-Security-Policy']).toBe('sandbox');
    const mapped = (variable: string) => new RegExp(`map \\$uri \\$${variable} \\{\\s*~\\^/attachments/\\s+"([^"]*)";\\s*default\\s+"";`).exec(nginx)?.[1];
    expect(mapped('zwgk_attachment_disposition')).toBe(ATTACHMENT_HEADERS['Content-Disposition']);
    expect(mapped('zwgk_attachment_csp')).toBe(ATTACHMENT_HEADERS['Content-Security-Policy']);
    expect(nginx).toMatch(/^\s*add_header Content-Disposition \$zwgk_attachment_disposition always;/m);
    expect(nginx).toMatch(/^\s*add_header Content-Security-Policy \$zwgk_attachment_csp always;/m);
  });

  it('the search index’s files: nginx sends them only their own headers, the cache rule and HSTS; _headers adds them to the site’s', () => {
    expect(headersIn(indexLocation)).toEqual(SEARCH_INDEX_HEADERS);
    expect(indexLocation).toMatch(/add_header Cache-Control \$zwgk_cache_control always;/);
    expect(indexLocation).toMatch(/add_header Strict-Transport-Security \$zwgk_hsts always;/);
    const policy = SEARCH_INDEX_HEADERS['Content-Security-Policy']!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('sandbox');
    const block = headersFile({ hsts: false }).trim().split('\n\n').map((lines) => lines.split('\n')).find((lines) => lines[0] === SEARCH_INDEX_FILES_PATH)!;
    for (const [name, value] of Object.entries(SEARCH_INDEX_HEADERS)) expect(block).toContain(`  ${name}: ${value}`);
  });

  it('HSTS: in _headers when the site is https, and in nginx on https requests, with the same value', () => {
    expect(headersFile({ hsts: true }).split('\n\n')[0]).toContain(`  Strict-Transport-Security: ${STRICT_TRANSPORT_SECURITY}`);
    expect(headersFile({ hsts: false })).not.toContain('Strict-Transport-Security');
    expect(/map \$scheme \$zwgk_hsts \{\s*https\s+"([^"]*)";\s*default\s+"";/.exec(nginx)?.[1]).toBe(STRICT_TRANSPORT_SECURITY);
    expect(nginx).toMatch(/^\s*add_header Strict-Transport-Security \$zwgk_hsts always;/m);
  });
});
