/**
 * What the 无障碍声明 may truthfully say about this site's own content:
 * how many documents and attachments it has, of which types, and how many
 * published files are in formats that may be scans a screen reader cannot read.
 */
import type { Report } from './model.ts';

/** Formats a scanned page may come in: PDF and every image type an attachment may have. */
const SCANNABLE_TYPES = new Set(['PDF', 'JPG', 'JPEG', 'PNG', 'WEBP', 'AVIF', 'TIF', 'TIFF', 'GIF', 'BMP']);

export interface AccessibilityFacts {
  reports: number;
  /** Attachments listed under documents (each file once), with type and size shown. */
  attachments: number;
  /** e.g. [['PDF', 3], ['XLSX', 1]], most common first. */
  attachmentTypes: [type: string, count: number][];
  /** Listed attachments (each file once) in a format that may be a scan. */
  scannableAttachments: number;
  /** Files only linked or shown from bodies (not listed as attachments) in such a format. */
  scannableInBodies: number;
}

function typeOf(file: string): string {
  return /\.([^./]+)$/.exec(file)?.[1]?.toUpperCase() ?? '';
}

export function accessibilityFacts(reports: readonly Report[]): AccessibilityFacts {
  const listed = new Map(reports.flatMap((report) => report.attachments.map((attachment) => [attachment.file, attachment.type] as const)));
  const inBodiesOnly = new Set(reports.flatMap((report) => report.linkedFiles).filter((file) => !listed.has(file)));
  const scannable = (files: Iterable<string>) => [...files].filter((file) => SCANNABLE_TYPES.has(typeOf(file))).length;
  const types = new Map<string, number>();
  for (const type of listed.values()) types.set(type, (types.get(type) ?? 0) + 1);
  return {
    reports: reports.length,
    attachments: listed.size,
    attachmentTypes: [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    scannableAttachments: scannable(listed.keys()),
    scannableInBodies: scannable(inBodiesOnly),
  };
}

/** The statement's warning about files that may be scans, naming attachments and files in bodies apart; none without such files. */
export function scanNotice({ scannableAttachments, scannableInBodies }: AccessibilityFacts): string | undefined {
  const found = [
    scannableAttachments > 0 && `有 ${scannableAttachments} 个 PDF 或图片格式的附件`,
    scannableInBodies > 0 && `正文中${scannableAttachments > 0 ? '另' : ''}有 ${scannableInBodies} 个 PDF 或图片文件`,
  ].filter(Boolean);
  if (found.length === 0) return undefined;
  return `本站${found.join('，')}。如果其中有扫描件，读屏软件无法朗读其中的文字；如需文字版本，请与我们联系。`;
}
