/**
 * Writing a new report file, for `npm run new` and `npm run import`: front
 * matter as YAML that reads back exactly as written, and a file name that
 * never replaces an existing report.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Document, Scalar } from 'yaml';
import { fileNameKey, folderInContent, reportNameProblem } from './content/paths.ts';
import { agencySchema, REPORT_KEYS, type ReportFrontmatter } from './content/schema.ts';
import { parseIndexNumber } from './index-number.ts';

/** The body `npm run new` writes: a hint and placeholder headings, which the content check warns about until replaced. */
export const NEW_REPORT_BODY = `在这里写正文开头的一段（写好后删去这句提示）。

## 一、……

### （一）……

……`;

/**
 * `---`, the fields in the contract's order, `placeholders` as commented-out
 * lines (fields an editor may fill in later), `---`, the body.
 */
export function serializeReport(fields: ReportFrontmatter, body: string, placeholders: readonly string[] = []): string {
  const values = fields as Record<string, unknown>;
  const ordered = Object.fromEntries(REPORT_KEYS.flatMap((key) => (values[key] === undefined ? [] : [[key, values[key]]])));
  // The YAML library quotes whatever would otherwise read back as something else: `a: b`, `#x`, `2021`.
  const document = new Document(ordered, { schema: 'core' });
  // Plain `2021-03-04 09:30` reads back as text too, but quoting shows that it is one value.
  const published = document.get('published', true);
  if (published instanceof Scalar) published.type = Scalar.QUOTE_DOUBLE;
  if (placeholders.length > 0) document.comment = placeholders.map((line) => ` ${line}`).join('\n');
  return `---\n${document.toString({ lineWidth: 0 })}---\n\n${body.trim()}\n`;
}

/** Why `slug` cannot name a report file (it becomes the page's URL segment), or `undefined`. */
export function slugProblem(slug: string): string | undefined {
  // The rule for agency and column ids, which are URL segments too.
  const result = agencySchema.shape.id.safeParse(slug);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/**
 * `sfj-20261123-00012`: agency, date and index-number serial. Chinese titles
 * have no ASCII slug without a pinyin dictionary.
 */
export function defaultSlug(agencyId: string, date: string, indexNumber: string): string {
  const serial = parseIndexNumber(indexNumber)?.serial;
  const parts = [agencyId, date.replaceAll('-', '')];
  if (serial !== undefined) parts.push(String(serial).padStart(5, '0'));
  return parts.join('-');
}

/** Characters of a title kept in a file name made from it: the name is the page's URL segment, best short. */
const TITLE_SLUG_LENGTH = 24;

/**
 * A file name from a report's title: letters (Chinese included) and digits
 * only, without the agency's name it starts with or a leading 关于, at most
 * 24 characters — `样例县教育局关于做好2024年春季开学工作的通知` →
 * `做好2024年春季开学工作的通知`. Falls back to the index number
 * (`449900-021-2024-00006`) when the title leaves too little, and to
 * `report` when that is no file name either.
 */
export function slugFromTitle(title: string, agencyNames: readonly string[], indexNumber: string): string {
  let short = title.normalize('NFKC');
  const prefix = [...agencyNames].sort((a, b) => b.length - a.length).find((name) => name !== '' && short.startsWith(name) && short.length > name.length + 4);
  if (prefix) short = short.slice(prefix.length);
  const letters = [...short.replace(/^关于/, '')].filter((char) => /[\p{L}\p{N}]/u.test(char));
  const slug = letters.slice(0, TITLE_SLUG_LENGTH).join('').toLowerCase();
  if (slug.length >= 2 && !reportNameProblem(slug)) return slug;
  const fromNumber = indexNumber.replace(/[^\p{L}\p{N}_]+/gu, '-').replace(/^-+|-+$/g, '');
  // An index number such as `——` or `CON` names no file the site can publish.
  return reportNameProblem(fromNumber) ? 'report' : fromNumber;
}

export type WriteOutcome = { written: string; renamed: boolean } | { taken: string };

/** The names in `folder` as a case-insensitive, normalizing server knows them (fileNameKey): REPORT.md takes report.md. */
export async function namesTakenIn(folder: string): Promise<Set<string>> {
  return new Set((await readdir(folder).catch(() => [] as string[])).map(fileNameKey));
}

/**
 * Writes `reports/<year>/<slug>.md` of the content folder, with no symlink on
 * the way (folderInContent), and never replaces a file: when the name is
 * taken — or one differing only in letter case — it tries `<slug>-2.md`, `<slug>-3.md` … if `renameIfTaken`, else
 * reports the taken path.
 */
export async function writeNewReport(contentDir: string, year: string, slug: string, text: string, renameIfTaken: true): Promise<{ written: string; renamed: boolean }>;
export async function writeNewReport(contentDir: string, year: string, slug: string, text: string, renameIfTaken: boolean): Promise<WriteOutcome>;
export async function writeNewReport(contentDir: string, year: string, slug: string, text: string, renameIfTaken: boolean): Promise<WriteOutcome> {
  const folder = await folderInContent(contentDir, `reports/${year}`);
  const taken = await namesTakenIn(folder);
  for (let attempt = 1; ; attempt++) {
    const path = join(folder, `${attempt === 1 ? slug : `${slug}-${attempt}`}.md`);
    if (taken.has(fileNameKey(basename(path)))) {
      if (!renameIfTaken) return { taken: path };
      continue;
    }
    try {
      // `wx` refuses an existing file (or a symlink in its place), even one created a moment ago by someone else.
      await writeFile(path, text, { flag: 'wx' });
      return { written: path, renamed: attempt > 1 };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!renameIfTaken) return { taken: path };
    }
  }
}
