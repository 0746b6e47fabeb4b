/**
 * Reading editors' files as they really arrive: UTF-8 with or without a BOM,
 * UTF-16 from Notepad's "Unicode", GBK from older Windows editors, CRLF line
 * endings. Text that cannot be decoded with confidence is refused rather than
 * shown as mojibake.
 */
import { readFileSync } from 'node:fs';

export type Encoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GBK';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** GB2312 rows C9–F7 hold about a third of the Hanzi of any Chinese text; EUC-KR's Hangul (rows B0–C8) never reaches them. */
const MIN_LATER_ROWS = 0.1;
/** Fewer Hanzi than this say too little about the rows a text uses. */
const MIN_HANZI_FOR_ROWS = 20;
/** Three CJK characters in a row as UTF-8 bytes: text pasted in from a UTF-8 page (GBK shows it as 鍏ㄥ尯…); real GBK text puts rare rows E4–E9 there. */
const UTF8_HANZI = /(?:[\xe4-\xe9][\x80-\xbf]{2}){3}/;

/**
 * Why bytes that decode as GBK are not GBK Chinese, or `undefined`. Real
 * GBK Chinese is dominated by double-byte pairs in GB2312's Hanzi area
 * (lead B0–F7, trail A1–FE), spread over its rows; Big5 or Shift-JIS bytes
 * that happen to decode fall outside it, EUC-KR Korean in its first rows.
 */
export function notGbkReason(bytes: Uint8Array): string | undefined {
  let pairs = 0;
  let hanzi = 0;
  let laterRows = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) {
      hanzi++;
      if (lead >= 0xc9) laterRows++;
    }
    i++;
  }
  if (pairs === 0 || hanzi / pairs < 0.8) return '内容不像 GBK 中文（可能是 Big5 或其他编码）';
  if (hanzi >= MIN_HANZI_FOR_ROWS && laterRows / hanzi < MIN_LATER_ROWS) return '内容不像 GBK 中文（像是韩文 EUC-KR 或其他编码）';
  if (UTF8_HANZI.test(Buffer.from(bytes).toString('latin1'))) return '内容是 GBK 中文，却混有 UTF-8 编码的文字（按 GBK 读出来是乱码）';
  return undefined;
}

export function decodeText(bytes: Uint8Array): Decoded {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return { ok: true, text: utf8.decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return { ok: true, text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
    }
  } catch {
    return { ok: false, reason: '文件开头标明了 Unicode 编码，但内容含有无效字节' };
  }
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: fall through to GBK detection.
  }
  const notGbk = notGbkReason(bytes);
  if (notGbk === undefined) {
    try {
      return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GBK' };
    } catch {
      // Invalid even as GB18030.
    }
  }
  return { ok: false, reason: `文件不是 UTF-8 编码，${notGbk ?? '按 GBK 读取也含有无效字节'}，无法可靠识别；请用文本编辑器另存为 UTF-8` };
}

export interface SplitSource {
  /** `missing`: no opening `---`; `unclosed`: no closing `---`. */
  fence: 'ok' | 'missing' | 'unclosed';
  /** The YAML between the `---` fences, or `undefined` when the file has none. */
  frontMatter: string | undefined;
  /** 1-based line number of the first YAML line. */
  frontMatterLine: number;
  body: string;
  /** 1-based line number where the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits `---\nYAML\n---\nbody`, after normalising line endings to `\n`. */
export function splitFrontMatter(text: string): SplitSource {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return { fence: 'missing', frontMatter: undefined, frontMatterLine: 1, body: normalized, bodyLine: 1 };
  }
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (closing === -1) {
    return { fence: 'unclosed', frontMatter: undefined, frontMatterLine: 2, body: normalized, bodyLine: 1 };
  }
  return {
    fence: 'ok',
    frontMatter: lines.slice(1, closing).join('\n'),
    frontMatterLine: 2,
    body: lines.slice(closing + 1).join('\n'),
    bodyLine: closing + 2,
  };
}

/** Just the body of a Markdown source file. */
export function bodyOf(text: string): string {
  return splitFrontMatter(text).body;
}

/** Reads a report file from disk, decoding it the same way the content check does, with `\n` line ends. */
export function sourceText(path: string): string {
  const decoded = decodeText(readFileSync(path));
  if (!decoded.ok) throw new Error(`${path}: ${decoded.reason}`);
  return decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Reads a report's body from disk, decoding it the same way the content check does. */
export function readReportBody(path: string): string {
  return bodyOf(sourceText(path));
}
