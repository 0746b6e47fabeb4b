/** Reading one content file as text, or the problem that stops it being read. */
import { constants } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Problem } from './problems.ts';
import { decodeText } from './source.ts';

export interface DecodedFile {
  text: string;
  /** A warning when the file was converted from another encoding. */
  problems: Problem[];
}

export async function readText(absolutePath: string, file: string): Promise<DecodedFile | Problem> {
  let bytes: Uint8Array;
  try {
    // Symlinks are refused before anything is read; O_NOFOLLOW holds if one appears meanwhile.
    bytes = await readFile(absolutePath, { flag: constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) });
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
