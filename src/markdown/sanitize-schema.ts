/**
 * The allowlist for HTML that editors paste into report bodies. Formatting
 * survives (tables, lists, emphasis, sub/sup, line breaks); anything that runs
 * code, loads a resource or restyles the page does not: no <script>, <style>,
 * <iframe>, <form>, <object>, <embed>, event handlers, style attributes,
 * javascript: or data: URLs.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

const REMOVED_TAGS = new Set(['input', 'picture', 'source']);
const ADDED_TAGS = ['caption', 'colgroup', 'col', 'u', 'mark', 'small', 'abbr', 'figure', 'figcaption'];
/** Keyboard and form attributes a document body has no business setting. */
const REMOVED_GLOBAL_ATTRIBUTES = new Set(['tabIndex', 'accessKey', 'action', 'method', 'encType', 'acceptCharset', 'accept']);

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !REMOVED_TAGS.has(tag)), ...ADDED_TAGS],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter(
      (attribute) => typeof attribute !== 'string' || !REMOVED_GLOBAL_ATTRIBUTES.has(attribute),
    ),
    img: ['alt', 'src', 'width', 'height', 'title'],
    input: [],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript'],
};
