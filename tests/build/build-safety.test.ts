/**
 * The build never destroys anything and never hangs: a crashed render
 * worker fails the check naming the file, an interrupted build keeps the
 * last good site, two builds at once do not trample each other, and `--out`
 * refuses folders the build does not own.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { projectCopy } from '../helpers/project-copy.ts';
import { projectRoot, runScript, type RunResult } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';
import { treeHash } from '../helpers/tree-hash.ts';

const base = { title: '测试文件', indexNumber: '449900-021/2021-00500', agency: 'jyj', column: 'jhzj', date: '2021-03-04' };
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

function expectRefused(result: RunResult, ...fragments: string[]) {
  expect(result.code, result.output).toBe(1);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
  expect(result.output).not.toMatch(STACK_TRACE);
}

describe('a render worker that crashes', () => {
  it.each(['exit', 'throw', 'overflow'])('(%s) fails the check and the build naming the file, quickly', (kind) => {
    const contentDir = copyFixture('portal');
    writeContentFile(contentDir, 'reports/2021/crash.md', reportSource(base, '第一段。\n\nCRASH-THIS-WORKER\n'));
    const env = { ZWGK_TEST_RENDER_CRASH: `${kind}:CRASH-THIS-WORKER` };
    const cacheDir = join(tempDir('cache'), 'c');
    const started = performance.now();
    const check = runScript('check', ['--content', contentDir, '--cache-dir', cacheDir], env);
    expect((performance.now() - started) / 1000).toBeLessThan(60);
    expectRefused(check, 'reports/2021/crash.md:8  错误  正文无法处理：处理进程崩溃');
    expect(check.stderr.match(/处理进程崩溃/g)).toHaveLength(1);
    const outDir = join(tempDir('out'), 'dist');
    expectRefused(runScript('build', ['--content', contentDir, '--out', outDir, '--cache-dir', cacheDir], env), 'reports/2021/crash.md:8', '构建已取消');
  });
});

/** `npm run build` in the background, in its own process group so the test can signal the whole tree. */
function startBuild(args: string[]) {
  const child = spawn(process.execPath, [`${projectRoot}scripts/build.ts`, ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' }, detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  const ended = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, ended };
}

async function waitFor(condition: () => boolean, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('--out never destroys anything', () => {
  it('refuses the content folder, a folder holding it, a git repository, the project, a folder it did not write; touches nothing', () => {
    const contentDir = copyFixture('portal');
    const scratch = tempDir('out');
    const repo = join(scratch, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const notes = join(scratch, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'todo.txt'), '我的笔记');
    const cases: [string, string][] = [
      [contentDir, '与内容文件夹'],
      [join(contentDir, 'reports'), '与内容文件夹'],
      [join(contentDir, '..'), '与内容文件夹'],
      [repo, 'git 仓库'],
      [notes, '不是本工具生成的'],
    ];
    const before = treeHash(join(contentDir, '..'));
    for (const [out, message] of cases) {
      for (let second = 0; second < 2; second++) expectRefused(runScript('build', ['--content', contentDir, '--out', out]), '已停止，没有改动任何文件', message);
    }
    // With empty content, so that a build without this guard stops at the check instead of moving the project aside.
    const emptyContent = tempDir('empty');
    for (const [out, message] of [[projectRoot, '包含整个项目'], [join(projectRoot, 'src'), '在项目文件夹之内']]) {
      expectRefused(runScript('build', ['--content', emptyContent, '--out', out!]), '已停止，没有改动任何文件', message!);
    }
    // The cache folder too: check and build write and delete inside it.
    for (const script of ['check', 'build']) expectRefused(runScript(script, ['--content', contentDir, '--cache-dir', notes]), '缓存文件夹（--cache-dir）', '不是本工具生成的');
    expect(treeHash(join(contentDir, '..'))).toBe(before);
    expect(readdirSync(scratch).sort()).toEqual(['notes', 'repo']);
    expect(readdirSync(notes)).toEqual(['todo.txt']);
    expect(existsSync(join(projectRoot, 'src.staging'))).toBe(false);
  });

  it('refuses an output folder, or the staging or previous folder beside it, that is a symlink; the folder linked to is untouched', () => {
    const contentDir = copyFixture('portal');
    const scratch = tempDir('out');
    const victim = join(scratch, 'victim');
    mkdirSync(victim);
    writeFileSync(join(victim, 'notes.txt'), '我的笔记');
    for (const linked of ['site', 'site.staging', 'site.previous']) {
      const outDir = join(scratch, `${linked.replace('site', 'out')}-case`, 'site');
      mkdirSync(join(outDir, '..'), { recursive: true });
      symlinkSync(victim, join(outDir, '..', linked));
      for (let second = 0; second < 2; second++) expectRefused(runScript('build', ['--content', contentDir, '--out', outDir]), '已停止，没有改动任何文件', '是一个符号链接');
    }
    expect(readdirSync(victim)).toEqual(['notes.txt']);
  });

  it('rebuilds into a new top-level folder of the project it built before', () => {
    const contentDir = copyFixture('portal');
    const outDir = join(projectRoot, `site-test-${process.pid}`);
    try {
      for (let build = 0; build < 2; build++) {
        const result = runScript('build', ['--content', contentDir, '--out', outDir, '--cache-dir', join(tempDir('cache'), 'c')]);
        expect(result.code, result.output).toBe(0);
      }
      expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    } finally {
      for (const folder of [outDir, `${outDir}.previous`, `${outDir}.staging`]) rmSync(folder, { recursive: true, force: true });
      rmSync(`${outDir}.lock`, { force: true });
    }
  });

  /** A folder on another file system than the project (tmpfs), when the machine has one. */
  const otherDisk = ['/dev/shm', '/run/user'].find((folder) => {
    try {
      return statSync(folder).dev !== statSync(projectRoot).dev && (accessSync(folder, constants.W_OK), true);
    } catch {
      return false;
    }
  });

  it.skipIf(!otherDisk)('builds and rebuilds into an --out on another disk than the project (/srv/www on its own disk), the same site as on the project’s', () => {
    const contentDir = copyFixture('portal');
    const cacheDir = join(tempDir('cache'), 'c');
    const outDir = join(otherDisk!, `zwgk-out-test-${process.pid}`);
    const sameDisk = join(tempDir('out'), 'site');
    try {
      for (let build = 0; build < 2; build++) {
        const result = runScript('build', ['--content', contentDir, '--out', outDir, '--cache-dir', cacheDir]);
        expect(result.code, result.output).toBe(0);
      }
      expect(runScript('build', ['--content', contentDir, '--out', sameDisk, '--cache-dir', join(tempDir('cache'), 'c')]).code).toBe(0);
      expect(treeHash(outDir)).toBe(treeHash(sameDisk));
    } finally {
      for (const folder of [outDir, `${outDir}.previous`, `${outDir}.staging`]) rmSync(folder, { recursive: true, force: true });
      rmSync(`${outDir}.lock`, { force: true });
    }
  });

  it('refuses a cache folder in public/ or src/, whose files the site publishes or compiles', () => {
    const contentDir = copyFixture('portal');
    for (const cacheDir of [join(projectRoot, 'public', 'zwgk-cache-test'), join(projectRoot, 'src', 'zwgk-cache-test')]) {
      expectRefused(runScript('check', ['--content', contentDir, '--cache-dir', cacheDir]), '已停止，没有改动任何文件', '缓存只能放在项目根目录下的文件夹或 node_modules/ 中');
      expect(existsSync(cacheDir)).toBe(false);
    }
  });

  it('builds into a new or empty folder and rebuilds a site it built; the marker is a dotfile', () => {
    const contentDir = copyFixture('portal');
    const outDir = join(tempDir('out'), 'site');
    mkdirSync(outDir);
    const cacheDir = join(tempDir('cache'), 'c');
    for (let build = 0; build < 2; build++) {
      const result = runScript('build', ['--content', contentDir, '--out', outDir, '--cache-dir', cacheDir]);
      expect(result.code, result.output).toBe(0);
    }
    expect(existsSync(join(outDir, '.zwgk-output'))).toBe(true);
    expect(existsSync(join(`${outDir}.previous`, '.zwgk-output'))).toBe(true);
  });
});

/** Every path in a folder, empty folders included. */
const listing = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();

describe('Astro’s intermediate files stay in the project', () => {
  it('an --out beside the project whose path starts with the project’s (/srv/portal-site for /srv/portal) builds', () => {
    const root = projectCopy();
    const outDir = `${root}-site`;
    const result = runScript('build', ['--content', copyFixture('portal'), '--out', outDir, '--cache-dir', join(tempDir('cache'), 'c')], {}, root, root);
    expect(result.code, result.output).toBe(0);
    expect(listing(outDir).filter((path) => path.includes('.prerender'))).toEqual([]);
  });

  it('run from the content folder, writes nothing there, whether the build succeeds or fails', () => {
    const contentDir = copyFixture('portal');
    const before = { files: treeHash(contentDir), paths: listing(contentDir) };
    const args = ['--content', '.', '--out', join(tempDir('out'), 'dist'), '--cache-dir', join(tempDir('cache'), 'c')];
    const built = runScript('build', args, {}, contentDir);
    expect(built.code, built.output).toBe(0);
    expect({ files: treeHash(contentDir), paths: listing(contentDir) }).toEqual(before);
    // Pages whose paths cannot be listed: Astro has written its chunks by then.
    const root = projectCopy();
    mkdirSync(join(root, 'src/pages/broken'));
    writeFileSync(join(root, 'src/pages/broken/[id].astro'), "---\nexport function getStaticPaths() {\n  throw new Error('无法列出页面');\n}\n---\n");
    expectRefused(runScript('build', args, {}, contentDir, root), '构建失败：无法列出页面');
    expect({ files: treeHash(contentDir), paths: listing(contentDir) }).toEqual(before);
    expect(listing(root).filter((path) => path.includes('.prerender'))).toEqual([]);
  });
});

describe('a page that fails to render', () => {
  it('fails the build naming the error; the site, its rollback copy and no staging folder are left', () => {
    const contentDir = copyFixture('portal');
    const root = projectCopy();
    const outDir = join(tempDir('out'), 'dist');
    const args = ['--content', contentDir, '--out', outDir, '--cache-dir', join(tempDir('cache'), 'c')];
    for (let build = 0; build < 2; build++) expect(runScript('build', args, {}, root, root).code).toBe(0);
    const site = treeHash(outDir);
    // One page of many throws while the others are still being written.
    mkdirSync(join(root, 'src/pages/broken'));
    writeFileSync(
      join(root, 'src/pages/broken/[id].astro'),
      "---\nexport function getStaticPaths() {\n  return Array.from({ length: 300 }, (_, i) => ({ params: { id: String(i) } }));\n}\nif (Astro.params.id === '150') throw new Error('第 150 页出错');\n---\n<p>{Astro.params.id}</p>\n",
    );
    const failed = runScript('build', args, {}, root, root);
    expect(failed.code, failed.output).toBe(1);
    expect(failed.stderr).toContain('构建失败');
    expect(failed.stderr).toContain('第 150 页出错');
    expect(treeHash(outDir)).toBe(site);
    expect(existsSync(join(`${outDir}.previous`, '.zwgk-output'))).toBe(true);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});

describe('builds at the same time and interrupted builds', () => {
  it('two builds at once on the same folders: the second waits, both succeed, the site is complete', async () => {
    const contentDir = copyFixture('portal');
    const outDir = join(tempDir('out'), 'dist');
    const cacheDir = join(tempDir('cache'), 'c');
    const args = ['--content', contentDir, '--out', outDir, '--cache-dir', cacheDir];
    const [first, second] = await Promise.all([startBuild(args).ended, startBuild(args).ended]);
    for (const run of [first, second]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(first.stderr + second.stderr).toContain('另一个构建正在进行（进程 ');
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, '.zwgk-output'))).toBe(true);
    expect(existsSync(`${outDir}.lock`)).toBe(false);
  });

  it('a build killed while rendering keeps the site and its rollback copy; a stale lock is taken over', async () => {
    const contentDir = copyFixture('portal');
    const outDir = join(tempDir('out'), 'dist');
    const cacheDir = join(tempDir('cache'), 'c');
    const args = ['--content', contentDir, '--out', outDir, '--cache-dir', cacheDir];
    for (let build = 0; build < 2; build++) expect(runScript('build', args).code).toBe(0);
    writeContentFile(contentDir, 'reports/2021/new.md', reportSource(base));
    const site = treeHash(outDir);
    const rollback = treeHash(`${outDir}.previous`);
    expect(rollback).not.toBe('missing');

    const { child, ended } = startBuild([...args, '--cache-dir', join(tempDir('cache'), 'cold')]);
    const staging = join(`${outDir}.staging`, 'site');
    // Killed once Astro has written pages: the build is mid-render.
    await waitFor(() => existsSync(staging) && (readdirSync(staging, { recursive: true }) as string[]).some((file) => file.endsWith('.html')), 60);
    process.kill(-child.pid!, 'SIGTERM');
    await ended;
    expect(treeHash(outDir)).toBe(site);
    expect(treeHash(`${outDir}.previous`)).toBe(rollback);

    const next = runScript('build', args);
    expect(next.code, next.output).toBe(0);
    expect(existsSync(join(outDir, 'reports', '2021', 'new', 'index.html'))).toBe(true);
    expect(treeHash(`${outDir}.previous`)).toBe(site);
  });
});

describe('npm run screenshots --out', () => {
  it('replaces only its own screenshots, never other pictures in the folder', () => {
    const outDir = tempDir('shots');
    writeFileSync(join(outDir, 'photo.png'), 'an editor’s picture');
    writeFileSync(join(outDir, 'home.png'), 'an old screenshot');
    const result = runScript('screenshots', ['--dist', inject('fixture').outDir, '--out', outDir]);
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(readFileSync(join(outDir, 'photo.png'), 'utf8')).toBe('an editor’s picture');
    expect(readFileSync(join(outDir, 'home.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
