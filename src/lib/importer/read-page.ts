/**
 * The bytes of one saved page → the page, or why it is skipped.
 *
 * Decoding: an HTML page's declared charset (`<meta charset>`, the
 * `http-equiv` form, an XML declaration or a BOM, found by encoding-sniffer
 * as browsers find it) is honoured when the bytes are valid in it; a page
 * without one, or whose bytes contradict it, is decoded by detection
 * (UTF-8, UTF-16 with BOM, GBK — src/lib/content/source.ts). Node's
 * TextDecoder (full ICU) does the decoding itself. When neither settles the
 * encoding the page is refused rather than imported as mojibake.
 */
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import { decodeText, notGbkReason } from '../content/source.ts';
import { readHtmlPage, type PageReading } from './html-page.ts';
import type { ImportedPage } from './page.ts';
import { readTextPage } from './text-page.ts';

/** How far into a page to look for its charset: old templates put long comments and scripts before `<meta>`. */
const SNIFF_BYTES = 16 * 1024;
/** Encodings in which Chinese can be written; a page declaring another (windows-1252 …) but holding non-ASCII bytes is misdeclared. */
const CHINESE_CAPABLE = new Set(['UTF-8', 'UTF-16LE', 'UTF-16BE', 'GBK', 'gb18030', 'Big5']);
/** Fewer characters of body than this, and no attachment or image: nothing to import. */
const MIN_BODY = 20;

export type DecodedPage = { ok: true; text: string; encoding: string; note?: string } | { ok: false; reason: string };

export function decodePage(bytes: Uint8Array, html: boolean): DecodedPage {
  const detected = decodeText(bytes);
  const fromDetection = (note?: string): DecodedPage =>
    detected.ok ? { ok: true, text: detected.text, encoding: detected.encoding, ...(note ? { note } : {}) } : { ok: false, reason: `${note ? `${note}；` : ''}${detected.reason}` };
  if (!html) return fromDetection();
  const sniffer = new Sniffer({ maxBytes: SNIFF_BYTES });
  sniffer.write(bytes);
  if (sniffer.resultType === ResultType.DEFAULT) return fromDetection();
  const declared = sniffer.encoding;
  const ascii = bytes.every((byte) => byte < 0x80);
  if (ascii) return { ok: true, text: new TextDecoder().decode(bytes), encoding: declared };
  if (detected.ok && detected.encoding.startsWith('UTF') && !declared.startsWith('UTF')) {
    // Valid UTF-8 holding Chinese is not GBK by accident: a tool re-saved the page without changing its <meta>.
    return fromDetection(`页面声明编码为 ${declared}，内容实为 ${detected.encoding}，按 ${detected.encoding} 读取`);
  }
  if (!CHINESE_CAPABLE.has(declared)) return fromDetection(`页面声明编码为 ${declared}，不能表示中文`);
  let text: string;
  try {
    text = new TextDecoder(declared, { fatal: true }).decode(bytes);
  } catch {
    return fromDetection(`页面声明编码为 ${declared}，内容却不是有效的 ${declared}`);
  }
  const notGbk = declared === 'GBK' || declared === 'gb18030' ? notGbkReason(bytes) : undefined;
  if (notGbk) return { ok: false, reason: `页面声明编码为 ${declared}，但${notGbk}，无法可靠识别；请用文本编辑器另存为 UTF-8 后再导入` };
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding: declared };
}

const bodyLength = (page: ImportedPage) => page.blocks.reduce((sum, block) => sum + ('text' in block ? block.text.length : 50), 0);

export type PageFile = PageReading & { encoding?: string; note?: string };

/** The HTML parser and the walks of html-page.ts go one call deeper per level of markup: thousands of unclosed `<div>` overflow the stack. */
function readHtml(text: string): PageReading {
  try {
    return readHtmlPage(text);
  } catch (error) {
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
    return { skipped: '无法解析：页面的标签嵌套过深（旧模板中常见没有闭合的 <div>）；请在浏览器中打开这个页面，复制正文保存为 .txt 后再导入' };
  }
}

/** A saved page (`html`: .html/.htm/.shtml; else copied text) → the page, or why it is not a document. */
export function readPageFile(bytes: Uint8Array, html: boolean): PageFile {
  const decoded = decodePage(bytes, html);
  if (!decoded.ok) return { skipped: `无法识别文件编码：${decoded.reason}` };
  const reading = html ? readHtml(decoded.text) : readTextPage(decoded.text);
  if ('page' in reading && bodyLength(reading.page) < MIN_BODY && reading.page.attachments.length === 0) {
    return { skipped: '没有正文（不足 20 字，也没有附件）', encoding: decoded.encoding };
  }
  return { ...reading, encoding: decoded.encoding, ...(decoded.note ? { note: decoded.note } : {}) };
}
