/**
 * Wide tables scroll inside their own box instead of making the page scroll
 * sideways on a phone (WCAG 1.4.10 Reflow). The box is a labelled, focusable
 * region so keyboard users can scroll it too.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { walkElements } from './walk.ts';

export function rehypeScrollTables() {
  return (tree: Root) => {
    let count = 0;
    walkElements(tree, (table, index, parent) => {
      if (table.tagName !== 'table') return undefined;
      count++;
      const caption = table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      const label = caption ? toText(caption).trim() : `表格 ${count}`;
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
