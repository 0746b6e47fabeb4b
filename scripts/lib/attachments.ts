/**
 * Publishes the attachments the checked documents use. The check has
 * already refused every unsafe path; each file is checked again right
 * before it is copied (a symlink or a hard link to a file outside may have
 * appeared since, or a caller may have skipped the check), copied from the
 * very file checked, and the destination must stay inside the site.
 */
import { constants, createWriteStream } from 'node:fs';
import { mkdir, open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkAttachment, HARD_LINK_HINT, hardLinkProblem, insideFolder, namesInContent, SYMLINK_HINT } from '../../src/lib/content/paths.ts';
import type { Portal } from '../../src/lib/model.ts';

/** The files under content/attachments/ the site publishes (paths relative to it): those the documents list or link to. */
export function publishedAttachments(portal: Portal): Set<string> {
  return new Set(portal.reports.flatMap((report) => [...report.attachments.map((attachment) => attachment.file), ...report.linkedFiles]));
}

/**
 * Whether the file opened as `file` (its `dev`/`ino`) is, now, the file of
 * that name inside the content folder: O_NOFOLLOW guards only the last name,
 * so a folder on the way swapped for a link since the check would open a
 * file elsewhere.
 */
async function namedInside(contentDir: string, file: string, opened: { dev: bigint; ino: bigint }): Promise<boolean> {
  try {
    const real = await realpath(join(contentDir, 'attachments', file));
    if (!real.startsWith(join(await realpath(contentDir), 'attachments') + sep)) return false;
    const named = await stat(real, { bigint: true });
    return named.dev === opened.dev && named.ino === opened.ino;
  } catch {
    return false;
  }
}

/**
 * A published attachment, checked again and opened right before it is read;
 * throws when it may not be published. Checks about the open file concern
 * the one read: a link made since cannot swap another in.
 */
export async function openAttachment(contentDir: string, file: string): Promise<FileHandle> {
  const sourceDir = join(contentDir, 'attachments');
  const refused = (reason: string, hint: string) => new Error(`附件 content/attachments/${file} 不能发布：${reason}。${hint}`);
  const checked = await checkAttachment(sourceDir, file);
  if ('reason' in checked) throw refused(checked.reason, checked.hint);
  // O_NONBLOCK: a pipe put in its place since the check must not hang the build (it is refused below).
  const handle = await open(join(sourceDir, file), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ELOOP' ? refused('这是一个符号链接', SYMLINK_HINT) : refused(`无法读取（${error.code ?? error.message}）`, '请检查文件是否还在、权限是否允许读取');
  });
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) throw refused('不是普通文件', '附件必须是一个文件');
    if (!(await namedInside(contentDir, file, info))) throw refused('检查之后，路径上的文件夹被换成了指向 content 以外的链接', SYMLINK_HINT);
    if (info.nlink > 1n) {
      const inside = await namesInContent(contentDir, info);
      if (inside < info.nlink) throw refused(hardLinkProblem(info.nlink, inside), HARD_LINK_HINT);
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Copies every attachment and linked file into `<siteDir>/attachments/`; returns how many. */
export async function copyAttachments(portal: Portal, contentDir: string, siteDir: string): Promise<number> {
  const files = publishedAttachments(portal);
  const targetDir = join(siteDir, 'attachments');
  for (const file of files) {
    const destination = insideFolder(targetDir, file);
    if (!destination) throw new Error(`附件 content/attachments/${file} 不能发布：会写到网站文件夹之外`);
    await mkdir(dirname(destination), { recursive: true });
    // Streamed: an attachment may be larger than the memory to spare.
    await pipeline((await openAttachment(contentDir, file)).createReadStream(), createWriteStream(destination));
  }
  return files.size;
}
