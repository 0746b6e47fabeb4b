/**
 * content/ → validated, normalised entries, or every problem at once. The
 * data flows one way, each step in its own module:
 *
 *   scanContentTree (paths.ts)        which files there are; symlinks refused
 *   readRegistries (registries.ts)    site.yaml and agencies.yaml
 *   parseReportFiles (parse-cache.ts) each report's front matter (parse-report.ts), cached
 *   checkReport (check-report.ts)     each report against the rest (cross-file.ts),
 *                                     its attachments and links (body-checks.ts),
 *                                     then assembled (assemble-report.ts)
 *
 * `readContent` does the first three steps (all the editor commands need);
 * `checkRead` the last; `loadContent` both. `npm run check` and the build
 * call it through scripts/lib/check-content.ts.
 */
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { renderedOutline, type BodyOutline } from '../../markdown/cached.ts';
import { nowInBeijing } from '../dates.ts';
import { compareNewestFirst } from '../listings.ts';
import type { Portal, Report } from '../model.ts';
import { auditSettingProblems } from './audit-schema.ts';
import { assembleReport } from './assemble-report.ts';
import { checkReport } from './check-report.ts';
import { referencesOf } from './cross-file.ts';
import { mapFiles, parseReportFiles, type ParseCacheOptions, type ParsedReports } from './parse-cache.ts';
import { scanContentTree } from './paths.ts';
import { hasErrors, sortProblems, type Problem } from './problems.ts';
import { readRegistries, type Registries } from './registries.ts';

export interface LoadOptions {
  /** Absolute path of the content folder (holding site.yaml, agencies.yaml, reports/). */
  contentDir: string;
  /** Paths in messages are relative to this; defaults to the current directory. */
  projectRoot?: string;
  /** `YYYY-MM-DD` in Beijing, for "date in the future" warnings; defaults to today. */
  today?: string;
  /** `YYYY-MM-DD HH:mm` in Beijing, for "published later today" warnings; defaults to now, or to the end of `today` when that is given. */
  now?: string;
  /**
   * Renders a body's outline; defaults to rendering in this thread (the build passes a pool of threads).
   * `markdown` reads the body: only needed when the outline is not cached.
   */
  renderOutline?: (digest: string, markdown: () => string) => BodyOutline | Promise<BodyOutline>;
  /** Where to keep each report file's parsed front matter between runs (see parse-cache.ts). */
  parseCache?: ParseCacheOptions;
  /** A build for looking at on this computer: site.yaml may leave out `url`, and pages say they are a preview. */
  preview?: boolean;
}

export interface LoadResult {
  /** Present only when there are no errors. */
  portal: Portal | undefined;
  problems: Problem[];
}

/** The content as read and parsed, each file checked on its own; nothing compared across files yet. */
export interface ContentRead {
  contentDir: string;
  registries: Registries;
  reports: ParsedReports;
  /** reports/ as messages show it, and how many report files it holds, parsed or not. */
  reportsFolder: { file: string; count: number };
  /** Problems of the folder and the files on their own. */
  problems: Problem[];
}

/** Paths as messages show them: relative to `projectRoot`, with forward slashes. */
export function displayFrom(projectRoot: string): (path: string) => string {
  return (path) => relative(projectRoot, path).split(sep).join('/');
}

/**
 * Reads the content folder. With `reuse`, an earlier read of this process is
 * brought up to date: only the report files in `changed` (relative to
 * reports/) are read again, and the registries are kept.
 */
export async function readContent(options: LoadOptions, reuse?: { read: ContentRead; changed: readonly string[] }): Promise<ContentRead> {
  const { contentDir } = options;
  const display = displayFrom(options.projectRoot ?? process.cwd());
  const tree = await scanContentTree(contentDir, display);
  const registries = reuse?.read.registries ?? (await readRegistries(contentDir, display, tree.unreadable, options.preview ?? false));
  const problems = [...tree.problems, ...registries.problems];
  const reportsDir = join(contentDir, 'reports');
  if (!(await stat(reportsDir).catch(() => undefined))?.isDirectory() && !tree.unreadable.has('reports')) {
    problems.push({ severity: 'error', file: display(reportsDir), message: '找不到文件夹 reports', hint: '在 content/ 下建立 reports 文件夹，每份文件一个 .md' });
  }
  const reports = await parseReportFiles(
    reportsDir,
    tree.reportFiles,
    display,
    options.parseCache,
    reuse && { entries: reuse.read.reports.entries, changed: new Set(reuse.changed) },
  );
  problems.push(...reports.problems);
  return { contentDir, registries, reports, reportsFolder: { file: display(reportsDir), count: tree.reportFiles.length }, problems };
}

export interface CheckOptions extends Pick<LoadOptions, 'today' | 'now' | 'renderOutline'> {
  /**
   * Check only these files (as messages show them), e.g. the ones an editor
   * command just wrote: problems are theirs (and the registries'), and every
   * other report enters the portal as its front matter describes it, which is
   * all the site's page list depends on. Such a portal is for checking links, never for building.
   */
  only?: ReadonlySet<string>;
}

/** Checks every parsed report against the rest of the content; the portal when nothing is an error. */
export async function checkRead(read: ContentRead, options: CheckOptions = {}): Promise<LoadResult> {
  const { registries, contentDir } = read;
  const { only } = options;
  const concerns = (problem: Problem) => !only || only.has(problem.file) || problem.file === registries.files.site || problem.file === registries.files.agencies;
  const problems = read.problems.filter(concerns);
  // Cross-file checks need the registries; without them they would only add noise.
  if (!registries.valid) return { portal: undefined, problems: sortProblems(problems) };
  const { site, settings, siteParsed } = registries.valid;
  const { agencies } = registries;
  const references = referencesOf(site, agencies, read.reports.drafts);
  problems.push(
    ...auditSettingProblems(settings.audit, { agencyIds: new Set(agencies.map((a) => a.id)), columnIds: new Set(references.columnTree.byId.keys()) }, registries.files.site, siteParsed),
  );
  const now = options.now ?? (options.today === undefined ? nowInBeijing() : `${options.today} 23:59`);
  const context = { contentDir, today: options.today ?? now.slice(0, 10), now, renderOutline: options.renderOutline ?? renderedOutline };
  const reports: Report[] = [];
  for (const draft of only ? read.reports.drafts.filter((draft) => !only.has(draft.file)) : []) {
    const agency = references.agencyByKey.get(draft.data.agency);
    if (agency) reports.push(assembleReport(draft, { agency, attachments: [], linkedFiles: [], siteLinks: [], textStart: '' }));
  }
  const checked = only ? read.reports.drafts.filter((draft) => only.has(draft.file)) : read.reports.drafts;
  for (const result of await mapFiles(checked, (draft) => checkReport(draft, references, context))) {
    problems.push(...result.problems);
    if (result.report) reports.push(result.report);
  }
  if (read.reportsFolder.count === 0 && !problems.some((p) => p.file === read.reportsFolder.file)) {
    problems.push({ severity: 'warning', file: read.reportsFolder.file, message: '还没有任何文件', hint: '用 npm run new 新建第一份文件' });
  }
  const sorted = sortProblems(problems);
  if (hasErrors(sorted)) return { portal: undefined, problems: sorted };
  reports.sort(compareNewestFirst);
  return { portal: { site, agencies, reports }, problems: sorted };
}

export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  return checkRead(await readContent(options), options);
}
