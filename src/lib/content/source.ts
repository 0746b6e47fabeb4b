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

/**
 * Share of double-byte pairs that fall in GB2312's Hanzi area (lead B0–F7,
 * trail A1–FE). Real GBK Chinese is dominated by them; Big5 or Shift-JIS
 * bytes that happen to decode as GBK are not.
 */
function gb2312HanziShare(bytes: Uint8Array): number {
  let pairs = 0;
  let hanzi = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) hanzi++;
    i++;
  }
  return pairs === 0 ? 0 : hanzi / pairs;
}

/** Bytes that read as Chinese in GBK, not as another double-byte encoding that happens to decode. */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  return gb2312HanziShare(bytes) >= 0.8;
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
  if (looksLikeGbk(bytes)) {
    try {
      return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GBK' };
    } catch {
      // Invalid even as GB18030.
    }
  }
  return { ok: false, reason: '文件不是 UTF-8 编码，也不像 GBK 编码（可能是 Big5 或其他编码），无法可靠识别' };
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
