/**
 * What the server config enforces, under real nginx with deploy/nginx.conf,
 * on a site built from the fixture plus reports with Chinese and dotted
 * file names, a body heading named like a layout id, an image attachment
 * and bidi characters:
 *  - every name the check accepts is published at a working URL (sitemap, fetch);
 *  - no page has a duplicate id; no control or bidi character is published;
 *  - attachments are downloads with a sandbox CSP: an HTML or SVG file left in
 *    attachments/ runs no script, while images in bodies still display;
 *  - hidden files (the build's own .zwgk-output marker too) and /_headers are 404; HSTS only over HTTPS;
 *  - preview:nginx on a busy port says so and exits 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { load } from 'cheerio';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { findNginx, localSiteConfig, mainConfig, startPreview, type RunningPreview } from '../../scripts/lib/nginx.ts';
import { htmlFiles } from '../helpers/dist.ts';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { projectRoot, runScript } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';

const SECRET = 'SECRET-3e5a-dotfile';
const accepted = [
  { file: '2024/工作总结.md', title: '中文文件名的工作总结', indexNumber: '449900-000/2024-00001' },
  { file: '2024/v1.2-方案.md', title: '带点号文件名的方案', indexNumber: '449900-000/2024-00002' },
  { file: '2024/a_b-c.md', title: '下划线和连字符的文件名', indexNumber: '449900-000/2024-00003' },
  { file: '２０２４年/报告.md', title: '全角数字文件夹中的报告', indexNumber: '449900-000/2024-00004' },
];

function png(): Buffer {
  const image = new PNG({ width: 40, height: 20 });
  image.data.fill(0x80);
  return PNG.sync.write(image);
}

let outDir = '';
/** The search index's versioned folder in the built site. */
let indexVersion = '';
let nginx: RunningPreview;
let browser: Browser;

beforeAll(async () => {
  const contentDir = copyFixture('portal');
  writeContentFile(contentDir, 'attachments/2024/chart.png', png());
  writeContentFile(contentDir, 'attachments/2024/方案.pdf', '%PDF-1.4 示例');
  for (const [i, report] of accepted.entries()) {
    const body =
      i === 0
        ? '## main\n\n正文第一段\u202E倒序\u2066隔离\u2069。\n\n## toc-heading\n\n第二段&#x202E;。\n\n<img src="/attachments/2024/chart.png" alt="统计图表">\n\n## attachments-heading\n\n第三段。'
        : `${report.title}的正文。`;
    const extra = i === 1 ? 'attachments:\n  - title: 方案全文\n    file: 2024/方案.pdf\n' : '';
    writeContentFile(contentDir, `reports/${report.file}`, reportSource({ title: report.title, indexNumber: report.indexNumber, agency: 'xzf', column: 'zcjd', date: `2024-01-0${i + 1}` }, body, extra));
  }
  writeContentFile(contentDir, 'reports/2024/bidi.md', reportSource({ title: '"标题\\u202E倒序"', indexNumber: '449900-000/2024-00009', agency: 'xzf', column: 'zcjd', date: '2024-02-01' }, '正文。'));
  outDir = join(tempDir('safe-site'), 'dist');
  const build = runScript('build', ['--content', contentDir, '--out', outDir]);
  if (build.code !== 0) throw new Error(build.output);

  // Files a careless operator might leave in the served folder.
  mkdirSync(join(outDir, '.git'), { recursive: true });
  writeFileSync(join(outDir, '.git', 'config'), `[remote "origin"]\n  url = ${SECRET}\n`);
  writeFileSync(join(outDir, 'attachments', '.env'), `TOKEN=${SECRET}\n`);
  indexVersion = readdirSync(join(outDir, 'search-index')).find((name) => name.startsWith('v'))!;
  writeFileSync(join(outDir, 'search-index', indexVersion, '.env'), `TOKEN=${SECRET}\n`);
  writeFileSync(join(outDir, 'attachments', 'notice.html'), '<!doctype html><title>通知</title><script src="/attachments/helper.js"></script><script>fetch("/ran-inline")</script><img src="x" onerror="fetch(\'/ran-onerror\')">');
  writeFileSync(join(outDir, 'attachments', 'helper.js'), 'fetch("/ran-helper");');
  writeFileSync(join(outDir, 'attachments', 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'/ran-svg-onload\')"><script>fetch("/ran-svg-script")</script><script href="/attachments/helper.js"/></svg>');

  nginx = await startPreview(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  nginx?.stop();
});

describe('every report name the check accepts is published at a working URL', () => {
  it('is in the XML sitemap and answers there under nginx, with its title', async () => {
    const index = await (await fetch(`${nginx.origin}/sitemap-index.xml`)).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    const locs = (await Promise.all(sitemaps.map(async (path) => (await fetch(nginx.origin + path)).text()))).flatMap((xml) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname));
    for (const report of accepted) {
      const path = `/reports/${report.file.replace(/\.md$/, '').split('/').map(encodeURIComponent).join('/')}/`;
      expect(locs).toContain(path);
      const response = await fetch(nginx.origin + path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain(report.title);
    }
  });
});

describe('what reaches the pages', () => {
  it('no page has two elements with the same id, and the body heading “main” got its own', () => {
    for (const file of htmlFiles(outDir)) {
      const $ = load(readFileSync(join(outDir, file), 'utf8'));
      const ids = $('[id]').map((_, element) => $(element).attr('id')).get();
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), file).toEqual([]);
    }
    const $ = load(readFileSync(join(outDir, 'reports', '2024', '工作总结', 'index.html'), 'utf8'));
    expect($('main#main')).toHaveLength(1);
    expect($('.report-body h2').first().text()).toBe('main');
    expect($('.report-body h2').first().attr('id')).not.toBe('main');
  });

  it('no control character, bidi override or isolate is published, in pages, feeds or the search index', () => {
    const unsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    const text = ['rss.xml', ...readdirSync(outDir).filter((name) => name.startsWith('sitemap') && name.endsWith('.xml')), ...htmlFiles(outDir)];
    for (const file of text) expect(readFileSync(join(outDir, file), 'utf8'), file).not.toMatch(unsafe);
    // Documents are JSON text; term files are binary, with the terms' text in them.
    const indexDir = join(outDir, 'search-index');
    const indexFiles = (readdirSync(indexDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.bin'));
    expect(indexFiles.filter((file) => file.includes('/docs/')).length).toBeGreaterThan(5);
    for (const file of indexFiles) {
      const bytes = readFileSync(join(indexDir, file));
      const content = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
      expect(content, file).not.toMatch(file.includes('/docs/') ? unsafe : /[\u202a-\u202e\u2066-\u2069]/);
    }
  });
});

describe('attachments are downloads that run nothing', () => {
  it('are sent with Content-Disposition: attachment, a sandbox CSP and nosniff', async () => {
    const response = await fetch(`${nginx.origin}/attachments/2024/chart.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment');
    expect(response.headers.get('content-security-policy')).toMatch(/(^|,\s*)sandbox($|,)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await fetch(`${nginx.origin}/reports/2024/${encodeURIComponent('工作总结')}/`);
    expect(page.headers.get('content-disposition')).toBeNull();
    expect(page.headers.get('content-security-policy')).not.toContain('sandbox');
  });

  it('an image attachment in a body still displays in Chromium', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${nginx.origin}/reports/2024/${encodeURIComponent('工作总结')}/`, { waitUntil: 'networkidle' });
    const image = page.locator('.report-body img[alt="统计图表"]');
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(40);
    await context.close();
  });

  it.each(['/attachments/notice.html', '/attachments/chart.svg', '/attachments/helper.js'])('%s opened in Chromium is downloaded and runs no script', async (path) => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await page.goto(nginx.origin + path).catch(() => undefined); // navigation is aborted by the download
    expect((await download).suggestedFilename()).toBe(path.split('/').at(-1));
    // A browser that ignored Content-Disposition and showed the file would still run none of its script.
    await page.route('**/attachments/**', async (route) => {
      const response = await route.fetch();
      const { 'content-disposition': _disposition, ...headers } = response.headers();
      await route.fulfill({ response, headers });
    });
    const shown = await page.goto(nginx.origin + path, { waitUntil: 'networkidle' });
    // The browser shows the file itself (so the check below is not of an error page), with the type nginx sent.
    expect(await page.evaluate(() => document.contentType)).toBe(shown!.headers()['content-type']!.split(';')[0]);
    expect(requested.filter((url) => url.startsWith('/ran-'))).toEqual([]);
    await context.close();
  });
});

describe('what the server refuses to serve', () => {
  it.each(['/.git/config', '/attachments/.env', '/_headers', '/.zwgk-output', '/.git/', '/attachments/%2eenv', '/search-index/VERSION/.env'])('%s is not found', async (path) => {
    const response = await fetch(nginx.origin + path.replace('VERSION', indexVersion));
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('Content-Security-Policy:');
  });

  it('sends no HSTS over plain HTTP', async () => {
    expect((await fetch(`${nginx.origin}/`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS over HTTPS', async () => {
    const work = tempDir('tls');
    const key = join(work, 'key.pem');
    const cert = join(work, 'cert.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const port = await freePort();
    const options = { port, root: outDir, workDir: work };
    const site = localSiteConfig(readFileSync(join(projectRoot, 'deploy', 'nginx.conf'), 'utf8'), options).replace(
      `listen 127.0.0.1:${port};`,
      `listen 127.0.0.1:${port} ssl;\n    ssl_certificate ${JSON.stringify(cert)};\n    ssl_certificate_key ${JSON.stringify(key)};`,
    );
    writeFileSync(join(work, 'site.conf'), site);
    writeFileSync(join(work, 'nginx.conf'), mainConfig(join(work, 'site.conf'), options));
    const server = spawn(findNginx()!, ['-c', join(work, 'nginx.conf'), '-p', work], { stdio: 'ignore' });
    try {
      let headers: Record<string, string | string[] | undefined> | undefined;
      for (let attempt = 0; attempt < 50 && !headers; attempt++) {
        headers = await new Promise((resolve) => {
          request({ host: '127.0.0.1', port, path: '/', rejectUnauthorized: false }, (response) => {
            response.resume();
            resolve(response.headers);
          })
            .on('error', () => setTimeout(() => resolve(undefined), 100))
            .end();
        });
      }
      expect(headers?.['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      server.kill('SIGTERM');
    }
  });
});

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('npm run preview:nginx on a port already in use', () => {
  it('says the port is taken, in Chinese, and exits 1 without announcing an address', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const result = runScript('preview-nginx', ['--port', String(port), '--root', outDir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`端口 ${port} 已被占用`);
      expect(result.stderr).not.toContain('nginx 正在');
    } finally {
      holder.close();
    }
  });
});
