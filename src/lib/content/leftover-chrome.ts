/**
 * Warnings for what does not belong in a report's body: page chrome copied
 * from an old portal along with the text (当前位置 lines, 阅读次数, 打印 /
 * 关闭 bars, footers), and the hint and placeholder headings `npm run new`
 * writes for the editor to replace.
 */
import { leftoverChrome } from '../page-chrome.ts';
import { NEW_REPORT_BODY } from '../report-file.ts';
import type { Problem } from './problems.ts';

const PLACEHOLDER_LINES = new Set(
  NEW_REPORT_BODY.split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
);
/** What a line says once its Markdown or HTML markup is set aside. */
const plain = (line: string) =>
  line
    .replace(/<[^<>]*>/g, '')
    .replace(/^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, '')
    .replace(/\\(.)/g, '$1')
    .trim()
    .replace(/^[*_]+|[*_]+$/g, '');
const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function leftoverProblems(file: string, body: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  let placeholderAt: number | undefined;
  body.split('\n').forEach((line, index) => {
    if (PLACEHOLDER_LINES.has(line.trim())) {
      placeholderAt ??= bodyLine + index;
      return;
    }
    const text = plain(line);
    const found = leftoverChrome(text);
    if (found === undefined) return;
    problems.push({
      severity: 'warning',
      file,
      line: bodyLine + index,
      message: `正文中有旧网站页面上的“${found}”，不是文件内容：${excerpt(text)}`,
      hint: '删除这一行；用 npm run import 导入的页面不会带入这类内容',
    });
  });
  if (placeholderAt !== undefined) {
    problems.push({
      severity: 'warning',
      file,
      line: placeholderAt,
      message: '正文还是 npm run new 写的提示和占位标题（“在这里写正文开头的一段……”“一、……”）',
      hint: '把提示和占位标题换成文件的正文',
    });
  }
  return problems;
}
