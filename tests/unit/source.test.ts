import { describe, expect, it } from 'vitest';
import { decodeText, splitFrontMatter } from '../../src/lib/content/source.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(encode('标题'))).toEqual({ ok: true, text: '标题', encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('标题')]))).toEqual({ ok: true, text: '标题', encoding: 'UTF-8 (BOM)' });
  });

  it('reads UTF-16 from Notepad’s “Unicode”', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'政务公开'].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decodeText(utf16)).toMatchObject({ ok: true, text: '政务公开', encoding: 'UTF-16LE' });
  });

  it('reads GBK from older Windows editors', () => {
    // 政务公开工作报告 in GBK.
    const gbk = new Uint8Array([0xd5, 0xfe, 0xce, 0xf1, 0xb9, 0xab, 0xbf, 0xaa, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6]);
    expect(decodeText(gbk)).toEqual({ ok: true, text: '政务公开工作报告', encoding: 'GBK' });
  });

  it('refuses bytes it cannot decode with confidence instead of showing mojibake', () => {
    // 政府資訊 in Big5: valid-looking double bytes, but not in GB2312's Hanzi area.
    const big5 = new Uint8Array([0xac, 0x46, 0xa9, 0xb2, 0xb8, 0xea, 0xb0, 0x54]);
    const result = decodeText(big5);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toContain('不是 UTF-8');
  });
});

describe('splitFrontMatter', () => {
  it('separates YAML and body and knows where the body starts, with CRLF', () => {
    const split = splitFrontMatter('---\r\ntitle: 标题\r\ndate: 2021-03-04\r\n---\r\n\r\n正文\r\n');
    expect(split).toEqual({ fence: 'ok', frontMatter: 'title: 标题\ndate: 2021-03-04', frontMatterLine: 2, body: '\n正文\n', bodyLine: 5 });
  });

  it('reports a missing or unclosed front matter', () => {
    expect(splitFrontMatter('正文').fence).toBe('missing');
    expect(splitFrontMatter('---\ntitle: 标题\n正文').fence).toBe('unclosed');
  });
});
