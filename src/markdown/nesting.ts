/**
 * A limit on how deeply a body nests. Thousands of nested quotes, lists,
 * HTML elements or emphasis make the parser slow (its time grows with the
 * square of the depth) and overflow the stack of every recursive step after
 * it. No document needs more than a handful of levels; past the limit the
 * body is refused, naming the line, before anything recursive runs:
 *  1. a linear scan of the Markdown source for quote and list markers at the
 *     start of each line, and for open HTML elements, runs before parsing;
 *  2. the parsed tree's depth is measured without recursion (catches what
 *     the scan cannot see, such as emphasis nested inside emphasis).
 */
export const MAX_NESTING = 100;

export interface NestingRefusal {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

const tooDeep = (line: number, what: string): NestingRefusal => ({ line, message: `正文嵌套过深：${what}嵌套超过 ${MAX_NESTING} 层` });

/** Quote and list markers opening a line (`> > - 1. `), plus one level for every two columns of indentation before them. */
function containerDepth(line: string): number {
  let depth = 0;
  let index = 0;
  let indent = 0;
  for (;;) {
    const start = index;
    while (line[index] === ' ' || line[index] === '\t') index++;
    if (depth === 0) indent = index - start;
    const char = line[index];
    const next = line[index + 1];
    const endsMarker = next === undefined || next === ' ' || next === '\t';
    if (char === '>') {
      index++;
    } else if ((char === '-' || char === '*' || char === '+') && endsMarker) {
      index++;
    } else {
      const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(index, index + 11));
      if (!ordered) break;
      index += ordered[0].length;
    }
    depth++;
  }
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose end tag may be left out: the HTML parser closes them itself, so they never pile up. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rb', 'rt', 'rp']);
const TAG = /<(\/?)([a-z][a-z0-9-]*)\b(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/gi;

/** Refuses a body whose quote/list markers or open HTML elements nest too deeply, before it is parsed. */
export function scanNesting(markdown: string): NestingRefusal | undefined {
  const lines = markdown.split('\n');
  for (const [index, line] of lines.entries()) {
    if (containerDepth(line) > MAX_NESTING) return tooDeep(index + 1, '引用（>）或列表');
  }
  if (!markdown.includes('<')) return undefined;
  const open: string[] = [];
  for (const match of markdown.matchAll(TAG)) {
    const name = match[2]!.toLowerCase();
    if (VOID_ELEMENTS.has(name) || OPTIONAL_END.has(name) || match[3] === '/') continue;
    if (match[1] === '/') {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    open.push(name);
    if (open.length > MAX_NESTING) {
      return tooDeep(markdown.slice(0, match.index).split('\n').length, 'HTML 标签');
    }
  }
  return undefined;
}

interface TreeNode {
  children?: TreeNode[];
  position?: { start: { line: number } } | undefined;
}

/** The first of the most deeply nested nodes and its depth, found without recursion. */
export function deepestNode<T extends TreeNode>(tree: T): { node: T; depth: number } {
  let deepest = { node: tree, depth: 0 };
  const stack: [T, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest.depth) deepest = { node, depth };
    const children = (node.children ?? []) as T[];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return deepest;
}

/** The refusal for a parsed tree nested too deeply, at the line where its deepest part starts. */
export function treeTooDeep(line: number): NestingRefusal {
  return tooDeep(line, '引用、列表、HTML 标签或强调');
}
