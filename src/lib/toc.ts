/** A contents list helps in long reports and is clutter in short ones. */
export const TOC_MIN_SECTIONS = 3;
export const TOC_MIN_CHARACTERS = 3000;

export function wantsTableOfContents(body: { headings: readonly { depth: number }[]; textLength: number }): boolean {
  return body.headings.filter((heading) => heading.depth === 2).length >= TOC_MIN_SECTIONS && body.textLength >= TOC_MIN_CHARACTERS;
}

/** Elements without an end tag, which do not open a level of nesting. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** A start or end tag as rehype-stringify writes it (attribute values quoted; `<` in text escaped). */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/** How deeply nested the position `end` of a rendered body is. */
function depthAt(html: string, end: number): number {
  let depth = 0;
  for (const match of html.slice(0, end).matchAll(TAG)) {
    if (match[1]) depth--;
    else if (!VOID_ELEMENTS.has(match[2]!.toLowerCase()) && !match[0].endsWith('/>')) depth++;
  }
  return depth;
}

/**
 * A rendered body cut before its first top-level 一、 section, so the 目录
 * can follow the opening paragraph(s) the way printed documents place it.
 * Without such a section the whole body comes after: `['', html]`.
 */
export function splitBeforeFirstSection(html: string, headings: readonly { depth: number; id: string }[]): [opening: string, sections: string] {
  for (const heading of headings) {
    if (heading.depth !== 2) continue;
    const at = html.indexOf(`<h2 id="${heading.id}"`);
    if (at >= 0 && depthAt(html, at) === 0) return [html.slice(0, at), html.slice(at)];
  }
  return ['', html];
}
