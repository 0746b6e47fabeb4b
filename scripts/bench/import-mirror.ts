/**
 * `npm run bench -- --import-pages N`: the synthetic archive (corpus.ts)
 * published as an old CMS would have served it — N article pages in five
 * layouts (Hanweb, TRS in GBK, Sudy, a city-built table layout in GBK,
 * text copied from the browser), each with its breadcrumb, metadata and
 * page chrome, plus a listing page per 20 articles of a column — saved as
 * `wget -m` would; then imported into an empty content folder, and
 * imported again (which must import nothing).
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/lib/content/source.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { projectRoot } from '../lib/project.ts';
import { generateCorpus } from './corpus.ts';
import { measure, median, type Measurement } from './measure.ts';

const HOST = 'www.hecheng.example';
const LISTING_SIZE = 20;

interface ColumnNode {
  id: string;
  title: string;
  children?: ColumnNode[];
}

interface Report {
  title: string;
  indexNumber: string;
  agency: string;
  column: string;
  date: string;
  published?: string;
  signature?: { org?: string; date?: string };
}

interface Page {
  report: Report;
  body: string;
  agencyName: string;
  agencyShort: string;
  trail: string[];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const chineseDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const FOOTER = `<div class="ft"><p>主办：合成区人民政府办公室　网站标识码：3399020001</p><p>合ICP备20120001号-1</p></div>`;

function crumbs(trail: readonly string[], separator: string): string {
  return ['<a href="/">首页</a>', ...trail.map((title) => `<a href="#">${escape(title)}</a>`)].join(` ${separator} `);
}

/** The five layouts: where the page is saved, its encoding, and its markup (or text). */
const LAYOUTS = [
  {
    name: 'Hanweb',
    path: (n: number, r: Report) => `art/${r.date.slice(0, 4)}/${Number(r.date.slice(5, 7))}/${Number(r.date.slice(8, 10))}/art_1_${n}.html`,
    encoding: 'utf-8',
    page: (p: Page) => `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="${escape(p.report.title)}"><title>${escape(p.report.title)}_合成市合成区人民政府</title></head><body>
<div class="header"><div class="logo">合成市合成区人民政府</div><div class="nav"><a href="/">首页</a> <a href="#">政务公开</a> <a href="#">互动交流</a></div></div>
<div class="bt-position">您现在的位置：${crumbs(p.trail, '&gt;')}</div>
<table class="xxgk_table"><tr><td>索 引 号：</td><td>${p.report.indexNumber}</td><td>发布机构：</td><td>${escape(p.agencyName)}</td></tr><tr><td>发文日期：</td><td>${p.report.date}</td><td>公开方式：</td><td>主动公开</td></tr></table>
<div class="tit">${escape(p.report.title)}</div><div class="info">发布时间：${p.report.date} 09:30　浏览次数：<span>12</span></div>
<div id="zoom">${p.body}</div>
<table><tr><td>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</td></tr></table>${FOOTER}</body></html>`,
  },
  {
    name: 'TRS (GBK)',
    path: (n: number, r: Report) => `xxgk/${r.column}/${r.date.slice(0, 7).replace('-', '')}/t${r.date.replaceAll('-', '')}_${n}.html`,
    encoding: 'gbk',
    page: (p: Page) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${escape(p.report.title)}</title></head><body>
<div class="w1200"><h1>欢迎访问合成市合成区人民政府!</h1></div>
<div class="crumbs">当前位置：${crumbs(p.trail, '»')}</div>
<div class="xxgk-meta"><ul><li>索引号：${p.report.indexNumber}</li><li>发布机构：${escape(p.agencyName)}</li><li>成文日期：${chineseDate(p.report.date)}</li></ul></div>
<h2 class="art-title">${escape(p.report.title)}</h2><div class="art-info">发布日期：${p.report.date}　来源：${escape(p.agencyShort)}</div>
<div class="TRS_Editor">${p.body}</div>
<div class="prev-next"><p>上一篇：<a href="#">上一篇文件</a></p><p>下一篇：<a href="#">下一篇文件</a></p></div>${FOOTER}</body></html>`,
  },
  {
    name: 'Sudy',
    path: (n: number) => `info/${1000 + (n % 50)}/${n}.htm`,
    encoding: 'utf-8',
    page: (p: Page) => `<HTML><HEAD><TITLE>${escape(p.report.title)}-合成市合成区人民政府</TITLE><META content="text/html; charset=UTF-8" http-equiv="Content-Type"></HEAD><BODY>
<div class="head"><div class="logo"><img src="/images/logo.png"></div></div>
<div class="dqwz">当前位置: ${crumbs(p.trail, '&gt;&gt;')} &gt;&gt; 正文</div><form name="_newscontent_fromname">
<h1 class="titlestyle1">${escape(p.report.title)}</h1><div><span class="timestyle1">${p.report.date.replaceAll('-', '/')} 10:21</span> <span>来源：${escape(p.agencyShort)}</span> 点击数：<script>_showDynClicks()</script></div>
<div id="vsb_content"><div class="v_news_content">${p.body}</div></div></form><div class="foot"><p>Copyright © 合成市合成区人民政府 版权所有</p></div></BODY></HTML>`,
  },
  {
    name: 'city-built (GBK)',
    path: (n: number) => `zwgk/content.asp@id=${n}.html`,
    encoding: 'gbk',
    page: (p: Page) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>合成区人民政府</title></head><body>
<table width="990"><tr><td><img src="/images/banner.jpg"></td></tr><tr><td><a href="/">网站首页</a> | <a href="#">政务公开</a></td></tr></table>
<table width="990"><tr><td class="location">当前位置：${crumbs(p.trail, '<img src="/images/arrow.gif" width="9" height="9">')}</td></tr>
<tr><td class="bt"><strong>${escape(p.report.title)}</strong></td></tr><tr><td>发布日期：${p.report.date.replaceAll('-', '.')}　阅读：123次</td></tr>
<tr><td class="nr">${p.body}<p align="right">${escape(p.agencyName)}</p><p align="right">${chineseDate(p.report.date)}</p></td></tr></table>
<table><tr><td>版权所有：合成市合成区人民政府　技术支持：合成网络</td></tr></table></body></html>`,
  },
  {
    name: 'text copy',
    path: (n: number) => `copied/${n}.txt`,
    encoding: 'utf-8',
    page: (p: Page, text: string) =>
      [
        '合成市合成区人民政府',
        '首页\t政务公开\t互动交流',
        `您现在的位置：首页 » ${p.trail.join(' » ')}`,
        `索引号：\t${p.report.indexNumber}\t发布机构：\t${p.agencyName}`,
        `发文日期：\t${p.report.date}\t公开方式：\t主动公开`,
        p.report.title,
        `发布时间：${p.report.date} 08:50:12    浏览次数：215`,
        '【字体：大 中 小】 【打印】 【关闭】',
        '',
        text,
        '',
        '上一篇：上一篇文件',
        '主办：合成区人民政府办公室  网站标识码：3399020001',
      ].join('\n'),
  },
] as const;

export interface MirrorSummary {
  articles: number;
  listings: number;
  bytes: number;
  /** Article pages per layout. */
  layouts: Record<string, number>;
}

function columnTrails(columns: readonly ColumnNode[], parents: string[] = [], into = new Map<string, string[]>()): Map<string, string[]> {
  for (const column of columns) {
    into.set(column.id, [...parents, column.title]);
    columnTrails(column.children ?? [], [...parents, column.title], into);
  }
  return into;
}

/** The mirror of `pages` articles in `dir/mirror`, and the empty content folder to import it into in `dir/content`. */
export async function generateMirror(dir: string, pages: number, seed: number): Promise<MirrorSummary> {
  const corpusDir = join(dir, 'corpus');
  await rm(dir, { recursive: true, force: true });
  await generateCorpus({ dir: corpusDir, reports: pages, seed });
  const site = parse(await readFile(join(corpusDir, 'site.yaml'), 'utf8')) as { columns: ColumnNode[] };
  // Reports name their agency by id or by full name.
  const agencies = new Map((parse(await readFile(join(corpusDir, 'agencies.yaml'), 'utf8')) as { id: string; name: string; short?: string }[]).flatMap((agency) => [[agency.id, agency], [agency.name, agency]] as const));
  const trails = columnTrails(site.columns);
  const mirror = join(dir, 'mirror', HOST);
  const summary: MirrorSummary = { articles: 0, listings: 0, bytes: 0, layouts: {} };
  const byColumn = new Map<string, { title: string; url: string; date: string }[]>();
  const files = (await readdir(join(corpusDir, 'reports'), { recursive: true })).filter((file) => file.endsWith('.md')).sort();
  const write = async (path: string, text: string, encoding: string) => {
    await mkdir(dirname(path), { recursive: true });
    const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text);
    summary.bytes += bytes.length;
    await writeFile(path, bytes);
  };
  for (const [n, file] of files.entries()) {
    const { frontMatter, body } = splitFrontMatter(await readFile(join(corpusDir, 'reports', file), 'utf8'));
    const report = parse(frontMatter ?? '') as Report;
    const agency = agencies.get(report.agency)!;
    const layout = LAYOUTS[n % LAYOUTS.length]!;
    const page: Page = { report, body: renderMarkdown(body).html, agencyName: agency.name, agencyShort: agency.short ?? agency.name, trail: trails.get(report.column)! };
    const path = layout.path(n, report);
    await write(join(mirror, path), layout.page(page, renderMarkdown(body).text), layout.encoding);
    summary.articles++;
    summary.layouts[layout.name] = (summary.layouts[layout.name] ?? 0) + 1;
    const list = byColumn.get(report.column) ?? [];
    list.push({ title: report.title, url: `/${path}`, date: report.date });
    byColumn.set(report.column, list);
  }
  for (const [column, items] of byColumn) {
    for (let start = 0; start < items.length; start += LISTING_SIZE) {
      const lis = items.slice(start, start + LISTING_SIZE).map((item) => `<li><a href="${item.url}">${escape(item.title)}</a><span>${item.date}</span></li>`);
      const pageCount = Math.ceil(items.length / LISTING_SIZE);
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(trails.get(column)!.at(-1)!)}_合成市合成区人民政府</title></head><body>
<div class="bt-position">您现在的位置：${crumbs(trails.get(column)!, '&gt;')}</div><ul class="list">${lis.join('\n')}</ul>
<div class="page">共${pageCount}页 <a href="#">下一页</a> <a href="#">尾页</a></div>${FOOTER}</body></html>`;
      await write(join(mirror, 'col', column, start === 0 ? 'index.html' : `index_${start / LISTING_SIZE}.html`), html, 'utf-8');
      summary.listings++;
    }
  }
  const contentDir = join(dir, 'content');
  await mkdir(join(contentDir, 'reports'), { recursive: true });
  await cp(join(corpusDir, 'site.yaml'), join(contentDir, 'site.yaml'));
  await cp(join(corpusDir, 'agencies.yaml'), join(contentDir, 'agencies.yaml'));
  await rm(corpusDir, { recursive: true, force: true });
  return summary;
}

export interface ImportRun {
  measurement: Measurement;
  /** The summary lines the command printed. */
  summary: string;
  imported: number;
  skipped: number;
  needsAttention: number;
}

/** `npm run import` of the mirror in `dir` into its content folder, with its own cache folder (cold the first time). */
export async function importMirror(dir: string): Promise<ImportRun> {
  const logFile = join(dir, 'import-log.json');
  const measurement = await measure(
    process.execPath,
    [join(projectRoot, 'scripts/import.ts'), join(dir, 'mirror'), '--content', join(dir, 'content'), '--log', logFile, '--cache-dir', join(dir, 'cache')],
    { cwd: projectRoot, env: { CI: '1', NO_COLOR: '1' } },
  );
  const log = JSON.parse(await readFile(logFile, 'utf8')) as { pages: { status: string }[] };
  const count = (status: string) => log.pages.filter((page) => page.status === status).length;
  const summary = measurement.output.slice(measurement.output.indexOf('── 导入结果'));
  return { measurement, summary, imported: count('imported'), skipped: count('skipped'), needsAttention: count('needs-attention') };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Generates the mirror, then `runs` times imports it into an empty content folder and again; prints medians; the exit code. */
export async function benchImport(options: { pages: number; runs: number; seed: number; work: string | undefined; keep: boolean; json: boolean }): Promise<number> {
  const dir = options.work ? resolve(options.work) : await mkdtemp(join(tmpdir(), 'zwgk-bench-import-'));
  const log = (line: string) => console.error(line);
  try {
    log(`Mirror: ${options.pages} article pages → ${dir}`);
    const mirror = await generateMirror(dir, options.pages, options.seed);
    const firsts: ImportRun[] = [];
    const agains: ImportRun[] = [];
    for (let run = 1; run <= options.runs; run++) {
      // Each run starts from an empty content folder and no caches.
      await Promise.all(['content/reports', 'content/attachments', 'cache'].map((sub) => rm(join(dir, sub), { recursive: true, force: true })));
      await mkdir(join(dir, 'content', 'reports'), { recursive: true });
      log(`Import ${run}/${options.runs}…`);
      firsts.push(await importMirror(dir));
      log(`  ${seconds(firsts.at(-1)!.measurement.wallMs)}; again…`);
      agains.push(await importMirror(dir));
      log(`  ${seconds(agains.at(-1)!.measurement.wallMs)}`);
    }
    const summarize = (runs: ImportRun[]) => ({
      wallMs: median(runs.map((run) => run.measurement.wallMs)),
      peakRssBytes: median(runs.map((run) => run.measurement.peakRssBytes)),
      imported: runs[0]!.imported,
      skipped: runs[0]!.skipped,
      needsAttention: runs[0]!.needsAttention,
    });
    const first = summarize(firsts);
    const again = summarize(agains);
    const result = { machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version }, mirror, runs: options.runs, first, again };
    const ok = firsts.every((run) => run.imported === mirror.articles && run.needsAttention === 0) && agains.every((run) => run.imported === 0);
    if (options.json) {
      console.log(JSON.stringify({ ...result, ok }, null, 2));
    } else {
      console.log(
        [
          `machine               ${result.machine.cpus} cores, ${megabytes(result.machine.memoryBytes)}, Node ${result.machine.node}`,
          `mirror                ${mirror.articles} article pages (${Object.entries(mirror.layouts).map(([name, count]) => `${name} ${count}`).join(', ')}), ${mirror.listings} listing pages, ${megabytes(mirror.bytes)}`,
          `import (median of ${options.runs}) ${seconds(first.wallMs)} (${(mirror.articles / (first.wallMs / 1000)).toFixed(0)} pages/s), peak RSS ${megabytes(first.peakRssBytes)}: imported ${first.imported}, skipped ${first.skipped}, needs attention ${first.needsAttention}`,
          `import again          ${seconds(again.wallMs)}, peak RSS ${megabytes(again.peakRssBytes)}: imported ${again.imported}, skipped ${again.skipped}`,
          '',
          firsts[0]!.summary.trim(),
        ].join('\n'),
      );
    }
    if (!ok) log(`bench failed: expected ${mirror.articles} imported each time and nothing on the second import\n${firsts[0]!.measurement.output.slice(-4000)}`);
    return ok ? 0 : 1;
  } finally {
    if (!options.keep && !options.work) await rm(dir, { recursive: true, force: true });
  }
}
