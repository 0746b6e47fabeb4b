/**
 * Hostile or careless content is refused by the check, naming the file (and
 * the line and field where there is one), before anything is read from
 * outside the content folder or written anywhere: symlinks, links that climb
 * out of attachments/, active attachment types, file names that cannot be
 * URLs, invisible control characters, nesting deep enough to crash a parser,
 * dates outside the years a portal can hold.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteLinkProblems } from '../../src/lib/content/links.ts';
import { loadContent, type LoadResult } from '../../src/lib/content/load.ts';
import type { Problem } from '../../src/lib/content/problems.ts';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';

const base = { title: '测试文件', indexNumber: '449900-021/2021-00500', agency: 'jyj', column: 'jhzj', date: '2021-03-04' };
const CANARY = 'CANARY-9f3c1e-never-publish';

interface Setup {
  files?: Record<string, string | Uint8Array>;
  /** path in the content folder → where the link points (absolute, or relative to the link) */
  symlinks?: Record<string, string>;
  /** path in the content folder → the file it becomes a second name of (a hard link), same placeholders */
  hardLinks?: Record<string, string>;
}

/** A copy of the fixture with a canary secret beside the content folder, plus `files` and `symlinks`. */
async function load({ files = {}, symlinks = {}, hardLinks = {} }: Setup): Promise<LoadResult & { contentDir: string; secret: string }> {
  const contentDir = copyFixture('portal');
  const secret = join(dirname(contentDir), 'secret.yaml');
  writeFileSync(secret, `name: ${CANARY}\n`);
  mkdirSync(join(dirname(contentDir), 'secret-folder'), { recursive: true });
  writeFileSync(join(dirname(contentDir), 'secret-folder', 'passwd.pdf'), CANARY);
  for (const [path, text] of Object.entries(files)) writeContentFile(contentDir, path, text);
  for (const [path, target] of Object.entries(symlinks)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    rmSync(join(contentDir, path), { force: true });
    symlinkSync(target.replace('$SECRET', secret).replace('$OUTSIDE', dirname(contentDir)), join(contentDir, path));
  }
  for (const [path, target] of Object.entries(hardLinks)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    rmSync(join(contentDir, path), { force: true });
    linkSync(target.replace('$SECRET', secret).replace('$OUTSIDE', dirname(contentDir)).replace('$CONTENT', contentDir), join(contentDir, path));
  }
  const result = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-11-23' });
  return { ...result, contentDir, secret };
}

const errorsIn = (problems: Problem[], file: string) => problems.filter((p) => p.severity === 'error' && p.file === file);
const warningsIn = (problems: Problem[], file: string) => problems.filter((p) => p.severity === 'warning' && p.file === file);
const everything = (problems: Problem[]) => JSON.stringify(problems);

describe('symlinks: nothing outside the content folder is read or published', () => {
  it('refuses a symlinked attachment that a report uses, naming the link', async () => {
    const result = await load({
      files: { 'reports/a.md': reportSource(base, '正文', 'attachments:\n  - title: 名单\n    file: 2021/x.pdf\n') },
      symlinks: { 'attachments/2021/x.pdf': '$OUTSIDE/secret-folder/passwd.pdf' },
    });
    expect(result.portal).toBeUndefined();
    const [error] = errorsIn(result.problems, 'attachments/2021/x.pdf');
    expect(error!.message).toContain('符号链接');
    expect(error!.hint).toBeTruthy();
    expect(everything(result.problems)).not.toContain(CANARY);
  });

  it('refuses a symlinked attachment folder and a link through it from a body', async () => {
    const result = await load({
      files: { 'reports/a.md': reportSource(base, '见[名单](/attachments/root/secret-folder/passwd.pdf)。') },
      symlinks: { 'attachments/root': '$OUTSIDE' },
    });
    expect(result.portal).toBeUndefined();
    expect(errorsIn(result.problems, 'attachments/root')[0]!.message).toContain('符号链接');
  });

  it('refuses a symlink even when nothing uses it: a symlink inside content/ is refused outright', async () => {
    const result = await load({ symlinks: { 'attachments/unused.pdf': '$SECRET' } });
    expect(result.portal).toBeUndefined();
    expect(errorsIn(result.problems, 'attachments/unused.pdf')).toHaveLength(1);
  });

  it('refuses symlinked report files and folders without reading them', async () => {
    const outside = copyFixture('portal');
    writeContentFile(outside, 'elsewhere/x.md', reportSource({ ...base, title: CANARY }));
    const result = await load({
      symlinks: { 'reports/linked.md': join(outside, 'elsewhere/x.md'), 'reports/linked-folder': join(outside, 'elsewhere') },
    });
    expect(result.portal).toBeUndefined();
    expect(errorsIn(result.problems, 'reports/linked.md')[0]!.message).toContain('符号链接');
    expect(errorsIn(result.problems, 'reports/linked-folder')[0]!.message).toContain('符号链接');
    expect(everything(result.problems)).not.toContain(CANARY);
  });

  it('refuses a symlinked site.yaml without reading it', async () => {
    const result = await load({ symlinks: { 'site.yaml': '$SECRET' } });
    expect(result.portal).toBeUndefined();
    expect(errorsIn(result.problems, 'site.yaml')[0]!.message).toContain('符号链接');
    expect(everything(result.problems)).not.toContain(CANARY);
  });

  it('a content folder that is itself reached through a symlink is fine', async () => {
    const contentDir = copyFixture('portal');
    const alias = join(dirname(contentDir), 'alias');
    symlinkSync(contentDir, alias);
    const result = await loadContent({ contentDir: alias, projectRoot: alias, today: '2026-11-23' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.portal).toBeDefined();
  });
});

describe('hard links: a file whose data also has a name outside content/ is neither read nor published', () => {
  it('refuses an attachment hard-linked to a file outside, naming it, without reading it', async () => {
    const result = await load({
      files: { 'reports/a.md': reportSource(base, '见[名单](/attachments/2021/x.pdf)。') },
      hardLinks: { 'attachments/2021/x.pdf': '$OUTSIDE/secret-folder/passwd.pdf' },
    });
    expect(result.portal).toBeUndefined();
    const [error] = errorsIn(result.problems, 'attachments/2021/x.pdf');
    expect(error!.message).toContain('硬链接');
    expect(error!.message).toContain('共有 2 个文件名，content 文件夹里只有 1 个');
    expect(error!.hint).toContain('复制');
    expect(everything(result.problems)).not.toContain(CANARY);
  });

  it('refuses a report file and site.yaml hard-linked from outside without reading them', async () => {
    const outside = copyFixture('portal');
    writeContentFile(outside, 'elsewhere/x.md', reportSource({ ...base, title: CANARY }));
    const result = await load({ hardLinks: { 'reports/2021/linked.md': join(outside, 'elsewhere/x.md'), 'site.yaml': '$SECRET' } });
    expect(result.portal).toBeUndefined();
    expect(errorsIn(result.problems, 'reports/2021/linked.md')[0]!.message).toContain('硬链接');
    expect(errorsIn(result.problems, 'site.yaml')[0]!.message).toContain('硬链接');
    expect(everything(result.problems)).not.toContain(CANARY);
  });

  it('hard links among the content folder\'s own files are fine', async () => {
    const result = await load({
      files: { 'reports/a.md': reportSource(base, '见[名单](/attachments/2021/copy.txt)。') },
      hardLinks: { 'attachments/2021/copy.txt': '$CONTENT/attachments/2019/学校名单.txt' },
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.portal).toBeDefined();
  });

  it('a hidden name inside the folder counts as inside (an import killed between its two steps leaves one); a hidden file is never read, wherever its other names are', async () => {
    const result = await load({
      files: { 'reports/a.md': reportSource(base, '见[名单](/attachments/2019/学校名单.txt)。') },
      hardLinks: { 'attachments/2019/.学校名单.txt.part': '$CONTENT/attachments/2019/学校名单.txt', 'attachments/2021/.hidden': '$SECRET' },
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.portal).toBeDefined();
  });
});

describe('links and attachment paths that climb out of attachments/', () => {
  const climbing = [
    '/attachments/../site.yaml',
    '/attachments/%2e%2e/agencies.yaml',
    '/attachments/%2E%2E/agencies.yaml',
    '/attachments/..%2fsite.yaml',
    '/attachments/..%2Fagencies.yaml',
    '/attachments/%252e%252e/agencies.yaml',
    '/attachments/%25252e%25252e%25252fsite.yaml',
    '/attachments\\..\\site.yaml',
    '/attachments/2019/..%5c..%5csite.yaml',
    '/attachments/./../site.yaml',
    '/attachments/2019/../../../../../../etc/passwd',
    '../../../attachments/../site.yaml',
  ];

  it.each(climbing)('refuses the body link %s, naming the file and the line', async (link) => {
    const body = `第一段。\n\n见[附件](${link})和<img src="${link.replace('site.yaml', 'x.png')}" alt="图">。`;
    const result = await load({ files: { 'reports/a.md': reportSource(base, body) } });
    expect(result.portal).toBeUndefined();
    const errors = errorsIn(result.problems, 'reports/a.md');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toContain('正文中的链接');
    expect(errors[0]!.line).toBe(11);
  });

  it.each(['../site.yaml', '..\\agencies.yaml', '2019/../../site.yaml', '/../site.yaml', '2019/./学校名单.txt', '%2e%2e/site.yaml', '.env', '2019/.hidden.pdf', '2019//学校名单.txt'])(
    'refuses the attachment file: %s with its line and field',
    async (file) => {
      const result = await load({ files: { 'reports/a.md': reportSource(base, '正文', `attachments:\n  - title: 附件\n    file: ${JSON.stringify(file)}\n`) } });
      expect(result.portal).toBeUndefined();
      const [error] = errorsIn(result.problems, 'reports/a.md');
      expect(error).toMatchObject({ key: 'attachments[0].file', line: 9 });
      expect(error!.message).toContain('附件文件（attachments[0].file）');
    },
  );

  // The files exist here; a Windows server could not store them (device names) or would drop the trailing dot or space.
  it.each(['2019/nul.pdf', '2019/CON', 'aux/名单.pdf', '2019/名单.pdf.', '2019 /名单.pdf'])('refuses the attachment %j, which a Windows server cannot store as named, in the field and in a link', async (file) => {
    const result = await load({
      files: {
        [`attachments/${file}`]: '%PDF-1.4',
        'reports/a.md': reportSource(base, `见[附件](/attachments/${file.split('/').map(encodeURIComponent).join('/')})。`, `attachments:\n  - title: 附件\n    file: ${JSON.stringify(file)}\n`),
      },
    });
    expect(result.portal).toBeUndefined();
    const errors = errorsIn(result.problems, 'reports/a.md');
    expect(errors.map((error) => error.line)).toEqual([9, 12]);
    for (const error of errors) expect(error.message).toContain('Windows');
  });

  it('accepts a link and an attachment that stay inside, in any harmless spelling', async () => {
    const result = await load({
      files: {
        'attachments/2021/统计 表.pdf': '%PDF-1.4',
        'reports/a.md': reportSource(
          base,
          '见[名单](/attachments/2019/%E5%AD%A6%E6%A0%A1%E5%90%8D%E5%8D%95.txt)和[统计表](/attachments/2021/统计%20表.pdf)。',
          'attachments:\n  - title: 统计表\n    file: 2021\\统计 表.pdf\n',
        ),
      },
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const report = result.portal!.reports.find((r) => r.id === 'a')!;
    expect(report.linkedFiles.sort()).toEqual(['2019/学校名单.txt', '2021/统计 表.pdf']);
    expect(report.attachments.map((a) => a.file)).toEqual(['2021/统计 表.pdf']);
  });
});

describe('active attachment types', () => {
  const active = ['notice.html', 'notice.HTM', 'page.xhtml', 'chart.svg', 'chart.SVGZ', 'data.xml', 'style.xsl', 'helper.js', 'helper.mjs', 'shell.php', 'index.shtml', 'archive.mhtml',
    // nginx serves these as XML documents (…+xml) or markup a browser renders: script in them runs.
    'map.kml', 'list.xspf', 'formula.mml', 'page.wml', 'formula.mathml', 'data.rdf', 'app.xul', 'route.gpx'];

  it.each(active)('refuses %s as an attachment and as a body link, saying why', async (name) => {
    const result = await load({
      files: {
        [`attachments/2021/${name}`]: '<script>alert(1)</script>',
        'reports/a.md': reportSource(base, `见[文件](/attachments/2021/${name})。`, `attachments:\n  - title: 附件\n    file: 2021/${name}\n`),
      },
    });
    expect(result.portal).toBeUndefined();
    const errors = errorsIn(result.problems, 'reports/a.md');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ key: 'attachments[0].file', line: 9 });
    for (const error of errors) {
      expect(error.message).toMatch(/网页|脚本|浏览器/);
      expect(error.hint).toMatch(/PDF/);
    }
  });

  it('keeps the types editors attach working', async () => {
    const names = ['a.pdf', 'a.ofd', 'a.doc', 'a.docx', 'a.wps', 'a.xls', 'a.xlsx', 'a.et', 'a.png', 'a.jpg', 'a.gif', 'a.webp', 'a.zip', 'a.rar', 'a.txt', 'a.csv'];
    const files: Record<string, string> = {};
    for (const name of names) files[`attachments/2021/${name}`] = 'x';
    files['reports/a.md'] = reportSource(base, '正文', `attachments:\n${names.map((name) => `  - file: 2021/${name}\n`).join('')}`);
    const result = await load({ files });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.portal!.reports.find((r) => r.id === 'a')!.attachments).toHaveLength(names.length);
  });
});

describe('report file names must make working URLs', () => {
  const refused = ['a?b.md', 'a#b.md', 'a%zz.md', 'a%2fb.md', '%E4%B8%AD.md', 'a\\b.md', 'a\nb.md', 'a b.md', 'a\u202Eb.md', '2021/x.y./z.md', 'x..md', 'a;b.md', '《通知》.md', 'a&b.md'];
  it.each(refused)('refuses %j, stating the rule', async (name) => {
    const result = await load({ files: { [`reports/${name}`]: reportSource({ ...base, indexNumber: '449900-021/2021-00777' }) } });
    expect(result.portal).toBeUndefined();
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(`reports/${name}`);
    expect(errors[0]!.message).toContain('文件名');
    expect(errors[0]!.hint).toMatch(/汉字.*字母.*数字/);
  });

  it.each(['CON.md', '2021/nul.pdf.md', 'aux/通知.md', 'Com1.md', 'lpt9.x.md'])('refuses the Windows device name %j, which a Windows server cannot store', async (name) => {
    const result = await load({ files: { [`reports/${name}`]: reportSource({ ...base, indexNumber: '449900-021/2021-00777' }) } });
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(`reports/${name}`);
    expect(errors[0]!.message).toContain('Windows');
    expect(errors[0]!.hint).toBeTruthy();
  });

  it('refuses an agency or column id that is a Windows device name: it is a folder of the published site', async () => {
    const contentDir = copyFixture('portal');
    writeFileSync(join(contentDir, 'agencies.yaml'), `${readFileSync(join(contentDir, 'agencies.yaml'), 'utf8')}- id: con\n  name: 某局\n`);
    writeFileSync(join(contentDir, 'site.yaml'), readFileSync(join(contentDir, 'site.yaml'), 'utf8').replace('id: hdjl', 'id: aux'));
    const result = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-11-23' });
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => [e.file, e.key])).toEqual([
      ['agencies.yaml', '[4].id'],
      ['site.yaml', 'columns[1].id'],
    ]);
    for (const error of errors) expect(error.message).toContain('Windows');
  });

  // On a Windows or macOS server each pair is one file or folder: one report or attachment would overwrite the other.
  const twins: [string, string][] = [
    ['reports/2021/Abc.md', 'reports/2021/abc.md'],
    ['reports/2021/x.md', 'reports/2021/x.MD'],
    ['reports/2021/caf\u00e9.md', 'reports/2021/cafe\u0301.md'],
    ['reports/Year/a.md', 'reports/year/b.md'],
    ['attachments/2019/名单.pdf', 'attachments/2019/名单.PDF'],
  ];
  it.each(twins)('refuses %j beside %j, naming both', async (first, second) => {
    const result = await load({
      files: {
        [first]: first.startsWith('reports/') ? reportSource({ ...base, indexNumber: '449900-021/2021-00781' }) : 'x',
        [second]: second.startsWith('reports/') ? reportSource({ ...base, indexNumber: '449900-021/2021-00782' }) : 'x',
      },
    });
    expect(result.portal).toBeUndefined();
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('大小写');
    // The two entries that collide: the files, or the folders where the paths first differ.
    const at = first.split('/').findIndex((segment, i) => segment !== second.split('/')[i]);
    const [one, two] = [first, second].map((path) => path.split('/').slice(0, at + 1).join('/'));
    const [named, other] = errors[0]!.file === one ? [one!, two!] : [two!, one!];
    expect(errors[0]!.file).toBe(named);
    expect(errors[0]!.message).toContain(`“${other.split('/').at(-1)}”`);
  });

  it.each(['工作总结.md', '2021/v1.2-方案.md', 'a_b-c.md', '２０２１年报告.md', 'Report.MD', 'console.md', 'com10.md'])('accepts %j', async (name) => {
    const result = await load({ files: { [`reports/${name}`]: reportSource({ ...base, indexNumber: '449900-021/2021-00778' }) } });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('invisible and control characters never reach a page or the search index', () => {
  it('strips bidi overrides, NUL and lone surrogates from front matter, with a warning at the line of the field', async () => {
    const result = await load({
      files: {
        'reports/a.md': reportSource(
          { ...base, title: '"关于\\u202E通知\\u0000"', docNumber: '"样政\\uD800发〔2021〕1号"', source: '"来源\\u2066隔离\\u2069"' },
          '正文。',
        ),
      },
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const report = result.portal!.reports.find((r) => r.id === 'a')!;
    expect(report.title).toBe('关于通知');
    expect(report.docNumber).toBe('样政发〔2021〕1号');
    expect(report.source).toBe('来源隔离');
    const warnings = warningsIn(result.problems, 'reports/a.md');
    expect(warnings.find((w) => w.key === 'title')).toMatchObject({ line: 2 });
    expect(warnings.find((w) => w.key === 'title')!.message).toMatch(/标题（title）.*U\+202E/);
    expect(warnings.find((w) => w.key === 'docNumber')).toBeDefined();
    expect(warnings.find((w) => w.key === 'source')).toBeDefined();
  });

  it('warns about bidi overrides and control characters in a body, literal or written as entities, naming the line', async () => {
    const result = await load({ files: { 'reports/a.md': reportSource(base, '第一段。\n\n第二段\u202E反转。\n\n第三段&#x202E;实体&#8238;。\n\n第四段\u0007响铃。') } });
    const warnings = warningsIn(result.problems, 'reports/a.md');
    expect(warnings.map((w) => w.line)).toEqual([11, 13, 15]);
    expect(result.portal!.reports.find((r) => r.id === 'a')!.summary).not.toMatch(/[\u202e\u0007]/);
  });

  // XML 1.0 has no place for them: one in a title made rss.xml unreadable to every feed reader.
  it('strips noncharacters (U+FFFF, U+FFFE, U+FDD0, U+1FFFF) from front matter and bodies, with a warning naming the line', async () => {
    const result = await load({
      files: {
        'reports/a.md': reportSource(
          { ...base, title: '"关于\\uFFFF通知\\uFFFE"', docNumber: '"样政\\uFDD0发〔2021〕1号"', source: '"来源\\U0001FFFF"' },
          '第一段。\n\n第二段\uFFFF非字符\uFFFE。',
        ),
      },
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const report = result.portal!.reports.find((r) => r.id === 'a')!;
    expect([report.title, report.docNumber, report.source]).toEqual(['关于通知', '样政发〔2021〕1号', '来源']);
    expect(report.summary).toBe('第一段。 第二段非字符。');
    const warnings = warningsIn(result.problems, 'reports/a.md');
    expect(warnings.map((w) => [w.key, w.line])).toEqual([['title', 2], ['docNumber', 7], ['source', 8], [undefined, 13]]);
    expect(warnings[0]!.message).toMatch(/标题（title）.*U\+FFFF（非字符）.*U\+FFFE（非字符）/);
    expect(warnings[2]!.message).toContain('U+1FFFF（非字符）');
  });

  it('cleans site.yaml and agencies.yaml too', async () => {
    const result = await load({ files: { 'agencies.yaml': '- id: xzf\n  name: 样例县人民政府\n- id: jyj\n  name: "样例县教育局\\u202E"\n  code: 449900-021\n- id: wjw\n  name: 样例县卫生健康局\n- id: nyj\n  name: 样例县农业农村局\n' } });
    expect(result.portal?.agencies.find((a) => a.id === 'jyj')?.name).toBe('样例县教育局');
    expect(warningsIn(result.problems, 'agencies.yaml')[0]).toMatchObject({ line: 4, key: '[1].name' });
  });
});

describe('nesting deep enough to crash a parser is refused, naming the line', () => {
  const cases: [string, string][] = [
    ['10 KB of >', '>'.repeat(10_000)],
    ['> with spaces', '> '.repeat(5_000)],
    ['a 5,000-level indented list', Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(2 * i)}- 第${i}层`).join('\n')],
    ['5,000 list markers on a line', '- '.repeat(5_000)],
    ['5,000 ordered markers on a line', '1. '.repeat(5_000)],
    ['5,000 nested HTML elements', '<div>'.repeat(5_000)],
    ['5,000 nested emphasis', `${'*'.repeat(10_000)}强调${'*'.repeat(10_000)}`],
    ['nested spans', `${'<span>'.repeat(3_000)}字${'</span>'.repeat(3_000)}`],
  ];

  it.each(cases)('%s', async (_name, nested) => {
    const started = performance.now();
    const result = await load({ files: { 'reports/deep.md': reportSource(base, `第一段。\n\n${nested}\n`) } });
    expect(result.portal).toBeUndefined();
    const [error] = errorsIn(result.problems, 'reports/deep.md');
    expect(error!.message).toContain('嵌套');
    expect(error!.line).toBeGreaterThanOrEqual(11);
    expect(error!.hint).toBeTruthy();
    // Seconds on a loaded machine; the unguarded parser crashed or took minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  // Each takes the old scan or the parser tens of seconds: their cost grew with the square of the flood.
  const floods: [string, string, string][] = [
    ['100,000 <div/> (a slash does not close a div)', '<div/>'.repeat(100_000), '嵌套'],
    ['40,000 tags that never close their quotes', '<a "'.repeat(40_000), ''],
    ['100,000 <x.y> in an HTML block', `<div>${'<x.y>'.repeat(100_000)}`, '嵌套'],
    ['a 1 MB tag name that never ends', `<${'a'.repeat(1_000_000)}`, ''],
    ['80,000 underscores between dots on one line', '_.'.repeat(80_000), '_'],
    ['40,000 double underscores on one line', '__.'.repeat(40_000), '_'],
    ['80,000 主办： on one line (the page-chrome check)', '主办：'.repeat(80_000), ''],
    ['a breadcrumb with 100,000 spaces (the page-chrome check)', `当前位置：首页${' '.repeat(100_000)}工作`, ''],
  ];

  it.each(floods)('%s: answered within seconds, refused at the line when refused', async (_name, flood, refusal) => {
    const started = performance.now();
    const result = await load({ files: { 'reports/flood.md': reportSource(base, `第一段。\n\n${flood}\n`) } });
    expect(performance.now() - started).toBeLessThan(10_000);
    if (refusal === '') return;
    const [error] = errorsIn(result.problems, 'reports/flood.md');
    expect(error!.message).toContain(refusal);
    expect(error!.line).toBe(11);
    expect(error!.hint).toBeTruthy();
  }, 60_000);

  it('20,000 broken links: the first 50 listed at their lines, the rest counted, within seconds', async () => {
    const links = Array.from({ length: 20_000 }, (_, i) => `[链接${i}](/attachments/missing-${i}.pdf) [文件${i}](/reports/2021/missing-${i}/)`).join('\n');
    const started = performance.now();
    const result = await load({ files: { 'reports/links.md': reportSource(base, links) } });
    // Before: every link's line was searched in the whole body, about 400 s for these.
    expect(performance.now() - started).toBeLessThan(30_000);
    const errors = errorsIn(result.problems, 'reports/links.md');
    expect(errors).toHaveLength(51);
    expect(errors.find((e) => e.message.includes('missing-0.pdf'))!.line).toBe(9);
    expect(errors.find((e) => e.line === undefined)!.message).toContain('另有 39950 个没有列出');
  }, 120_000);

  it('ordinary nesting — a list inside a quote inside a table cell — is fine', async () => {
    const result = await load({ files: { 'reports/ok.md': reportSource(base, '> 引用\n> - 一\n>   - 二\n>     - 三\n\n<table><tr><td><ul><li><strong>加粗</strong></li></ul></td></tr></table>\n\n填空：________________________________ 。') } });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('links to pages of the site that do not exist', () => {
  it('are named with their line, like every other broken link', async () => {
    const result = await load({ files: { 'reports/a.md': reportSource(base, '第一段。\n\n见[口令](/etc/passwd)。\n\n见[配置](/site.yaml)。') } });
    const problems = siteLinkProblems(result.portal!, new Set(['/']), new Set());
    expect(problems.filter((p) => p.file === 'reports/a.md').map((p) => [p.file, p.line, p.message])).toEqual([
      ['reports/a.md', 11, '正文中的链接 /etc/passwd 指向的页面或文件不存在'],
      ['reports/a.md', 13, '正文中的链接 /site.yaml 指向的页面或文件不存在'],
    ]);
  });
});

describe('files too large to read safely', () => {
  it('a report of more than 32 MB is refused unread, naming the file and its size', async () => {
    const result = await load({ files: { 'reports/huge.md': reportSource(base, '中'.repeat(12_000_000)) } });
    expect(result.portal).toBeUndefined();
    const [error] = errorsIn(result.problems, 'reports/huge.md');
    expect(error!.message).toContain('文件太大（34.3 MB）');
    expect(error!.hint).toBeTruthy();
  }, 60_000);
});

describe('field values too long for any real document', () => {
  it('a 2,000,000-character title is refused, naming the field, its length and the limit', async () => {
    const result = await load({ files: { 'reports/a.md': reportSource({ ...base, title: '标'.repeat(2_000_000) }) } });
    expect(result.portal).toBeUndefined();
    const [error] = errorsIn(result.problems, 'reports/a.md');
    expect(error).toMatchObject({ key: 'title', line: 2 });
    expect(error!.message).toBe('标题（title）：太长，有 2000000 个字，最多 1000 个字');
    expect(error!.hint).toContain('删去');
  }, 60_000);

  it('refuses over-long short fields in front matter, site.yaml and agencies.yaml', async () => {
    const long = '长'.repeat(201);
    const site = readFileSync(new URL('../fixtures/portal/site.yaml', import.meta.url), 'utf8').replace('organizer: 样例县人民政府办公室', `organizer: ${long}`);
    const result = await load({
      files: {
        'reports/a.md': reportSource({ ...base, docNumber: long, source: long }, '正文', `signature:\n  org: ${long}\n`),
        'site.yaml': site,
        'agencies.yaml': `- id: xzf\n  name: 样例县人民政府\n- id: jyj\n  name: 样例县教育局\n  short: ${long}\n  code: 449900-021\n- id: wjw\n  name: 样例县卫生健康局\n- id: nyj\n  name: 样例县农业农村局\n`,
      },
    });
    expect(result.portal).toBeUndefined();
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => [e.file, e.key, e.message])).toEqual([
      ['agencies.yaml', '[1].short', '简称（[1].short）：太长，有 201 个字，最多 200 个字'],
      ['reports/a.md', 'docNumber', '文号（docNumber）：太长，有 201 个字，最多 200 个字'],
      ['reports/a.md', 'source', '来源（source）：太长，有 201 个字，最多 200 个字'],
      ['reports/a.md', 'signature.org', '落款单位（signature.org）：太长，有 201 个字，最多 200 个字'],
      ['site.yaml', 'organizer', '主办单位（organizer）：太长，有 201 个字，最多 200 个字'],
    ]);
  });

  it('accepts the long titles and 主送 lists real documents have', async () => {
    const title = `关于印发${'样例县'.repeat(60)}实施方案的通知`;
    const addressee = `${'各乡镇人民政府、街道办事处，'.repeat(30)}县政府各部门`;
    const result = await load({ files: { 'reports/a.md': reportSource({ ...base, title, addressee }) } });
    expect(title.length).toBeGreaterThan(190);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.portal!.reports.find((r) => r.id === 'a')!.title).toBe(title);
  });
});

describe('front matter built to exhaust the YAML parser', () => {
  const bombs: [string, string, string][] = [
    ['50,000 nested brackets', `tags: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, '嵌套'],
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 20 }, (_, i) => `a${i}: &a${i} [${Array(10).fill(i === 0 ? '*a' : `*a${i - 1}`).join(', ')}]`).join('\n')}\n`, '别名'],
  ];
  it.each(bombs)('%s: refused in Chinese at its line, quickly', async (_name, yaml, what) => {
    const started = performance.now();
    const result = await load({ files: { 'reports/bomb.md': reportSource(base, '正文', yaml) } });
    expect(performance.now() - started).toBeLessThan(10_000);
    const [error] = errorsIn(result.problems, 'reports/bomb.md');
    expect(error!.message).toContain(what);
    expect(error!.message).not.toMatch(/[a-z]{4,}/);
    expect(error!.line).toBeGreaterThanOrEqual(7);
  }, 60_000);
});

describe('dates outside the years a portal can hold', () => {
  it.each([
    ['date', { ...base, date: '0000-01-01' }, ''],
    ['published', base, 'published: 0001-01-01\n'],
    ['signature.date', base, 'signature:\n  org: 样例县教育局\n  date: 9999-12-31\n'],
  ] as const)('%s gets the same bounds as year', async (key, fields, extra) => {
    const result = await load({ files: { 'reports/a.md': reportSource(fields, '正文', extra) } });
    expect(result.portal).toBeUndefined();
    const [error] = errorsIn(result.problems, 'reports/a.md');
    expect(error!.key).toBe(key);
    expect(error!.message).toMatch(/1949.*2200/);
  });
});
