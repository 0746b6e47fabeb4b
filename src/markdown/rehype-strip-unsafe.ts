/**
 * Removes control characters, bidi overrides, lone surrogates and
 * noncharacters from the body's text and attribute values — including those
 * written as character references (`&#x202E;`), which only exist once the
 * Markdown is parsed — so they reach neither the page nor the search index.
 */
import type { Root } from 'hast';
import { stripUnsafe, UNSAFE_CHARACTERS } from '../lib/content/text-safety.ts';
import { walk } from './walk.ts';

export function rehypeStripUnsafe() {
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type === 'text' && UNSAFE_CHARACTERS.test(node.value)) node.value = stripUnsafe(node.value);
      if (node.type !== 'element') return;
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value === 'string' && UNSAFE_CHARACTERS.test(value)) node.properties[name] = stripUnsafe(value);
        if (Array.isArray(value)) node.properties[name] = value.map((item) => (typeof item === 'string' ? stripUnsafe(item) : item));
      }
    });
  };
}
