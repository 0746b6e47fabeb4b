/**
 * Hostile content through the real commands: `npm run check` and
 * `npm run build` refuse it with a located Chinese message and no stack
 * trace, before anything is written, and nothing from outside the content
 * folder ever reaches the output.
 */
import { cpSync, existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { html, text } from '../helpers/dist.ts';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { runScript, type RunResult } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';
import { treeHash } from '../helpers/tree-hash.ts';

const base = { title: '测试文件', indexNumber: '449900-021/2021-00500', agency: 'jyj', column: 'jhzj', date: '2021-03-04' };
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const CANARY = 'CANARY-7b1d-must-never-be-published';

/** A copy of the fixture five levels below a scratch root, the output four levels below it, and canaries beside them. */
function deepLayout() {
  const root = tempDir('deep');
  const contentDir = join(root, 'a', 'b', 'c', 'd', 'content');
  mkdirSync(dirname(contentDir), { recursive: true });
  cpSync(copyFixture('portal'), contentDir, { recursive: true });
  writeFileSync(join(root, 'a', 'secret.txt'), CANARY);
  writeFileSync(join(root, 'canary.pdf'), CANARY);
  return { root, contentDir, outDir: join(root, 'o1', 'o2', 'o3', 'o4', 'dist') };
}

function expectRefused(result: RunResult, ...fragments: string[]) {
  expect(result.code, result.output).toBe(1);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
  expect(result.output).not.toMatch(STACK_TRACE);
}

describe('content that tries to leave content/', () => {
  it('a link climbing out of attachments/ with the content deeper than the output writes nothing anywhere', () => {
    const { root, contentDir, outDir } = deepLayout();
    writeContentFile(contentDir, 'reports/2021/climb.md', reportSource(base, '见[附件](/attachments/../../../../../secret.txt)。\n\n另见[名录](/attachments/%2e%2e/agencies.yaml)。'));
    const before = treeHash(root);
    const check = runScript('check', ['--content', contentDir]);
    expectRefused(check, 'reports/2021/climb.md:9', 'reports/2021/climb.md:11', '/attachments/../../../../../secret.txt');
    const build = runScript('build', ['--content', contentDir, '--out', outDir]);
    expectRefused(build, 'reports/2021/climb.md:9', '构建已取消');
    expect(treeHash(root)).toBe(before);
    expect(existsSync(join(root, 'o1'))).toBe(false);
  });

  it('a symlinked attachment or attachment folder: refused by the build, nothing published', () => {
    const { root, contentDir, outDir } = deepLayout();
    symlinkSync(join(root, 'canary.pdf'), join(contentDir, 'attachments', '2019', 'x.pdf'));
    symlinkSync(root, join(contentDir, 'attachments', 'root'));
    writeContentFile(contentDir, 'reports/2021/link.md', reportSource(base, '见[附件](/attachments/root/canary.pdf)。', 'attachments:\n  - file: 2019/x.pdf\n'));
    const build = runScript('build', ['--content', contentDir, '--out', outDir]);
    expectRefused(build, 'attachments/2019/x.pdf  错误', 'attachments/root  错误', '符号链接');
    expect(existsSync(outDir)).toBe(false);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });

  it('an attachment hard-linked to a file outside: refused by the build, nothing published', () => {
    const { root, contentDir, outDir } = deepLayout();
    linkSync(join(root, 'canary.pdf'), join(contentDir, 'attachments', '2019', 'x.pdf'));
    writeContentFile(contentDir, 'reports/2021/link.md', reportSource(base, '正文。', 'attachments:\n  - file: 2019/x.pdf\n'));
    const build = runScript('build', ['--content', contentDir, '--out', outDir]);
    expectRefused(build, 'attachments/2019/x.pdf  错误', '硬链接', '构建已取消');
    expect(build.output).not.toContain(CANARY);
    expect(existsSync(outDir)).toBe(false);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});

describe('bad input gets a refusal, never a crash', () => {
  it('10 KB of > and a 5,000-level list: the file and line named, quickly, no stack trace', () => {
    const contentDir = copyFixture('portal');
    writeContentFile(contentDir, 'reports/2021/quotes.md', reportSource(base, `第一段。\n\n${'>'.repeat(10_000)}\n`));
    writeContentFile(contentDir, 'reports/2021/list.md', reportSource({ ...base, indexNumber: '449900-021/2021-00501' }, `第一段。\n\n${'- '.repeat(5_000)}列表\n`));
    const started = performance.now();
    const check = runScript('check', ['--content', contentDir, '--cache-dir', join(tempDir('cache'), 'c')]);
    const seconds = (performance.now() - started) / 1000;
    expectRefused(check, 'reports/2021/quotes.md:11  错误  正文嵌套过深', 'reports/2021/list.md:11  错误  正文嵌套过深');
    expect(seconds).toBeLessThan(30);
  });

  it('report file names that cannot be URLs are refused at check time, each named, stating the rule', () => {
    const contentDir = copyFixture('portal');
    const names = ['a?b.md', 'a#b.md', 'a%zz.md', 'a%2fb.md', '%E4%B8%AD.md', 'a\\b.md', 'a b.md'];
    names.forEach((name, i) => writeContentFile(contentDir, `reports/2021/${name}`, reportSource({ ...base, indexNumber: `449900-021/2021-0060${i}` })));
    const check = runScript('check', ['--content', contentDir]);
    expectRefused(check, '只能用汉字');
    for (const name of names) expect(check.stderr).toContain(`reports/2021/${name}  错误  文件名“2021/${name}”不能用作网址`);
  });

  it('a report named a.html.md, which the check accepts, is built: its page folder a.html/ is not read as a page', () => {
    const contentDir = copyFixture('portal');
    writeContentFile(contentDir, 'reports/2023/a.html.md', reportSource({ ...base, title: '名字以 html 结尾的文件' }));
    const outDir = join(tempDir('out'), 'dist');
    const build = runScript('build', ['--content', contentDir, '--out', outDir]);
    expect(build.code, build.output).toBe(0);
    expect(text(html(outDir, '/reports/2023/a.html/'), 'h1')).toBe('名字以 html 结尾的文件');
  });

  it('a misspelt flag, or one without its value: the command’s usage in Chinese', () => {
    expectRefused(runScript('build', ['--ouput', 'x']), '命令参数有误', '用法：npm run build');
    expectRefused(runScript('check', ['--content']), '命令参数有误', '用法：npm run check');
  });

  it('a date in year 0 is refused like a year out of range', () => {
    const contentDir = copyFixture('portal');
    writeContentFile(contentDir, 'reports/2021/zero.md', reportSource({ ...base, date: '0000-01-01' }));
    expectRefused(runScript('check', ['--content', contentDir]), 'reports/2021/zero.md:6  错误  发文日期（date）：“0000-01-01” 不是有效日期：年份应在 1949–2200 年之间');
  });
});

describe('the published _headers', () => {
  const { outDir } = inject('fixture');

  it('sends HSTS, because the fixture site’s url is https, and serves attachments as sandboxed downloads', () => {
    const headers = readFileSync(join(outDir, '_headers'), 'utf8');
    expect(headers.split('\n\n')[0]).toContain('Strict-Transport-Security: max-age=31536000');
    const attachments = headers.split('\n\n').find((block) => block.startsWith('/attachments/*'))!;
    expect(attachments).toContain('Content-Disposition: attachment');
    expect(attachments).toContain('Content-Security-Policy: sandbox');
  });
});
