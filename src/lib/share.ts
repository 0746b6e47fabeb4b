/**
 * Sharing without third-party scripts: plain links to the share pages of
 * 微博 and QQ空间, and a QR code for 微信 drawn at build time.
 */
import QRCode from 'qrcode';

export interface SharePage {
  url: string;
  title: string;
  summary?: string | undefined;
}

export function weiboShareUrl({ url, title }: SharePage): string {
  return `https://service.weibo.com/share/share.php?${new URLSearchParams({ url, title })}`;
}

export function qzoneShareUrl({ url, title, summary }: SharePage): string {
  return `https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?${new URLSearchParams({ url, title, summary: summary ?? '' })}`;
}

/**
 * The page's URL as an inline SVG QR code, labelled for screen readers.
 * Encoded as one byte segment with a fixed mask: any mask is valid for
 * readers, and skipping the search for the "best" one makes the code ten
 * times faster to draw — it is drawn once per page, for every page.
 */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  // @types/qrcode lacks the byte-segment form of toString that qrcode itself accepts.
  const toString = QRCode.toString as unknown as (segments: { data: string; mode: 'byte' }[], options: QRCode.QRCodeToStringOptions & { maskPattern: number }) => Promise<string>;
  const svg = await toString([{ data: url, mode: 'byte' }], { type: 'svg', margin: 2, errorCorrectionLevel: 'M', maskPattern: 2 });
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped.replace(/"/g, '&quot;')}" focusable="false" `);
}
