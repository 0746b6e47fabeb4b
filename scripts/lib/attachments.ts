/**
 * Publishes the attachments the checked documents use. The check has
 * already refused every unsafe path; each file is checked again right
 * before it is copied (a symlink may have appeared since, or a caller may
 * have skipped the check), and the destination must stay inside the site.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkAttachment, insideFolder } from '../../src/lib/content/paths.ts';
import type { Portal } from '../../src/lib/model.ts';

/** The files under content/attachments/ the site publishes (paths relative to it): those the documents list or link to. */
export function publishedAttachments(portal: Portal): Set<string> {
  return new Set(portal.reports.flatMap((report) => [...report.attachments.map((attachment) => attachment.file), ...report.linkedFiles]));
}

/** The path of a published attachment, checked again right before it is read; throws when it may not be published. */
export async function attachmentSource(contentDir: string, file: string): Promise<string> {
  const sourceDir = join(contentDir, 'attachments');
  const checked = await checkAttachment(sourceDir, file);
  if ('reason' in checked) throw new Error(`附件 content/attachments/${file} 不能发布：${checked.reason}`);
  return join(sourceDir, file);
}

/** Copies every attachment and linked file into `<siteDir>/attachments/`; returns how many. */
export async function copyAttachments(portal: Portal, contentDir: string, siteDir: string): Promise<number> {
  const files = publishedAttachments(portal);
  const targetDir = join(siteDir, 'attachments');
  for (const file of files) {
    const destination = insideFolder(targetDir, file);
    if (!destination) throw new Error(`附件 content/attachments/${file} 不能发布：会写到网站文件夹之外`);
    const source = await attachmentSource(contentDir, file);
    await mkdir(dirname(destination), { recursive: true });
    await copyFile(source, destination);
  }
  return files.size;
}
