/** What the importer reads off a page of an old portal, whatever its format. */

/** Values as the page shows them; dates already in `YYYY-MM-DD[ HH:mm]` when recognisable. */
export interface PageFields {
  /** 索引号 */
  indexNumber?: string;
  /** 信息名称 in a metadata table: the title when the page has no heading. */
  title?: string;
  /** 组配分类 (or 主题分类) */
  category?: string;
  /** 发布机构 */
  agency?: string;
  /** 发文日期 / 成文日期 */
  date?: string;
  /** 公开方式 */
  disclosure?: string;
  /** 公开范围 */
  scope?: string;
  /** 文号 */
  docNumber?: string;
  /** 来源 */
  source?: string;
  /** 发布日期 / 发布时间 / 更新时间 … */
  published?: string;
  /** 编辑 / 责任编辑 / 作者 */
  editor?: string;
  /** 有效性: not kept, but a 失效 document is worth a look. */
  validity?: string;
  /** The page's column name from `<meta name="ColumnName">`, when there is no breadcrumb. */
  columnName?: string;
}

export type BodyBlock =
  /** `section`: 一、…; `subsection`: （一）…; `item`: 1. … (a list item); `paragraph`: anything else. */
  | { kind: 'section' | 'subsection' | 'item' | 'paragraph'; text: string }
  /** An image of the page, by its index in `ImportedPage.images`. */
  | { kind: 'image'; image: number }
  /** A data table of the body, as clean HTML, by its index in `ImportedPage.tables`. */
  | { kind: 'table'; table: number };

/** A file the page links to or shows: where the page points, and what it says. */
export interface PageResource {
  /** The `href` or `src` as written on the page. */
  href: string;
  /** The link's text, or the image's alt text. */
  text: string;
}

export interface ImportedPage {
  title: string | undefined;
  /** The crumbs after 当前位置, e.g. `['首页', '政务公开', '法治政府建设']`. */
  breadcrumb: string[];
  fields: PageFields;
  /** The page's label for each field: 成文日期 for `date`, 更新时间 for `published` … */
  labels: Partial<Record<keyof PageFields, string>>;
  /** 主送, e.g. `区人民政府：`. */
  addressee: string | undefined;
  /** 落款: the issuing organisation (when the page names one) and the date. */
  signature: { org: string | undefined; date: string } | undefined;
  blocks: BodyBlock[];
  /** Attachments the body links to (附件：…). */
  attachments: PageResource[];
  images: PageResource[];
  tables: string[];
  /** The page's address on the old site, when the page says it (meta Url, canonical, "saved from url"). */
  url: string | undefined;
}

/**
 * Marks html-page.ts puts into the text it hands to text-page.ts, from the
 * Private Use Area so that no page text can contain them (readers strip
 * them from input first).
 */
export const MARK = {
  /** Stands in for the title element. */
  title: '\uE000',
  /** `\uE001<n>\uE002` on a line of its own: image n. */
  imageOpen: '\uE001',
  imageClose: '\uE002',
  /** `\uE003<n>\uE004` on a line of its own: table n. */
  tableOpen: '\uE003',
  tableClose: '\uE004',
  /** `\uE005<n>\uE006<link text>\uE007`: a link to attachment n. */
  linkOpen: '\uE005',
  linkText: '\uE006',
  linkClose: '\uE007',
  /** Lines of their own around the element holding the article's text. */
  contentStart: '\uE008',
  contentEnd: '\uE009',
} as const;

/** Removes anything in the range of the marks from text read off a page. */
export const stripMarks = (text: string) => text.replace(/[\uE000-\uE00F]/g, '');
