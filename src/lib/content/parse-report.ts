/**
 * One report file's text → its front matter, validated on its own (no other
 * file consulted). The front matter is split and parsed here rather than with
 * gray-matter, the usual library: gray-matter gives no line numbers (every
 * problem here names its line) and parses with js-yaml's YAML 1.1 rules,
 * which turn `date: 2021-02-30` into 2 March instead of letting the check refuse it.
 */
import { createHash } from 'node:crypto';
import { nearest } from '../suggest.ts';
import { schemaProblems, UNSAFE_HINT, withoutUnsafeCharacters } from './field-problems.ts';
import { leftoverProblems } from './leftover-chrome.ts';
import { issueMessage, type Problem } from './problems.ts';
import { REPORT_KEYS, reportFrontmatterSchema, type ReportFrontmatter } from './schema.ts';
import { splitFrontMatter } from './source.ts';
import { unsafeLines } from './text-safety.ts';
import { lineOf, parseYaml, type ParsedYaml } from './yaml.ts';

/** A report whose front matter is valid by itself; the cross-file checks come later. */
export interface ReportDraft {
  /** Path under reports/ without `.md`: the page's URL. */
  id: string;
  /** As messages show it. */
  file: string;
  absolutePath: string;
  data: ReportFrontmatter;
  parsed: Pick<ParsedYaml, 'lines' | 'firstLine'>;
  body: () => string;
  /** The line of the file where the body starts. */
  bodyLine: number;
  /** Of the whole file: keys its rendered body in the render cache. */
  digest: string;
}

export const reportId = (relativePath: string) => relativePath.replace(/\.md$/i, '');

export function parseReport(relativePath: string, absolutePath: string, file: string, text: string): { draft?: ReportDraft; problems: Problem[] } {
  const problems: Problem[] = [];
  const split = splitFrontMatter(text);
  if (split.fence !== 'ok') {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      message: split.fence === 'missing' ? '缺少文件头（front matter）：文件第一行应为 ---' : '文件头（front matter）没有结束：缺少第二个 --- 行',
      hint: '文件应以 --- 开头，接着写 title: 等字段，再用一行 --- 结束，然后才是正文',
    });
    return { problems };
  }
  const parsed = parseYaml(split.frontMatter ?? '', split.frontMatterLine);
  if (parsed.errors.length > 0) {
    problems.push(...parsed.errors.map((e): Problem => ({ severity: 'error', file, line: e.line, message: e.message, hint: e.hint })));
    return { problems };
  }
  if (parsed.value === null || parsed.value === undefined || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    problems.push({
      severity: 'error',
      file,
      line: split.frontMatterLine,
      message: '文件头（front matter）应是“字段: 值”的列表',
      hint: '每行写一个字段，例如 title: 标题',
    });
    return { problems };
  }
  const record = withoutUnsafeCharacters(parsed.value, file, parsed, problems) as Record<string, unknown>;
  for (const { line, characters } of unsafeLines(split.body)) {
    problems.push({ severity: 'warning', file, line: split.bodyLine + line - 1, message: `正文含有不可见的控制字符 ${characters}，发布时已删除`, hint: UNSAFE_HINT });
  }
  for (const key of Object.keys(record)) {
    if (REPORT_KEYS.includes(key)) continue;
    const suggestion = nearest(key, REPORT_KEYS);
    problems.push({
      severity: 'warning',
      file,
      line: lineOf(parsed, [key]),
      key,
      message: `不认识的字段 ${key}，已忽略`,
      hint: suggestion ? `是不是想写 ${suggestion}？` : '删除这一行，或检查字段名的拼写',
    });
  }
  const result = reportFrontmatterSchema.safeParse(record, { error: issueMessage });
  if (!result.success) {
    problems.push(...schemaProblems(file, parsed, result.error.issues));
    return { problems };
  }
  problems.push(...leftoverProblems(file, split.body, split.bodyLine));
  return {
    draft: {
      id: reportId(relativePath),
      file,
      absolutePath,
      data: result.data,
      parsed: { lines: parsed.lines, firstLine: parsed.firstLine },
      body: () => split.body,
      bodyLine: split.bodyLine,
      digest: createHash('sha256').update(text).digest('hex').slice(0, 20),
    },
    problems,
  };
}
