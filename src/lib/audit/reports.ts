/** How the audit names a report: enough to find it in the content and on the site. */
import type { Report } from '../model.ts';
import type { PortalIndex } from '../portal-index.ts';
import { reportUrl } from '../urls.ts';

export interface AuditedReport {
  indexNumber: string;
  title: string;
  /** The source file, relative to the project. */
  file: string;
  /** The published page, absolute. */
  url: string;
  /** 发布日期, `YYYY-MM-DD HH:mm` (Beijing). */
  published: string;
}

export function auditedReport(portal: PortalIndex, report: Report): AuditedReport {
  return { indexNumber: report.indexNumber, title: report.title, file: report.sourceFile, url: `${portal.site.url}${reportUrl(report.id)}`, published: report.published };
}
