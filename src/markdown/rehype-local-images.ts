/**
 * Drops images that would load from another origin: the portal never makes a
 * request off its own site (privacy, and audits flag third-party requests).
 * Images without alternative text get `alt=""` and are counted in
 * `file.data.imagesWithoutAlt`, so `npm run check` can ask for a description.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { resolveOnSite } from '../lib/content/paths.ts';
import { walkElements } from './walk.ts';

export function rehypeLocalImages() {
  return (tree: Root, file: VFile) => {
    let withoutAlt = 0;
    walkElements(tree, (element, index, parent) => {
      if (element.tagName !== 'img') return undefined;
      const src = String(element.properties['src'] ?? '');
      // As a browser reads it: `\\host/x` and ` //host/x` load from another origin too.
      if (src === '' || !(resolveOnSite(src) instanceof URL)) {
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
