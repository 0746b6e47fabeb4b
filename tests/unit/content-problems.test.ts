/**
 * Every mistake an editor can make comes back as a problem naming the file,
 * the line, the field (Chinese label and key) and a fix; none of them crash.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem, type Problem } from '../../src/lib/content/problems.ts';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';

const base = { title: '测试文件', indexNumber: '449900-021/2021-00500', agency: 'jyj', column: 'jhzj', date: '2021-03-04' };

async function problemsWith(files: Record<string, string | Uint8Array>): Promise<Problem[]> {
  const contentDir = copyFixture('portal');
  for (const [path, text] of Object.entries(files)) writeContentFile(contentDir, path, text);
  const { problems } = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-11-23' });
  return problems;
}

const errorsIn = (problems: Problem[], file: string) => problems.filter((p) => p.severity === 'error' && p.file === file);

describe('refused content', () => {
  it('malformed YAML: names the line and explains in Chinese', async () => {
    const problems = await problemsWith({ 'reports/bad.md': '---\ntitle: 测试\nindexNumber: [未闭合\nagency: jyj\n---\n正文' });
    const [error] = errorsIn(problems, 'reports/bad.md');
    expect(error).toBeDefined();
    expect(error!.line).toBeGreaterThanOrEqual(3);
    expect(error!.message).toContain('YAML 格式错误');
    expect(error!.hint).toBeTruthy();
  });

  it('a full-width colon after a key, the commonest slip with a Chinese input method', async () => {
    const problems = await problemsWith({ 'reports/colon.md': `---\ntitle：测试\nindexNumber: 449900-021/2021-00501\nagency: jyj\ncolumn: jhzj\ndate: 2021-03-04\n---\n正文` });
    const [error] = errorsIn(problems, 'reports/colon.md');
    expect(error).toMatchObject({ line: 2 });
    expect(error!.message).toContain('全角冒号');
  });

  it('missing and empty required fields, each on its own', async () => {
    const { title: _title, ...withoutTitle } = base;
    const problems = await problemsWith({
      'reports/no-title.md': reportSource(withoutTitle as typeof base),
      'reports/empty-agency.md': reportSource({ ...base, indexNumber: '449900-021/2021-00502', agency: '""' }),
    });
    expect(errorsIn(problems, 'reports/no-title.md').map((p) => p.message)).toEqual(['标题（title）：缺少必填项']);
    const [empty] = errorsIn(problems, 'reports/empty-agency.md');
    expect(empty).toMatchObject({ key: 'agency', line: 4 });
    expect(empty!.message).toBe('发布机构（agency）：不能为空');
  });

  it('an impossible date that YAML 1.1 would silently roll over to 2 March', async () => {
    const problems = await problemsWith({ 'reports/date.md': reportSource({ ...base, date: '2021-02-30' }) });
    const [error] = errorsIn(problems, 'reports/date.md');
    expect(error).toMatchObject({ key: 'date', line: 6 });
    expect(error!.message).toBe('发文日期（date）：“2021-02-30” 不是有效日期：2021年2月只有28天');
    expect(error!.hint).toContain('YYYY-MM-DD');
  });

  it('a duplicate index number names both files', async () => {
    const problems = await problemsWith({ 'reports/dup.md': reportSource({ ...base, indexNumber: '449900-021/2019-00001' }) });
    const [error] = errorsIn(problems, 'reports/dup.md');
    expect(error!.message).toContain('449900-021/2019-00001');
    expect(error!.message).toContain('reports/2019/jyj-jihua.md');
    expect(errorsIn(problems, 'reports/2019/jyj-jihua.md')[0]!.message).toContain('reports/dup.md');
  });

  it('an unknown agency or column suggests the nearest', async () => {
    const problems = await problemsWith({
      'reports/agency.md': reportSource({ ...base, agency: '样例县教育' }),
      'reports/column.md': reportSource({ ...base, indexNumber: '449900-021/2021-00503', column: 'jhzi' }),
    });
    const [agency] = errorsIn(problems, 'reports/agency.md');
    expect(agency).toMatchObject({ key: 'agency', line: 4 });
    expect(agency!.hint).toContain('样例县教育局');
    const [column] = errorsIn(problems, 'reports/column.md');
    expect(column).toMatchObject({ key: 'column', line: 5 });
    expect(column!.hint).toContain('jhzj');
  });

  it('a related index number that does not exist, on its own line', async () => {
    const problems = await problemsWith({
      'reports/related.md': reportSource(base, '正文', 'related:\n  - 449900-021/2019-00001\n  - 449900-021/2019-00009\n'),
    });
    const [error] = errorsIn(problems, 'reports/related.md');
    expect(error).toMatchObject({ key: 'related[1]', line: 9 });
    expect(error!.message).toContain('449900-021/2019-00009');
  });

  it('a missing attachment file', async () => {
    const problems = await problemsWith({
      'reports/attachment.md': reportSource(base, '正文', 'attachments:\n  - title: 附件一\n    file: 2021/不存在.pdf\n'),
    });
    const [error] = errorsIn(problems, 'reports/attachment.md');
    expect(error).toMatchObject({ key: 'attachments[0].file', line: 9 });
    expect(error!.message).toContain('content/attachments/2021/不存在.pdf');
  });

  it('a file in an encoding it cannot trust is refused, naming the file', async () => {
    const big5 = new Uint8Array([...new TextEncoder().encode('---\ntitle: '), 0xac, 0x46, 0xa9, 0xb2, 0xb8, 0xea, 0xb0, 0x54, 0x0a]);
    const problems = await problemsWith({ 'reports/big5.md': big5 });
    const [error] = errorsIn(problems, 'reports/big5.md');
    expect(error!.message).toContain('无法识别文件编码');
    expect(error!.hint).toContain('UTF-8');
  });

  it('reports every problem at once, sorted by file and line', async () => {
    const problems = await problemsWith({
      'reports/a.md': reportSource({ ...base, date: '2021-13-01', column: 'nope' }),
      'reports/b.md': reportSource({ ...base, indexNumber: '449900-021/2021-00504', agency: 'nope' }),
    });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.file)).toEqual(['reports/a.md', 'reports/b.md']);
    const formatted = errors.map(formatProblem).join('\n');
    expect(formatted).toMatch(/^reports\/a\.md:6 {2}错误 {2}发文日期（date）/m);
    expect(formatted).toMatch(/^reports\/b\.md:4 {2}错误 {2}发布机构（agency）/m);
  });
});

describe('registry files broken as a whole', () => {
  it('an empty site.yaml: says the file, not an unnamed field, is wrong, with a hint', async () => {
    const [error] = errorsIn(await problemsWith({ 'site.yaml': '' }), 'site.yaml');
    expect(error!.message).toBe('文件内容：应为键值对（下一行缩进写 键: 值），实际是空值');
    expect(error!.hint).toBeTruthy();
  });

  it('an unclosed bracket nested 100 deep: one error, not one per level', async () => {
    const errors = errorsIn(await problemsWith({ 'site.yaml': `a: ${'['.repeat(100)}\n` }), 'site.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('YAML 格式错误');
  });
});

describe('warnings an inspector would raise', () => {
  it('a date in the future, an index number from another year, a prefix that is not the agency’s', async () => {
    const problems = await problemsWith({
      'reports/future.md': reportSource({ ...base, indexNumber: '449900-021/2027-00001', date: '2027-01-05' }),
      'reports/year.md': reportSource({ ...base, indexNumber: '449900-021/2020-00600' }),
      'reports/prefix.md': reportSource({ ...base, indexNumber: '449900-999/2021-00700' }),
    });
    const warnings = (file: string) => problems.filter((p) => p.file === file && p.severity === 'warning').map((p) => p.message);
    expect(warnings('reports/future.md').some((m) => m.includes('晚于今天'))).toBe(true);
    expect(warnings('reports/year.md')).toEqual(['索引号（indexNumber）中的年份 2020 与发文日期（date）2021-03-04 的年份不一致']);
    expect(warnings('reports/prefix.md').some((m) => m.includes('索引号前缀 449900-021'))).toBe(true);
    expect(problems.some((p) => p.severity === 'error')).toBe(false);
  });

  it('a 发布时间 later today: the page would say it was published at an hour not yet come', async () => {
    const contentDir = copyFixture('portal');
    writeContentFile(contentDir, 'reports/tonight.md', reportSource({ ...base, date: '2026-11-23', indexNumber: '449900-021/2026-00501' }, '正文', 'published: 2026-11-23 18:30\n'));
    writeContentFile(contentDir, 'reports/morning.md', reportSource({ ...base, date: '2026-11-23', indexNumber: '449900-021/2026-00502' }, '正文', 'published: 2026-11-23 08:00\n'));
    writeContentFile(contentDir, 'reports/dated.md', reportSource({ ...base, date: '2026-11-23', indexNumber: '449900-021/2026-00503' }, '正文', 'published: 2026-11-23\n'));
    const { problems } = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-11-23', now: '2026-11-23 09:15' });
    const warnings = (file: string) => problems.filter((p) => p.file === file && p.severity === 'warning').map((p) => p.message);
    expect(warnings('reports/tonight.md')).toEqual(['发布日期（published）2026-11-23 18:30 晚于现在（北京时间 2026-11-23 09:15）']);
    expect(warnings('reports/morning.md')).toEqual([]);
    expect(warnings('reports/dated.md')).toEqual([]);
  });

  it('a 发布日期 before the 发文日期: the page would show a document published before it was issued', async () => {
    const problems = await problemsWith({
      'reports/early.md': reportSource(base, '正文', 'published: 2021-03-01\n'),
      'reports/same-day.md': reportSource({ ...base, indexNumber: '449900-021/2021-00701' }, '正文', 'published: 2021-03-04 09:00\n'),
    });
    const warnings = (file: string) => problems.filter((p) => p.file === file && p.severity === 'warning');
    expect(warnings('reports/early.md')).toMatchObject([{ key: 'published', message: '发布日期（published）2021-03-01 早于发文日期（date）2021-03-04' }]);
    expect(warnings('reports/same-day.md')).toEqual([]);
  });

  it('an unknown key is a warning that suggests the right one', async () => {
    const problems = await problemsWith({ 'reports/typo.md': reportSource(base, '正文', 'catgory: 工作计划\n') });
    const [warning] = problems.filter((p) => p.file === 'reports/typo.md');
    expect(warning).toMatchObject({ severity: 'warning', line: 7 });
    expect(warning!.hint).toContain('category');
  });
});

describe('garbled front matter never crashes the check', () => {
  const fragments = [
    'title:', ' 标题', '\n', ': ', '- ', '[', ']', '{', '}', '"', "'", '#', '---', '\t', 'date: 2021-02-30', 'agency: jyj',
    'column: jhzj', 'indexNumber: x', '&a', '*a', '!!binary', '|', '>', '? ', '2021-03-04', '\u0000', '\uFEFF', '：', 'related:', '  - ',
    'attachments:', '    file: ', 'signature:', '  org: [1, 2]', 'year: 1e9', 'published: 2021-02-29 25:61',
  ];
  let seed = 20261123;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  it('gives a clean problem for 200 random front matters', async () => {
    const contentDir = copyFixture('portal');
    rmSync(`${contentDir}/reports`, { recursive: true });
    for (let i = 0; i < 200; i++) {
      const yaml = Array.from({ length: 1 + Math.floor(random() * 12) }, () => fragments[Math.floor(random() * fragments.length)]).join('');
      writeContentFile(contentDir, `reports/fuzz-${i}.md`, `---\n${yaml}\n---\n正文`);
    }
    const { portal, problems } = await loadContent({ contentDir, projectRoot: contentDir });
    const perFile = new Map<string, Problem[]>();
    for (const problem of problems) perFile.set(problem.file, [...(perFile.get(problem.file) ?? []), problem]);
    for (let i = 0; i < 200; i++) {
      const own = perFile.get(`reports/fuzz-${i}.md`) ?? [];
      expect(own.some((p) => p.severity === 'error'), `fuzz-${i}`).toBe(true);
      for (const problem of own) {
        expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
        expect(problem.message).not.toMatch(/at \w+ \(|TypeError|undefined/);
      }
    }
    expect(portal).toBeUndefined();
  });
});
