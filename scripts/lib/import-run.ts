/**
 * One run of `npm run import`: every page found → imported, skipped (why)
 * or needing attention (which field), as a list of outcomes the command
 * prints, sums up and logs.
 *
 * Importing twice imports nothing twice. A report keeps where it came from
 * in its front matter (`importedFrom`: the page's address — from `<meta
 * name="Url">`, `<link rel="canonical">`, the browser's "saved from url" or
 * its place in a `wget -m` mirror — else its path in the folder imported).
 * A page is already imported when a report has its address, or its path
 * and its title, or its 索引号 and its title.
 */
import { constants } from 'node:fs';
import { copyFile, link, open, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { activeTypeProblem, attachmentPathProblem, fileNameKey, folderInContent, type ContentTree } from '../../src/lib/content/paths.ts';
import { namesTakenIn, serializeReport, slugFromTitle, writeNewReport } from '../../src/lib/report-file.ts';
import { attachmentName, mirrorHardLinkProblem, resolveInMirror, sourceIdentity, type SourceFile } from '../../src/lib/importer/mirror.ts';
import type { ImportedPage, PageResource } from '../../src/lib/importer/page.ts';
import { readPageFile, type PageFile } from '../../src/lib/importer/read-page.ts';
import { blocksToMarkdown, toReport, type Fallbacks, type Note } from '../../src/lib/importer/to-report.ts';
import { displayPath, type EditorContext, type KnownReport } from './editor.ts';

export interface PlacedFile {
  /** The file in the mirror. */
  from: string;
  /** Path under content/attachments/. */
  file: string;
  /** Named `-2`, `-3` …: another file of the page, or one already in its folder, had its name up to letter case and Unicode form (the check refuses such twins). */
  renamed?: true;
}

export interface MissingFile {
  kind: '附件' | '图片';
  text: string;
  href: string;
  /** Why the file was not imported although the mirror holds it (a type that would run script on the portal). */
  refused?: string;
}

interface Outcome {
  /** The page file, as messages show paths. */
  source: string;
}

export type PageOutcome =
  | (Outcome & {
      status: 'imported';
      file: string;
      title: string;
      indexNumber: string;
      column: string;
      date: string;
      dateFrom: string;
      published: string | undefined;
      publishedFrom: string | undefined;
      importedFrom: string;
      encoding: string | undefined;
      attachments: PlacedFile[];
      images: PlacedFile[];
      missing: MissingFile[];
      notes: Note[];
    })
  | (Outcome & { status: 'skipped'; reason: string; file?: string })
  | (Outcome & { status: 'needs-attention'; fields: string[]; errors: string[] });

export interface ImportOptions {
  contentDir: string;
  fallbacks: Fallbacks;
  dryRun: boolean;
  /** Called with each outcome as soon as it is known. */
  onOutcome: (outcome: PageOutcome) => void;
}

const isUrl = (identity: string) => /^https?:\/\//i.test(identity);

/**
 * Whether two pages' identities (sourceIdentity) are one saved page imported
 * from two folders: `http://www.example.gov.cn/art/a.html` from the mirror,
 * `art/a.html` from the host folder inside it — one path ends with the other.
 */
function samePageSeenFromAnotherFolder(a: string, b: string): boolean {
  const withoutScheme = (identity: string) => identity.replace(/^https?:\/\//i, '');
  const [x, y] = [withoutScheme(a), withoutScheme(b)];
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}

/** Reports already in the content folder (and imported in this run), by what a page may match them on. */
class KnownReports {
  private byOrigin = new Map<string, KnownReport>();
  private byIndexNumber = new Map<string, KnownReport>();
  /** Reports of earlier runs, by title. */
  private byTitle = new Map<string, KnownReport[]>();

  constructor(reports: readonly KnownReport[]) {
    for (const report of reports) {
      this.add(report);
      // Pages of one run come from one folder: only an earlier run's report can be the same page seen from another.
      if (report.title !== undefined) this.byTitle.set(report.title, [...(this.byTitle.get(report.title) ?? []), report]);
    }
  }

  add(report: KnownReport): void {
    if (report.importedFrom && !this.byOrigin.has(report.importedFrom)) this.byOrigin.set(report.importedFrom, report);
    if (!this.byIndexNumber.has(report.indexNumber)) this.byIndexNumber.set(report.indexNumber, report);
  }

  /** The report this page became on an earlier import, if any. */
  find(identity: string, title: string | undefined, indexNumber: string | undefined): KnownReport | undefined {
    // An address is the page's across a retitling, but not under another 索引号 (a document's lasting number): a
    // template's canonical of the home page, shared by pages imported in different runs, is no one page's.
    const numberAgrees = (report: KnownReport) => indexNumber === undefined || report.indexNumber === indexNumber;
    const byOrigin = this.byOrigin.get(identity);
    if (byOrigin && (isUrl(identity) ? numberAgrees(byOrigin) : byOrigin.title === title)) return byOrigin;
    const byNumber = indexNumber === undefined ? undefined : this.byIndexNumber.get(indexNumber);
    if (byNumber && (byNumber.title === title || byNumber.importedFrom === identity)) return byNumber;
    const byTitle = title === undefined ? [] : (this.byTitle.get(title) ?? []);
    return byTitle.find((report) => report.importedFrom !== undefined && numberAgrees(report) && samePageSeenFromAnotherFolder(report.importedFrom, identity));
  }
}

/** `附件1：2020年统计表.xlsx（35KB）` → `2020年统计表`. */
function attachmentTitle(text: string, file: string): string {
  const title = text
    .replace(/^(?:相关)?附件\s*[\d一二三四五六七八九十]*\s*[:：.、]?\s*/, '')
    .replace(/^(?:\d+\s*[.、．]|[（(]\d+[）)])\s*/, '')
    .replace(/\s*[（(]\s*\d+(?:\.\d+)?\s*[KMG]?B\s*[)）]\s*$/i, '')
    .replace(/\.[a-z0-9]{2,4}$/i, '')
    .trim();
  // `附件1` alone is still a better title than `P020210309553112`.
  return title || text.trim() || file.replace(/\.[^.]+$/, '').split('/').at(-1)!;
}

/** Why the mirror's file `path` cannot be read (no permission, gone meanwhile), if it cannot: one such file does not stop the import. */
async function unreadable(path: string): Promise<string | undefined> {
  try {
    await (await open(path, 'r')).close();
    return undefined;
  } catch (error) {
    return `无法读取（${(error as NodeJS.ErrnoException).code ?? String(error)}）：请检查这个文件的权限`;
  }
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([readFile(a), readFile(b)]);
  return left.equals(right);
}

/**
 * Copies `from` to `folder/name` by way of a hidden temporary name, so that
 * an interrupted import leaves no partial file under the real name (a later
 * run would keep it and name the real one `-2`). Neither step writes over or
 * through a file or symlink put in place meanwhile.
 */
async function copyInto(from: string, folder: string, name: string): Promise<void> {
  const partial = join(folder, `.${name}.part`);
  await rm(partial, { force: true });
  try {
    await copyFile(from, partial, constants.COPYFILE_EXCL);
    // link, unlike rename, refuses a name already taken.
    await link(partial, join(folder, name));
  } finally {
    await unlink(partial).catch(() => undefined);
  }
}

/**
 * Copies the page's attachments and images that the mirror holds into
 * content/attachments/<folder>/ (unless `dryRun`), never over a different
 * file nor beside one whose name differs only in letter case or Unicode
 * form, nor through a symlink; lists the ones it lacks.
 */
async function placeFiles(source: SourceFile, page: ImportedPage, folder: string, contentDir: string, dryRun: boolean, linkScans: Map<string, Promise<ContentTree>>) {
  const attachmentsDir = join(contentDir, 'attachments');
  const placed = new Map<string, string>();
  const onDisk = new Map((await readdir(join(attachmentsDir, folder)).catch(() => [] as string[])).map((name) => [fileNameKey(name), name]));
  const missing: MissingFile[] = [];
  const place = async (resource: PageResource, kind: MissingFile['kind']): Promise<PlacedFile | undefined> => {
    const from = resolveInMirror(source, resource.href);
    if (!from) {
      missing.push({ kind, text: resource.text, href: resource.href });
      return undefined;
    }
    const refused = activeTypeProblem(from) ?? (await mirrorHardLinkProblem(source, from, linkScans)) ?? (await unreadable(from));
    if (refused) {
      missing.push({ kind, text: resource.text, href: resource.href, refused });
      return undefined;
    }
    let file = placed.get(from);
    let renamed = false;
    if (file === undefined) {
      const name = attachmentName(from);
      // The name as written must pass the content check too (a `-2` changes nothing there): nothing refused is copied.
      const unpublishable = attachmentPathProblem(`${folder}/${name}`);
      if (unpublishable) {
        missing.push({ kind, text: resource.text, href: resource.href, refused: unpublishable });
        return undefined;
      }
      for (let attempt = 1; ; attempt++) {
        const candidate = attempt === 1 ? name : name.replace(/(\.[^.]*)?$/, `-${attempt}$1`);
        file = `${folder}/${candidate}`;
        const key = fileNameKey(file);
        if ([...placed.values()].some((taken) => fileNameKey(taken) === key)) continue;
        // Only this very file may already stand under this name (an interrupted import); no twin may.
        const existing = onDisk.get(fileNameKey(candidate));
        const target = join(attachmentsDir, file);
        if (existing !== undefined && (existing !== candidate || !(await sameBytes(from, target)))) continue;
        if (existing === undefined && !dryRun) await copyInto(from, await folderInContent(contentDir, `attachments/${folder}`), candidate);
        renamed = attempt > 1;
        break;
      }
      placed.set(from, file);
    }
    return { from: displayPath(from), file, renamed: renamed || undefined };
  };
  const attachments: (PlacedFile & { title: string })[] = [];
  for (const resource of page.attachments) {
    const file = await place(resource, '附件');
    if (file && !attachments.some((attachment) => attachment.file === file.file)) attachments.push({ ...file, title: attachmentTitle(resource.text, file.file) });
  }
  const images = new Map<number, PlacedFile>();
  for (const [index, resource] of page.images.entries()) {
    const file = await place(resource, '图片');
    if (file) images.set(index, file);
  }
  return { attachments, images, missing };
}

/**
 * `slug`, or `slug-2`, `slug-3` … : the first name free on disk and in this
 * run, compared as a Windows server compares names (Report.md takes report.md).
 */
async function freeSlug(reportsDir: string, year: string, slug: string, taken: Set<string>): Promise<string> {
  const onDisk = await namesTakenIn(join(reportsDir, year));
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? slug : `${slug}-${attempt}`;
    const key = fileNameKey(`${year}/${name}`);
    if (taken.has(key) || onDisk.has(fileNameKey(`${name}.md`))) continue;
    taken.add(key);
    return name;
  }
}

/** Comment lines in the front matter naming the files the mirror lacked, so the report itself says what is missing. */
function missingComment(missing: readonly MissingFile[]): string[] {
  if (missing.length === 0) return [];
  return [
    '导入时以下附件或图片没有导入：找不到的，找到后放进 content/attachments/，附件写进 attachments；不能附上的类型，请改存为 PDF 或图片：',
    ...missing.map((file) => `- ${file.kind}“${file.text || '（无标题）'}”，原链接 ${file.href}${file.refused ? `（${file.refused}）` : '（在保存的网站中找不到）'}`),
  ];
}

export async function importPages(sources: readonly SourceFile[], context: EditorContext, options: ImportOptions): Promise<PageOutcome[]> {
  const reportsDir = join(options.contentDir, 'reports');
  const known = new KnownReports(context.reports);
  const taken = new Set<string>();
  const linkScans = new Map<string, Promise<ContentTree>>();
  const outcomes: PageOutcome[] = [];
  const report = (outcome: PageOutcome) => {
    outcomes.push(outcome);
    options.onOutcome(outcome);
  };

  const readings: { source: SourceFile; read: PageFile }[] = [];
  for (const source of sources) {
    // One page that cannot be read (permissions, gone meanwhile) is skipped; the others are still imported.
    const bytes = await readFile(source.path).catch((error: NodeJS.ErrnoException) => `无法读取（${error.code ?? error.message}）：请检查文件是否还在、权限是否允许读取`);
    readings.push({ source, read: typeof bytes === 'string' ? { skipped: bytes } : readPageFile(bytes, source.html) });
  }
  // An address that pages of different titles or 索引号 all give (a template's canonical of the home page) is none of theirs.
  const pagesByUrl = new Map<string, Set<string>>();
  for (const { read } of readings) {
    if (!('page' in read) || !read.page.url) continue;
    if (!pagesByUrl.has(read.page.url)) pagesByUrl.set(read.page.url, new Set());
    pagesByUrl.get(read.page.url)!.add(JSON.stringify([read.page.title ?? read.page.fields.title, read.page.fields.indexNumber]));
  }
  const ownUrl = (url: string | undefined) => (url !== undefined && pagesByUrl.get(url)!.size === 1 ? url : undefined);
  // A number generated for one page must not take the one a later page states.
  const reserved = new Set(readings.flatMap(({ read }) => ('page' in read && read.page.fields.indexNumber !== undefined ? [read.page.fields.indexNumber] : [])));
  const registries = { ...context, reserved };

  for (const { source, read } of readings) {
    const shown = displayPath(source.path);
    if ('skipped' in read) {
      report({ source: shown, status: 'skipped', reason: read.skipped });
      continue;
    }
    const { page } = read;
    const identity = sourceIdentity(source, ownUrl(page.url));
    const earlier = known.find(identity, page.title ?? page.fields.title ?? options.fallbacks.title, page.fields.indexNumber);
    if (earlier) {
      report({ source: shown, status: 'skipped', reason: `已导入过：${earlier.file}`, file: earlier.file });
      continue;
    }
    const conversion = toReport(page, registries, options.fallbacks);
    if (!conversion.ok) {
      report({ source: shown, status: 'needs-attention', fields: conversion.missing, errors: conversion.errors });
      continue;
    }
    const { fields } = conversion;
    const year = fields.date.slice(0, 4);
    const agencyNames = context.agencies.flatMap((agency) => (agency.id === fields.agency ? [agency.name, agency.short ?? ''] : []));
    const slug = await freeSlug(reportsDir, year, slugFromTitle(fields.title, agencyNames, fields.indexNumber), taken);
    // Refused before the page's files are placed, so that a refused report folder leaves none behind.
    if (!options.dryRun) await folderInContent(options.contentDir, `reports/${year}`);
    const files = await placeFiles(source, page, `${year}/${slug}`, options.contentDir, options.dryRun, linkScans);
    const body = blocksToMarkdown(page, (image) => {
      const file = files.images.get(image)?.file;
      return file === undefined ? undefined : `/attachments/${file}`;
    });
    const front = {
      ...fields,
      attachments: files.attachments.length > 0 ? files.attachments.map(({ title, file }) => ({ title, file })) : undefined,
      importedFrom: identity,
    };
    const path = join(reportsDir, year, `${slug}.md`);
    if (!options.dryRun) {
      const written = await writeNewReport(options.contentDir, year, slug, serializeReport(front, body, missingComment(files.missing)), false);
      if ('taken' in written) throw new Error(`${displayPath(written.taken)} 在导入时被另一个程序占用`);
    }
    // Later pages of the same run must not reuse this index number, file name or source.
    context.indexNumbers.set(fields.indexNumber, displayPath(path));
    known.add({ file: displayPath(path), indexNumber: fields.indexNumber, title: fields.title, importedFrom: identity });
    const notes = [...conversion.notes];
    if (read.note) notes.push({ field: '编码', message: read.note, check: true });
    report({
      source: shown,
      status: 'imported',
      file: displayPath(path),
      title: fields.title,
      indexNumber: fields.indexNumber,
      column: fields.column,
      date: fields.date,
      dateFrom: conversion.dateFrom,
      published: fields.published,
      publishedFrom: conversion.publishedFrom,
      importedFrom: identity,
      encoding: read.encoding,
      attachments: files.attachments.map(({ from, file, renamed }) => ({ from, file, renamed })),
      images: [...files.images.values()],
      missing: files.missing,
      notes,
    });
  }
  return outcomes;
}
