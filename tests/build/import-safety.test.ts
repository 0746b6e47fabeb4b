/**
 * npm run import reads only the saved site and writes only what the content
 * check accepts: no file from outside the mirror, no attachment a browser
 * would run, no log through a link, nothing at all on a dry run, no
 * half-copied attachment kept, no report file name the site cannot publish —
 * and no page lost to another that shares its address.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyFixture, reportSource } from '../helpers/fixture-site.ts';
import { runScript, type RunResult } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';
import { treeHash } from '../helpers/tree-hash.ts';

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** A saved article page of 青禾区司法局 linking `links` (href → text). */
function articlePage({ title = '青禾区司法局2021年法治政府建设工作报告', indexNumber = '339950-012/2021-00051', links = {} as Record<string, string>, images = [] as string[], canonical = '' } = {}): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}</head>
<body>
<table class="meta">
  <tr><th>索引号</th><td>${indexNumber}</td><th>发布机构</th><td>青禾区司法局</td></tr>
  <tr><th>发文日期</th><td>2021-03-09</td><th>主题分类</th><td>法治政府建设</td></tr>
</table>
<article>
  <h1>${title}</h1>
  <div class="article-content">
    <p>　　2021年，区司法局认真履行法治建设统筹协调职责，现将有关情况报告如下。</p>
    ${images.map((src) => `<p><img src="${src}" alt="图"></p>`).join('\n    ')}
    <p>　　一是完善制度建设。二是规范行政执法。</p>
    ${Object.entries(links).map(([href, text]) => `<p><a href="${href}">${text}</a></p>`).join('\n    ')}
  </div>
</article>
</body></html>
`;
}

function write(path: string, data: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return path;
}

function attachmentFiles(contentDir: string): string[] {
  return (readdirSync(join(contentDir, 'attachments'), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(join(contentDir, 'attachments').length + 1))
    .filter((file) => file !== '.gitkeep')
    .sort();
}

function reportFiles(contentDir: string): string[] {
  return (readdirSync(join(contentDir, 'reports'), { recursive: true }) as string[]).filter((file) => file.endsWith('.md')).sort();
}

/** npm run import with its own cache and a log outside the content folder. */
function runImport(contentDir: string, inputs: string[], extra: string[] = [], env: NodeJS.ProcessEnv = {}): RunResult {
  const cacheDir = join(dirname(contentDir), 'cache');
  return runScript('import', [...inputs, '--agency', 'sfj', '--column', 'fzzfjs', '--content', contentDir, '--cache-dir', cacheDir, '--log', join(dirname(contentDir), 'log.json'), ...extra], env);
}

function expectCheckPasses(contentDir: string): void {
  const check = runScript('check', ['--content', contentDir, '--cache-dir', join(dirname(contentDir), 'cache')]);
  expect(check.code, check.output).toBe(0);
}

describe('npm run import reads nothing outside the saved site', () => {
  it('does not copy a hard link to a file outside the mirror, and says why', () => {
    const secret = write(join(tempDir('home'), 'passwd.pdf'), '%PDF-1.4 secret');
    const mirror = tempDir('mirror');
    write(join(mirror, 'x', 'page.html'), articlePage({ links: { 'hardlink.pdf': '附件：工资表' } }));
    linkSync(secret, join(mirror, 'x', 'hardlink.pdf'));
    const contentDir = copyFixture('import-site');
    const result = runImport(contentDir, [mirror]);
    expect(result.code, result.output).toBe(0);
    expect(attachmentFiles(contentDir)).toEqual([]);
    const report = readFileSync(join(contentDir, 'reports', reportFiles(contentDir).find((file) => file.includes('法治政府建设工作报告'))!), 'utf8');
    expect(report).toMatch(/原链接 hardlink\.pdf（[^）]*硬链接/);
  });

  it('copies a file hard-linked twice within the mirror', () => {
    const mirror = tempDir('mirror');
    write(join(mirror, 'x', 'page.html'), articlePage({ links: { 'a.pdf': '附件：统计表' } }));
    write(join(mirror, 'x', 'a.pdf'), '%PDF-1.4 data');
    linkSync(join(mirror, 'x', 'a.pdf'), join(mirror, 'b.pdf'));
    const contentDir = copyFixture('import-site');
    const result = runImport(contentDir, [mirror]);
    expect(result.code, result.output).toBe(0);
    expect(attachmentFiles(contentDir).map((file) => file.split('/').at(-1))).toEqual(['a.pdf']);
  });

  it('imports a single saved page with the files of its _files folder only, not the rest of its folder', () => {
    const desktop = tempDir('desktop');
    const page = write(join(desktop, '保存的网页.html'), articlePage({ images: ['保存的网页_files/chart.png', '个人/身份证.jpg'], links: { '工资表.xlsx': '附件：工资表', '保存的网页_files/表.xlsx': '附件：统计表' } }));
    write(join(desktop, '保存的网页_files', 'chart.png'), 'PNG');
    write(join(desktop, '保存的网页_files', '表.xlsx'), 'XLSX');
    write(join(desktop, '个人', '身份证.jpg'), 'JPG secret');
    write(join(desktop, '工资表.xlsx'), 'XLSX secret');
    const contentDir = copyFixture('import-site');
    const result = runImport(contentDir, [page]);
    expect(result.code, result.output).toBe(0);
    expect(attachmentFiles(contentDir).map((file) => file.split('/').at(-1)).sort()).toEqual(['chart.png', '表.xlsx']);
  });
});

describe('npm run import writes no attachment a browser would run', () => {
  it('never turns a file name into an active type or a name the check refuses', () => {
    const mirror = tempDir('mirror');
    const names = ['evil.ht ml', 'x.js_', 'x.svg~', 'a.pdf.', 'q.文档'];
    write(join(mirror, 'page.html'), articlePage({ links: Object.fromEntries(names.map((name, index) => [encodeURIComponent(name), `附件${index + 1}.pdf`])) }));
    for (const name of names) write(join(mirror, name), '<script>alert(1)</script>');
    const contentDir = copyFixture('import-site');
    const result = runImport(contentDir, [mirror]);
    expect(result.code, result.output).toBe(0);
    const report = readFileSync(join(contentDir, 'reports', reportFiles(contentDir).find((file) => file.includes('法治政府建设工作报告'))!), 'utf8');
    // Each file is either attached under a harmless name or listed as not imported.
    expect(attachmentFiles(contentDir).length + (report.match(/原链接 /g) ?? []).length).toBe(names.length);
    for (const file of attachmentFiles(contentDir)) {
      expect(file).not.toMatch(/\.$/);
      expect(['.html', '.js', '.svg']).not.toContain(extname(file));
    }
    expectCheckPasses(contentDir);
  });
});

describe('npm run import --log', () => {
  it('refuses a log path that is a symlink, even a dangling one into the content folder, and writes nothing', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    write(join(mirror, 'page.html'), articlePage());
    const log = join(tempDir('editor'), 'log.json');
    symlinkSync(join(contentDir, 'reports', '2020', 'zz-log.md'), log);
    const before = treeHash(contentDir);
    const result = runImport(contentDir, [mirror], ['--log', log]);
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toContain('符号链接');
    expect(result.stderr).toContain('--log');
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(treeHash(contentDir)).toBe(before);
  });

  it('refuses a log in a folder that does not exist before importing anything', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    write(join(mirror, 'page.html'), articlePage());
    const before = treeHash(contentDir);
    const result = runImport(contentDir, [mirror], ['--log', join(tempDir('editor'), 'nonexistent', 'l.json')]);
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toContain('nonexistent');
    expect(result.stderr).toContain('--log');
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(treeHash(contentDir)).toBe(before);
  });
});

describe('npm run import --dry-run', () => {
  it('writes nothing anywhere: no cache folder either', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    write(join(mirror, 'page.html'), articlePage());
    const before = treeHash(dirname(contentDir));
    const result = runImport(contentDir, [mirror], ['--dry-run']);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain('将导入');
    expect(existsSync(join(dirname(contentDir), 'cache'))).toBe(false);
    expect(treeHash(dirname(contentDir))).toBe(before);
  });
});

describe('an interrupted npm run import', () => {
  it('leaves no partial attachment that a second run keeps', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    write(join(mirror, 'page.html'), articlePage({ links: { 'big.zip': '附件：数据包' } }));
    const data = Buffer.alloc(4 * 1024 * 1024, 7);
    write(join(mirror, 'big.zip'), data);
    // The power goes off halfway through copying the attachment.
    const crash = write(join(tempDir('crash'), 'crash.mjs'), `import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
fs.copyFile = async (from, to) => {
  const data = await fs.readFile(from);
  await fs.writeFile(to, data.subarray(0, data.length >> 1));
  process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
`);
    const cut = runImport(contentDir, [mirror], [], { NODE_OPTIONS: `--import ${pathToFileURL(crash).href}` });
    expect(cut.code, cut.output).not.toBe(0);
    const result = runImport(contentDir, [mirror]);
    expect(result.code, result.output).toBe(0);
    const files = attachmentFiles(contentDir);
    expect(files.map((file) => file.split('/').at(-1))).toEqual(['big.zip']);
    expect(readFileSync(join(contentDir, 'attachments', files[0]!)).equals(data)).toBe(true);
    expectCheckPasses(contentDir);
  });
});

describe('an attachment of the saved site that cannot be read', () => {
  it('is listed as not imported, with the reason; the page and the other pages are imported', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    const before = reportFiles(contentDir);
    write(join(mirror, 'a.html'), articlePage({ links: { 'locked.pdf': '附件：无权读取的表格', 'open.pdf': '附件：可以读取的表格' } }));
    write(join(mirror, 'b.html'), articlePage({ title: '青禾区司法局2021年普法工作总结', indexNumber: '339950-012/2021-00052' }));
    write(join(mirror, 'locked.pdf'), '%PDF-1.4 locked');
    write(join(mirror, 'open.pdf'), '%PDF-1.4 open');
    // As a file without read permission behaves for every user but root (the tests run as root).
    const locked = write(join(tempDir('locked'), 'locked.mjs'), `import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
const refuse = (name) => { const original = fs[name]; fs[name] = async (path, ...rest) => { if (String(path).endsWith('locked.pdf')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); return original(path, ...rest); }; };
for (const name of ['open', 'readFile', 'copyFile']) refuse(name);
syncBuiltinESMExports();
`);
    const result = runImport(contentDir, [mirror], [], { NODE_OPTIONS: `--import ${pathToFileURL(locked).href}` });
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
    expect(attachmentFiles(contentDir).map((file) => file.split('/').at(-1))).toEqual(['open.pdf']);
    expect(result.stdout).toContain('EACCES');
    expectCheckPasses(contentDir);
  });
});

describe('a saved site imported again from another folder', () => {
  it('(the host folder wget made, then the folder inside it) imports none of its pages twice', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    const before = reportFiles(contentDir);
    write(join(mirror, 'www.qinghe.example/art/2021/3/9/a.html'), articlePage());
    write(join(mirror, 'www.qinghe.example/art/2021/3/9/b.html'), articlePage({ title: '青禾区司法局2021年普法工作总结', indexNumber: '' }));
    const first = runImport(contentDir, [mirror]);
    expect(first.code, first.output).toBe(0);
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
    const again = runImport(contentDir, [join(mirror, 'www.qinghe.example', 'art')]);
    expect(again.code, again.output).toBe(0);
    expect(again.stdout.match(/：已导入过：/g)).toHaveLength(2);
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
  });
});

describe('pages of a site whose template gives every page one address', () => {
  it('are each imported, not skipped as already imported; a second run imports none again', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    const before = reportFiles(contentDir);
    const canonical = 'http://www.qinghe.example/';
    write(join(mirror, 'a.html'), articlePage({ canonical }));
    write(join(mirror, 'b.html'), articlePage({ canonical, title: '青禾区司法局2021年普法工作总结', indexNumber: '339950-012/2021-00052' }));
    const result = runImport(contentDir, [mirror]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).not.toContain('已导入过');
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
    const again = runImport(contentDir, [mirror]);
    expect(again.code, again.output).toBe(0);
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
    expectCheckPasses(contentDir);
  });
});

describe('pages of such a site saved and imported one batch at a time', () => {
  it('are each imported: an address a report imported earlier has under another title is not the page’s own either', () => {
    const contentDir = copyFixture('import-site');
    const before = reportFiles(contentDir);
    const canonical = 'http://www.qinghe.example/';
    const first = runImport(contentDir, [write(join(tempDir('mirror'), 'a.html'), articlePage({ canonical }))]);
    expect(first.code, first.output).toBe(0);
    const second = runImport(contentDir, [write(join(tempDir('mirror'), 'b.html'), articlePage({ canonical, title: '青禾区司法局2021年普法工作总结', indexNumber: '339950-012/2021-00052' }))]);
    expect(second.code, second.output).toBe(0);
    expect(second.stdout).not.toContain('已导入过');
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
    expectCheckPasses(contentDir);
  });
});

describe('two offices’ reports of one title behind one template address (索引号 differ)', () => {
  const canonical = 'http://www.qinghe.example/';
  const otherOffice = { canonical, indexNumber: '339950-013/2021-00007' };

  it('are each imported in one run, not the second skipped as already imported', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    const before = reportFiles(contentDir);
    write(join(mirror, 'a.html'), articlePage({ canonical }));
    write(join(mirror, 'b.html'), articlePage(otherOffice));
    const result = runImport(contentDir, [mirror]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).not.toContain('已导入过');
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
    expectCheckPasses(contentDir);
  });

  it('are each imported one run at a time, and neither again', () => {
    const contentDir = copyFixture('import-site');
    const before = reportFiles(contentDir);
    const first = runImport(contentDir, [write(join(tempDir('mirror'), 'a.html'), articlePage({ canonical }))]);
    expect(first.code, first.output).toBe(0);
    const mirror = tempDir('mirror');
    const second = runImport(contentDir, [write(join(mirror, 'b.html'), articlePage(otherOffice))]);
    expect(second.code, second.output).toBe(0);
    expect(second.stdout).not.toContain('已导入过');
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
    const again = runImport(contentDir, [mirror]);
    expect(again.stdout.match(/：已导入过：/g)).toHaveLength(1);
    expect(reportFiles(contentDir).filter((file) => !before.includes(file))).toHaveLength(2);
    expectCheckPasses(contentDir);
  });
});

describe('report file names made by npm run import', () => {
  it.each([
    ['——', '——'],
    ['——', 'CON'],
  ])('a page titled %s with 索引号 %s gets a name the site publishes', (title, indexNumber) => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('mirror');
    const before = reportFiles(contentDir);
    const page = write(join(mirror, 'page.html'), articlePage({ title, indexNumber }));
    const result = runImport(contentDir, [page], ['--title', title]);
    expect(result.code, result.output).toBe(0);
    const added = reportFiles(contentDir).filter((file) => !before.includes(file));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^2021\/[^./][^/]*\.md$/);
    expect(added[0]).not.toMatch(/\/con\.md$/i);
    expectCheckPasses(contentDir);
  });

  it('never a name that differs from an editor’s file only in letter case (one file on a Windows server)', () => {
    const contentDir = copyFixture('import-site');
    write(join(contentDir, 'reports/2021/REPORT.md'), reportSource({ title: '编辑写的文件', indexNumber: '339950-012/2021-00900', agency: 'sfj', column: 'fzzfjs', date: '2021-02-01' }));
    const before = reportFiles(contentDir);
    const page = write(join(tempDir('mirror'), 'page.html'), articlePage({ title: '——', indexNumber: '——' }));
    const result = runImport(contentDir, [page], ['--title', '——']);
    expect(result.code, result.output).toBe(0);
    const added = reportFiles(contentDir).filter((file) => !before.includes(file));
    expect(added).toHaveLength(1);
    expect(added[0]!.toLowerCase()).not.toBe('2021/report.md');
    expectCheckPasses(contentDir);
  });
});
