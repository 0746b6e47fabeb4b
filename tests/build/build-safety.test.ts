/**
 * The build never destroys anything and never hangs: a crashed render
 * worker fails the check naming the file, an interrupted build keeps the
 * last good site, two builds at once do not trample each other, and `--out`
 * refuses folders the build does not own.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { runScript, type RunResult } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';

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
