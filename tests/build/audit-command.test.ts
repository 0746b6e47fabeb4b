/**
 * npm run audit as an office runs it: on the sample content, on the fixture
 * portal, with --json and --html, and with bad arguments or bad content.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/lib/audit/index.ts';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { projectRoot, runScript } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';

const cacheDir = join(tempDir('audit-cache'), 'cache');
const audit = (...args: string[]) => runScript('audit', [...args, '--cache-dir', cacheDir]);

describe('npm run audit on the sample content', () => {
  const run = audit('--content', join(projectRoot, 'content'), '--date', '2025-05-01', '--json');
  const result = JSON.parse(run.stdout) as AuditResult;
  const check = (rule: string, agencyId: string, year: number) => result.annualReports.checks.find((c) => c.rule.startsWith(rule) && c.agencyId === agencyId && c.year === year);

  it('finds an annual report on time, one late, one missing, and a stale column — and exits 1', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(check('政府信息公开工作年度报告（部门）', 'mzj', 2023)).toMatchObject({ status: 'on-time', report: { published: '2024-01-26 10:05' } });
    expect(check('政府信息公开工作年度报告（本级政府）', 'zfb', 2023)).toMatchObject({ status: 'late', days: 8, due: '2024-03-31' });
    expect(check('法治政府建设年度报告', 'scjg', 2022)).toMatchObject({ status: 'late', days: 19 });
    expect(check('法治政府建设年度报告', 'yjj', 2024)).toMatchObject({ status: 'missing', due: '2025-04-01', days: 30 });
    expect(result.columns.find((c) => c.columnId === 'gzdt')).toMatchObject({ status: 'stale', maxAge: '2周', newest: { published: '2024-09-03 16:10' } });
    expect(result.summary.overdue).toBeGreaterThan(0);
    expect(run.stderr).toContain(`有 ${result.summary.overdue} 项逾期，退出码 1。`);
  });

  it('finds the sample’s missing attachment and the 相关稿件 that expired', () => {
    expect(result.metadata.map((finding) => finding.kind)).toEqual(expect.arrayContaining(['attachment', 'related', 'index-gap']));
  });

  it('prints Chinese tables on a terminal and writes a standalone HTML report', () => {
    const html = join(tempDir('audit-html'), 'report', '合规检查.html');
    const text = audit('--content', join(projectRoot, 'content'), '--date', '2025-05-01', '--html', html);
    expect(text.stdout).toContain('政务公开合规检查：示例市示例区人民政府');
    expect(text.stdout).toMatch(/│ 示例区市场监督管理局\s+│.*晚19天/);
    expect(text.stdout).toContain('政务公开 > 工作动态');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<title>政务公开合规检查 · 示例市示例区人民政府 · 2025-05-01</title>');
    expect(page).toContain('晚19天');
  });
});

describe('npm run audit, exit codes', () => {
  it('exits 0 when nothing is overdue', () => {
    const contentDir = copyFixture('portal');
    appendFileSync(join(contentDir, 'site.yaml'), 'audit:\n  annualReports: []\n');
    writeContentFile(contentDir, 'reports/2023/hdjl.md', reportSource({ title: '互动交流栏目的第一份文件', indexNumber: '449900-000/2023-00030', agency: 'xzf', column: 'hdjl', date: '2023-06-01' }));
    const run = audit('--content', contentDir, '--date', '2024-01-01');
    expect(run.code, run.output).toBe(0);
    expect(run.stderr).toContain('没有逾期事项。');
  });

  it('refuses a date that does not exist, in Chinese, with exit code 2', () => {
    const run = audit('--content', copyFixture('portal'), '--date', '2025-02-29');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--date “2025-02-29” 不是有效日期：2025年2月只有28天');
    expect(run.output).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses to audit content with errors, naming them', () => {
    const contentDir = copyFixture('portal');
    writeContentFile(contentDir, 'reports/bad.md', reportSource({ title: '坏日期', indexNumber: '449900-000/2023-00031', agency: 'xzf', column: 'hdjl', date: '2023-13-01' }));
    const run = audit('--content', contentDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('发文日期（date）');
    expect(run.stderr).toContain('合规检查未进行：内容有错误');
  });
});
