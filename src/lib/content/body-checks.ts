/**
 * What a report's attachments and rendered body point at: attachment files
 * that exist and may be published, links to reports that exist; links to
 * other pages of the site are collected for the check against the page list.
 */
import { extname, join } from 'node:path';
import type { BodyOutline } from '../../markdown/cached.ts';
import type { Attachment } from '../model.ts';
import { nearest } from '../suggest.ts';
import { reportUrl } from '../urls.ts';
import { fieldOf } from './cross-file.ts';
import type { ReportDraft } from './parse-report.ts';
import { brokenLinks, checkAttachment, linkTarget } from './paths.ts';
import type { Problem } from './problems.ts';

function attachmentType(file: string): string {
  const extension = extname(file).slice(1).toUpperCase();
  return extension || '文件';
}

/** The attachments listed in the front matter, each checked on disk. */
export async function checkedAttachments(draft: ReportDraft, contentDir: string): Promise<{ attachments: Attachment[]; problems: Problem[] }> {
  const attachmentsDir = join(contentDir, 'attachments');
  const attachments: Attachment[] = [];
  const problems: Problem[] = [];
  for (const [i, attachment] of (draft.data.attachments ?? []).entries()) {
    // Windows editors write backslashes; a leading slash means the attachments folder.
    const normalized = attachment.file.replace(/\\/g, '/').replace(/^\/+/, '');
    const checked = await checkAttachment(attachmentsDir, normalized);
    if ('reason' in checked) {
      problems.push({ severity: 'error', ...fieldOf(draft, ['attachments', i, 'file']), message: `附件文件（attachments[${i}].file）“${attachment.file}”：${checked.reason}`, hint: checked.hint });
      continue;
    }
    attachments.push({
      title: attachment.title ?? normalized.split('/').at(-1)!.replace(/\.[^.]+$/, ''),
      file: normalized,
      type: attachmentType(normalized),
      bytes: checked.size,
    });
  }
  return { attachments, problems };
}

export interface BodyLinks {
  /** Attachment files the body links to. */
  linkedFiles: string[];
  /** Links to pages of the site that are not reports: checked once the page list is known. */
  siteLinks: string[];
  problems: Problem[];
}

/** The links of a rendered body, each classified and checked where it can be now. */
export async function checkedBodyLinks(draft: ReportDraft, outline: BodyOutline, contentDir: string, reportIds: ReadonlySet<string>): Promise<BodyLinks> {
  const attachmentsDir = join(contentDir, 'attachments');
  const found: BodyLinks = { linkedFiles: [], siteLinks: [], problems: [] };
  const broken = brokenLinks(draft.file, draft.body, draft.bodyLine);
  for (const link of outline.links) {
    const target = linkTarget(link, reportUrl(draft.id));
    if (target.kind === 'refused') {
      broken.add(link, `正文中的链接 ${link} ${target.reason}`, () => target.hint);
    } else if (target.kind === 'attachment') {
      const checked = await checkAttachment(attachmentsDir, target.file);
      if ('reason' in checked) broken.add(link, `正文中的链接 ${link}：${checked.reason}`, () => checked.hint);
      else found.linkedFiles.push(target.file);
    } else if (target.kind === 'report' && !reportIds.has(target.id)) {
      broken.add(link, `正文中的链接 ${link} 指向的文件不存在`, () => {
        const suggestion = nearest(target.id, reportIds);
        return suggestion ? `是不是 /reports/${suggestion}/？` : '请改正链接，文件的网址是 /reports/<content/reports 下的路径，去掉 .md>/';
      });
    } else if (target.kind === 'page') {
      found.siteLinks.push(link);
    }
  }
  found.problems.push(...broken.problems());
  return found;
}
