/**
 * `npm run dev` shows what `npm run build` publishes: a report page, an
 * attachment it lists (with the attachment headers) and the search index,
 * and it checks an edit again and shows it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, writeContentFile } from '../helpers/fixture-site.ts';
import { projectRoot, withoutTestMode } from '../helpers/run.ts';
import { SearchIndexReader } from '../../src/lib/search/query.ts';
import { searchKey } from '../../src/lib/search/normalize.ts';

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

  it('after edits in quick succession, serves a search index that finds each of them', async () => {
    const edits = ['reports/2019/jyj-jihua.md', 'reports/2020/jyj-zongjie.md', 'reports/2019/jyj-jihua.md'].map((file, n) => ({ file, phrase: `连续编辑第${'一二三'[n]}处` }));
    for (const { file, phrase } of edits) {
      const path = join(contentDir, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, `\n---\n\n${phrase}。\n`));
      // Past the dev server's wait for an editor's writes to settle, so each edit starts its own index build.
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const found = async (phrase: string) => {
      const reader = await SearchIndexReader.open({
        json: async (path) => (await fetch(`${origin}/search-index/${path}`)).json(),
        bytes: async (path) => new Uint8Array(await (await fetch(`${origin}/search-index/${path}`)).arrayBuffer()),
      });
      return Promise.all((await reader.search([searchKey(phrase)], {}, 'newest')).map(async (doc) => (await reader.document(doc)).id));
    };
    await waitFor(async () => (await found(edits[2]!.phrase)).length === 1, 60).catch((error: Error) => {
      throw new Error(`${error.message}:\n${output}`);
    });
    expect(await found(edits[0]!.phrase)).toEqual(['2019/jyj-jihua']);
    expect(await found(edits[1]!.phrase)).toEqual(['2020/jyj-zongjie']);
    expect(output).not.toMatch(/搜索索引[:：]|Error/);
  }, 90_000);

  // Last: Vite logs each refusal as an error, which the test above looks for.
  it('serves none of the project’s or the content’s other files, however asked (npm run dev -- --host shows it to the network)', async () => {
    const files = ['package.json', 'astro.config.mjs', 'scripts/build.ts', 'tests/helpers/run.ts', 'README.md'];
    const asked = [
      ...files.flatMap((file) => [`/${file}`, `/${file}?raw`, `/@fs${join(projectRoot, file)}?raw`]),
      ...['site.yaml', 'reports/2019/jyj-jihua.md'].flatMap((file) => [`/@fs${join(contentDir, file)}`, `/@fs${join(contentDir, file)}?raw`]),
    ];
    for (const path of asked) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).not.toBe(200);
      const body = await response.text();
      expect(body, path).not.toContain('zwgk-portal');
      expect(body, path).not.toContain('样例县教育局2019年度工作计划');
    }
  });

  it('serves none of the build cache in node_modules/.cache (it holds every report, unpublished ones too)', async () => {
    const parsed = `parsed/${createHash('sha256').update(contentDir).digest('hex').slice(0, 16)}.json`;
    const cacheDir = join(projectRoot, 'node_modules/.cache/zwgk');
    expect(existsSync(join(cacheDir, parsed))).toBe(true);
    for (const file of [parsed, 'known-folders.json']) {
      for (const path of [`/node_modules/.cache/zwgk/${file}`, `/@fs${join(cacheDir, file)}`, `/@fs${join(cacheDir, file)}?raw`]) {
        const response = await fetch(`${origin}${path}`);
        expect(response.status, path).not.toBe(200);
        expect(await response.text(), path).not.toContain('样例县教育局2019年度工作计划');
      }
    }
  });
});
