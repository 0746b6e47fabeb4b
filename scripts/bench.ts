/**
 * npm run bench -- --reports N [--runs R] [--queries Q] [--no-baseline] [--no-search] [--work DIR] [--keep] [--json]
 * npm run bench -- --hostile [--runs R]
 * npm run bench -- --import-pages N [--runs R] [--work DIR] [--keep] [--json]
 * npm run bench -- --reports N --editor-only [--runs R]
 *
 * Generates a synthetic archive of N reports (scripts/bench/corpus.ts), then
 * measures on this machine, each timed run as a separate process tree:
 *   - the bare-Astro baseline: the same reports through Astro's glob loader
 *     and one minimal page (scripts/bench/baseline/), so the budget ratio is
 *     measured in the same run;
 *   - cold builds of the portal (no caches), R times, with the search index's
 *     share of them (its time, and its process's peak RSS);
 *   - a rebuild with nothing changed, and rebuilds after one report edited, R times;
 *   - sizes: dist/, the search index, the largest page, report page weight;
 *   - search quality in Chromium through nginx (scripts/bench/search-quality.ts);
 *   - the open-data files' share of a cold and of an unchanged build (scripts/bench/open-data.ts);
 *   - last (each adds a report), the editor commands with warm caches:
 *     `npm run new` and `npm run import` of one page (scripts/bench/editor-commands.ts).
 * Times and peak RSS (of the whole process tree) are reported as medians.
 *
 * --hostile measures instead how `npm run check` refuses deeply nested bodies
 * (scripts/bench/hostile.ts).
 * With --import-pages, it measures `npm run import` instead: a generated
 * mirror of N article pages of an old portal (scripts/bench/import-mirror.ts)
 * imported into an empty content folder, then imported again.
 * --editor-only measures only the editor commands, after one `npm run check`
 * has warmed the caches (instead of the builds).
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench/corpus.ts';
import { benchImport } from './bench/import-mirror.ts';
import { measure, median, type Measurement } from './bench/measure.ts';
import { measureHostile } from './bench/hostile.ts';
import { measureEditorCommands, type EditorTimes } from './bench/editor-commands.ts';
import { measureOpenData } from './bench/open-data.ts';
import { measureSearchQuality, summarizeSearch, type QueryResult } from './bench/search-quality.ts';
import { siteStats, type SiteStats } from './bench/site-stats.ts';
import { fail } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '1000' },
    runs: { type: 'string' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    'no-baseline': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    work: { type: 'string' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    hostile: { type: 'boolean', default: false },
    'import-pages': { type: 'string' },
    'editor-only': { type: 'boolean', default: false },
  },
});
if (values['import-pages'] !== undefined) {
  const pages = Number(values['import-pages']);
  if (!Number.isInteger(pages) || pages < 1) fail(`--import-pages 应为正整数，收到“${values['import-pages']}”`);
  const runs = Number(values.runs ?? 3);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs 应为正整数，收到“${values.runs}”`);
  process.exit(await benchImport({ pages, runs, seed: Number(values.seed), work: values.work, keep: values.keep, json: values.json }));
}
const reportCount = Number(values.reports);
if (!Number.isInteger(reportCount) || reportCount < 1) fail(`--reports 应为正整数，收到“${values.reports}”`);
const runs = Number(values.runs ?? (reportCount <= 20_000 ? 3 : 1));
if (!Number.isInteger(runs) || runs < 1) fail(`--runs 应为正整数，收到“${values.runs}”`);

const log = (line: string) => console.error(line);
const workDir = values.work ? resolve(values.work) : await mkdtemp(join(tmpdir(), 'zwgk-bench-'));
const contentDir = join(workDir, 'content');
const outDir = join(workDir, 'dist');
const cacheDir = join(workDir, 'cache');

interface Timed {
  wallMs: number;
  peakRssBytes: number;
}
const summary = (measurements: Timed[]): Timed => ({
  wallMs: median(measurements.map((m) => m.wallMs)),
  peakRssBytes: median(measurements.map((m) => m.peakRssBytes)),
});

function check(what: string, result: Measurement): Measurement {
  if (result.exitCode !== 0) throw new Error(`${what} failed (exit ${result.exitCode}):\n${result.output.slice(-4000)}`);
  return result;
}

const buildPortal = () =>
  measure(process.execPath, [join(projectRoot, 'scripts/build.ts'), '--content', contentDir, '--out', outDir, '--cache-dir', cacheDir, '--timings'], {
    cwd: projectRoot,
    env: { CI: '1', NO_COLOR: '1' },
  });

/** The search index's share of a build, from the line `--timings` prints: its time (beside Astro) and its process's peak RSS. */
function searchIndexBuild(build: Measurement): Timed {
  const match = /搜索索引 ([\d.]+) 秒、峰值内存 (\d+) MB/.exec(build.output);
  if (!match) throw new Error(`the build printed no search index timing:\n${build.output.slice(-2000)}`);
  return { wallMs: Number(match[1]) * 1000, peakRssBytes: Number(match[2]) * 2 ** 20 };
}

async function baselineRun(): Promise<Measurement> {
  const root = join(workDir, 'baseline');
  await rm(root, { recursive: true, force: true });
  await cp(join(projectRoot, 'scripts/bench/baseline'), root, { recursive: true });
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return check(
    'bare Astro baseline',
    await measure(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root], {
      cwd: root,
      env: { BASELINE_REPORTS_DIR: join(contentDir, 'reports'), ASTRO_TELEMETRY_DISABLED: '1', CI: '1' },
    }),
  );
}

/** Edits one report the way an editor would: a corrected title and one more paragraph. */
async function editReport(nth: number): Promise<{ url: string; title: string }> {
  const years = (await readdir(join(contentDir, 'reports'))).sort();
  const year = years[nth % years.length]!;
  const files = (await readdir(join(contentDir, 'reports', year))).sort();
  const file = files[Math.floor(files.length / 2)]!;
  const path = join(contentDir, 'reports', year, file);
  const source = await readFile(path, 'utf8');
  const title = `${/^title: (.*)$/m.exec(source)![1]}（第${nth + 1}次修订）`;
  await writeFile(path, `${source.replace(/^title: .*$/m, `title: ${title}`)}\n本次修订补充说明第${nth + 1}条。\n`);
  return { url: `/reports/${year}/${file.replace(/\.md$/, '')}/`, title };
}

async function assertPublished({ url, title }: { url: string; title: string }) {
  const html = await readFile(join(outDir, url, 'index.html'), 'utf8');
  if (!html.includes(title)) throw new Error(`rebuild did not publish the edit of ${url}`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function editorRows(editor: EditorTimes): [string, string][] {
  return [
    ['npm run new, warm', `${s(editor.newMs)}`],
    ['npm run import (1 page), warm', `${s(editor.importMs)}, peak RSS ${mb(editor.peakRssBytes)}`],
  ];
}

const removeWorkDir = () => (values.keep || values.work ? undefined : rm(workDir, { recursive: true, force: true }));

if (values.hostile) {
  try {
    log(`Hostile bodies, npm run check cold, medians of ${runs} run(s):`);
    const results = await measureHostile(workDir, runs, log);
    if (values.json) console.log(JSON.stringify(results, null, 2));
    else console.log(results.map((r) => `${r.name}\t${(r.bytes / 1024).toFixed(1)} KB\t${s(r.wallMs)}\t${mb(r.peakRssBytes)}\t${r.refused ? 'refused' : 'accepted'}`).join('\n'));
  } finally {
    await removeWorkDir();
  }
  process.exit(0);
}

try {
  log(`Corpus: ${reportCount} reports → ${contentDir}`);
  const corpusStarted = performance.now();
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(contentDir, { recursive: true });
  const corpus = await generateCorpus({ dir: contentDir, reports: reportCount, seed: Number(values.seed) });
  const corpusMs = performance.now() - corpusStarted;

  if (values['editor-only']) {
    log('npm run check, to warm the caches…');
    check('npm run check', await measure(process.execPath, [join(projectRoot, 'scripts/check.ts'), '--content', contentDir, '--cache-dir', cacheDir], { cwd: projectRoot, env: { CI: '1', NO_COLOR: '1' } }));
    const editor = await measureEditorCommands(contentDir, cacheDir, workDir, runs, log);
    if (values.json) console.log(JSON.stringify({ reports: reportCount, runs, editor }, null, 2));
    else console.log(editorRows(editor).map(([label, value]) => `${label}  ${value}`).join('\n'));
    await removeWorkDir();
    process.exit(0);
  }

  let baseline: Timed | undefined;
  if (!values['no-baseline']) {
    log('Bare Astro baseline…');
    baseline = summary([await baselineRun()]);
    await rm(join(workDir, 'baseline'), { recursive: true, force: true });
    log(`  ${s(baseline.wallMs)}, ${mb(baseline.peakRssBytes)}`);
  }

  const cold: Measurement[] = [];
  for (let run = 0; run < runs; run++) {
    log(`Cold build ${run + 1}/${runs}…`);
    await Promise.all([cacheDir, outDir, `${outDir}.previous`].map((dir) => rm(dir, { recursive: true, force: true })));
    cold.push(check('cold build', await buildPortal()));
    log(`  ${s(cold.at(-1)!.wallMs)}, ${mb(cold.at(-1)!.peakRssBytes)}`);
  }
  log('Rebuild, nothing changed…');
  const unchanged = check('unchanged rebuild', await buildPortal());
  const edited: Measurement[] = [];
  for (let run = 0; run < runs; run++) {
    log(`Rebuild after one report edited ${run + 1}/${runs}…`);
    const edit = await editReport(run);
    edited.push(check('rebuild after an edit', await buildPortal()));
    await assertPublished(edit);
    log(`  ${s(edited.at(-1)!.wallMs)}, ${mb(edited.at(-1)!.peakRssBytes)}`);
  }

  const stats: SiteStats = await siteStats(outDir);
  let search: QueryResult[] | undefined;
  if (!values['no-search']) {
    log('Search quality in Chromium…');
    search = await measureSearchQuality(outDir, contentDir, Number(values.queries));
  }

  log('Open-data files, in isolation…');
  const openData = await measureOpenData(contentDir, cacheDir);

  log('Editor commands, warm…');
  const editor = await measureEditorCommands(contentDir, cacheDir, workDir, runs, log);

  const coldSummary = summary(cold);
  const result = {
    machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version },
    reports: reportCount,
    runs,
    corpus: { bytes: corpus.bytes, generateMs: corpusMs },
    baseline,
    cold: coldSummary,
    coldSearchIndex: summary(cold.map(searchIndexBuild)),
    unchanged: summary([unchanged]),
    oneEdit: summary(edited),
    pagesPerSecond: stats.htmlPages / (coldSummary.wallMs / 1000),
    ratios: {
      coldToBaseline: baseline ? coldSummary.wallMs / baseline.wallMs : undefined,
      oneEditToCold: summary(edited).wallMs / coldSummary.wallMs,
    },
    site: stats,
    openData: {
      ...openData,
      shareOfCold: openData.coldMs / coldSummary.wallMs,
      shareOfUnchanged: openData.unchangedMs / summary([unchanged]).wallMs,
    },
    editor,
    search: search && { ...summarizeSearch(search), perQuery: search },
  };

  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const rows: [string, string][] = [
      ['machine', `${result.machine.cpus} cores, ${mb(result.machine.memoryBytes)}, Node ${result.machine.node}`],
      ['reports', `${reportCount} (${mb(corpus.bytes)} Markdown), medians of ${runs} run(s)`],
      ['bare Astro baseline', baseline ? `${s(baseline.wallMs)}, peak RSS ${mb(baseline.peakRssBytes)}` : 'skipped'],
      ['cold build', `${s(coldSummary.wallMs)}, peak RSS ${mb(coldSummary.peakRssBytes)}, ${result.pagesPerSecond.toFixed(0)} pages/s`],
      ['search index, cold', `${s(result.coldSearchIndex.wallMs)} beside Astro, peak RSS ${mb(result.coldSearchIndex.peakRssBytes)} (its own process)`],
      ['cold / baseline', result.ratios.coldToBaseline ? `${result.ratios.coldToBaseline.toFixed(2)}×` : '—'],
      ['rebuild, nothing changed', `${s(result.unchanged.wallMs)}, peak RSS ${mb(result.unchanged.peakRssBytes)}`],
      ['rebuild, one report edited', `${s(result.oneEdit.wallMs)} (${(result.ratios.oneEditToCold * 100).toFixed(0)}% of cold), peak RSS ${mb(result.oneEdit.peakRssBytes)}`],
      ['dist/', `${mb(stats.distBytes)}, ${stats.htmlPages} HTML pages, largest ${stats.largestHtml.path} ${kb(stats.largestHtml.bytes)}`],
      ['search index', `${mb(stats.searchIndexBytes)} in ${stats.searchIndexFiles} files`],
      [
        'open data (in isolation)',
        `${result.openData.files} files, ${mb(result.openData.bytes)}; cold ${result.openData.coldMs.toFixed(0)} ms = ${(result.openData.shareOfCold * 100).toFixed(1)}% of cold build; unchanged ${result.openData.unchangedMs.toFixed(0)} ms = ${(result.openData.shareOfUnchanged * 100).toFixed(1)}% of unchanged rebuild`,
      ],
      ['report page (HTML+CSS+JS, gzip)', `median ${kb(stats.reportPageGzip.median)}, max ${kb(stats.reportPageGzip.max)}`],
      ...editorRows(editor),
    ];
    if (result.search) {
      const q = result.search;
      rows.push(
        ['search: queries', `${q.queries}`],
        ['search: time to results', `median ${q.medianMs.toFixed(0)} ms, max ${q.maxMs.toFixed(0)} ms`],
        ['search: first-query transfer', `median ${kb(q.medianTransferBytes)}, max ${kb(q.maxTransferBytes)}`],
        ['search: first-query transfer > 300 KB', `${q.overBudgetTransfer}/${q.queries} queries`],
        ['search: count shown = true count', `${q.countExact}/${q.queries} queries`],
        ['search: result list = true set, no duplicates', `${q.setExact}/${q.queries} queries (relevance and newest first)`],
        ['search: P@10 = 1.0', `${q.precisionAt10One}/${q.withTenOrMore} queries with ≥ 10 matches (min P@10 over all ${q.minPrecisionAt10.toFixed(2)})`],
      );
    }
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
    if (result.search) {
      console.log('\nquery\tkind\texpected\tshown\texactSet\tP@10\tms\tKB');
      for (const q of result.search.perQuery) {
        console.log([q.query, q.kind, q.expected, q.shown, q.exactSet, q.precisionAt10.toFixed(2), q.ms.toFixed(0), (q.transferBytes / 1024).toFixed(1)].join('\t'));
      }
    }
  }
} catch (error) {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await removeWorkDir();
}
