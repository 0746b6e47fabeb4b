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
 * The scan also refuses a line with thousands of emphasis markers: the
 * parser's time grows with the square of their number on one line (80,000
 * `_.` take it 14 s), though they nest nothing. Every scan here is linear.
 */
export const MAX_NESTING = 100;

/** Emphasis markers (runs of `*`, `_`, `~`, `^`) one line may hold; a line of real text has a few dozen at most. */
export const MAX_EMPHASIS_MARKERS = 1000;

export interface NestingRefusal {
  /** 1-based line within the body. */
  line: number;
  message: string;
  hint: string;
}

const NESTING_HINT = '正文中的引用、列表和表格只需要几层；请删除多余的 > 、列表符号或 HTML 标签';

const tooDeep = (line: number, what: string): NestingRefusal => ({ line, message: `正文嵌套过深：${what}嵌套超过 ${MAX_NESTING} 层`, hint: NESTING_HINT });

const EMPHASIS_MARKER = /([*_~^])\1*/g;

/** Whether `line` holds more than MAX_EMPHASIS_MARKERS runs of emphasis markers, counting no further than that. */
function tooManyEmphasisMarkers(line: string): boolean {
  let count = 0;
  EMPHASIS_MARKER.lastIndex = 0;
  while (EMPHASIS_MARKER.exec(line)) {
    if (++count > MAX_EMPHASIS_MARKERS) return true;
  }
  return false;
}

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
/**
 * A start or end tag, its name read as the HTML parser reads it (up to a
 * space, `/` or `>`: `<o:p>` and `<x.y>` nest too). Nothing in it may be `<`,
 * so a tag that never ends costs a scan only up to the next `<`, not to the
 * end of the body (a flood of `<a "` made the scan quadratic).
 */
const TAG = /<(\/?)([a-z][^\s/<>]*)(?:[\s/](?:[^<>"']|"[^"<]*"|'[^'<]*')*)?>/gi;
/** Inside these, `<x/>` closes itself; elsewhere HTML ignores the slash and `<div/>` opens a div. */
const FOREIGN_ELEMENTS = new Set(['svg', 'math']);

/** Refuses a body whose quote/list markers or open HTML elements nest too deeply, before it is parsed. */
export function scanNesting(markdown: string): NestingRefusal | undefined {
  const lines = markdown.split('\n');
  for (const [index, line] of lines.entries()) {
    if (containerDepth(line) > MAX_NESTING) return tooDeep(index + 1, '引用（>）或列表');
    if (tooManyEmphasisMarkers(line)) {
      return {
        line: index + 1,
        message: `这一行有超过 ${MAX_EMPHASIS_MARKERS} 处强调符号（* _ ~ ^），无法在合理时间内处理`,
        hint: '这通常是粘贴时带进来的乱码或分隔线；请删除多余的符号，或把这一行分成多段',
      };
    }
  }
  if (!markdown.includes('<')) return undefined;
  const open: string[] = [];
  for (const match of markdown.matchAll(TAG)) {
    const name = match[2]!.toLowerCase();
    const selfClosing = match[0].endsWith('/>') && (FOREIGN_ELEMENTS.has(name) || open.some((element) => FOREIGN_ELEMENTS.has(element)));
    if (VOID_ELEMENTS.has(name) || OPTIONAL_END.has(name) || selfClosing) continue;
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
