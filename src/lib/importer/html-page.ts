/**
 * A page of an old portal saved as HTML → an ImportedPage.
 *
 * The markup tells where the title is (h1, else an element named like a
 * title, else <title>). Without navigation, toolbars and footers, the page
 * becomes the lines a browser copy would give — table cells separated by
 * `|` — which are read like a text copy: above the title only the breadcrumb
 * and metadata count; below it, the header, body and 落款.
 */
import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { ImportedPage } from './page.ts';
import { headerFacts, parsePageLines } from './text-page.ts';

/** Elements that never hold the document's text. */
const NEVER_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'audio', 'video', 'button', 'select', 'textarea', 'input']);
/** Page furniture by tag (not `form`: old ASP.NET portals wrap the whole page in one). */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
/** Page furniture by a word of its class or id. */
const FURNITURE_NAME = /(?:^|[-_])(?:nav|navbar|menu|topbar|header|footer|foot|bottom|sidebar|side|share|print|toolbar|tools|copyright|friendlink|search|login|skip|banner|qrcode|ewm)(?:[-_]|$)/i;
/** Furniture is kept when it holds what the importer reads: the title, the breadcrumb or the metadata table. */
const READ_FROM_FURNITURE = /当前位置|您的位置|您现在的位置|您当前的位置|所在位置|索引号/;
const TITLE_NAME = /(?:^|[-_])(?:title|tit|bt|biaoti|headline)(?:[-_]|$)/i;
/** `标题_样例县人民政府`, `标题 - 门户网站`: the site's name follows a separator. */
const SITE_SUFFIX = /\s+[-–—|｜]\s+|_|｜|——/;
/** Stands in for the title element, to split the page's lines above and below it. */
const TITLE_MARK = '\uE000';

function namesOf(element: Element): string[] {
  const className = element.properties['className'];
  const id = element.properties['id'];
  return [...(Array.isArray(className) ? className.map(String) : []), ...(typeof id === 'string' ? [id] : [])];
}

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

const oneLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .join('')
    .replace(/\s+/g, ' ');

function isFurniture(element: Element): boolean {
  if (NEVER_CONTENT.has(element.tagName)) return true;
  if (!FURNITURE_TAGS.has(element.tagName) && !namesOf(element).some((name) => FURNITURE_NAME.test(name))) return false;
  return !(READ_FROM_FURNITURE.test(toText(element)) || elements(element).some((child) => child.tagName === 'h1'));
}

/**
 * Drops furniture and comments, and wraps each table in a div: browsers end
 * a line after a table, hast-util-to-text does not.
 */
function tidy(parent: Root | Element): void {
  const kept = (parent.children as RootContent[]).filter((child) => child.type !== 'comment' && !(child.type === 'element' && isFurniture(child)));
  for (const child of kept) if (child.type === 'element') tidy(child);
  parent.children = kept.map((child): RootContent =>
    child.type === 'element' && child.tagName === 'table' ? { type: 'element', tagName: 'div', properties: {}, children: [child] } : child,
  ) as typeof parent.children;
}

function titleElement(body: Element): Element | undefined {
  const all = elements(body);
  const titled = (element: Element) => {
    const length = oneLine(toText(element)).length;
    return length >= 4 && length <= 100;
  };
  return (
    all.find((element) => element.tagName === 'h1' && titled(element)) ??
    all.find((element) => namesOf(element).some((name) => TITLE_NAME.test(name)) && titled(element))
  );
}

/** `<title>` without the site's name. */
function documentTitle(tree: Root): string | undefined {
  const title = elements(tree).find((element) => element.tagName === 'title');
  const text = title ? oneLine(toText(title)).split(SITE_SUFFIX)[0]!.trim() : '';
  return text === '' ? undefined : text;
}

/** The page's text as lines, table cells separated by `|` (hast-util-to-text uses tabs) as in a browser copy. */
function textLines(body: Element): string[] {
  return toText(body)
    .split('\n')
    .map((line) => line.replaceAll('\t', ' | '));
}

export function parseHtmlPage(html: string): ImportedPage {
  const tree = unified().use(rehypeParse).parse(html);
  // rehype-parse always builds <html>, <head> and <body>, whatever the markup lacks.
  const body = elements(tree).find((element) => element.tagName === 'body')!;
  tidy(body);

  const heading = titleElement(body);
  if (!heading) return parsePageLines(textLines(body), documentTitle(tree));
  const title = oneLine(toText(heading));
  heading.children = [{ type: 'text', value: TITLE_MARK }];
  const lines = textLines(body);
  const mark = lines.findIndex((line) => line.includes(TITLE_MARK));
  const above = headerFacts(lines.slice(0, mark));
  const page = parsePageLines(lines.slice(mark + 1), title);
  return {
    ...page,
    breadcrumb: page.breadcrumb.length > 0 ? page.breadcrumb : above.breadcrumb,
    fields: { ...above.fields, ...page.fields },
  };
}
