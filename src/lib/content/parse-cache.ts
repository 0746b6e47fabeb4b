/**
 * Every report file parsed, through a cache of each file's parsed front
 * matter kept between runs with its size and modification time: an
 * unchanged file is not read again (its body is read when it is rendered).
 */
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimit } from '../map-limit.ts';
import { parseReport, reportId, type ReportDraft } from './parse-report.ts';
import type { Problem } from './problems.ts';
import { isProblem, readText } from './read-text.ts';
import { readReportBody } from './source.ts';

export interface ParseCacheOptions {
  file: string;
  /** Must change whenever the parsing code does. */
  version: string;
}

/** What the cache keeps of a report file: everything but where it is and its body, as JSON. */
export type ParsedEntry = {
  size: number;
  mtimeMs: number;
  draft: (Pick<ReportDraft, 'data' | 'digest' | 'bodyLine'> & { lines: [string, number][]; firstLine: number }) | undefined;
  problems: Omit<Problem, 'file'>[];
};

export interface ParsedReports {
  drafts: ReportDraft[];
  problems: Problem[];
  /** Every file as parsed, for a later pass that re-reads only the files it changed. */
  entries: ReadonlyMap<string, ParsedEntry>;
}

/** An earlier pass of this process, and the files changed since (by this process). */
export interface Reuse {
  entries: ReadonlyMap<string, ParsedEntry>;
  changed: ReadonlySet<string>;
}

/** Runs `task` on every item, this many at a time: enough to keep the disk busy, few enough for the open-file limit. */
export const mapFiles = <T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> => mapLimit(items, 32, task);

async function readParseCache(cache: ParseCacheOptions | undefined): Promise<Map<string, ParsedEntry>> {
  if (!cache) return new Map();
  try {
    const stored = JSON.parse(await readFile(cache.file, 'utf8')) as { version: string; entries: [string, ParsedEntry][] };
    return stored.version === cache.version ? new Map(stored.entries) : new Map();
  } catch {
    return new Map();
  }
}

async function writeParseCache(cache: ParseCacheOptions, entries: Map<string, ParsedEntry>): Promise<void> {
  await mkdir(dirname(cache.file), { recursive: true });
  await writeFile(`${cache.file}.part`, JSON.stringify({ version: cache.version, entries: [...entries] }));
  await rename(`${cache.file}.part`, cache.file);
}

function fromEntry(entry: ParsedEntry, relativePath: string, absolutePath: string, file: string): { draft?: ReportDraft; problems: Problem[] } {
  const { data, digest, lines, firstLine, bodyLine } = entry.draft ?? {};
  const draft: ReportDraft | undefined =
    data && digest
      ? { id: reportId(relativePath), file, absolutePath, data, digest, parsed: { lines: new Map(lines), firstLine: firstLine! }, body: () => readReportBody(absolutePath), bodyLine: bodyLine! }
      : undefined;
  return { draft, problems: entry.problems.map((problem) => ({ ...problem, file })) };
}

function toEntry(size: number, mtimeMs: number, draft: ReportDraft | undefined, problems: Problem[]): ParsedEntry {
  return {
    size,
    mtimeMs,
    draft: draft && { data: draft.data, digest: draft.digest, lines: [...draft.parsed.lines], firstLine: draft.parsed.firstLine, bodyLine: draft.bodyLine },
    problems: problems.map(({ file: _file, ...problem }) => problem),
  };
}

/** A file's size and modification time, or -1s when it cannot be looked at (it is read, and refused, below). Synchronous: at 10,000 reports 85 ms in a profile of npm run check, against 350 ms for the promise form with its scheduling. */
function sizeAndTime(path: string): { size: number; mtimeMs: number } {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? { size: -1, mtimeMs: -1 };
  } catch {
    return { size: -1, mtimeMs: -1 };
  }
}

/**
 * Parses `reportFiles` (relative to `reportsDir`). With `reuse`, files this
 * process did not change are taken from its earlier pass without a look at
 * the disk. The cache, when given, is rewritten only if something changed.
 */
export async function parseReportFiles(
  reportsDir: string,
  reportFiles: readonly string[],
  display: (path: string) => string,
  cache: ParseCacheOptions | undefined,
  reuse?: Reuse,
): Promise<ParsedReports> {
  const known = reuse?.entries ?? (await readParseCache(cache));
  const parsedNow = new Map<string, ParsedEntry>();
  let changed = known.size !== reportFiles.length;
  const results = await mapFiles(reportFiles, async (relativePath) => {
    const absolutePath = join(reportsDir, relativePath);
    const file = display(absolutePath);
    const entry = known.get(relativePath);
    if (entry && reuse && !reuse.changed.has(relativePath)) {
      parsedNow.set(relativePath, entry);
      return fromEntry(entry, relativePath, absolutePath, file);
    }
    const { size, mtimeMs } = sizeAndTime(absolutePath);
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs) {
      parsedNow.set(relativePath, entry);
      return fromEntry(entry, relativePath, absolutePath, file);
    }
    changed = true;
    const read = await readText(absolutePath, file);
    if (isProblem(read)) return { problems: [read] };
    const result = parseReport(relativePath, absolutePath, file, read.text);
    const problems = [...read.problems, ...result.problems];
    parsedNow.set(relativePath, toEntry(size, mtimeMs, result.draft, problems));
    return { draft: result.draft, problems };
  });
  if (cache && changed) await writeParseCache(cache, parsedNow);
  const parsed: ParsedReports = { drafts: [], problems: [], entries: parsedNow };
  for (const result of results) {
    parsed.problems.push(...result.problems);
    if (result.draft) parsed.drafts.push(result.draft);
  }
  return parsed;
}
