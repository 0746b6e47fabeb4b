/**
 * Drops images that would load from another origin: the portal never makes a
 * request off its own site (privacy, and audits flag third-party requests).
 * Images without alternative text get `alt=""` and are counted in
 * `file.data.imagesWithoutAlt`, so `npm run check` can ask for a description.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { walkElements } from './walk.ts';

const OTHER_ORIGIN = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function rehypeLocalImages() {
  return (tree: Root, file: VFile) => {
    let withoutAlt = 0;
    walkElements(tree, (element, index, parent) => {
      if (element.tagName !== 'img') return undefined;
      const src = String(element.properties['src'] ?? '');
      if (src === '' || OTHER_ORIGIN.test(src)) {
        parent.children.splice(index, 1);
        return index;
      }
      if (typeof element.properties['alt'] !== 'string' || element.properties['alt'].trim() === '') {
        element.properties['alt'] = '';
        withoutAlt++;
      }
      return undefined;
    });
    file.data['imagesWithoutAlt'] = withoutAlt;
  };
}
