/**
 * Records every link and image address in a body (`file.data.links`), so the
 * content check can catch links to reports or attachments that don't exist
 * and the build can publish attachments a body links to.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { walkElements } from './walk.ts';

export function rehypeCollectLinks() {
  return (tree: Root, file: VFile) => {
    const links: string[] = [];
    walkElements(tree, (element) => {
      const value = element.tagName === 'a' ? element.properties['href'] : element.tagName === 'img' ? element.properties['src'] : undefined;
      if (typeof value === 'string' && value !== '') links.push(value);
    });
    file.data['links'] = links;
  };
}
