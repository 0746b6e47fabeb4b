/**
 * npm run import's JSON log of every page. It replaces only a log the
 * command wrote earlier — any other file at that path is someone's — and is
 * never written into the content folder, whose files are the site's.
 */
import { readFile, stat } from 'node:fs/promises';
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

export function importLogText(log: ImportLog): string {
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
  if (within(realPathOf(file), realPathOf(contentDir))) return `${name} 在内容文件夹之内：那里的文件都属于网站。请用 --log 指定内容文件夹之外的文件。`;
  const existing = await stat(file).catch(() => undefined);
  if (existing && !(existing.isFile() && (await isImportLog(file)))) return `${name} 已存在，且不是 npm run import 写的导入日志，不能覆盖。请用 --log 指定另一个文件，或先把它移走。`;
  return undefined;
}
