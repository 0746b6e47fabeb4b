/**
 * `npm run dev` shows what `npm run build` publishes: a report page, an
 * attachment it lists (with the attachment headers) and the search index,
 * and it checks an edit again and shows it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, writeContentFile } from '../helpers/fixture-site.ts';
import { projectRoot, withoutTestMode } from '../helpers/run.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it is true or `seconds` pass. */
async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`not ready within ${seconds} s`);
}

describe('npm run dev', () => {
  const contentDir = copyFixture('portal');
  writeContentFile(contentDir, 'attachments/2019/not-listed.txt', '没有文件列出或链接的附件');
  let origin = '';
  let dev: ChildProcess;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: projectRoot,
      env: { ...withoutTestMode(), ZWGK_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    dev.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    dev.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    // A request made while Vite re-optimizes dependencies may never be answered: ask again.
    await waitFor(async () => (await fetch(`${origin}/`, { signal: AbortSignal.timeout(15_000) })).ok, 150).catch((error: Error) => {
      throw new Error(`${error.message}:\n${output}`);
    });
  }, 200_000);

  afterAll(() => {
    dev?.kill();
  });

  it('serves a report page', async () => {
    const response = await fetch(`${origin}/reports/2019/jyj-jihua/`);
    expect(response.status, output).toBe(200);
    expect(await response.text()).toContain('样例县教育局2019年度工作计划');
  });

  it('serves an attachment the report lists, as a download, and no other file of the folder', async () => {
    const response = await fetch(`${origin}/attachments/2019/${encodeURIComponent('学校名单')}.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment');
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    expect(await response.text()).toBe(readFileSync(join(contentDir, 'attachments/2019/学校名单.txt'), 'utf8'));
    expect((await fetch(`${origin}/attachments/2019/not-listed.txt`)).status).toBe(404);
  });

  it('serves the search index the search page reads', async () => {
    const response = await fetch(`${origin}/search-index/manifest.json`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as { documents: number };
    expect(manifest.documents).toBeGreaterThan(0);
  });

  it('checks an edit again and shows it', async () => {
    const path = join(contentDir, 'reports/2019/jyj-jihua.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('title: 样例县教育局2019年度工作计划', 'title: 样例县教育局2019年度工作计划（修订）'));
    await waitFor(async () => (await (await fetch(`${origin}/reports/2019/jyj-jihua/`)).text()).includes('工作计划（修订）'), 60);
  }, 90_000);
});
