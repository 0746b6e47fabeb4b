import { tempDir } from '../helpers/temp.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../../src/lib/content/problems.ts';
import { reportFrontmatterSchema } from '../../src/lib/content/schema.ts';
import { splitFrontMatter } from '../../src/lib/content/source.ts';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { defaultSlug, serializeReport, slugFromTitle, slugProblem, writeNewReport } from '../../src/lib/report-file.ts';

/** Reads a written file back the way the content check does. */
function readBack(text: string) {
  const split = splitFrontMatter(text);
  const parsed = parseYaml(split.frontMatter ?? '');
  expect(parsed.errors).toEqual([]);
  return { value: parsed.value, data: reportFrontmatterSchema.parse(parsed.value, { error: issueMessage }), body: split.body };
}

describe('serializing a report', () => {
  const awkward = {
    title: '关于“#1号”文件: 说明',
    indexNumber: '449900-021/2021-00031',
    agency: 'jyj',
    column: 'jhzj',
    date: '2021-03-04',
    published: '2021-03-05 09:30',
    category: '2021',
    docNumber: "*样教〔2021〕4号 'A'",
    source: '- 县教育局',
    editor: '@林晓',
    addressee: '区人民政府：',
    signature: { org: '样例县教育局', date: '2021-03-04' },
  };

  it('writes values that read back unchanged, whatever characters they hold', () => {
    const { value, data, body } = readBack(serializeReport(awkward, '正文。'));
    expect(value).toEqual(awkward);
    expect(data.title).toBe(awkward.title);
    expect(body.trim()).toBe('正文。');
  });

  it('writes the date plain and the publishing time quoted', () => {
    const text = serializeReport(awkward, '正文。');
    expect(text).toMatch(/^date: 2021-03-04$/m);
    expect(text).toMatch(/^published: "2021-03-05 09:30"$/m);
  });

  it('writes fields in the order of the contract and leaves out missing ones', () => {
    const text = serializeReport({ date: '2021-03-04', column: 'jhzj', title: '标题', agency: 'jyj', indexNumber: '1', editor: undefined }, '正文。');
    expect(text.split('\n').slice(1, 6).map((line) => line.split(':')[0])).toEqual(['title', 'indexNumber', 'agency', 'column', 'date']);
    expect(text).not.toContain('editor');
  });

  it('writes placeholders as comments that the check ignores', () => {
    const text = serializeReport({ title: '标题', indexNumber: '1', agency: 'jyj', column: 'jhzj', date: '2021-03-04' }, '正文。', ['category: 工作计划  # 组配分类']);
    expect(text).toContain('# category: 工作计划  # 组配分类\n');
    expect(readBack(text).value).toEqual({ title: '标题', indexNumber: '1', agency: 'jyj', column: 'jhzj', date: '2021-03-04' });
  });
});

describe('report file names', () => {
  it('default to agency, date and serial', () => {
    expect(defaultSlug('sfj', '2026-11-23', '339901-012/2026-00012')).toBe('sfj-20261123-00012');
    expect(defaultSlug('sfj', '2026-11-23', '样司〔2026〕1号')).toBe('sfj-20261123');
  });

  it('of imported reports come from a short form of the title, never from the page’s file name', () => {
    expect(slugFromTitle('样例县教育局关于做好2024年春季开学工作的通知', ['样例县教育局', '县教育局'], '449900-021/2024-00006')).toBe('做好2024年春季开学工作的通知');
    expect(slugFromTitle('《样例县乡村道路养护办法》政策解读', ['样例县人民政府'], '449900-000/2023-00021')).toBe('样例县乡村道路养护办法政策解读');
    // Only letters and digits: no spaces, %, ?, #, \ or punctuation reach a URL; full-width digits become ASCII.
    expect(slugFromTitle('关于 2021年“双随机、一公开”#抽查% 结果？的公示／通报', [], 'x')).toBe('2021年双随机一公开抽查结果的公示通报');
    expect([...slugFromTitle('样例县人民政府关于印发样例县二〇二四年度重点民生实事项目实施方案和责任分工的通知', ['样例县人民政府'], 'x')]).toHaveLength(24);
  });

  it('of imported reports keep the agency’s name when the rest is short, and fall back to the index number when the title has no letters', () => {
    expect(slugFromTitle('样例县教育局通知', ['样例县教育局'], '449900-021/2024-00006')).toBe('样例县教育局通知');
    expect(slugFromTitle('……', [], '449900-021/2024-00006')).toBe('449900-021-2024-00006');
    expect(slugFromTitle('“！”', [], '样教〔2024〕2号')).toBe('样教-2024-2号');
  });

  it('are never a Windows device name, which a Windows server cannot store (the check refuses them)', () => {
    expect(slugFromTitle('CON', [], '449900-021/2024-00006')).toBe('449900-021-2024-00006');
    expect(slugFromTitle('Lpt1', [], '449900-021/2024-00007')).toBe('449900-021-2024-00007');
    expect(slugProblem('nul')).toContain('Windows');
  });

  it('fall back to report when the index number gives no publishable name either', () => {
    expect(slugFromTitle('——', [], '——')).toBe('report');
    expect(slugFromTitle('——', [], 'CON')).toBe('report');
  });

  it('follow the rule for URL segments', () => {
    expect(slugProblem('jyj-2021-jihua')).toBeUndefined();
    expect(slugProblem('Jihua')).toMatch(/小写/);
    expect(slugProblem('2021')).toMatch(/数字/);
  });
});

describe('writing a new report', () => {
  it('never replaces a file: renames when allowed, else reports the taken path', async () => {
    const contentDir = tempDir('report-file');
    const reportsDir = join(contentDir, 'reports');
    const first = await writeNewReport(contentDir, '2021', 'jyj-a', 'first', true);
    const second = await writeNewReport(contentDir, '2021', 'jyj-a', 'second', true);
    const third = await writeNewReport(contentDir, '2021', 'jyj-a', 'third', false);
    expect(first).toEqual({ written: join(reportsDir, '2021', 'jyj-a.md'), renamed: false });
    expect(second).toEqual({ written: join(reportsDir, '2021', 'jyj-a-2.md'), renamed: true });
    expect(third).toEqual({ taken: join(reportsDir, '2021', 'jyj-a.md') });
    expect(readFileSync(join(reportsDir, '2021', 'jyj-a.md'), 'utf8')).toBe('first');
  });

  it('never beside a name that differs only in letter case or Unicode form (one file on a Windows server)', async () => {
    const contentDir = tempDir('report-file');
    const first = await writeNewReport(contentDir, '2021', 'JYJ-A', 'first', true);
    const second = await writeNewReport(contentDir, '2021', 'jyj-a', 'second', true);
    expect(second).toEqual({ written: join(contentDir, 'reports', '2021', 'jyj-a-2.md'), renamed: true });
    expect(await writeNewReport(contentDir, '2021', 'jyj-a', 'third', false)).toEqual({ taken: join(contentDir, 'reports', '2021', 'jyj-a.md') });
    expect('written' in first && readFileSync(first.written, 'utf8')).toBe('first');
  });
});
