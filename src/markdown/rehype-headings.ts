/**
 * Body headings sit under the page's single h1 (the title) and in order:
 * editors write `##` for 一、 and `###` for （一）. Whatever levels a body
 * uses, they are renumbered by rank from h2 without gaps (`#`/`###` become
 * h2/h3), so screen-reader users get a clean outline. Every heading gets an
 * id no other element of the page has (not the layout's, not one left in the
 * body), and the h2/h3 outline is collected for the contents list.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import GithubSlugger from 'github-slugger';
import type { VFile } from 'vfile';
import { LAYOUT_IDS } from './layout-ids.ts';
import { walkElements } from './walk.ts';

export interface Heading {
  depth: 2 | 3;
  id: string;
  text: string;
}

const HEADING = /^h([1-6])$/;

function levelOf(element: Element): number | undefined {
  const match = HEADING.exec(element.tagName);
  return match ? Number(match[1]) : undefined;
}

export function rehypeHeadings() {
  return (tree: Root, file: VFile) => {
    const headings: Element[] = [];
    const otherIds = [...LAYOUT_IDS];
    walkElements(tree, (element) => {
      if (levelOf(element) !== undefined) headings.push(element);
      else if (typeof element.properties['id'] === 'string') otherIds.push(element.properties['id']);
    });
    const usedLevels = [...new Set(headings.map((element) => levelOf(element)!))].sort((a, b) => a - b);
    const slugger = new GithubSlugger();
    // Taking an id marks it used: a heading with the same text gets `main-1`.
    for (const id of otherIds) slugger.slug(id);
    const outline: Heading[] = [];
    for (const element of headings) {
      const level = Math.min(6, 2 + usedLevels.indexOf(levelOf(element)!));
      element.tagName = `h${level}`;
      const text = toText(element).trim();
      const id = slugger.slug(text) || slugger.slug(`section-${outline.length + 1}`);
      element.properties['id'] = id;
      if (level === 2 || level === 3) outline.push({ depth: level, id, text });
    }
    file.data['headings'] = outline;
  };
}
