/**
 * Rendering with an on-disk cache keyed by the source file's digest and the
 * renderer's fingerprint. The content check renders every body once; the
 * result is stored in three parts, so each reader loads only what it needs:
 * the check its outline (summary, links), a page its HTML, the search index
 * its text. A build after a one-file edit renders one body. The build sets
 * both environment variables; without them (astro dev, tests of the
 * renderer) every call renders.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestingRefusal } from './nesting.ts';
import { renderMarkdown, type Heading, type RenderedBody } from './render.ts';

export const RENDER_CACHE_ENV = 'ZWGK_RENDER_CACHE';
export const RENDER_FINGERPRINT_ENV = 'ZWGK_RENDER_FINGERPRINT';

/** What the content check and a page's layout need, without the body itself. */
export interface BodyOutline {
  headings: Heading[];
  /** The start of the text, enough for a summary. */
  textStart: string;
  textLength: number;
  imagesWithoutAlt: number;
  links: string[];
  /** Set when the body cannot be rendered: the check refuses it. */
  refused?: NestingRefusal | undefined;
}

/** Long enough for a 120-character summary however the text is spaced. */
const TEXT_START_LENGTH = 600;

function outlineOf(body: RenderedBody): BodyOutline {
  return {
    headings: body.headings,
    textStart: body.text.slice(0, TEXT_START_LENGTH),
    textLength: body.text.length,
    imagesWithoutAlt: body.imagesWithoutAlt,
    links: body.links,
    refused: body.refused,
  };
}

type Part = 'outline.json' | 'html' | 'txt';

function cachePath(digest: string, part: Part): string | undefined {
  const cacheDir = process.env[RENDER_CACHE_ENV];
  if (!cacheDir) return undefined;
  const key = createHash('sha256')
    .update(`${process.env[RENDER_FINGERPRINT_ENV] ?? ''}\0${digest}`)
    .digest('hex')
    .slice(0, 32);
  return join(cacheDir, key.slice(0, 2), `${key}.${part}`);
}

function write(file: string, data: string): void {
  // Write then rename, so a concurrent reader never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/** Renders and stores all three parts; the caller gets the full result. */
function renderAndStore(digest: string, markdown: () => string): RenderedBody {
  const body = renderMarkdown(markdown());
  const outline = cachePath(digest, 'outline.json');
  if (outline) {
    // The parts share a folder.
    mkdirSync(dirname(outline), { recursive: true });
    write(cachePath(digest, 'html')!, body.html);
    write(cachePath(digest, 'txt')!, body.text);
    write(outline, JSON.stringify(outlineOf(body)));
  }
  return body;
}

function cached(digest: string, part: Part): string | undefined {
  const file = cachePath(digest, part);
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The cached outline, if the body has been rendered before. */
export function cachedOutline(digest: string): BodyOutline | undefined {
  const hit = cached(digest, 'outline.json');
  return hit === undefined ? undefined : (JSON.parse(hit) as BodyOutline);
}

/** `markdown` is only called when the body is not cached yet. */
export function renderedOutline(digest: string, markdown: () => string): BodyOutline {
  return cachedOutline(digest) ?? outlineOf(renderAndStore(digest, markdown));
}

export function renderedHtml(digest: string, markdown: () => string): { html: string; outline: BodyOutline } {
  const html = cached(digest, 'html');
  const outline = cached(digest, 'outline.json');
  if (html !== undefined && outline !== undefined) return { html, outline: JSON.parse(outline) as BodyOutline };
  const body = renderAndStore(digest, markdown);
  return { html: body.html, outline: outlineOf(body) };
}

export function renderedText(digest: string, markdown: () => string): string {
  return cached(digest, 'txt') ?? renderAndStore(digest, markdown).text;
}
