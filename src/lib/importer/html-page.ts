/**
 * A page of an old portal saved as HTML → an ImportedPage, or why it is not
 * a document (a listing, a redirect, an error page).
 *
 * The markup says more than the text: government sites carry `<meta
 * name="ArticleTitle">`, `PubDate`, `ContentSource`, `ColumnName` and `Url`
 * (the national site standard); the article's text sits in an element the
 * CMS names (`#zoom` in Hanweb, `.TRS_Editor` in TRS, `.v_news_content` in
 * 博达/Sudy …); breadcrumbs are links. The title element is the heading
 * that matches ArticleTitle or `<title>`, below 当前位置 — not the banner.
 * Without navigation, toolbars and footers, the page becomes the lines a
 * browser copy would give — table cells separated by `|`, images, data
 * tables and attachment links as marks — which text-page.ts reads.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { breadcrumbOf, startsTrailer } from '../page-chrome.ts';
import { emptyFields, labelledValues, mergeFields, recordUnlabelled } from './fields.ts';
import { MARK, stripMarks, type ImportedPage, type PageResource } from './page.ts';
import { attachmentLine, headerFacts, lineText, linkedAttachments, parsePageLines } from './text-page.ts';

/** Elements that never hold the document's text. */
const NEVER_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'audio', 'video', 'button', 'select', 'textarea', 'input', 'map']);
/** Page furniture by tag (not `form`: old ASP.NET portals wrap the whole page in one). */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
/** Page furniture by a word of its class or id. */
const FURNITURE_NAME =
  /(?:^|[-_])(?:nav|navbar|menu|topbar|top|header|head|footer|foot|bottom|sidebar|side|share|bshare|jiathis|fenxiang|print|toolbar|tools|copyright|friendlink|links|yqlj|search|login|skip|banner|logo|qrcode|ewm|erweima|dh|daohang|xgwz|xglj|related|wza|ft|dibu|bq|banquan)(?:[-_]|$)/i;
const TITLE_NAME = /(?:^|[-_])(?:title|tit|bt|biaoti|headline|zwbt|wzbt|titlestyle\d*|arttitle|newstitle)(?:[-_]|$)/i;
/** Where CMSs put the article's text: Hanweb, TRS WCM / 海云, 博达 Sudy / WebPlus, and common hand-made names. */
const CONTENT_NAME =
  /^(?:zoom|fontzoom|vsb_content(?:_\d+)?|v_news_content|trs_editor|trs_ueditor|custom_unionstyle|ucap-content|wp_articlecontent|article[-_]?content|art[-_]?content|news[-_]?content|content[-_]?text|con[-_]?text|detail[-_]?content|pages[-_]?content|info[-_]?content|text[-_]?content|zwnr|zw|nr|content|article|contents|main[-_]?text)$/i;
/** `标题_样例县人民政府`, `标题 - 门户网站`: parts of `<title>`. */
const TITLE_SEPARATOR = /\s+[-–—|｜]\s+|_|｜|——|\s-\s?|--/;
/** Parts of `<title>` that name a site or a section rather than a document. */
const SITE_NAME = /(?:人民政府|政府网|门户网站?|网站|政务公开|信息公开|政府信息公开)$/;
const ATTACHMENT_EXTENSION = /\.(?:pdf|doc|docx|xls|xlsx|wps|et|ofd|zip|rar|7z|ppt|pptx|csv)$/i;
/**
 * File names of images that decorate rather than illustrate (`spacer.gif`,
 * `line2.png`, `icon_pdf.gif`, `bg_top.jpg`): the word starts the name, alone
 * or before digits or `-`/`_` — not `timeline.png`, `headline_2021.jpg`, nor
 * a folder such as `/up/online/`.
 */
const DECORATIVE_IMAGE = /^(?:spacer|blank|dot|line|arrow|icon|ico|bullet|bg|logo|share|print|close|qrcode|ewm|erweima|weixin|weibo)(?:[-_\d][^/]*)?\.[a-z0-9]+$/i;
const PAGINATION = /共\s*\d+\s*页|下一页|尾\s*页|末\s*页/;
const ERROR_PAGE = /404|页面不存在|找不到(?:页面|网页)|访问出错|无法访问/;
/** Links whose text reads like a document's title, as a listing has many of. */
const TITLE_LINK_LENGTH = 8;
/** A page mostly of such links is a listing when it has this many, or any and 下一页 / 共 N 页. */
const MIN_LISTING_LINKS = 5;

export type PageReading = { page: ImportedPage } | { skipped: string };

function namesOf(element: Element): string[] {
  const className = element.properties['className'];
  const id = element.properties['id'];
  return [...(Array.isArray(className) ? className.map(String) : []), ...(typeof id === 'string' ? [id] : [])];
}

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

const oneLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
const textOf = (node: Element | Root) => oneLine(toText(node as Element));
const squeezed = (text: string) => text.replace(/[\s.…]+/g, '');

function contains(ancestor: Element, node: Element | undefined): boolean {
  return node !== undefined && (ancestor === node || ancestor.children.some((child) => child.type === 'element' && contains(child, node)));
}

/** Characters of text below `node`, whitespace aside (links too unless `skipLinks`): cheaper than rendering its text. */
function textLength(node: Element | Root, skipLinks = false): number {
  let length = 0;
  for (const child of node.children) {
    if (child.type === 'text') length += child.value.replace(/\s+/g, '').length;
    else if (child.type === 'element' && !(skipLinks && child.tagName === 'a')) length += textLength(child, skipLinks);
  }
  return length;
}

/** Removes comments and elements that never hold content, throughout. */
function dropNonContent(parent: Root | Element): void {
  parent.children = (parent.children as RootContent[]).filter(
    (child) => child.type !== 'comment' && child.type !== 'doctype' && !(child.type === 'element' && NEVER_CONTENT.has(child.tagName)),
  ) as typeof parent.children;
  for (const child of parent.children) if (child.type === 'element') dropNonContent(child);
}

interface PageMeta {
  articleTitle: string | undefined;
  /** The parts of `<title>`, split at its separators. */
  titleParts: string[];
  siteName: string | undefined;
  pubDate: string | undefined;
  contentSource: string | undefined;
  columnName: string | undefined;
  url: string | undefined;
  refresh: boolean;
}

function readMeta(tree: Root): PageMeta {
  const meta = new Map<string, string>();
  let canonical: string | undefined;
  let refresh = false;
  let title = '';
  for (const element of elements(tree)) {
    const props = element.properties;
    if (element.tagName === 'meta') {
      const name = String(props['name'] ?? props['property'] ?? '').toLowerCase();
      if (name) meta.set(name, String(props['content'] ?? '').trim());
      if (String(props['httpEquiv'] ?? '').toLowerCase() === 'refresh') refresh = true;
    } else if (element.tagName === 'link' && String(props['rel'] ?? '').includes('canonical')) {
      canonical = String(props['href'] ?? '');
    } else if (element.tagName === 'title' && title === '') {
      title = textOf(element);
    }
  }
  // Browsers write `<!-- saved from url=(0042)http://… -->` above the page they save.
  const savedFrom = tree.children.flatMap((child) => (child.type === 'comment' ? [/saved from url=\(\d+\)(\S+)/.exec(child.value)?.[1]] : [])).find(Boolean);
  const value = (name: string) => (meta.get(name) ? meta.get(name) : undefined);
  const url = [value('url'), canonical, value('og:url'), savedFrom].find((candidate) => candidate !== undefined && /^https?:\/\//i.test(candidate));
  return {
    articleTitle: value('articletitle'),
    titleParts: title.split(TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean),
    siteName: value('sitename'),
    pubDate: value('pubdate') ?? value('firstpublishedtime'),
    contentSource: value('contentsource'),
    columnName: value('columnname'),
    url,
    refresh,
  };
}

/** The element holding 当前位置, and its crumbs: its links when images separate them. */
function findBreadcrumb(body: Element): { element: Element; crumbs: string[] } | undefined {
  // From each text that names a position, up to the nearest element whose text holds crumbs (`<span>当前位置：</span>` alone holds none).
  const search = (parents: Element[], node: Element): { element: Element; crumbs: string[] } | undefined => {
    for (const child of node.children) {
      if (child.type === 'element') {
        const found = search([node, ...parents], child);
        if (found) return found;
      } else if (child.type === 'text' && child.value.includes('位置')) {
        for (const element of [node, ...parents].slice(0, 4)) {
          if (textLength(element) > 300) break;
          const crumbs = breadcrumbOf(textOf(element));
          if (!crumbs) continue;
          const links = elements(element).filter((link) => link.tagName === 'a').map(textOf).filter(Boolean);
          const best = links.length > crumbs.length ? links : crumbs;
          if (best.length > 0) return { element, crumbs: best };
        }
      }
    }
    return undefined;
  };
  return search([], body);
}

/** The title as the page states it outside its text: ArticleTitle, else the part of `<title>` that is not the site's name. */
function statedTitles(meta: PageMeta): string[] {
  const parts = meta.titleParts.filter((part) => !SITE_NAME.test(part) && part !== meta.siteName && part.length >= 4);
  return [meta.articleTitle, ...parts].filter((title): title is string => title !== undefined && title !== '');
}

/** A site's name in a heading: 欢迎访问…, the SiteName, `…门户网站`, or an office's name alone (`样例县人民政府`). */
const BANNER = /欢迎|网站$|^[^\d，,。]{2,20}(?:人民政府|政府|办事处|委员会|局|办公室)$/;

function isBanner(text: string, meta: PageMeta): boolean {
  return BANNER.test(text) || text === meta.siteName || (SITE_NAME.test(text) && meta.titleParts.slice(1).includes(text));
}

/** The heading that holds the document's title. */
function titleElement(body: Element, meta: PageMeta, crumb: Element | undefined): Element | undefined {
  const all = elements(body);
  const afterCrumb = crumb ? all.indexOf(crumb) : -1;
  const candidates = all.filter((element, index) => {
    if (index <= afterCrumb || (crumb && contains(element, crumb))) return false;
    const heading = /^h[1-3]$/.test(element.tagName) || namesOf(element).some((name) => TITLE_NAME.test(name));
    const length = heading ? textOf(element).length : 0;
    return length >= 4 && length <= 160 && !isBanner(textOf(element), meta);
  });
  const stated = statedTitles(meta).map(squeezed);
  const matches = (element: Element, exact: boolean) => {
    const text = squeezed(textOf(element));
    return stated.some((title) => (exact ? text === title : title.length >= 6 && (text.startsWith(title) || title.startsWith(text))));
  };
  return (
    candidates.find((element) => matches(element, true)) ??
    candidates.find((element) => matches(element, false)) ??
    candidates.find((element) => element.tagName === 'h1') ??
    candidates.find((element) => element.tagName !== 'h2' && element.tagName !== 'h3') ??
    candidates[0]
  );
}

/** The element the CMS keeps the article's text in: named like one, after the title, with the most text. */
function contentElement(body: Element, title: Element | undefined): Element | undefined {
  const all = elements(body);
  const titleAt = title ? all.indexOf(title) : -1;
  const named = all.filter((element, index) => index > titleAt && !contains(element, title) && namesOf(element).some((name) => CONTENT_NAME.test(name)));
  const length = new Map(named.map((element) => [element, textLength(element, true)]));
  let best = named.reduce<Element | undefined>((top, element) => (top === undefined || length.get(element)! > length.get(top)! ? element : top), undefined);
  if (!best || length.get(best) === 0) return undefined;
  // `div.content > div.TRS_Editor`: the innermost that still holds nearly all of the text.
  for (;;) {
    const inner = named.find((element) => element !== best && contains(best!, element) && length.get(element)! >= 0.9 * length.get(best!)!);
    if (!inner) return best;
    best = inner;
  }
}

const READ_FROM_FURNITURE = /索\s*引\s*号/;

/** Drops navigation, toolbars and footers — unless they hold the title, the breadcrumb, the text or the metadata. */
function dropFurniture(parent: Element, keep: readonly (Element | undefined)[]): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    const furniture = FURNITURE_TAGS.has(child.tagName) || namesOf(child).some((name) => FURNITURE_NAME.test(name));
    return !furniture || keep.some((element) => contains(child, element)) || READ_FROM_FURNITURE.test(textOf(child));
  });
  for (const child of parent.children) if (child.type === 'element') dropFurniture(child, keep);
}

const pathOf = (href: string) => href.split(/[?#]/)[0] ?? '';

/** A link to a file: by its address, or by its text when the address is a download script (`download.jsp?id=…`). */
function isAttachmentLink(href: string, text: string): boolean {
  return ATTACHMENT_EXTENSION.test(pathOf(href)) || ATTACHMENT_EXTENSION.test(text.trim());
}

const block = (text: string): Element => ({ type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: text }] });

/** A table of figures rather than of layout: rows of several cells, no tables inside, no metadata. */
function isDataTable(table: Element): boolean {
  const inner = elements(table);
  if (inner.some((element) => element.tagName === 'table')) return false;
  const rows = inner.filter((element) => element.tagName === 'tr');
  const cellsPerRow = rows.map((row) => elements(row).filter((cell) => cell.tagName === 'td' || cell.tagName === 'th').length);
  const labelledRows = rows.filter((row) => labelledValues(textLines(row).join(' | ')) !== undefined).length;
  return rows.length >= 2 && cellsPerRow.filter((count) => count >= 2).length >= 2 && labelledRows < 2 && !READ_FROM_FURNITURE.test(textOf(table));
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A data table as plain HTML: rows and cells with their spans and text, nothing else. */
function tableHtml(table: Element): string {
  const rows = elements(table).filter((element) => element.tagName === 'tr');
  const cell = (element: Element) => {
    const spans = (['colSpan', 'rowSpan'] as const)
      .map((name) => [name.toLowerCase(), Number(element.properties[name] ?? 1)] as const)
      .filter(([, value]) => value > 1)
      .map(([name, value]) => ` ${name}="${value}"`)
      .join('');
    const text = toText(element)
      .split('\n')
      .map((line) => escapeHtml(line.trim()))
      .filter(Boolean)
      .join('<br>');
    return `<${element.tagName}${spans}>${text}</${element.tagName}>`;
  };
  const body = rows.map((row) => `<tr>${row.children.flatMap((child) => (child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th') ? [cell(child)] : [])).join('')}</tr>`);
  return `<table>\n${body.join('\n')}\n</table>`;
}

interface Resources {
  images: PageResource[];
  links: PageResource[];
  tables: string[];
}

/**
 * Replaces, after the title, images and data tables by marked lines and
 * attachment links by marked text; wraps other tables so that each ends a
 * line, as in a browser copy.
 */
function markResources(parent: Element, title: Element | undefined, resources: Resources, state = { afterTitle: title === undefined }): void {
  const children: ElementContent[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    if (child === title) {
      state.afterTitle = true;
      children.push(child);
      continue;
    }
    const href = String(child.properties['href'] ?? '');
    const linkText = child.tagName === 'a' ? textOf(child) : '';
    if (state.afterTitle && child.tagName === 'a' && isAttachmentLink(href, linkText)) {
      resources.links.push({ href, text: linkText });
      children.push({ type: 'text', value: `${MARK.linkOpen}${resources.links.length - 1}${MARK.linkText}${linkText}${MARK.linkClose}` });
      continue;
    }
    if (child.tagName === 'img') {
      const src = String(child.properties['src'] ?? '');
      const small = [child.properties['width'], child.properties['height']].some((size) => size !== undefined && Number(size) > 0 && Number(size) <= 24);
      if (state.afterTitle && src && !DECORATIVE_IMAGE.test(pathOf(src).split('/').at(-1)!) && !small) {
        resources.images.push({ href: src, text: String(child.properties['alt'] ?? child.properties['title'] ?? '').trim() });
        children.push(block(`${MARK.imageOpen}${resources.images.length - 1}${MARK.imageClose}`));
      }
      continue;
    }
    if (child.tagName === 'table' && state.afterTitle && isDataTable(child)) {
      resources.tables.push(tableHtml(child));
      children.push(block(`${MARK.tableOpen}${resources.tables.length - 1}${MARK.tableClose}`));
      continue;
    }
    markResources(child, title, resources, state);
    // Browsers end a line after a table; hast-util-to-text does not.
    children.push(child.tagName === 'table' ? { type: 'element', tagName: 'div', properties: {}, children: [child] } : child);
  }
  parent.children = children;
}

/** The page's text as lines, table cells separated by `|` (hast-util-to-text uses tabs) as in a browser copy. */
function textLines(body: Element): string[] {
  return toText(body)
    .split('\n')
    .map((line) => line.replaceAll('\t', ' | ').trim());
}

/** Why a page with many links to documents and little else is a listing, or `undefined`. */
function listingReason(body: Element, meta: PageMeta, content: Element | undefined): string | undefined {
  if (meta.articleTitle || (content && textLength(content, true) >= 200)) return undefined;
  const titleLinks = elements(body)
    .filter((element) => element.tagName === 'a')
    .map((link) => textLength(link))
    .filter((length) => length >= TITLE_LINK_LENGTH);
  const linkText = titleLinks.reduce((sum, length) => sum + length, 0);
  const text = textOf(body);
  const otherText = text.replace(/\s+/g, '').replace(/\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?/g, '').length - linkText;
  const pages = PAGINATION.exec(text);
  if (titleLinks.length < (pages ? 1 : MIN_LISTING_LINKS) || otherText >= linkText) return undefined;
  return `列表页：${titleLinks.length} 个文件链接${pages ? `，有分页（${pages[0]}）` : ''}，没有正文`;
}

export function readHtmlPage(html: string): PageReading {
  const tree = unified().use(rehypeParse).parse(stripMarks(html));
  const meta = readMeta(tree);
  dropNonContent(tree);
  // rehype-parse always builds <html>, <head> and <body>, whatever the markup lacks.
  const body = elements(tree).find((element) => element.tagName === 'body')!;
  if (elements(tree).some((element) => element.tagName === 'frameset') || (meta.refresh && textLength(body) < 50)) {
    return { skipped: '跳转页面或框架页，没有正文' };
  }
  if (statedTitles(meta).some((title) => ERROR_PAGE.test(title)) && textLength(body) < 500) return { skipped: '出错页面（404 或页面不存在）' };

  const crumb = findBreadcrumb(body);
  const heading = titleElement(body, meta, crumb?.element);
  const content = contentElement(body, heading);
  dropFurniture(body, [heading, crumb?.element, content]);
  const listing = listingReason(body, meta, content);
  if (listing) return { skipped: listing };

  const resources: Resources = { images: [], links: [], tables: [] };
  markResources(body, heading, resources);
  let title = heading ? textOf(heading) : undefined;
  if (heading) heading.children = [{ type: 'text', value: MARK.title }];
  if (content) content.children = [block(MARK.contentStart), ...content.children, block(MARK.contentEnd)];
  let lines = textLines(body);

  // No heading element: a line above the text that reads as ArticleTitle or `<title>` stands in for it.
  if (!heading) {
    const stated = statedTitles(meta).map(squeezed);
    const textStart = content ? lines.indexOf(MARK.contentStart) : lines.findIndex((line) => lineText(line).length > 80);
    const at = lines.findIndex((line, index) => (textStart < 0 || index < textStart) && stated.includes(squeezed(lineText(line))));
    if (at >= 0) {
      title = lineText(lines[at]!);
      lines = lines.map((line, index) => (index === at ? MARK.title : line));
    }
  }
  const titleAt = lines.findIndex((line) => line.includes(MARK.title));
  const start = lines.indexOf(MARK.contentStart);
  const end = lines.indexOf(MARK.contentEnd);
  const fields = emptyFields();
  let breadcrumb: string[] = [];
  const readHeader = (part: readonly string[]) => {
    const facts = headerFacts(part);
    mergeFields(fields, facts.fields);
    if (breadcrumb.length === 0) breadcrumb = facts.breadcrumb;
  };

  let text;
  const attachmentLinks: number[] = [];
  if (start >= 0 && end > start) {
    readHeader(lines.slice(0, start));
    // The title is above the text element: nothing in it is to be taken for one.
    text = parsePageLines(lines.slice(start + 1, end), title ?? '');
    // What follows the text element, up to 上一篇 or the footer: attachments and 责任编辑.
    const after = lines.slice(end + 1);
    const stop = after.findIndex((line) => startsTrailer(lineText(line)));
    const tail = stop >= 0 ? after.slice(0, stop) : after;
    readHeader(tail);
    for (const line of tail) attachmentLinks.push(...(attachmentLine(line) ?? linkedAttachments(line)));
  } else {
    if (titleAt >= 0) readHeader(lines.slice(0, titleAt));
    text = parsePageLines(titleAt >= 0 ? lines.slice(titleAt + 1) : lines, title);
  }
  mergeFields(fields, { fields: text.fields, labels: text.labels });
  recordUnlabelled(fields, 'published', meta.pubDate, '网页元数据 PubDate');
  recordUnlabelled(fields, 'source', meta.contentSource, '网页元数据 ContentSource');
  recordUnlabelled(fields, 'columnName', meta.columnName, '网页元数据 ColumnName');

  const links = [...new Set([...text.attachmentLinks, ...attachmentLinks])];
  return {
    page: {
      // A heading, else 信息名称 in the metadata table, else a title-like line, else what <title> says.
      title: title ?? fields.fields.title ?? (start >= 0 ? undefined : text.title) ?? statedTitles(meta)[0],
      breadcrumb: crumb?.crumbs ?? (text.breadcrumb.length > 0 ? text.breadcrumb : breadcrumb),
      fields: fields.fields,
      labels: fields.labels,
      addressee: text.addressee,
      signature: text.signature,
      blocks: text.blocks,
      attachments: links.map((index) => resources.links[index]!),
      images: resources.images,
      tables: resources.tables,
      url: meta.url,
    },
  };
}
