/**
 * Markdown body → safe HTML, the heading outline, and plain text.
 *
 * Sätteri (Astro 7's native Markdown engine) parses Markdown, with raw HTML
 * turned into real elements; the rehype pipeline then sanitizes against an
 * allowlist and shapes headings and tables. The whole body goes through the
 * sanitizer, so pasted HTML cannot slip past it.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { markdownToHast, markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeCollectLinks } from './rehype-collect-links.ts';
import { rehypeHeadings, type Heading } from './rehype-headings.ts';
import { rehypeLocalImages } from './rehype-local-images.ts';
import { rehypeStripUnsafe } from './rehype-strip-unsafe.ts';
import { deepestNode, MAX_NESTING, scanNesting, treeTooDeep, type NestingRefusal } from './nesting.ts';
import { rehypeScrollTables } from './rehype-scroll-tables.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { walkElements } from './walk.ts';

export type { Heading };

export interface RenderedBody {
  html: string;
  headings: Heading[];
  /** The body as readers see it, blocks separated by newlines: for summaries and search. */
  text: string;
  /** Images the editor gave no alternative text. */
  imagesWithoutAlt: number;
  /** Every link and image address in the body, as written. */
  links: string[];
  /** Set when the body nests too deeply to render; everything else is then empty. */
  refused?: NestingRefusal | undefined;
}

const processor = unified()
  .use(rehypeStripUnsafe)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeLocalImages)
  .use(rehypeHeadings)
  .use(rehypeScrollTables)
  .use(rehypeCollectLinks)
  .use(rehypeStringify);

const FEATURES = {
  rawHtml: true,
  frontmatter: false,
  superscript: true,
  subscript: true,
  // Footnote ids would need a second clobber prefix after sanitizing; government documents don't use them.
  gfm: { footnotes: false },
};

function refusedBody(refused: NestingRefusal): RenderedBody {
  return { html: '', headings: [], text: '', imagesWithoutAlt: 0, links: [], refused };
}

export function renderMarkdown(markdown: string): RenderedBody {
  const scanned = scanNesting(markdown);
  if (scanned) return refusedBody(scanned);
  const hast = markdownToHast(markdown, { features: FEATURES, position: false }) as Root;
  if (deepestNode(hast).depth > MAX_NESTING) {
    // Only the Markdown tree knows lines.
    const { node } = deepestNode(markdownToMdast(markdown, { features: FEATURES }) as Parameters<typeof deepestNode>[0]);
    return refusedBody(treeTooDeep(node.position?.start.line ?? 1));
  }
  const file = new VFile();
  const tree = processor.runSync(hast, file) as Root;
  const html = processor.stringify(tree);
  return {
    html,
    headings: (file.data['headings'] as Heading[] | undefined) ?? [],
    // After the HTML: it writes the list numbers into the tree.
    text: plainText(tree),
    imagesWithoutAlt: (file.data['imagesWithoutAlt'] as number | undefined) ?? 0,
    links: (file.data['links'] as string[] | undefined) ?? [],
  };
}

/**
 * An ordered list's numbers are drawn by the browser, not in the HTML text;
 * readers see them (and the Markdown has them), so the text has them too.
 * Writes them into `tree` (a copy cost a fifth of rendering): call it last.
 */
function writeListNumbers(tree: Root): Root {
  walkElements(tree, (node: Element) => {
    if (node.tagName !== 'ol') return;
    const start = Number(node.properties['start'] ?? 1);
    let number = Number.isFinite(start) ? start : 1;
    for (const item of node.children) {
      if (item.type !== 'element' || item.tagName !== 'li') continue;
      // Into the item's first paragraph when it has one, so the number stays on its line.
      const first = item.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim()));
      const holder = first?.type === 'element' && first.tagName === 'p' ? first : item;
      holder.children.unshift({ type: 'text', value: `${number++}. ` });
    }
  });
  return tree;
}

/** The body's text as readers see it; writes into `tree` (see writeListNumbers). */
function plainText(tree: Root): string {
  return toText(writeListNumbers(tree))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The first ~`length` characters of the text, cut at a sentence end when one is near. */
export function summarize(text: string, length = 120): string {
  const flat = text
    .slice(0, length * 4)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const sentenceEnd = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return sentenceEnd >= length * 0.6 ? cut.slice(0, sentenceEnd + 1) : `${cut}…`;
}
