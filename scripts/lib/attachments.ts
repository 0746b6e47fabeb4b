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

/** Copies every attachment and linked file into `<siteDir>/attachments/`; returns how many. */
export async function copyAttachments(portal: Portal, contentDir: string, siteDir: string): Promise<number> {
  const files = new Set(portal.reports.flatMap((report) => [...report.attachments.map((attachment) => attachment.file), ...report.linkedFiles]));
  const sourceDir = join(contentDir, 'attachments');
  const targetDir = join(siteDir, 'attachments');
  for (const file of files) {
    const checked = await checkAttachment(sourceDir, file);
    const destination = insideFolder(targetDir, file);
    if ('reason' in checked || !destination) {
      throw new Error(`附件 content/attachments/${file} 不能发布：${'reason' in checked ? checked.reason : '会写到网站文件夹之外'}`);
    }
    await mkdir(dirname(destination), { recursive: true });
    await copyFile(join(sourceDir, file), destination);
  }
  return files.size;
}
