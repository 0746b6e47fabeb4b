/** Reading one content file as text, or the problem that stops it being read. */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Problem } from './problems.ts';
import { decodeText } from './source.ts';

export interface DecodedFile {
  text: string;
  /** A warning when the file was converted from another encoding. */
  problems: Problem[];
}

/**
 * Larger text files are refused unread: a body of ten million characters
 * (30 MB) already takes the check seconds and 450 MB, and one of hundreds
 * of megabytes would exhaust the build's memory.
 */
export const MAX_TEXT_FILE_BYTES = 32 * 1024 * 1024;

export async function readText(absolutePath: string, file: string): Promise<DecodedFile | Problem> {
  let bytes: Uint8Array;
  try {
    // Symlinks are refused before anything is read; O_NOFOLLOW holds if one appears meanwhile.
    const handle = await open(absolutePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const { size } = await handle.stat();
      if (size > MAX_TEXT_FILE_BYTES) {
        return {
          severity: 'error',
          file,
          message: `文件太大（${(size / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB，没有读取`,
          hint: '一份文件的正文不需要这么长：请检查是否粘贴进了大量重复内容，或把它拆成几份文件；表格和图片请作为附件',
        };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      severity: 'error',
      file,
      message: code === 'ENOENT' ? '找不到这个文件' : `无法读取文件（${code ?? String(error)}）`,
      hint: code === 'ENOENT' ? '请确认文件存在且文件名拼写正确' : undefined,
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return { severity: 'error', file, message: `无法识别文件编码：${decoded.reason}`, hint: '请用编辑器“另存为”，编码选择 UTF-8' };
  }
  const problems: Problem[] = [];
  if (decoded.encoding === 'GBK' || decoded.encoding.startsWith('UTF-16')) {
    problems.push({
      severity: 'warning',
      file,
      message: `文件编码为 ${decoded.encoding}，已自动转换`,
      hint: '建议用编辑器“另存为”，编码选择 UTF-8，避免其他工具显示乱码',
    });
  }
  return { text: decoded.text, problems };
}

export function isProblem(value: DecodedFile | Problem): value is Problem {
  return 'severity' in value;
}
