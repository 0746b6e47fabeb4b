/**
 * npm run audit's logic on the fixture portal with a few reports added:
 * which annual reports are on time, late, missing or not due yet; empty and
 * stale columns; incomplete metadata; and the settings' own errors.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReportCheck } from '../../src/lib/audit/annual-reports.ts';
import { addPeriod, daysBetween } from '../../src/lib/audit/calendar.ts';
import { formatAuditHtml } from '../../src/lib/audit/format-html.ts';
import { formatAuditText } from '../../src/lib/audit/format-text.ts';
import { auditPortal, type AuditResult } from '../../src/lib/audit/index.ts';
import { attachmentsNamedIn } from '../../src/lib/audit/named-attachments.ts';
import { readAuditSettings } from '../../src/lib/audit/settings.ts';
import type { AuditSettings } from '../../src/lib/content/audit-schema.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { readReportBody } from '../../src/lib/content/source.ts';
import { indexPortal, type PortalIndex } from '../../src/lib/portal-index.ts';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';

const FAZHI = '法治政府建设年度报告';
const DEPARTMENTS = '政府信息公开工作年度报告（部门）';
const GOVERNMENT = '政府信息公开工作年度报告（本级政府）';

let portal: PortalIndex;
let settings: AuditSettings;
const audit = (today: string, overrides: Partial<AuditSettings> = {}) =>
  auditPortal(portal, { ...settings, ...overrides }, today, (report) => readReportBody(report.sourcePath));
const cell = (result: AuditResult, rule: string, agencyId: string, year: number): AnnualReportCheck | undefined =>
  result.annualReports.checks.find((check) => check.rule === rule && check.agencyId === agencyId && check.year === year);

beforeAll(async () => {
  const contentDir = copyFixture('portal');
  const add = (path: string, fields: Record<string, string>, body = '正文。', extra = '') =>
    writeContentFile(contentDir, path, reportSource({ agency: 'jyj', column: 'fzzfjs', ...fields } as Parameters<typeof reportSource>[0], body, extra));
  // The 2020 report, its year only in the title, published the day after the deadline.
  add('reports/2021/jyj-fazhi.md', { title: '样例县教育局2020年度法治政府建设工作报告', indexNumber: '449900-021/2021-00003', date: '2021-03-30', published: '2021-04-02 08:00' });
  // No year anywhere: it covers the year before its date; published in the last minute of the deadline.
  add('reports/2022/nyj-fazhi.md', { title: '样例县农业农村局法治政府建设年度报告', indexNumber: '449900-040/2022-00002', agency: 'nyj', date: '2022-04-01', published: '2022-04-01 23:59', category: FAZHI });
  // The government's report, recognised by its title.
  add('reports/2023/xzf-xxgk.md', { title: '样例县人民政府2022年政府信息公开工作年度报告', indexNumber: '449900-000/2023-00020', agency: 'xzf', column: 'zcjd', date: '2023-03-31', docNumber: '样府〔2023〕1号' });
  // Metadata: an attachment named but not carried, one named and carried, a repealed document cited, numbers out of order.
  add(
    'reports/2021/jyj-tongzhi.md',
    { title: '样例县教育局关于做好2021年招生工作的通知', indexNumber: '449900-021/2021-00001', date: '2021-05-10', column: 'jhzj' },
    '请各校按要求报送。\n\n附件：1. 招生计划表\n      2. 学校名单\n',
    'attachments:\n  - title: 2019年学校名单\n    file: 2019/学校名单.txt\nrelated:\n  - 449900-021/2021-00002\n',
  );
  add('reports/2021/jyj-feizhi.md', { title: '样例县教育局旧办法', indexNumber: '449900-021/2021-00002', date: '2021-01-05', column: 'jhzj', validity: '废止' });
  add('reports/2021/jyj-jianyi.md', { title: '样例县教育局关于提请审议的说明', indexNumber: '449900-021/2021-00009', date: '2021-02-01', column: 'jhzj' }, '有关数据详见附件。');
  appendFileSync(
    join(contentDir, 'site.yaml'),
    'audit:\n  columns:\n    jhzj: { type: 动态 }\n    zcjd: { type: 政策文件, maxAge: 1年 }\n    fzzfjs: { requireDocNumber: false }\n',
  );
  const loaded = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-01-01' });
  if (!loaded.portal) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  portal = indexPortal(loaded.portal);
  settings = await readAuditSettings(contentDir);
});

describe('annual reports', () => {
  it('are on time when published on the deadline day, even in its last minute', () => {
    expect(cell(audit('2023-06-01'), FAZHI, 'nyj', 2021)).toMatchObject({ status: 'on-time', due: '2022-04-01', days: 0 });
  });

  it('are late by the days after the deadline, the year taken from the title', () => {
    expect(cell(audit('2023-06-01'), FAZHI, 'jyj', 2020)).toMatchObject({ status: 'late', due: '2021-04-01', days: 1, report: { indexNumber: '449900-021/2021-00003' } });
  });

  it('count the year from the `year` field when it differs from the date', () => {
    // wjw-fazhi.md: year 2019, dated 2020-03-02, published 2020-03-05.
    expect(cell(audit('2023-06-01'), FAZHI, 'wjw', 2019)).toMatchObject({ status: 'on-time', report: { published: '2020-03-05 08:15' } });
  });

  it('are missing after the deadline, with the days since; not due yet before it', () => {
    expect(cell(audit('2023-06-01'), FAZHI, 'nyj', 2022)).toMatchObject({ status: 'missing', due: '2023-04-01', days: 61 });
    expect(cell(audit('2023-03-20'), FAZHI, 'nyj', 2022)).toMatchObject({ status: 'pending', days: 12 });
    expect(cell(audit('2023-04-01'), FAZHI, 'nyj', 2022)).toMatchObject({ status: 'pending', days: 0 });
    expect(cell(audit('2023-04-02'), FAZHI, 'nyj', 2022)).toMatchObject({ status: 'missing', days: 1 });
  });

  it('never check the current year, whose reports are due next year', () => {
    const result = audit('2023-12-31');
    expect(result.annualReports.checks.some((check) => check.year === 2023)).toBe(false);
    expect(result.annualReports.rules.find((rule) => rule.name === FAZHI)!.years.at(-1)).toBe(2022);
  });

  it('start with the first year due after the site’s first report (2019-01-15), or at `since`', () => {
    expect(audit('2023-06-01').annualReports.rules.every((rule) => rule.years[0] === 2018)).toBe(true);
    const early = { ...settings.annualReports[0]!, name: '一月十日截止', deadline: '01-10' };
    expect(audit('2023-06-01', { annualReports: [early] }).annualReports.rules[0]!.years).toEqual([2019, 2020, 2021, 2022]);
    expect(audit('2023-06-01', { since: 2021 }).annualReports.rules.every((rule) => rule.years[0] === 2021)).toBe(true);
  });

  it('ask the government (the agency named 人民政府) for its own report and every other agency for theirs', () => {
    const result = audit('2023-06-01');
    const filers = Object.fromEntries(result.annualReports.rules.map((rule) => [rule.name, rule.filers]));
    expect(filers[GOVERNMENT]).toEqual(['样例县人民政府']);
    expect(filers[DEPARTMENTS]).toEqual(['样例县教育局', '样例县卫生健康局', '样例县农业农村局']);
    expect(filers[FAZHI]).toHaveLength(4);
    expect(cell(result, GOVERNMENT, 'xzf', 2022)).toMatchObject({ status: 'on-time', due: '2023-03-31' });
    expect(cell(result, DEPARTMENTS, 'xzf', 2022)).toBeUndefined();
  });

  it('say so when no agency stands for the government', () => {
    const result = audit('2023-06-01', { government: 'no-such' });
    expect(result.annualReports.checks.some((check) => check.rule === GOVERNMENT)).toBe(false);
    expect(result.annualReports.notes.join()).toContain('audit.government');
  });

  it('count what can still be put right as overdue: missing reports, empty and stale columns', () => {
    const { summary } = audit('2023-06-01');
    expect(summary.overdue).toBe(summary.missing + summary.emptyColumns + summary.staleColumns);
    expect(summary.late).toBeGreaterThan(0);
  });
});

describe('columns', () => {
  it('list an empty column', () => {
    expect(audit('2023-06-01').columns.find((check) => check.columnId === 'hdjl')).toMatchObject({ status: 'empty', path: '互动交流', newest: undefined });
  });

  it('find a news column stale two weeks after its newest report, naming the report and the limit', () => {
    const jhzj = audit('2023-06-01').columns.find((check) => check.columnId === 'jhzj')!;
    expect(jhzj).toMatchObject({ status: 'stale', maxAge: '2周', maxAgeFrom: '动态类栏目默认', path: '信息公开 > 法定主动公开内容 > 计划总结' });
    expect(jhzj.due).toBe(addPeriod(jhzj.newest!.published.slice(0, 10), { count: 14, unit: '天' }));
    expect(jhzj.days).toBe(daysBetween(jhzj.due!, '2023-06-01'));
  });

  it('use the column’s own limit over its type’s', () => {
    const zcjd = audit('2023-06-01').columns.find((check) => check.columnId === 'zcjd')!;
    expect(zcjd).toMatchObject({ status: 'fresh', maxAge: '1年', maxAgeFrom: 'site.yaml 设定', newest: { published: '2023-05-07 00:00' }, due: '2024-05-07' });
    expect(audit('2024-05-08').columns.find((check) => check.columnId === 'zcjd')).toMatchObject({ status: 'stale', days: 1 });
  });

  it('leave out columns with reports and no limit', () => {
    expect(audit('2023-06-01').columns.map((check) => check.columnId).sort()).toEqual(['hdjl', 'jhzj', 'zcjd']);
  });
});

describe('metadata', () => {
  const findings = (kind: string) => audit('2023-06-01').metadata.filter((finding) => finding.kind === kind);

  it('asks for a 文号 in a 政策文件 column, not where a column says it needs none', () => {
    const files = findings('doc-number').map((finding) => finding.report.file);
    expect(files).toContain('reports/2023/hostile.md');
    expect(files).not.toContain('reports/2023/xzf-xxgk.md');
    expect(files.every((file) => !file.includes('fazhi'))).toBe(true);
    expect(findings('doc-number')[0]!.message).toBe('缺少文号（docNumber）：栏目“政策解读”是政策文件类栏目');
  });

  it('finds an attachment the body lists but the report does not carry, and matches one it does', () => {
    const messages = findings('attachment').filter((finding) => finding.report.file === 'reports/2021/jyj-tongzhi.md').map((finding) => finding.message);
    expect(messages).toEqual(['正文列出附件“招生计划表”，但文件头的附件（attachments）中没有']);
  });

  it('finds “详见附件” in a report with no attachment', () => {
    expect(findings('attachment').find((finding) => finding.report.file === 'reports/2021/jyj-jianyi.md')?.message).toBe('正文提到“见附件”，但这份文件没有附件');
  });

  it('finds 相关稿件 that were repealed', () => {
    expect(findings('related').map((finding) => [finding.report.file, finding.message])).toEqual([
      ['reports/2021/jyj-tongzhi.md', '相关稿件（related）449900-021/2021-00002《样例县教育局旧办法》已废止'],
    ]);
  });

  it('finds gaps and numbers out of the order of issue, per agency and year', () => {
    const gaps = findings('index-gap').map((finding) => finding.message);
    expect(gaps).toContain('样例县教育局 2021 年的索引号有空号：449900-021/2021-00004 至 449900-021/2021-00008（5 个），在 449900-021/2021-00003 与 449900-021/2021-00009 之间');
    const order = findings('index-order').map((finding) => finding.report.indexNumber);
    // 00009 was issued 2021-02-01; 00003 (03-30) and 00001 (05-10) came later with lower numbers.
    expect(order).toEqual(expect.arrayContaining(['449900-021/2021-00003', '449900-021/2021-00001']));
    expect(order).not.toContain('449900-021/2021-00009');
  });
});

describe('named attachments', () => {
  it('reads the official forms: 附件：name, 附件1：name, a numbered list, and links', () => {
    expect(attachmentsNamedIn('附件：统计表。').names).toEqual(['统计表']);
    expect(attachmentsNamedIn('附件1：甲表\n附件2：《乙表》').names).toEqual(['甲表', '乙表']);
    expect(attachmentsNamedIn('**附件：**\n\n1. 甲表\n2. 乙表\n\n正文继续。\n3. 不是附件').names).toEqual(['甲表', '乙表']);
    expect(attachmentsNamedIn('附件：[甲表](/attachments/a.pdf)').names).toEqual([]);
    expect(attachmentsNamedIn('附件：无').names).toEqual([]);
    expect(attachmentsNamedIn('本文没有附件。').mentioned).toBe(false);
  });
});

describe('calendar', () => {
  it('adds months keeping the day, or the month’s last day', () => {
    expect(addPeriod('2023-08-31', { count: 6, unit: '个月' })).toBe('2024-02-29');
    expect(addPeriod('2023-12-20', { count: 2, unit: '周' })).toBe('2024-01-03');
    expect(addPeriod('2024-02-29', { count: 1, unit: '年' })).toBe('2025-02-28');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('output', () => {
  it('the terminal table shows each agency’s years and the late report with its dates', () => {
    const text = formatAuditText(audit('2023-06-01'));
    expect(text).toContain('检查日期：2023-06-01（北京时间）');
    expect(text).toMatch(/│ 样例县教育局\s+│.*晚1天/);
    expect(text).toContain('晚公开：样例县教育局 2020年度法治政府建设年度报告，截止 2021-04-01，2021-04-02 才发布，晚 1 天');
    expect(text).toContain('互动交流');
  });

  it('the HTML report escapes content and loads nothing', () => {
    const result = audit('2023-06-01');
    result.metadata[0]!.report.title = '<script>alert(1)</script>';
    const html = formatAuditHtml(result);
    expect(html).not.toContain('<script');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|\ssrc=/);
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
  });
});

describe('settings errors', () => {
  const siteLines = readFileSync(join(copyFixture('portal'), 'site.yaml'), 'utf8').split('\n').length - 1;
  async function problemsWith(auditYaml: string) {
    const contentDir = copyFixture('portal');
    appendFileSync(join(contentDir, 'site.yaml'), auditYaml);
    writeContentFile(contentDir, 'reports/.keep', '');
    const { problems } = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-01-01' });
    return problems.filter((problem) => problem.severity === 'error').map(formatProblem);
  }

  it('name the field, the line and the fix', async () => {
    const problems = await problemsWith('audit:\n  annualReports:\n    - name: 测试报告\n      filers: 部门\n      deadline: 02-30\n      titles: [测试]\n');
    expect(problems).toEqual([
      `site.yaml:${siteLines + 5}  错误  截止日期（audit.annualReports[0].deadline）：“02-30” 不是每年都有的日期：应写成 月-日，例如 01-31\n    → 写次年的截止月日，例如 deadline: 01-31`,
    ]);
  });

  it('refuse a rule that cannot recognise any report, and a limit that is not a period', async () => {
    const problems = await problemsWith('audit:\n  annualReports:\n    - name: 测试报告\n      filers: 全部\n      deadline: 01-31\n  columns:\n    jhzj: { maxAge: 两周 }\n');
    expect(problems.join('\n')).toContain('至少写一种识别方式');
    expect(problems.join('\n')).toContain('更新期限（audit.columns.jhzj.maxAge）：“两周” 不是有效的期限');
  });

  it('refuse columns and agencies the registries do not have', async () => {
    const problems = await problemsWith('audit:\n  government: zhengfu\n  columns:\n    gzdt: { type: 动态 }\n');
    expect(problems).toEqual([
      `site.yaml:${siteLines + 2}  错误  本级政府（audit.government） “zhengfu” 不在 agencies.yaml 中\n    → 可用的机构 id：xzf、jyj、wjw、nyj`,
      `site.yaml:${siteLines + 4}  错误  栏目要求（audit.columns）中的栏目 “gzdt” 不在 site.yaml 的栏目树中\n    → 可用的栏目 id：xxgk、fdzdgknr、jhzj、fzzfjs、zcjd、hdjl`,
    ]);
  });

  it('refuse an unknown 有效性', async () => {
    const contentDir = copyFixture('portal');
    writeContentFile(contentDir, 'reports/v.md', reportSource({ title: '测试', indexNumber: '449900-021/2021-00900', agency: 'jyj', column: 'jhzj', date: '2021-03-04', validity: '作废' }));
    const { problems } = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-01-01' });
    expect(problems.filter((p) => p.file === 'reports/v.md').map(formatProblem)).toEqual(['reports/v.md:7  错误  有效性（validity）：只能是 有效、失效 或 废止\n    → 写 有效、失效 或 废止']);
  });
});
