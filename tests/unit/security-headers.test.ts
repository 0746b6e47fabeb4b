import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_RULES, headersFile, SECURITY_HEADERS } from '../../src/lib/security-headers.ts';
import { projectRoot } from '../helpers/run.ts';

const nginx = readFileSync(join(projectRoot, 'deploy/nginx.conf'), 'utf8');
const nginxHeaders = Object.fromEntries(
  [...nginx.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)].map((match) => [match[1], match[2]]),
);

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
    const file = headersFile();
    const blocks = file.trim().split('\n\n').map((block) => block.split('\n'));
    expect(blocks[0]![0]).toBe('/*');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(blocks[0]).toContain(`  ${name}: ${value}`);
    expect(blocks.slice(1).map((block) => [block[0], block[1]])).toEqual(CACHE_RULES.map((rule) => [rule.path, `  Cache-Control: ${rule.cacheControl}`]));
  });
});
