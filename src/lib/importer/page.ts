/** What the importer reads off a page of an old portal, whatever its format. */

/** Values as the page shows them; dates already in `YYYY-MM-DD[ HH:mm]` when recognisable. */
export interface PageFields {
  /** 索引号 */
  indexNumber?: string;
  /** 组配分类 */
  category?: string;
  /** 发布机构 */
  agency?: string;
  /** 发文日期 */
  date?: string;
  /** 公开方式 */
  disclosure?: string;
  /** 公开范围 */
  scope?: string;
  /** 文号 */
  docNumber?: string;
  /** 来源 */
  source?: string;
  /** 发布日期 */
  published?: string;
  /** 编辑 */
  editor?: string;
}

export interface BodyBlock {
  /** `section`: 一、…; `subsection`: （一）…; `paragraph`: anything else. */
  kind: 'section' | 'subsection' | 'paragraph';
  text: string;
}

export interface ImportedPage {
  title: string | undefined;
  /** The crumbs after 当前位置, e.g. `['首页', '政务公开', '法治政府建设']`. */
  breadcrumb: string[];
  fields: PageFields;
  /** 主送, e.g. `区人民政府：`. */
  addressee: string | undefined;
  /** 落款: the issuing organisation (when the page names one) and the date. */
  signature: { org: string | undefined; date: string } | undefined;
  blocks: BodyBlock[];
}
