/**
 * Validated, normalised content: what every page and script works with after
 * `loadContent` has checked the files. Defaults from the contract are filled
 * in here, so templates never repeat them.
 */
import type { ColumnConfig } from './columns.ts';

export interface Site {
  name: string;
  identifier: string;
  icp: string;
  psb: string;
  organizer: string;
  contact: string | undefined;
  email: string | undefined;
  /** Public origin without a trailing slash, e.g. `https://www.example.gov.cn`; in a preview build possibly a local address. */
  url: string;
  /** Whether `_headers` sends Strict-Transport-Security: `url` is https and site.yaml does not say `hsts: false`. */
  hsts: boolean;
  /** Built with --preview (or by astro dev): may use a local address, and every page says it is a preview. */
  preview: boolean;
  description: string | undefined;
  columns: ColumnConfig[];
}

export interface Agency {
  id: string;
  name: string;
  short: string | undefined;
  code: string | undefined;
}

export interface Attachment {
  title: string;
  /** Path under `content/attachments/`, forward slashes. */
  file: string;
  /** Upper-case type shown to readers, e.g. `PDF`. */
  type: string;
  bytes: number;
}

export interface Signature {
  org: string | undefined;
  /** `YYYY-MM-DD` */
  date: string | undefined;
}

export interface Report {
  /** Path under `content/reports/` without `.md`, forward slashes: `2021/foo`. */
  id: string;
  /** The source file relative to the project, for messages: `content/reports/2021/foo.md`. */
  sourceFile: string;
  /** Absolute path of the source file, to render its body. */
  sourcePath: string;
  title: string;
  indexNumber: string;
  agencyId: string;
  columnId: string;
  /** 发文日期, `YYYY-MM-DD`. */
  date: string;
  /** 发布日期, `YYYY-MM-DD HH:mm` in Beijing time; `date` at 00:00 when not given. */
  published: string;
  /** Whether the editor gave a time of day for `published`. */
  publishedHasTime: boolean;
  year: number;
  category: string | undefined;
  disclosure: string;
  scope: string;
  docNumber: string | undefined;
  source: string;
  editor: string | undefined;
  addressee: string | undefined;
  signature: Signature | undefined;
  attachments: Attachment[];
  /** Files under `content/attachments/` that the body links to; published with the site. */
  linkedFiles: string[];
  /** Other links within the site that the body makes (not to reports or attachments), as written. */
  siteLinks: string[];
  /** Index numbers of related reports, all known to exist. */
  related: string[];
  summary: string;
  /** 有效性 (有效, 失效 or 废止), when the editor gave it. */
  validity: string | undefined;
  /** 导入来源: where `npm run import` found the page, so that importing again skips it. */
  importedFrom?: string | undefined;
  /** Hash of the source file, so caches can tell when it changed. */
  digest: string;
}

export interface Portal {
  site: Site;
  agencies: Agency[];
  /** Newest first. */
  reports: Report[];
}
