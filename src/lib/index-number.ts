/**
 * 索引号: `<agency code>/<year>-<serial>`, e.g. `330803-035/2021-71062`.
 * Other shapes are allowed (offices have legacy numbers); these helpers only
 * read the ones that follow the pattern.
 */

export interface IndexNumberParts {
  prefix: string;
  year: number;
  serial: number;
}

const PATTERN = /^(.+)\/(\d{4})-(\d+)$/;

export function parseIndexNumber(indexNumber: string): IndexNumberParts | undefined {
  const match = PATTERN.exec(indexNumber.trim());
  if (!match) return undefined;
  return { prefix: match[1]!, year: Number(match[2]), serial: Number(match[3]) };
}

export function formatIndexNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}/${year}-${String(serial).padStart(5, '0')}`;
}

/** The next free number for an agency and year: one above the highest serial in use. */
export function nextIndexNumber(prefix: string, year: number, existing: Iterable<string>): string {
  let highest = 0;
  for (const indexNumber of existing) {
    const parts = parseIndexNumber(indexNumber);
    if (parts && parts.prefix === prefix && parts.year === year) highest = Math.max(highest, parts.serial);
  }
  return formatIndexNumber(prefix, year, highest + 1);
}
