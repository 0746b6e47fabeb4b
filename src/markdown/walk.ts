/**
 * Walking a body's tree, for the rehype steps and the plain text.
 *
 * unist-util-visit does the same for any tree, but builds each node's list
 * of ancestors and a closure for it: rendering spent 40 % of its time in the
 * five walks (profile of 800 report bodies), and a walk of its own takes a
 * fraction of that. No step needs the ancestors.
 */
import type { Element, Root, RootContent } from 'hast';

type Parent = Root | Element;

/**
 * What `enter` returns: nothing to go on into the node's children, `'skip'`
 * to pass them by (the node was replaced by one holding it), or the index in
 * `parent.children` to go on from (the node was removed: its own index).
 */
export type Step = void | 'skip' | number;

/** Calls `enter` for every node below `parent`, each before its children, in document order. */
export function walk(parent: Parent, enter: (node: RootContent, index: number, parent: Parent) => Step): void {
  const children = parent.children;
  let index = 0;
  while (index < children.length) {
    const node = children[index]!;
    const step = enter(node, index, parent);
    if (typeof step === 'number') {
      index = step;
      continue;
    }
    if (step !== 'skip' && node.type === 'element') walk(node, enter);
    index++;
  }
}

/** `walk` for elements only. */
export function walkElements(parent: Parent, enter: (element: Element, index: number, parent: Parent) => Step): void {
  walk(parent, (node, index, from) => (node.type === 'element' ? enter(node, index, from) : undefined));
}
