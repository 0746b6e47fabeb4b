/**
 * content/ → validated, normalised entries, or every problem at once.
 *
 * One pass reads `site.yaml`, `agencies.yaml` and every report; per-file
 * problems come from the schemas, cross-file ones (agency, column,
 * duplicate index numbers, related documents, attachment files) from here.
 * `npm run check`, the build and Astro's content loader all call this.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';
import type * as z from 'zod';
import { renderedOutline, type BodyOutline } from '../../markdown/cached.ts';
import { summarize } from '../../markdown/render.ts';
import { buildColumnTree, type ColumnConfig } from '../columns.ts';
import { todayInBeijing, normalizeDateTime } from '../dates.ts';
import { parseIndexNumber } from '../index-number.ts';
import type { Agency, Attachment, Portal, Report, Site } from '../model.ts';
import { compareNewestFirst } from '../listings.ts';
import { nearest } from '../suggest.ts';
import { RESERVED_SEGMENTS, reportUrl } from '../urls.ts';
import { AUDIT_FIELD_HINTS, auditSettingProblems } from './audit-schema.ts';
import { leftoverProblems } from './leftover-chrome.ts';
import { brokenLinks, checkAttachment, linkTarget, scanContentTree } from './paths.ts';
import { fieldName, hasErrors, issueMessage, sortProblems, type Problem } from './problems.ts';
import {
  agenciesSchema,
  DEFAULT_SCOPE,
  DISCLOSURE_MODES,
  REPORT_KEYS,
  reportFrontmatterSchema,
  siteSchema,
  type ColumnInput,
  type ReportFrontmatter,
} from './schema.ts';
import { siteProblems } from './site-checks.ts';
import { siteOrigin } from './site-url.ts';
import { decodeText, readReportBody, splitFrontMatter } from './source.ts';
import { describeUnsafe, stripUnsafeValues, unsafeLines } from './text-safety.ts';
import { keyPathOf, lineOf, parseYaml, type ParsedYaml } from './yaml.ts';

export interface LoadOptions {
  /** Absolute path of the content folder (holding site.yaml, agencies.yaml, reports/). */
  contentDir: string;
  /** Paths in messages are relative to this; defaults to the current directory. */
  projectRoot?: string;
  /** `YYYY-MM-DD` in Beijing, for "date in the future" warnings; defaults to today. */
  today?: string;
  /**
   * Renders a body's outline; defaults to rendering in this thread (the build passes a pool of threads).
   * `markdown` reads the body: only needed when the outline is not cached.
   */
  renderOutline?: (digest: string, markdown: () => string) => BodyOutline | Promise<BodyOutline>;
  /**
   * Where to keep each report file's parsed front matter between runs, with
   * its size and modification time: an unchanged file is not read again.
   * `version` must change whenever the parsing code does.
   */
  parseCache?: { file: string; version: string };
  /** A build for looking at on this computer: site.yaml may leave out `url`, and pages say they are a preview. */
  preview?: boolean;
}

export interface LoadResult {
  /** Present only when there are no errors. */
  portal: Portal | undefined;
  problems: Problem[];
}

/** How to fix each field, shown under its problem. */
const FIELD_HINTS: Record<string, string> = {
  title: '写上文件标题，例如 title: 示例区司法局2021年法治政府建设年度报告',
  indexNumber: '写上索引号，例如 indexNumber: 330803-035/2021-71062；可用 npm run new 自动生成',
  agency: '写 agencies.yaml 中机构的 id 或完整名称',
  column: '写 site.yaml 栏目树中的栏目 id',
  date: '格式为 YYYY-MM-DD，例如 date: 2021-03-04',
  published: '格式为 YYYY-MM-DD 或 "YYYY-MM-DD HH:mm"（北京时间），例如 published: "2021-03-05 09:30"',
  year: '写四位年份，例如 year: 2021',
  disclosure: '写 主动公开 或 依申请公开',
  signature: '写成：\n      signature:\n        org: 单位名称\n        date: 2021-03-04',
  'signature.date': '格式为 YYYY-MM-DD，例如 2021-03-04',
  attachments: '写成：\n      attachments:\n        - title: 附件标题\n          file: 2021/文件名.pdf',
  related: '写成：\n      related:\n        - 330803-035/2021-71062',
  identifier: '写 10 位网站标识码，并加英文双引号，例如 identifier: "3308030001"',
  url: '写完整网址，例如 url: https://www.example.gov.cn',
  id: '只用小写英文字母、数字和连字符，例如 fazhi 或 gongzuo-baogao',
  validity: '写 有效、失效 或 废止',
  ...AUDIT_FIELD_HINTS,
};

function hintFor(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((part): part is string => typeof part === 'string');
  return FIELD_HINTS[keys.join('.')] ?? FIELD_HINTS[keys.at(-1) ?? ''];
}

/** Turns Zod issues into problems that point at the line of the offending value. */
function schemaProblems(file: string, parsed: ParsedYaml, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return {
          severity: 'error',
          file,
          line: lineOf(parsed, path),
          key: keyPathOf(path),
          message: `不认识的字段 ${keyPathOf(path)}`,
          hint: '删除这一行，或检查字段名的拼写',
        };
      });
    }
    return [
      {
        severity: 'error',
        file,
        line: lineOf(parsed, issue.path),
        key: keyPathOf(issue.path),
        message: `${fieldName(issue.path)}：${issue.message}`,
        hint: hintFor(issue.path),
      },
    ];
  });
}

interface DecodedFile {
  text: string;
  problems: Problem[];
}

/**
 * Larger text files are refused unread: a body of ten million characters
 * (30 MB) already takes the check seconds and 450 MB, and one of hundreds
 * of megabytes would exhaust the build's memory.
 */
export const MAX_TEXT_FILE_BYTES = 32 * 1024 * 1024;

async function readText(absolutePath: string, file: string): Promise<DecodedFile | Problem> {
  let bytes: Uint8Array;
  try {
    // Symlinks are refused before anything is read; O_NOFOLLOW holds if one appears meanwhile.
    const handle = await open(absolutePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const { size } = await handle.stat();
      if (size > MAX_TEXT_FILE_BYTES) {
        return {
          severity: 'error',
          file,
          message: `文件太大（${(size / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB，没有读取`,
          hint: '一份文件的正文不需要这么长：请检查是否粘贴进了大量重复内容，或把它拆成几份文件；表格和图片请作为附件',
        };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      severity: 'error',
      file,
      message: code === 'ENOENT' ? '找不到这个文件' : `无法读取文件（${code ?? String(error)}）`,
      hint: code === 'ENOENT' ? '请确认文件存在且文件名拼写正确' : undefined,
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return { severity: 'error', file, message: `无法识别文件编码：${decoded.reason}`, hint: '请用编辑器“另存为”，编码选择 UTF-8' };
  }
  const problems: Problem[] = [];
  if (decoded.encoding === 'GBK' || decoded.encoding.startsWith('UTF-16')) {
    problems.push({
      severity: 'warning',
      file,
      message: `文件编码为 ${decoded.encoding}，已自动转换`,
      hint: '建议用编辑器“另存为”，编码选择 UTF-8，避免其他工具显示乱码',
    });
  }
  return { text: decoded.text, problems };
}

function isProblem(value: DecodedFile | Problem): value is Problem {
  return 'severity' in value;
}

/** Parsed YAML without control characters, bidi overrides or lone surrogates, warning at the line of each field that had any. */
function withoutUnsafeCharacters(value: unknown, file: string, parsed: ParsedYaml, problems: Problem[]): unknown {
  return stripUnsafeValues(value, (path, original) =>
    problems.push({
      severity: 'warning',
      file,
      line: lineOf(parsed, path),
      key: keyPathOf(path),
      message: `${fieldName(path)}：含有不可见的控制字符 ${describeUnsafe(original)}，已删除`,
      hint: UNSAFE_HINT,
    }),
  );
}

const UNSAFE_HINT = '这些字符通常是从其他文档复制时带进来的，会让文字显示错乱；请重新输入这一处，确认显示正确';

/** Reads and validates a YAML file against a schema; `undefined` data when it has errors. */
export async function loadYamlFile<T>(
  contentDir: string,
  name: string,
  display: (path: string) => string,
  schema: z.ZodType<T>,
  /** Paths the content scan refused (symlinks): reported there, never read. */
  unreadable: ReadonlySet<string> = new Set(),
): Promise<{ data: T | undefined; parsed: ParsedYaml | undefined; problems: Problem[] }> {
  const file = display(join(contentDir, name));
  // A symlink: already refused, and never read.
  if (unreadable.has(name)) return { data: undefined, parsed: undefined, problems: [] };
  const read = await readText(join(contentDir, name), file);
  if (isProblem(read)) return { data: undefined, parsed: undefined, problems: [read] };
  const parsed = parseYaml(read.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const problems = [...read.problems];
  if (parsed.errors.length > 0) {
    problems.push(...parsed.errors.map((e): Problem => ({ severity: 'error', file, line: e.line, message: e.message, hint: e.hint })));
    return { data: undefined, parsed, problems };
  }
  const result = schema.safeParse(withoutUnsafeCharacters(parsed.value, file, parsed, problems), { error: issueMessage });
  if (!result.success) {
    problems.push(...schemaProblems(file, parsed, result.error.issues));
    return { data: undefined, parsed, problems };
  }
  return { data: result.data, parsed, problems };
}

function columnProblems(columns: readonly ColumnInput[], file: string, parsed: ParsedYaml): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const walk = (list: readonly ColumnInput[], path: PropertyKey[], depth: number) => {
    list.forEach((column, index) => {
      const here = [...path, index];
      const line = lineOf(parsed, [...here, 'id']);
      const earlier = seen.get(column.id);
      if (earlier !== undefined) {
        problems.push({
          severity: 'error',
          file,
          line,
          key: keyPathOf([...here, 'id']),
          message: `栏目编号（id）“${column.id}” 重复，第 ${earlier} 行已经用过`,
          hint: '栏目编号在整个栏目树中必须唯一，请换一个',
        });
      } else {
        seen.set(column.id, line);
      }
      if (depth === 0 && RESERVED_SEGMENTS.has(column.id)) {
        problems.push({
          severity: 'error',
          file,
          line,
          key: keyPathOf([...here, 'id']),
          message: `一级栏目编号（id）不能用 “${column.id}”：网站的内置页面 /${column.id}/ 已占用这个网址`,
          hint: `请换一个编号，保留字有：${[...RESERVED_SEGMENTS].join('、')}`,
        });
      }
      walk(column.children ?? [], [...here, 'children'], depth + 1);
    });
  };
  walk(columns, ['columns'], 0);
  return problems;
}

interface ReportDraft {
  id: string;
  file: string;
  absolutePath: string;
  data: ReportFrontmatter;
  parsed: Pick<ParsedYaml, 'lines' | 'firstLine'>;
  body: () => string;
  /** The line of the file where the body starts. */
  bodyLine: number;
  digest: string;
}

/** What the parse cache keeps of a report file: everything but where it is and its body, as JSON. */
type ParsedEntry = {
  size: number;
  mtimeMs: number;
  draft: (Pick<ReportDraft, 'data' | 'digest' | 'bodyLine'> & { lines: [string, number][]; firstLine: number }) | undefined;
  problems: Omit<Problem, 'file'>[];
};

async function readParseCache(cache: LoadOptions['parseCache']): Promise<Map<string, ParsedEntry>> {
  if (!cache) return new Map();
  try {
    const stored = JSON.parse(await readFile(cache.file, 'utf8')) as { version: string; entries: [string, ParsedEntry][] };
    return stored.version === cache.version ? new Map(stored.entries) : new Map();
  } catch {
    return new Map();
  }
}

async function writeParseCache(cache: LoadOptions['parseCache'], entries: Map<string, ParsedEntry>): Promise<void> {
  if (!cache) return;
  await mkdir(dirname(cache.file), { recursive: true });
  await writeFile(`${cache.file}.part`, JSON.stringify({ version: cache.version, entries: [...entries] }));
  await rename(`${cache.file}.part`, cache.file);
}

const READ_CONCURRENCY = 32;

function parseReport(relativePath: string, absolutePath: string, file: string, text: string): { draft?: ReportDraft; problems: Problem[] } {
  const problems: Problem[] = [];
  const split = splitFrontMatter(text);
  if (split.fence !== 'ok') {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      message: split.fence === 'missing' ? '缺少文件头（front matter）：文件第一行应为 ---' : '文件头（front matter）没有结束：缺少第二个 --- 行',
      hint: '文件应以 --- 开头，接着写 title: 等字段，再用一行 --- 结束，然后才是正文',
    });
    return { problems };
  }
  const parsed = parseYaml(split.frontMatter ?? '', split.frontMatterLine);
  if (parsed.errors.length > 0) {
    problems.push(...parsed.errors.map((e): Problem => ({ severity: 'error', file, line: e.line, message: e.message, hint: e.hint })));
    return { problems };
  }
  if (parsed.value === null || parsed.value === undefined || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    problems.push({
      severity: 'error',
      file,
      line: split.frontMatterLine,
      message: '文件头（front matter）应是“字段: 值”的列表',
      hint: '每行写一个字段，例如 title: 标题',
    });
    return { problems };
  }
  const record = withoutUnsafeCharacters(parsed.value, file, parsed, problems) as Record<string, unknown>;
  for (const { line, characters } of unsafeLines(split.body)) {
    problems.push({ severity: 'warning', file, line: split.bodyLine + line - 1, message: `正文含有不可见的控制字符 ${characters}，发布时已删除`, hint: UNSAFE_HINT });
  }
  for (const key of Object.keys(record)) {
    if (REPORT_KEYS.includes(key)) continue;
    const suggestion = nearest(key, REPORT_KEYS);
    problems.push({
      severity: 'warning',
      file,
      line: lineOf(parsed, [key]),
      key,
      message: `不认识的字段 ${key}，已忽略`,
      hint: suggestion ? `是不是想写 ${suggestion}？` : '删除这一行，或检查字段名的拼写',
    });
  }
  const result = reportFrontmatterSchema.safeParse(record, { error: issueMessage });
  if (!result.success) {
    problems.push(...schemaProblems(file, parsed, result.error.issues));
    return { problems };
  }
  problems.push(...leftoverProblems(file, split.body, split.bodyLine));
  return {
    draft: {
      id: relativePath.replace(/\.md$/i, ''),
      file,
      absolutePath,
      data: result.data,
      parsed: { lines: parsed.lines, firstLine: parsed.firstLine },
      body: () => split.body,
      bodyLine: split.bodyLine,
      digest: createHash('sha256').update(text).digest('hex').slice(0, 20),
    },
    problems,
  };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function siteFrom(data: z.output<typeof siteSchema>, preview: boolean): Site {
  const toConfig = (column: ColumnInput): ColumnConfig => ({
    id: column.id,
    title: column.title,
    children: (column.children ?? []).map(toConfig),
  });
  return {
    name: data.name,
    identifier: data.identifier,
    icp: data.icp,
    psb: data.psb,
    organizer: data.organizer,
    contact: data.contact,
    email: data.email,
    url: siteOrigin(data.url),
    hsts: siteOrigin(data.url).startsWith('https:') && data.hsts !== false,
    preview,
    description: data.description,
    columns: data.columns.map(toConfig),
  };
}

function attachmentType(file: string): string {
  const extension = extname(file).slice(1).toUpperCase();
  return extension || '文件';
}

export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  const { contentDir } = options;
  const projectRoot = options.projectRoot ?? process.cwd();
  const today = options.today ?? todayInBeijing();
  const renderOutline = options.renderOutline ?? renderedOutline;
  const display = (path: string) => relative(projectRoot, path).split(sep).join('/');
  const problems: Problem[] = [];

  const tree = await scanContentTree(contentDir, display);
  problems.push(...tree.problems);

  const siteFile = await loadYamlFile(contentDir, 'site.yaml', display, siteSchema, tree.unreadable);
  problems.push(...siteFile.problems);
  if (siteFile.data && siteFile.parsed) {
    problems.push(...columnProblems(siteFile.data.columns, display(join(contentDir, 'site.yaml')), siteFile.parsed));
    problems.push(...siteProblems(siteFile.data, display(join(contentDir, 'site.yaml')), siteFile.parsed, options.preview ?? false));
  }

  const agenciesFile = await loadYamlFile(contentDir, 'agencies.yaml', display, agenciesSchema, tree.unreadable);
  problems.push(...agenciesFile.problems);
  const agencies: Agency[] = (agenciesFile.data ?? []).map((a) => ({ id: a.id, name: a.name, short: a.short, code: a.code }));
  if (agenciesFile.parsed) {
    const agenciesDisplay = display(join(contentDir, 'agencies.yaml'));
    for (const key of ['id', 'name'] as const) {
      const seen = new Map<string, number>();
      agencies.forEach((agency, index) => {
        const line = lineOf(agenciesFile.parsed!, [index, key]);
        const earlier = seen.get(agency[key]);
        if (earlier === undefined) {
          seen.set(agency[key], line);
          return;
        }
        problems.push({
          severity: 'error',
          file: agenciesDisplay,
          line,
          key: keyPathOf([index, key]),
          message: `${key === 'id' ? '机构编号（id）' : '机构名称（name）'}“${agency[key]}” 重复，第 ${earlier} 行已经用过`,
          hint: '每个发布机构只登记一次',
        });
      });
    }
  }

  const reportsDir = join(contentDir, 'reports');
  const reportFiles = tree.reportFiles;
  if (!(await stat(reportsDir).catch(() => undefined))?.isDirectory() && !tree.unreadable.has('reports')) {
    problems.push({ severity: 'error', file: display(reportsDir), message: '找不到文件夹 reports', hint: '在 content/ 下建立 reports 文件夹，每份文件一个 .md' });
  }
  const parseCache = await readParseCache(options.parseCache);
  const parsedNow = new Map<string, ParsedEntry>();
  const parsedReports = await mapLimit(reportFiles, READ_CONCURRENCY, async (relativePath): Promise<{ draft?: ReportDraft; problems: Problem[] }> => {
    const absolutePath = join(reportsDir, relativePath);
    const file = display(absolutePath);
    const { size, mtimeMs } = await stat(absolutePath).catch(() => ({ size: -1, mtimeMs: -1 }));
    const known = parseCache.get(relativePath);
    if (known && known.size === size && known.mtimeMs === mtimeMs) {
      parsedNow.set(relativePath, known);
      const { data, digest, lines, firstLine, bodyLine } = known.draft ?? {};
      const draft: ReportDraft | undefined = data && digest ? { id: relativePath.replace(/\.md$/i, ''), file, absolutePath, data, digest, parsed: { lines: new Map(lines), firstLine: firstLine! }, body: () => readReportBody(absolutePath), bodyLine: bodyLine! } : undefined;
      return { draft, problems: known.problems.map((problem) => ({ ...problem, file })) };
    }
    const read = await readText(absolutePath, file);
    if (isProblem(read)) return { problems: [read] };
    const result = parseReport(relativePath, absolutePath, file, read.text);
    const problems = [...read.problems, ...result.problems];
    const draft = result.draft && { data: result.draft.data, digest: result.draft.digest, lines: [...result.draft.parsed.lines], firstLine: result.draft.parsed.firstLine, bodyLine: result.draft.bodyLine };
    parsedNow.set(relativePath, { size, mtimeMs, draft, problems: problems.map(({ file: _file, ...problem }) => problem) });
    return { draft: result.draft, problems };
  });
  await writeParseCache(options.parseCache, parsedNow);
  const drafts: ReportDraft[] = [];
  for (const result of parsedReports) {
    problems.push(...result.problems);
    if (result.draft) drafts.push(result.draft);
  }

  // Cross-file checks need the registries; without them they would only add noise.
  const registryFiles = new Set([display(join(contentDir, 'site.yaml')), display(join(contentDir, 'agencies.yaml'))]);
  const registriesValid =
    siteFile.data !== undefined && agenciesFile.data !== undefined && !hasErrors(problems.filter((p) => registryFiles.has(p.file)));
  const reports: Report[] = [];
  if (registriesValid) {
    const site = siteFrom(siteFile.data!, options.preview ?? false);
    const columnTree = buildColumnTree(site.columns);
    problems.push(
      ...auditSettingProblems(siteFile.data!.audit, { agencyIds: new Set(agencies.map((a) => a.id)), columnIds: new Set(columnTree.byId.keys()) }, display(join(contentDir, 'site.yaml')), siteFile.parsed!),
    );
    const agencyByKey = new Map<string, Agency>();
    for (const agency of agencies) {
      agencyByKey.set(agency.id, agency);
      agencyByKey.set(agency.name, agency);
    }
    const reportIds = new Set(drafts.map((draft) => draft.id));
    const filesByIndexNumber = new Map<string, ReportDraft[]>();
    for (const draft of drafts) {
      const list = filesByIndexNumber.get(draft.data.indexNumber) ?? [];
      list.push(draft);
      filesByIndexNumber.set(draft.data.indexNumber, list);
    }

    const reportResults = await mapLimit(drafts, READ_CONCURRENCY, async (draft) => {
      const { data, file, parsed } = draft;
      const own: Problem[] = [];
      const at = (path: PropertyKey[]) => ({ file, line: lineOf(parsed, path), key: keyPathOf(path) });

      const agency = agencyByKey.get(data.agency);
      if (!agency) {
        const suggestion = nearest(data.agency, [...agencyByKey.keys()]);
        own.push({
          severity: 'error',
          ...at(['agency']),
          message: `发布机构（agency）“${data.agency}” 不在 agencies.yaml 中`,
          hint: suggestion ? `是不是 ${suggestion}？也可以在 agencies.yaml 中登记新机构` : '写 agencies.yaml 中机构的 id 或完整名称，或先在 agencies.yaml 中登记',
        });
      }
      if (!columnTree.byId.has(data.column)) {
        const suggestion = nearest(data.column, columnTree.byId.keys());
        own.push({
          severity: 'error',
          ...at(['column']),
          message: `栏目（column）“${data.column}” 不在 site.yaml 的栏目树中`,
          hint: suggestion ? `是不是 ${suggestion}？` : `可用的栏目 id：${[...columnTree.byId.keys()].join('、')}`,
        });
      }
      const sameNumber = filesByIndexNumber.get(data.indexNumber) ?? [];
      if (sameNumber.length > 1) {
        const others = sameNumber.filter((other) => other !== draft).map((other) => other.file);
        own.push({
          severity: 'error',
          ...at(['indexNumber']),
          message: `索引号（indexNumber）“${data.indexNumber}” 与 ${others.join('、')} 重复`,
          hint: '索引号在全站必须唯一；新文件可用 npm run new 生成下一个可用索引号',
        });
      }
      (data.related ?? []).forEach((indexNumber, i) => {
        if (indexNumber === data.indexNumber) {
          own.push({ severity: 'error', ...at(['related', i]), message: `相关稿件（related）不能引用本文自己（${indexNumber}）`, hint: '删除这一行' });
        } else if (!filesByIndexNumber.has(indexNumber)) {
          const suggestion = nearest(indexNumber, filesByIndexNumber.keys());
          own.push({
            severity: 'error',
            ...at(['related', i]),
            message: `相关稿件（related）中的索引号 “${indexNumber}” 找不到对应的文件`,
            hint: suggestion ? `是不是 ${suggestion}？` : '请核对索引号，或删除这一行',
          });
        }
      });
      const attachmentsDir = join(contentDir, 'attachments');
      const attachments: Attachment[] = [];
      for (const [i, attachment] of (data.attachments ?? []).entries()) {
        // Windows editors write backslashes; a leading slash means the attachments folder.
        const normalized = attachment.file.replace(/\\/g, '/').replace(/^\/+/, '');
        const checked = await checkAttachment(attachmentsDir, normalized);
        if ('reason' in checked) {
          own.push({ severity: 'error', ...at(['attachments', i, 'file']), message: `附件文件（attachments[${i}].file）“${attachment.file}”：${checked.reason}`, hint: checked.hint });
          continue;
        }
        attachments.push({
          title: attachment.title ?? normalized.split('/').at(-1)!.replace(/\.[^.]+$/, ''),
          file: normalized,
          type: attachmentType(normalized),
          bytes: checked.size,
        });
      }

      let rendered: BodyOutline;
      try {
        rendered = await renderOutline(draft.digest, draft.body);
      } catch (error) {
        own.push({ severity: 'error', file, line: draft.bodyLine, message: `正文无法处理：${(error as Error).message}`, hint: '请检查正文中是否有异常内容（如大段重复的符号）；无法解决时请联系技术人员' });
        return { report: undefined, problems: own };
      }
      if (rendered.refused) {
        own.push({ severity: 'error', file, line: draft.bodyLine + rendered.refused.line - 1, message: rendered.refused.message, hint: rendered.refused.hint });
        return { report: undefined, problems: own };
      }
      if (rendered.textStart.trim() === '') own.push({ severity: 'warning', file, message: '正文为空', hint: '在第二个 --- 行之后写正文' });
      const linkedFiles: string[] = [];
      const siteLinks: string[] = [];
      const broken = brokenLinks(file, draft.body, draft.bodyLine);
      for (const link of rendered.links) {
        const target = linkTarget(link, reportUrl(draft.id));
        if (target.kind === 'refused') {
          broken.add(link, `正文中的链接 ${link} ${target.reason}`, () => target.hint);
        } else if (target.kind === 'attachment') {
          const checked = await checkAttachment(attachmentsDir, target.file);
          if ('reason' in checked) broken.add(link, `正文中的链接 ${link}：${checked.reason}`, () => checked.hint);
          else linkedFiles.push(target.file);
        } else if (target.kind === 'report' && !reportIds.has(target.id)) {
          broken.add(link, `正文中的链接 ${link} 指向的文件不存在`, () => {
            const suggestion = nearest(target.id, reportIds);
            return suggestion ? `是不是 /reports/${suggestion}/？` : '请改正链接，文件的网址是 /reports/<content/reports 下的路径，去掉 .md>/';
          });
        } else if (target.kind === 'page') {
          siteLinks.push(link);
        }
      }
      own.push(...broken.problems());
      if (rendered.imagesWithoutAlt > 0) {
        own.push({ severity: 'warning', file, message: `正文中有 ${rendered.imagesWithoutAlt} 张图片缺少替代文字`, hint: '写成 ![图片内容的简短描述](图片路径)，读屏软件会朗读这段描述' });
      }

      if (data.date > today) own.push({ severity: 'warning', ...at(['date']), message: `发文日期（date）${data.date} 晚于今天（${today}）`, hint: '请核对日期是否写错' });
      const published = data.published ? normalizeDateTime(data.published) : `${data.date} 00:00`;
      if (published.slice(0, 10) > today) {
        own.push({ severity: 'warning', ...at(['published']), message: `发布日期（published）${published.slice(0, 10)} 晚于今天（${today}）`, hint: '请核对日期是否写错' });
      }
      const indexParts = parseIndexNumber(data.indexNumber);
      if (indexParts && indexParts.year !== Number(data.date.slice(0, 4))) {
        own.push({
          severity: 'warning',
          ...at(['indexNumber']),
          message: `索引号（indexNumber）中的年份 ${indexParts.year} 与发文日期（date）${data.date} 的年份不一致`,
          hint: '索引号的年份通常与发文年份相同，请核对',
        });
      }
      if (agency?.code && !data.indexNumber.startsWith(agency.code)) {
        own.push({
          severity: 'warning',
          ...at(['indexNumber']),
          message: `索引号（indexNumber）“${data.indexNumber}” 不以发布机构 ${agency.name} 的索引号前缀 ${agency.code} 开头`,
          hint: '请核对发布机构或索引号',
        });
      }

      const report: Report | undefined = agency
        ? {
            id: draft.id,
            sourceFile: file,
            sourcePath: draft.absolutePath,
            title: data.title,
            indexNumber: data.indexNumber,
            agencyId: agency.id,
            columnId: data.column,
            date: data.date,
            published,
            publishedHasTime: data.published !== undefined && data.published.trim().length > 10,
            year: data.year ?? Number(data.date.slice(0, 4)),
            category: data.category,
            disclosure: data.disclosure ?? DISCLOSURE_MODES[0],
            scope: data.scope ?? DEFAULT_SCOPE,
            docNumber: data.docNumber,
            source: data.source ?? agency.name,
            editor: data.editor,
            addressee: data.addressee,
            signature: data.signature && (data.signature.org || data.signature.date) ? { org: data.signature.org, date: data.signature.date } : undefined,
            attachments,
            linkedFiles,
            siteLinks,
            related: data.related ?? [],
            summary: data.summary ?? summarize(rendered.textStart),
            validity: data.validity,
            importedFrom: data.importedFrom,
            digest: draft.digest,
          }
        : undefined;
      return { report, problems: own };
    });
    for (const result of reportResults) {
      problems.push(...result.problems);
      if (result.report) reports.push(result.report);
    }
    if (reportFiles.length === 0 && !problems.some((p) => p.file === display(reportsDir))) {
      problems.push({ severity: 'warning', file: display(reportsDir), message: '还没有任何文件', hint: '用 npm run new 新建第一份文件' });
    }

    const sorted = sortProblems(problems);
    if (hasErrors(sorted)) return { portal: undefined, problems: sorted };
    reports.sort(compareNewestFirst);
    return { portal: { site, agencies, reports }, problems: sorted };
  }
  return { portal: undefined, problems: sortProblems(problems) };
}
