/**
 * One report as open data: the catalogue's fields, with absolute URLs and
 * ISO dates, the same in the JSON and the CSV files (docs/open-data.md).
 */
import { createHash } from 'node:crypto';
import { columnLineage } from '../columns.ts';
import type { Report } from '../model.ts';
import type { PortalIndex } from '../portal-index.ts';
import { attachmentUrl, reportUrl } from '../urls.ts';

export interface OpenDataAttachment {
  title: string;
  url: string;
  /** Upper-case file type, e.g. `PDF`. */
  type: string;
  bytes: number;
}

export interface OpenDataRecord {
  /** 索引号 */
  indexNumber: string;
  /** 标题 */
  title: string;
  /** 发布机构 (full name) and its id */
  agency: string;
  agencyId: string;
  /** 组配分类 */
  category: string | null;
  /** 栏目: titles from the top column down */
  column: string[];
  columnId: string;
  /** 发文日期, `YYYY-MM-DD` */
  date: string;
  /** 发布日期: `YYYY-MM-DDTHH:mm:00+08:00` when the time is known, else `YYYY-MM-DD` */
  published: string;
  /** 年度 */
  year: number;
  /** 文号 */
  docNumber: string | null;
  /** 公开方式 */
  disclosure: string;
  /** 公开范围 */
  scope: string;
  /** 有效性, when given */
  validity: string | null;
  /** The report's page, absolute */
  url: string;
  /** 附件 */
  attachments: OpenDataAttachment[];
}

export function openDataRecord(portal: PortalIndex, report: Report): OpenDataRecord {
  return {
    indexNumber: report.indexNumber,
    title: report.title,
    agency: portal.agency(report.agencyId).name,
    agencyId: report.agencyId,
    category: report.category ?? null,
    column: columnLineage(portal.columns, portal.column(report.columnId)).map((column) => column.title),
    columnId: report.columnId,
    date: report.date,
    published: report.publishedHasTime ? `${report.published.replace(' ', 'T')}:00+08:00` : report.published.slice(0, 10),
    year: report.year,
    docNumber: report.docNumber ?? null,
    disclosure: report.disclosure,
    scope: report.scope,
    validity: report.validity ?? null,
    url: `${portal.site.url}${reportUrl(report.id)}`,
    attachments: report.attachments.map((attachment) => ({ title: attachment.title, url: `${portal.site.url}${attachmentUrl(attachment.file)}`, type: attachment.type, bytes: attachment.bytes })),
  };
}

interface Kept {
  record: OpenDataRecord;
  /** Hash of the record: a file's cache key is made of its records' hashes. */
  digest: string;
}

const kept = new WeakMap<PortalIndex, Map<Report, Kept>>();

/** Records are computed once per build and shared by every file that lists the report. */
export function keptRecord(portal: PortalIndex, report: Report): Kept {
  let records = kept.get(portal);
  if (!records) kept.set(portal, (records = new Map()));
  let entry = records.get(report);
  if (!entry) {
    const record = openDataRecord(portal, report);
    entry = { record, digest: createHash('sha256').update(JSON.stringify(record)).digest('base64url') };
    records.set(report, entry);
  }
  return entry;
}
