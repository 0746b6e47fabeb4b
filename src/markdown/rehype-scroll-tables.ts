/**
 * Wide tables scroll inside their own box instead of making the page scroll
 * sideways on a phone (WCAG 1.4.10 Reflow). The box is a labelled, focusable
 * region so keyboard users can scroll it too.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { walkElements } from './walk.ts';

/** Reports name a table in the heading or short line just above it (“表1 2021年行政执法情况”); longer text is not a name. */
const MAX_TITLE_LENGTH = 40;

function tableTitleBefore(siblings: readonly Root['children'][number][]): string | undefined {
  const previous = siblings.findLast((node) => node.type === 'element' || (node.type === 'text' && node.value.trim() !== ''));
  if (previous?.type !== 'element' || !/^(?:h[2-6]|p)$/.test(previous.tagName)) return undefined;
  const text = toText(previous).trim();
  return text !== '' && [...text].length <= MAX_TITLE_LENGTH ? text : undefined;
}

export function rehypeScrollTables() {
  return (tree: Root) => {
    let count = 0;
    walkElements(tree, (table, index, parent) => {
      if (table.tagName !== 'table') return undefined;
      count++;
      const caption = table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      const title = caption ? undefined : tableTitleBefore(parent.children.slice(0, index));
      const label = caption ? toText(caption).trim() : title ? `表格 ${count}：${title}` : `表格 ${count}`;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', ariaLabel: label, tabIndex: 0 },
        children: [table],
      };
      return 'skip';
    });
  };
}
