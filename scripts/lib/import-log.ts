/**
 * npm run import's JSON log of every page. It replaces only a log the
 * command wrote earlier — any other file at that path is someone's — and is
 * never written into the content folder, whose files are the site's.
 */
import { constants } from 'node:fs';
import { lstat, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { displayPath } from './editor.ts';
import type { PageOutcome } from './import-run.ts';
import { realPathOf, within } from './owned-folders.ts';

/** How a later run tells a log from any other file: every log has carried it, those written before this check too. */
const COMMAND = 'npm run import';

export interface ImportLog {
  sources: string[];
  /** The content folder, as messages show it. */
  content: string;
  seconds: number;
  pages: PageOutcome[];
}

function importLogText(log: ImportLog): string {
  return `${JSON.stringify({ command: COMMAND, ...log }, null, 2)}\n`;
}

async function isImportLog(file: string): Promise<boolean> {
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof data === 'object' && data !== null && (data as { command?: unknown }).command === COMMAND;
  } catch {
    return false;
  }
}

/** Why the log must not be written to `file`, in Chinese, or undefined. */
export async function importLogProblem(file: string, contentDir: string): Promise<string | undefined> {
  const name = `导入日志 ${displayPath(file)}`;
  // A link, even one pointing nowhere yet, could lead the log anywhere: into the content folder too.
  if ((await lstat(file).catch(() => undefined))?.isSymbolicLink()) return `${name} 是符号链接（快捷方式）：日志会写到它指向的地方。请用 --log 指定一个普通文件，或先把这个链接删除。`;
  if (within(realPathOf(file), realPathOf(contentDir))) return `${name} 在内容文件夹之内：那里的文件都属于网站。请用 --log 指定内容文件夹之外的文件。`;
  const folder = await stat(dirname(file)).catch(() => undefined);
  if (!folder?.isDirectory()) return `${name} 所在的文件夹 ${displayPath(dirname(file))} 不存在。请先建好这个文件夹，或用 --log 指定已有文件夹中的文件。`;
  const existing = await stat(file).catch(() => undefined);
  if (existing && !(existing.isFile() && (await isImportLog(file)))) return `${name} 已存在，且不是 npm run import 写的导入日志，不能覆盖。请用 --log 指定另一个文件，或先把它移走。`;
  return undefined;
}

/** Writes the log checked by importLogProblem, never through a symlink put in its place since. */
export async function writeImportLog(file: string, log: ImportLog): Promise<void> {
  // O_NOFOLLOW: a link at the last step fails (ELOOP) instead of being followed; Windows lacks the flag and the link check above stands alone.
  await writeFile(file, importLogText(log), { flag: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0) });
}
