/** Problems with the value of one field, pointing at its line, each with how to fix it. */
import type * as z from 'zod';
import { AUDIT_FIELD_HINTS } from './audit-schema.ts';
import { fieldName, type Problem } from './problems.ts';
import { describeUnsafe, stripUnsafeValues } from './text-safety.ts';
import { keyPathOf, lineOf, type ParsedYaml } from './yaml.ts';

/** How to fix each field, shown under its problem. */
const FIELD_HINTS: Record<string, string> = {
  title: '写上文件标题，例如 title: 示例区司法局2021年法治政府建设年度报告',
  indexNumber: '写上索引号，例如 indexNumber: 330803-035/2021-71062；可用 npm run new 自动生成',
  agency: '写 agencies.yaml 中机构的 id 或完整名称',
  column: '写 site.yaml 栏目树中的栏目 id',
  date: '格式为 YYYY-MM-DD，例如 date: 2021-03-04',
  published: '格式为 YYYY-MM-DD 或 "YYYY-MM-DD HH:mm"（北京时间），例如 published: "2021-03-05 09:30"',
  year: '写四位年份，例如 year: 2021',
  disclosure: '写 主动公开 或 依申请公开',
  signature: '写成：\n      signature:\n        org: 单位名称\n        date: 2021-03-04',
  'signature.date': '格式为 YYYY-MM-DD，例如 2021-03-04',
  attachments: '写成：\n      attachments:\n        - title: 附件标题\n          file: 2021/文件名.pdf',
  related: '写成：\n      related:\n        - 330803-035/2021-71062',
  identifier: '写 10 位网站标识码，并加英文双引号，例如 identifier: "3308030001"',
  url: '写完整网址，例如 url: https://www.example.gov.cn',
  id: '只用小写英文字母、数字和连字符，例如 fazhi 或 gongzuo-baogao',
  validity: '写 有效、失效 或 废止',
  ...AUDIT_FIELD_HINTS,
};

const TOO_LONG_HINT = '请检查是否把正文或别的内容粘贴进了这一项，删去多余的文字';

function hintFor(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((part): part is string => typeof part === 'string');
  return FIELD_HINTS[keys.join('.')] ?? FIELD_HINTS[keys.at(-1) ?? ''];
}

/** Turns Zod issues into problems that point at the line of the offending value. */
export function schemaProblems(file: string, parsed: ParsedYaml, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return {
          severity: 'error',
          file,
          line: lineOf(parsed, path),
          key: keyPathOf(path),
          message: `不认识的字段 ${keyPathOf(path)}`,
          hint: '删除这一行，或检查字段名的拼写',
        };
      });
    }
    return [
      {
        severity: 'error',
        file,
        line: lineOf(parsed, issue.path),
        key: keyPathOf(issue.path),
        message: `${issue.path.length === 0 ? '文件内容' : fieldName(issue.path)}：${issue.message}`,
        hint: issue.path.length === 0 ? '按 README 中的示例写出这个文件的字段' : issue.code === 'too_big' && issue.origin === 'string' ? TOO_LONG_HINT : hintFor(issue.path),
      },
    ];
  });
}

export const UNSAFE_HINT = '这些字符通常是从其他文档复制时带进来的，会让文字显示错乱；请重新输入这一处，确认显示正确';

/** Parsed YAML without control characters, bidi overrides, lone surrogates or noncharacters, warning at the line of each field that had any. */
export function withoutUnsafeCharacters(value: unknown, file: string, parsed: ParsedYaml, problems: Problem[]): unknown {
  return stripUnsafeValues(value, (path, original) =>
    problems.push({
      severity: 'warning',
      file,
      line: lineOf(parsed, path),
      key: keyPathOf(path),
      message: `${fieldName(path)}：含有不可见的控制字符 ${describeUnsafe(original)}，已删除`,
      hint: UNSAFE_HINT,
    }),
  );
}
