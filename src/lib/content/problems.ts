/**
 * Problems found in content: each names the file, the line, the field (its
 * Chinese label and English key), what is wrong and how to fix it.
 */
import type * as z from 'zod';
import { labelFor } from './schema.ts';
import { keyPathOf } from './yaml.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path relative to the project, with forward slashes. */
  file: string;
  line?: number | undefined;
  /** Dotted key, e.g. `signature.date` or `attachments[0].file`. */
  key?: string | undefined;
  message: string;
  /** How to fix it. */
  hint?: string | undefined;
}

/** `发文日期（date）` — how a field is named in every message. */
export function fieldName(path: readonly PropertyKey[]): string {
  const key = keyPathOf(path);
  const label = labelFor(path);
  return label ? `${label}（${key}）` : key;
}

function describeValue(value: unknown): string {
  if (value === undefined) return '缺少此项';
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '键值对';
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `是/否值 ${value}`;
  return `文字“${String(value)}”`;
}

const EXPECTED: Record<string, string> = {
  string: '文字',
  number: '数字',
  array: '列表（每行以 - 开头）',
  object: '键值对（下一行缩进写 键: 值）',
  boolean: 'true 或 false',
};

/** A Chinese message for a Zod issue; custom checks already carry their own. */
export function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填项';
      return `应为${EXPECTED[issue.expected] ?? issue.expected}，实际是${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'too_small':
      return issue.origin === 'array' ? `至少需要 ${String(issue.minimum)} 项` : '不能为空';
    case 'too_big':
      return issue.origin === 'string' ? `太长，有 ${String(issue.input).length} 个字，最多 ${String(issue.maximum)} 个字` : undefined;
    case 'invalid_value':
      return `只能是 ${issue.values.map(String).join(' 或 ')}`;
    default:
      return undefined;
  }
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Sort by file, then line, so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.severity.localeCompare(b.severity),
  );
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const tag = problem.severity === 'error' ? '错误' : '警告';
  const lines = [`${where}  ${tag}  ${problem.message}`];
  if (problem.hint) lines.push(`    → ${problem.hint}`);
  return lines.join('\n');
}

export function formatSummary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors === 0 && warnings === 0) return '内容检查通过，没有发现问题。';
  return `共发现 ${errors} 个错误、${warnings} 个警告。${errors > 0 ? '请先修正错误，再重新构建。' : ''}`;
}
