/** A contents list helps in long reports and is clutter in short ones. */
export const TOC_MIN_SECTIONS = 3;
export const TOC_MIN_CHARACTERS = 3000;

export function wantsTableOfContents(body: { headings: readonly { depth: number }[]; textLength: number }): boolean {
  return body.headings.filter((heading) => heading.depth === 2).length >= TOC_MIN_SECTIONS && body.textLength >= TOC_MIN_CHARACTERS;
}
