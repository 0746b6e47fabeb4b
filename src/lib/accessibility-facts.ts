/**
 * What the 无障碍声明 may truthfully say about this site's own content:
 * how many documents and attachments it has, of which types, and how many
 * published files are in formats that may be scans a screen reader cannot read.
 */
import type { Report } from './model.ts';

/** Formats a scanned page usually comes in. */
const SCANNABLE_TYPES = new Set(['PDF', 'JPG', 'JPEG', 'PNG', 'TIF', 'TIFF', 'GIF', 'BMP']);

export interface AccessibilityFacts {
  reports: number;
  /** Attachments listed under documents (each file once), with type and size shown. */
  attachments: number;
  /** e.g. [['PDF', 3], ['XLSX', 1]], most common first. */
  attachmentTypes: [type: string, count: number][];
  /** Published files (listed or linked from a body) in a format that may be a scan. */
  possiblyScanned: number;
}

function typeOf(file: string): string {
  return /\.([^./]+)$/.exec(file)?.[1]?.toUpperCase() ?? '';
}

export function accessibilityFacts(reports: readonly Report[]): AccessibilityFacts {
  const listed = new Map(reports.flatMap((report) => report.attachments.map((attachment) => [attachment.file, attachment.type] as const)));
  const published = new Set([...listed.keys(), ...reports.flatMap((report) => report.linkedFiles)]);
  const types = new Map<string, number>();
  for (const type of listed.values()) types.set(type, (types.get(type) ?? 0) + 1);
  return {
    reports: reports.length,
    attachments: listed.size,
    attachmentTypes: [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    possiblyScanned: [...published].filter((file) => SCANNABLE_TYPES.has(typeOf(file))).length,
  };
}
