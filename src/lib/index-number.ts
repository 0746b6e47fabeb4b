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

/** Lengths from which a 索引号 may not fit a phone's line, each with a CSS class that sizes it for up to that many characters (see global.css). */
const FIT_LENGTHS = [26, 30, 34, 40] as const;
const FITS_ANY_PHONE = 22;

/** The class that keeps a long 索引号 on one line on a narrow screen, or `undefined` when it fits as it is. */
export function indexNumberFit(indexNumber: string): string | undefined {
  const length = [...indexNumber].length;
  if (length <= FITS_ANY_PHONE) return undefined;
  const fit = FIT_LENGTHS.find((limit) => length <= limit);
  return fit === undefined ? undefined : `index-number-fit-${fit}`;
}
