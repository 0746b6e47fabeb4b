/**
 * YAML parsing that remembers where every value came from, so problems can
 * point at a line, and explains YAML's own errors in Chinese.
 *
 * The YAML 1.2 core schema keeps `2021-02-30` a string: checking it is ours
 * (YAML 1.1 parsers silently turn it into 2 March).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';

export interface ParsedYaml {
  value: unknown;
  /** YAML syntax errors; when present, `value` must not be trusted. */
  errors: { line: number; message: string; hint: string }[];
  /** Line of every key and list item, by key path (`attachments[0].file`). */
  lines: Map<string, number>;
  /** Line of the first YAML line, for problems about the whole block. */
  firstLine: number;
}

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: '同一个字段只能写一次，请删除重复的一行',
  TAB_AS_INDENT: 'YAML 不能用 Tab 键缩进，请改用空格',
  BAD_INDENT: '检查缩进：同一级的字段要对齐，下级字段多缩进两个空格',
  MISSING_CHAR: '检查引号、括号是否成对',
  BLOCK_AS_IMPLICIT_KEY: '检查上一行是否漏了冒号，或值中含冒号时是否加了英文双引号',
  MULTILINE_IMPLICIT_KEY: '字段名和冒号要写在同一行；值中含冒号时请整体加英文双引号',
  UNEXPECTED_TOKEN: '值中含 # : [ ] { } 等符号时，请整体加英文双引号',
};

const GENERIC_HINT = '检查这一行：字段名后用英文冒号加空格（title: 标题），缩进用空格，含特殊符号的值加英文双引号';

/** The parser's own guards, which speak English: recursion too deep for the stack, aliases that expand without bound. */
const TOO_DEEP = { message: 'YAML 格式错误：括号或缩进嵌套过深', hint: '文件头的字段只需要一两层；请删除多余的 [ ] { } 或缩进' };
const ALIAS_BOMB = { message: 'YAML 格式错误：别名（& 和 *）展开后过大', hint: '文件头中不需要 & 和 * 别名，请直接写出内容' };

function chineseSyntaxMessage(code: string, original: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: '字段重复',
    TAB_AS_INDENT: '使用了 Tab 缩进',
    BAD_INDENT: '缩进不正确',
    MISSING_CHAR: '缺少配对的引号或括号',
  };
  const firstLine = original.split('\n')[0] ?? original;
  return `YAML 格式错误：${known[code] ?? '无法解析'}（${firstLine}）`;
}

/** `title：标题` — a full-width colon is the most common slip from Chinese input methods. */
const FULL_WIDTH_COLON_KEY = /^\s*-?\s*[A-Za-z][A-Za-z.]*\s*：/;

export function keyPathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

/** One error per line and message: an unclosed bracket is reported once per nesting level, a hundred times for `[[[[…`. */
function uniqueErrors<T extends { line: number; message: string }>(errors: T[]): T[] {
  const seen = new Set<string>();
  return errors.filter(({ line, message }) => !seen.has(`${line}\0${message}`) && seen.add(`${line}\0${message}`));
}

export function parseYaml(source: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: 'core' });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

  // Full-width colons confuse the YAML parser into unrelated complaints; explain them instead.
  const fullWidthColons = source.split('\n').flatMap((text, index) =>
    FULL_WIDTH_COLON_KEY.test(text)
      ? [
          {
            line: index + firstLine,
            message: `YAML 格式错误：使用了中文全角冒号“：”（${text.trim()}）`,
            hint: '字段名后的冒号要用英文半角冒号 : ，冒号后加一个空格，例如 title: 标题',
          },
        ]
      : [],
  );
  const errors =
    fullWidthColons.length > 0
      ? fullWidthColons
      : uniqueErrors(
          doc.errors.map((error) => ({
            line: toLine(error.pos[0]),
            ...(error.message.includes('call stack') ? TOO_DEEP : { message: chineseSyntaxMessage(error.code, error.message), hint: HINTS[error.code] ?? GENERIC_HINT }),
          })),
        );

  const lines = new Map<string, number>();
  const index = (node: unknown, path: PropertyKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const childPath = [...path, String(pair.key.value)];
        const key = pair.key as Node;
        if (key.range) lines.set(keyPathOf(childPath), toLine(key.range[0]));
        index(pair.value, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const childPath = [...path, i];
        const range = (item as Node | null)?.range;
        if (range) lines.set(keyPathOf(childPath), toLine(range[0]));
        index(item, childPath);
      });
    }
  };
  index(doc.contents, []);

  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      const message = (error as Error).message;
      const aliasBomb = /alias/i.test(message);
      let firstAlias: number | undefined;
      if (aliasBomb) visit(doc, { Alias: (_key, node) => ((firstAlias = node.range?.[0]), visit.BREAK) });
      errors.push({
        line: firstAlias === undefined ? firstLine : toLine(firstAlias),
        ...(aliasBomb ? ALIAS_BOMB : message.includes('call stack') ? TOO_DEEP : { message: `YAML 格式错误：${message}`, hint: GENERIC_HINT }),
      });
    }
  }
  return { value, errors, lines, firstLine };
}

/** The line of `path`, or of its nearest ancestor that is present. */
export function lineOf(parsed: Pick<ParsedYaml, 'lines' | 'firstLine'>, path: readonly PropertyKey[]): number {
  for (let length = path.length; length > 0; length--) {
    const line = parsed.lines.get(keyPathOf(path.slice(0, length)));
    if (line !== undefined) return line;
  }
  return parsed.firstLine;
}
