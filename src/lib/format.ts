/** Small display helpers shared by pages and feeds. */

/** 12345 bytes → "12.1 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  // Decided on the figure shown: 1,048,575 bytes is 1.0 MB, not 1024 KB.
  while (Number(shownSize(value)) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${shownSize(value)} ${units[unit]}`;
}

/** One decimal below 100, whole numbers from 100 (99.96 shows as 100, not 100.0). */
function shownSize(value: number): string {
  const oneDecimal = value.toFixed(1);
  return Number(oneDecimal) >= 100 ? String(Math.round(value)) : oneDecimal;
}

/** `2022-02-18 16:27` when a time was given, else `2022-02-18`. */
export function formatPublished(published: string, hasTime: boolean): string {
  return hasTime ? published : published.slice(0, 10);
}

/** Page titles: "法治政府建设 - 示例区人民政府", the home page just the site name. */
export function pageTitle(title: string | undefined, siteName: string): string {
  return title && title !== siteName ? `${title} - ${siteName}` : siteName;
}

/** 主送 as documents print it, ending in a full-width colon: 区人民政府 → 区人民政府：. */
export function addresseeLine(addressee: string): string {
  return `${addressee.trim().replace(/\s*[:：]$/, '').trimEnd()}：`;
}
