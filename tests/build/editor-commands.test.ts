/**
 * npm run new and npm run import, run as editors run them, against copies of
 * the fixture portal; every file they write must pass npm run check.
 * Scripts only: nothing here builds a site.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { projectRoot, runScript } from '../helpers/run.ts';

const importFixture = (name: string) => join(projectRoot, 'tests', 'fixtures', 'import', name);

function reportFiles(contentDir: string): string[] {
  return (readdirSync(join(contentDir, 'reports'), { recursive: true }) as string[]).filter((file) => file.endsWith('.md')).sort();
}

/** The highest serial in use for `<prefix>/<year>-…`, read straight from the files (the index-number line is ASCII whatever the encoding). */
function highestSerial(contentDir: string, prefix: string, year: number): number {
  let highest = 0;
  for (const file of reportFiles(contentDir)) {
    const match = /^indexNumber:\s*(\S+)\s*$/m.exec(readFileSync(join(contentDir, 'reports', file), 'latin1'));
    const [filePrefix, rest] = match?.[1]?.split('/') ?? [];
    if (filePrefix === prefix && rest?.startsWith(`${year}-`)) highest = Math.max(highest, Number(rest.slice(5)));
  }
  return highest;
}

const serial = (value: number) => String(value).padStart(5, '0');
const beijingToday = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

function expectCheckPasses(contentDir: string): void {
  const check = runScript('check', ['--content', contentDir]);
  expect(check.code, check.output).toBe(0);
}

describe('npm run new', () => {
  it('writes a report with the next free index number that passes the check', () => {
    const contentDir = copyFixture('portal');
    const expected = `449900-021/2020-${serial(highestSerial(contentDir, '449900-021', 2020) + 1)}`;
    const result = runScript('new', ['--agency', 'jyj', '--column', 'jhzj', '--title', '样例县教育局2020年下半年工作安排', '--date', '2020-06-01', '--content', contentDir]);
    expect(result.code, result.output).toBe(0);
    const file = join(contentDir, 'reports', '2020', `jyj-20200601-${expected.slice(-5)}.md`);
    expect(existsSync(file)).toBe(true);
    expect(result.stdout).toContain(`jyj-20200601-${expected.slice(-5)}.md`);
    expect(result.stdout).toContain(expected);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^title: 样例县教育局2020年下半年工作安排$/m);
    expect(text).toMatch(new RegExp(`^indexNumber: ${expected}$`, 'm'));
    expect(text).toMatch(/^agency: jyj$/m);
    expect(text).toMatch(/^column: jhzj$/m);
    expect(text).toMatch(/^date: 2020-06-01$/m);
    expect(text).toMatch(/^# signature:/m);
    expect(text).toContain('\n## 一、');
    expect(text).toContain('\n### （一）');
    expectCheckPasses(contentDir);
  });

  it('dates the report today in Beijing unless told otherwise', () => {
    const contentDir = copyFixture('portal');
    const existing = reportFiles(contentDir);
    const before = beijingToday();
    const result = runScript('new', ['--agency', '样例县卫生健康局', '--column', 'fzzfjs', '--title', '今天新建的文件', '--content', contentDir], { TZ: 'Pacific/Honolulu' });
    const after = beijingToday();
    expect(result.code, result.output).toBe(0);
    const [written] = reportFiles(contentDir).filter((file) => !existing.includes(file));
    const date = /^date: (\S+)$/m.exec(readFileSync(join(contentDir, 'reports', written!), 'utf8'))?.[1];
    expect([before, after]).toContain(date);
    expect(written!.startsWith(`${date!.slice(0, 4)}/wjw-${date!.replaceAll('-', '')}-`)).toBe(true);
    expectCheckPasses(contentDir);
  });

  it('refuses an unknown agency, suggesting the nearest and listing the rest', () => {
    const contentDir = copyFixture('portal');
    const before = reportFiles(contentDir);
    const result = runScript('new', ['--agency', 'jyjj', '--column', 'jhzj', '--title', '标题', '--content', contentDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('发布机构（--agency）“jyjj” 不在 agencies.yaml 中');
    expect(result.stderr).toContain('是不是 jyj');
    expect(result.stderr).toContain('nyj（样例县农业农村局）');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(reportFiles(contentDir)).toEqual(before);
  });

  it('refuses an unknown column, suggesting the nearest', () => {
    const contentDir = copyFixture('portal');
    const result = runScript('new', ['--agency', 'jyj', '--column', 'fzzfj', '--title', '标题', '--content', contentDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('栏目（--column）“fzzfj”');
    expect(result.stderr).toContain('是不是 fzzfjs');
  });

  it('shows the usage when a required flag is missing', () => {
    const result = runScript('new', ['--agency', 'jyj', '--title', '标题']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('缺少 --column');
    expect(result.stderr).toContain('用法：npm run new');
  });

  it('asks for a code in agencies.yaml, or --index-number, for an agency without one', () => {
    const contentDir = copyFixture('portal');
    appendFileSync(join(contentDir, 'agencies.yaml'), '- id: tjj\n  name: 样例县统计局\n');
    const refused = runScript('new', ['--agency', 'tjj', '--column', 'jhzj', '--title', '统计局的文件', '--date', '2020-06-01', '--content', contentDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('没有索引号前缀（code）');
    expect(refused.stderr).toContain('--index-number');
    const given = runScript('new', ['--agency', 'tjj', '--column', 'jhzj', '--title', '统计局的文件', '--date', '2020-06-01', '--index-number', '449900-099/2020-00001', '--content', contentDir]);
    expect(given.code, given.output).toBe(0);
    expectCheckPasses(contentDir);
  });

  it('never overwrites a file', () => {
    const contentDir = copyFixture('portal');
    const args = ['--agency', 'jyj', '--column', 'jhzj', '--date', '2020-06-01', '--slug', 'jyj-anpai', '--content', contentDir];
    expect(runScript('new', [...args, '--title', '第一份']).code).toBe(0);
    const second = runScript('new', [...args, '--title', '第二份']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('已经存在');
    expect(readFileSync(join(contentDir, 'reports', '2020', 'jyj-anpai.md'), 'utf8')).toContain('title: 第一份');
  });

  it('still numbers correctly when another report has errors', () => {
    const contentDir = copyFixture('portal');
    writeContentFile(
      contentDir,
      'reports/2020/broken.md',
      reportSource({ title: '日期写错的文件', indexNumber: '449900-021/2020-00009', agency: 'jyj', column: 'jhzj', date: '2020-02-30' }),
    );
    const result = runScript('new', ['--agency', 'jyj', '--column', 'jhzj', '--title', '标题', '--date', '2020-06-01', '--content', contentDir]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain('449900-021/2020-00010');
  });
});

describe('npm run import', () => {
  const cases = [
    { file: 'article.html', args: [], written: 'reports/2023/article.md', indexNumber: '449900-000/2023-00021', notes: [] },
    { file: 'legacy-gbk.htm', args: [], written: 'reports/2024/legacy-gbk.md', indexNumber: '449900-021/2024-00006', notes: [] },
    { file: 'colon-lines.txt', args: [], written: 'reports/2022/colon-lines.md', indexNumber: '449900-040/2022-00017', notes: [] },
    {
      file: 'source-line.txt',
      args: [],
      written: 'reports/2023/source-line.md',
      generated: { prefix: '449900-033', year: 2023 },
      notes: ['发布机构（agency）', '发文日期（date）', '索引号（indexNumber）'],
    },
    {
      file: 'pipe-table.txt',
      args: ['--title', '样例县教育局2020年工作情况报告', '--column', 'jhzj'],
      written: 'reports/2021/pipe-table.md',
      indexNumber: '449900-021/2021-00031',
      notes: ['标题（title）', '栏目（column）'],
    },
    {
      file: 'bare-body.txt',
      args: ['--title', '样例县教育局2022年度学校安全工作情况报告', '--agency', 'jyj', '--column', 'jhzj'],
      written: 'reports/2023/bare-body.md',
      generated: { prefix: '449900-021', year: 2023 },
      notes: ['标题（title）', '栏目（column）', '发布机构（agency）', '发文日期（date）', '索引号（indexNumber）'],
    },
  ];

  for (const { file, args, written, notes, ...expected } of cases) {
    it(`imports ${file} into a report that passes the check, saying which fields it filled in`, () => {
      const contentDir = copyFixture('portal');
      const { generated } = expected as { generated?: { prefix: string; year: number } };
      const indexNumber = generated
        ? `${generated.prefix}/${generated.year}-${serial(highestSerial(contentDir, generated.prefix, generated.year) + 1)}`
        : (expected as { indexNumber: string }).indexNumber;
      const result = runScript('import', [importFixture(file), ...args, '--content', contentDir]);
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toContain(written);
      expect(readFileSync(join(contentDir, written), 'utf8')).toMatch(new RegExp(`^indexNumber: ${indexNumber}$`, 'm'));
      for (const note of notes) expect(result.stdout).toMatch(new RegExp(`^  ${note.replace(/[()（）]/g, '\\$&')}：`, 'm'));
      expect(result.stdout.split('\n').filter((line) => /^ {2}\S+（[a-zA-Z]+）：/.test(line))).toHaveLength(notes.length);
      if ('generated' in expected) expect(result.stdout).toContain(`已生成 ${indexNumber}`);
      expectCheckPasses(contentDir);
    });
  }

  it('refuses a page whose column it cannot determine, and writes nothing', () => {
    const contentDir = copyFixture('portal');
    const before = reportFiles(contentDir);
    const result = runScript('import', [importFixture('pipe-table.txt'), '--title', '标题', '--content', contentDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法确定栏目（column）');
    expect(result.stderr).toContain('--column');
    expect(reportFiles(contentDir)).toEqual(before);
  });

  it('refuses to import the same page twice, and imports the others of the same run', () => {
    const contentDir = copyFixture('portal');
    expect(runScript('import', [importFixture('colon-lines.txt'), '--content', contentDir]).code).toBe(0);
    const again = runScript('import', [importFixture('colon-lines.txt'), importFixture('article.html'), '--content', contentDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('449900-040/2022-00017');
    expect(again.stderr).toContain('可能已经导入过');
    expect(again.stdout).toContain('reports/2023/article.md');
    expectCheckPasses(contentDir);
  });
});
