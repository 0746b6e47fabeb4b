/**
 * Property test: random and hostile content — front matter, bodies, report
 * file names, attachment trees with symlinks — through the real
 * `npm run check` and `npm run build`. Whatever is generated:
 *  - neither command crashes or prints a stack trace; each exits 0 or 1 and
 *    the two agree (what the check accepts, the build publishes: it never
 *    fails after the check passed);
 *  - nothing outside the output folder is touched: the content folder, a
 *    sibling folder and everything around them stay byte for byte the same;
 *  - nothing outside the content folder is published: a canary file beside
 *    it never shows up in the output, not even inside the compressed search index.
 *
 * Runs are fixed by a seed; ZWGK_FUZZ_RUNS=50 (and ZWGK_FUZZ_SEED) run more.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';

const RUNS = Number(process.env['ZWGK_FUZZ_RUNS'] ?? 4);
const SEED = Number(process.env['ZWGK_FUZZ_SEED'] ?? 20261202);
const CANARY = 'CANARY-c0ffee-outside-content';
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|Maximum call stack|ERR_[A-Z_]+|\bTypeError\b|\bRangeError\b/m;

// ---- what is generated ----

const hostileCharacters = ['\u0000', '\u0007', '\u001b', '\u0085', '\u202a', '\u202e', '\u2066', '\u2069', '\ud800', '\udfff', '\ufeff', '\u200b'];
const yamlBreakers = [':', ': ', '#', '- ', '[', ']', '{', '}', '"', "'", '&a', '*a', '!!binary ', '|', '>', '? ', '\t', '%', '@', '`', '---', '...'];
const words = ['通知', '工作报告', '示例区', '2024', 'abc', '（一）', '《条例》', '、', '。', ' ', '&amp;', '<b>', '</b>', '&#x202E;', '&#0;'];

const text = (units: readonly string[], maxLength = 8) => fc.array(fc.constantFrom(...units), { minLength: 1, maxLength }).map((parts) => parts.join(''));
const hostileText = fc.oneof(text(words), text([...words, ...hostileCharacters]), text([...words, ...yamlBreakers]), fc.string({ unit: 'binary', maxLength: 12 }));

/** Paths into (and out of) attachments/, in every spelling a link may climb with (four levels up is the canary beside the content). */
const climbing = [
  '/attachments/../site.yaml', '/attachments/%2e%2e/agencies.yaml', '/attachments/..%2f..%2f..%2f..%2fcanary.txt', '/attachments/%252e%252e/site.yaml',
  '/attachments\\..\\site.yaml', '/attachments/2024/..%5c..%5csite.yaml', '/attachments/./../../../../canary.txt', '/attachments/root/canary.txt',
  '/attachments/../../../../canary.txt', '/attachments/%2E%2E/%2E%2E/%2E%2E/%2E%2E/secret.yaml',
  '/attachments/linked.pdf', '/attachments/dir-link/canary.txt', '/reports/../site.yaml', '../../../../canary.txt', '/attachments/2024/a.html', '/attachments/.env',
  '//evil.example/x.png', '/\\evil.example', 'javascript:alert(1)', '/attachments/2024/%E6%96%B9%E6%A1%88.pdf', '/attachments/2024/方案.pdf', '/attachments/2024/chart.png',
];

/** A body part the check accepts (perhaps with a warning: characters stripped, HTML sanitized). */
const tolerablePart = fc.oneof(
  { weight: 6, arbitrary: text(words, 20).map((line) => `${line}\n\n`) },
  { weight: 2, arbitrary: fc.constantFrom('## main\n\n', '## toc-heading\n\n', '# 一、总体情况\n\n', '### （一）\n\n', '##\n\n') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('/attachments/2024/方案.pdf', '/attachments/2024/%E6%96%B9%E6%A1%88.pdf', '/attachments/2024/chart.png', '//evil.example/x.png', 'javascript:alert(1)'), fc.boolean()).map(([href, image]) => (image ? `<img src="${href}" alt="图">\n\n` : `[附件](${href})\n\n`)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('>', '> ', '- ', '1. ', '<div>', '<span>', '*'), fc.integer({ min: 1, max: 40 })).map(([unit, n]) => `${unit.repeat(n)}正文${unit === '*' ? '*'.repeat(n) : ''}\n\n`) },
  { weight: 2, arbitrary: text(hostileCharacters, 4).map((chars) => `段落${chars}结束。\n\n`) },
  { weight: 1, arbitrary: fc.constantFrom('<script>fetch("/x")</script>\n\n', '<a href="javascript:alert(1)">x</a>\n\n', '<iframe src="/attachments/2024/a.html"></iframe>\n\n', '<div id="main">x</div>\n\n') },
);

const hostilePart = fc.oneof(
  { weight: 4, arbitrary: tolerablePart },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...climbing), fc.boolean()).map(([href, image]) => (image ? `<img src="${href}" alt="图">\n\n` : `[附件](${href})\n\n`)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('>', '> ', '- ', '1. ', '<div>', '<span>', '*'), fc.integer({ min: 60, max: 6_000 })).map(([unit, n]) => `${unit.repeat(n)}正文${unit === '*' ? '*'.repeat(n) : ''}\n\n`) },
);

const validName = fc.constantFrom('gongzuo-baogao', '工作总结', 'v1.2-方案', 'a_b', '２０２４年报告', 'Report');
const hostileName = text(['a', '中', '?', '#', '%zz', '%2f', '%E4%B8%AD', ' ', '\\', '\n', '\u202e', '.', '-', ';', '&', '《', '~', '$', "'"], 5).filter(
  (name) => name !== '.' && name !== '..' && !name.includes('/') && Buffer.byteLength(name) < 200,
);

interface GeneratedReport {
  name: string;
  frontMatter: string;
  body: string;
}

/** `key: value`: a valid value (JSON-quoted, so control characters arrive as YAML escapes), or when hostile also raw garbage or nothing. */
const field = (hostile: boolean, key: string, valid: fc.Arbitrary<string>, invalid: readonly string[] = []) => {
  const good = valid.map((value) => `${key}: ${JSON.stringify(value)}`);
  if (!hostile) return good;
  return fc.oneof(
    { weight: 8, arbitrary: invalid.length > 0 ? fc.oneof(good, fc.constantFrom(...invalid).map((value) => `${key}: ${value}`)) : good },
    { weight: 1, arbitrary: hostileText.map((value) => `${key}: ${value}`) },
    { weight: 1, arbitrary: hostileText.map((value) => `${key}: ${JSON.stringify(value)}`) },
    { weight: 1, arbitrary: fc.constant('') },
  );
};

const optional = (hostile: boolean, tolerable: readonly string[], refused: readonly string[]) => fc.constantFrom('', ...tolerable, ...(hostile ? refused : []));

const report = (serial: number, hostile: boolean): fc.Arbitrary<GeneratedReport> =>
  fc.record({
    name: (hostile ? fc.oneof({ weight: 5, arbitrary: validName }, { weight: 1, arbitrary: hostileName }) : validName).map((name) => `${name}-${serial}`),
    lines: fc.tuple(
      field(hostile, 'title', fc.oneof(text(words), text([...words, '\u202e', '\u0000']))),
      field(hostile, 'indexNumber', fc.constant(`449900-000/2024-${String(serial).padStart(5, '0')}`)),
      field(hostile, 'agency', fc.constantFrom('xzf', 'jyj', '样例县人民政府')),
      field(hostile, 'column', fc.constantFrom('zcjd', 'jhzj')),
      field(hostile, 'date', fc.constant('2024-01-02'), ['2024-02-30', '0000-01-01', '9999-12-31', '2024-1-2']),
      optional(hostile, ['published: "2024-01-03 09:30"'], ['published: 0001-01-01', 'published: 2024-13-01']),
      optional(hostile, ['attachments:\n  - title: 方案\n    file: 2024/方案.pdf', 'attachments:\n  - file: 2024\\chart.png'], ['attachments:\n  - file: ../site.yaml', 'attachments:\n  - file: linked.pdf', 'attachments:\n  - file: 2024/a.html', 'attachments:\n  - file: dir-link/canary.txt']),
      optional(hostile, ['signature:\n  org: 样例县人民政府\n  date: 2024-01-02', 'year: 2024', 'docNumber: "样政\\u202E发〔2024〕1号"'], ['signature:\n  date: 0000-01-01', 'year: 0']),
    ),
    body: fc.array(hostile ? hostilePart : tolerablePart, { maxLength: 10 }).map((parts) => parts.join('')),
  }).map(({ name, lines, body }) => ({ name: `${name}.md`, frontMatter: lines.filter(Boolean).join('\n'), body }));

type AttachmentKind = 'file' | 'canary-link' | 'root-link' | 'site-yaml-link' | 'loop-link' | 'dangling-link';
const attachmentTree = (hostile: boolean) =>
  fc
    .array(
      fc.record({
        path: fc.constantFrom('2024/a.html', '2024/b.svg', 'linked.pdf', 'dir-link', 'root', 'loop', '.env', '2024/表 格.xlsx', 'x/y/z.zip'),
        kind: hostile ? fc.oneof({ weight: 3, arbitrary: fc.constant<AttachmentKind>('file') }, { weight: 2, arbitrary: fc.constantFrom<AttachmentKind>('canary-link', 'root-link', 'site-yaml-link', 'loop-link', 'dangling-link') }) : fc.constant<AttachmentKind>('file'),
      }),
      { maxLength: 6 },
    )
    // The files tolerable bodies link to are always there.
    .map((entries) => [{ path: '2024/方案.pdf', kind: 'file' as AttachmentKind }, { path: '2024/chart.png', kind: 'file' as AttachmentKind }, ...entries]);

const siteOf = (hostile: boolean) =>
  fc.record({
    hostile: fc.constant(hostile),
    reports: fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => report(i + 1, hostile)))),
    attachments: attachmentTree(hostile),
  });
/** A third of the sites carry only what the check accepts (with warnings), so publishing is exercised too; the rest anything. */
const site = fc.oneof({ weight: 1, arbitrary: siteOf(false) }, { weight: 2, arbitrary: siteOf(true) });
type GeneratedSite = typeof site extends fc.Arbitrary<infer T> ? T : never;

// ---- the folder around the content, and what must not change in it ----

interface Layout {
  root: string;
  contentDir: string;
  outDir: string;
}

/** root/{canary.txt, secret.yaml, sibling/, a/b/content/}, output at root/o1/o2/o3/dist: a climbing copy would land in root. */
function writeSite(generated: GeneratedSite): Layout {
  const root = tempDir('fuzz');
  const contentDir = join(root, 'a', 'b', 'content');
  writeFileSync(join(root, 'canary.txt'), CANARY);
  writeFileSync(join(root, 'secret.yaml'), `name: ${CANARY}\n`);
  mkdirSync(join(root, 'sibling', 'deep'), { recursive: true });
  writeFileSync(join(root, 'sibling', 'deep', 'keep.txt'), 'unchanged');
  mkdirSync(join(contentDir, 'reports', '2024'), { recursive: true });
  // The content's own registries are not for publishing either: a comment in them carries the canary too.
  for (const name of ['site.yaml', 'agencies.yaml']) writeFileSync(join(contentDir, name), `# ${CANARY}\n${readFileSync(join(projectRoot, 'tests', 'fixtures', 'portal', name), 'utf8')}`);
  for (const { name, frontMatter, body } of generated.reports) {
    writeFileSync(join(contentDir, 'reports', '2024', name), `---\n${frontMatter}\n---\n\n${body}`);
  }
  for (const { path, kind } of generated.attachments) {
    const file = join(contentDir, 'attachments', path);
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file) || isLink(file)) continue;
    const target = { 'canary-link': join(root, 'canary.txt'), 'root-link': root, 'site-yaml-link': join(contentDir, 'site.yaml'), 'loop-link': '.', 'dangling-link': join(root, 'missing') }[kind as Exclude<AttachmentKind, 'file'>];
    if (kind === 'file') writeFileSync(file, path.endsWith('.png') ? Buffer.from('89504e470d0a1a0a', 'hex') : `附件 ${path}`);
    else symlinkSync(target, file);
  }
  return { root, contentDir, outDir: join(root, 'o1', 'o2', 'o3', 'dist') };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Every entry under `dir` with its type and bytes (symlinks by their target, never followed), except `skip`. */
function snapshot(dir: string, skip: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (path === skip) continue;
      const info = lstatSync(path);
      hash.update(path.slice(dir.length)).update('\0');
      if (info.isSymbolicLink()) hash.update(`link:${readlinkSync(path)}`);
      else if (info.isDirectory()) walk(path);
      else hash.update(readFileSync(path));
      hash.update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Every published file's bytes, gzip-compressed ones (the search index) decompressed. */
function* publishedBytes(dir: string): Generator<[string, Buffer]> {
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, file);
    if (!lstatSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    yield [file, bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes];
  }
}

describe('random and hostile content through check and build', () => {
  const cacheDir = join(tempDir('fuzz-cache'), 'cache');

  it(`never crashes, never touches anything outside the output, never publishes anything outside the content (${RUNS} sites, seed ${SEED})`, async () => {
    let published = 0;
    await fc.assert(
      fc.asyncProperty(site, async (generated) => {
        const { root, contentDir, outDir } = writeSite(generated);
        const around = snapshot(root, join(root, 'o1'));

        const check = runScript('check', ['--content', contentDir, '--cache-dir', cacheDir]);
        expect(check.output).not.toMatch(STACK_TRACE);
        expect([0, 1]).toContain(check.code);
        if (check.code === 1) expect(check.stderr).toMatch(/共发现 [1-9]\d* 个错误/);
        // Stripped characters, sanitized HTML, Chinese and dotted names are warnings at most.
        if (!generated.hostile) expect(check.code, check.output).toBe(0);

        const build = runScript('build', ['--content', contentDir, '--out', outDir, '--cache-dir', cacheDir]);
        expect(build.output).not.toMatch(STACK_TRACE);
        // What the check accepts, the build publishes; what it refuses, the build refuses before writing anything.
        expect(build.code, build.output).toBe(check.code);
        if (build.code === 1) {
          expect(build.stderr).toContain('构建已取消');
          expect(existsSync(join(root, 'o1'))).toBe(false);
        } else {
          published++;
          const pages = existsSync(join(outDir, 'reports')) ? (readdirSync(join(outDir, 'reports'), { recursive: true }) as string[]).filter((file) => file.endsWith('index.html')) : [];
          expect(pages).toHaveLength(generated.reports.filter((report) => !report.name.startsWith('.')).length);
          for (const [file, bytes] of publishedBytes(outDir)) expect(bytes.includes(CANARY), file).toBe(false);
        }
        expect(snapshot(root, join(root, 'o1'))).toBe(around);
      }),
      {
        numRuns: RUNS,
        seed: SEED,
        endOnFailure: true,
        // A site the check should accept, so the publishing path is always exercised; one with every hostile kind at once.
        examples: [
          [
            {
              hostile: true,
              reports: [
                { name: 'a?b-1.md', frontMatter: 'title: 甲\nindexNumber: 449900-000/2024-00001\nagency: xzf\ncolumn: zcjd\ndate: 0000-01-01', body: '正文' },
                { name: '深-2.md', frontMatter: 'title: 乙\nindexNumber: 449900-000/2024-00002\nagency: xzf\ncolumn: zcjd\ndate: 2024-01-02', body: `${'>'.repeat(10_000)}\n\n${'- '.repeat(5_000)}` },
                { name: 'climb-3.md', frontMatter: 'title: 丙\nindexNumber: 449900-000/2024-00003\nagency: xzf\ncolumn: zcjd\ndate: 2024-01-02\nattachments:\n  - file: linked.pdf', body: climbing.map((href) => `[x](${href}) <img src="${href}" alt="">`).join('\n\n') },
              ],
              attachments: [
                { path: 'linked.pdf', kind: 'canary-link' },
                { path: 'root', kind: 'root-link' },
                { path: 'dir-link', kind: 'root-link' },
                { path: '2024/a.html', kind: 'file' },
              ],
            },
          ],
          [
            {
              hostile: false,
              reports: [
                { name: '工作总结-1.md', frontMatter: 'title: "标题\\u202E倒序"\nindexNumber: 449900-000/2024-00001\nagency: xzf\ncolumn: zcjd\ndate: 2024-01-02\nattachments:\n  - file: 2024\\方案.pdf', body: '## main\n\n段落\u202e&#x202E;。\n\n<img src="/attachments/2024/chart.png" alt="图">\n\n<script>x()</script>' },
              ],
              attachments: [
                { path: '2024/方案.pdf', kind: 'file' },
                { path: '2024/chart.png', kind: 'file' },
              ],
            },
          ],
        ],
      },
    );
    console.info(`fuzz: ${published} of the sites generated (seed ${SEED}) were accepted and published`);
    expect(published).toBeGreaterThan(0);
  }, 600_000);
});
