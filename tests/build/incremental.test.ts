/**
 * A rebuild after an edit reuses what did not change, and everything that
 * shows the edited report shows the edit: its page, the listings and the
 * catalogue it appears in, the pages that list it as 相关稿件, and search.
 */
import { tempDir } from '../helpers/temp.ts';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/dist.ts';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { runScript } from '../helpers/run.ts';
import { treeHash } from '../helpers/tree-hash.ts';
import { treeEntries } from '../../scripts/lib/fs-tree.ts';
import { SearchIndexReader } from '../../src/lib/search/query.ts';
import { searchKey } from '../../src/lib/search/normalize.ts';

const contentDir = copyFixture('portal');
const workDir = tempDir('incremental');
const outDir = join(workDir, 'dist');
const build = (...extra: string[]) => runScript('build', ['--content', contentDir, '--out', outDir, '--cache-dir', join(workDir, 'cache'), ...extra]);
/** The folder the published search manifest points to; it changes whenever the index does. */
const searchIndexVersion = () => (JSON.parse(readFileSync(join(outDir, 'search-index', 'manifest.json'), 'utf8')) as { base: string }).base;

const NEW_TITLE = '样例县教育局2019年度工作计划（修订稿）';
/** The cache key Astro recorded for each open-data file (its incremental-build manifest). */
function astroKeys(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(workDir, 'cache', 'astro', 'incremental-build.json'), 'utf8')) as { routes: Record<string, { paths: Record<string, { cacheKey: string }> }> };
  return Object.fromEntries(
    Object.entries(manifest.routes)
      .filter(([route]) => route.includes('[format]'))
      // Astro records them with the trailing slash of `trailingSlash: 'always'`.
      .flatMap(([, entry]) => Object.entries(entry.paths).map(([path, { cacheKey }]) => [path.replace(/\/$/, ''), cacheKey])),
  );
}
let firstKeys: Record<string, string> = {};
const firstOpenData: Record<string, string> = {};
let firstIndex = '';
let unchanged: ReturnType<typeof runScript>;

beforeAll(() => {
  const first = build();
  expect(first.code, first.output).toBe(0);
  firstIndex = searchIndexVersion();
  firstKeys = astroKeys();
  firstOpenData['2020.json'] = readFileSync(join(outDir, 'catalogue/2020.json'), 'utf8');
  unchanged = build('--timings');
  expect(unchanged.code, unchanged.output).toBe(0);

  const path = join(contentDir, 'reports/2019/jyj-jihua.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: ${NEW_TITLE}`).replace(/\n---\n/, '\n---\n\n新增的一段：修订稿增加了“课后服务提质”一项。\n'));
  writeContentFile(contentDir, 'reports/2023/added.md', reportSource({ title: '新增的一份文件', indexNumber: '449900-000/2023-00950', agency: 'xzf', column: 'zcjd', date: '2023-05-06' }));
  const second = build();
  expect(second.code, second.output).toBe(0);
}, 120_000);

describe('a rebuild after one report is edited and one added', () => {
  it('reuses the search index when nothing changed', () => {
    expect(unchanged.stderr).toContain('搜索索引未变，沿用上次');
  });

  it('says how long each phase took when asked (--timings)', () => {
    expect(unchanged.stderr).toMatch(/各阶段用时：检查内容 \d+\.\d 秒，生成页面 \d+\.\d 秒，整理输出 \d+\.\d 秒，校验链接 \d+\.\d 秒/);
  });

  it('times each phase on its own: none longer than the whole build, together about the whole build', () => {
    const phases = [...unchanged.stderr.match(/各阶段用时：[^（\n]*/)![0].matchAll(/(\d+\.\d) 秒/g)].map(([, s]) => Number(s));
    const total = Number(/构建完成.*用时 (\d+\.\d) 秒/.exec(unchanged.stderr)![1]);
    expect(phases.length).toBeGreaterThanOrEqual(5);
    for (const s of phases) expect(s).toBeLessThanOrEqual(total);
    // Each is rounded to a tenth of a second; outside the phases only the lock and the last messages take time.
    const sum = phases.reduce((sum, s) => sum + s, 0);
    expect(sum).toBeLessThanOrEqual(total + 0.05 * phases.length);
    expect(sum).toBeGreaterThanOrEqual(total - 0.05 * phases.length - 0.5);
  });

  it('shows the new title on the report page and in its column, year, agency and catalogue listings', () => {
    expect(html(outDir, '/reports/2019/jyj-jihua/')('h1').text()).toBe(NEW_TITLE);
    expect(html(outDir, '/reports/2019/jyj-jihua/')('.report-body').text()).toContain('课后服务提质');
    for (const listing of ['/xxgk/fdzdgknr/jhzj/', '/years/2019/', '/agencies/jyj/', '/catalogue/']) {
      const $ = html(outDir, listing);
      expect($('main a').map((_, a) => $(a).text().trim()).get(), listing).toContain(NEW_TITLE);
      expect($('main').text(), listing).not.toMatch(/样例县教育局2019年度工作计划(?!（修订稿）)/);
    }
  });

  it('shows the new title where another report lists it as 相关稿件', () => {
    const $ = html(outDir, '/reports/2020/jyj-zongjie/');
    expect($('main a[href="/reports/2019/jyj-jihua/"]').text()).toBe(NEW_TITLE);
  });

  it('publishes the added report and lists it', () => {
    expect(html(outDir, '/reports/2023/added/')('h1').text()).toBe('新增的一份文件');
    expect(html(outDir, '/catalogue/')('main').text()).toContain('新增的一份文件');
  });

  it('shows the new title in the open-data files that list the report, and only there', () => {
    expect(readFileSync(join(outDir, 'catalogue.json'), 'utf8')).toContain(NEW_TITLE);
    expect(readFileSync(join(outDir, 'catalogue/2019.csv'), 'utf8')).toContain(NEW_TITLE);
    expect(readFileSync(join(outDir, 'catalogue/agencies/jyj.json'), 'utf8')).toContain(NEW_TITLE);
    expect(readFileSync(join(outDir, 'catalogue/2020.json'), 'utf8')).toBe(firstOpenData['2020.json']);
  });

  it('keys the open-data files for Astro’s incremental build: unchanged files keep their key', () => {
    const keys = astroKeys();
    expect(keys['/catalogue/2020.json']).toBe(firstKeys['/catalogue/2020.json']);
    expect(keys['/catalogue/agencies/wjw.csv']).toBe(firstKeys['/catalogue/agencies/wjw.csv']);
    expect(keys['/catalogue/2019.csv']).not.toBe(firstKeys['/catalogue/2019.csv']);
    expect(keys['/catalogue.json']).not.toBe(firstKeys['/catalogue.json']);
  });

  it('rebuilds the search index', () => {
    expect(firstIndex).toMatch(/^v[0-9a-f]{16}$/);
    expect(searchIndexVersion()).toMatch(/^v[0-9a-f]{16}$/);
    expect(searchIndexVersion()).not.toBe(firstIndex);
  });
});

describe('a rebuild after only one report’s text changed', () => {
  let patched: ReturnType<typeof runScript>;
  beforeAll(() => {
    const path = join(contentDir, 'reports/2020/jyj-zongjie.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, '\n---\n\n补记：全县新建“护苗驿站”三处。\n'));
    patched = build();
    expect(patched.code, patched.output).toBe(0);
  }, 60_000);

  it('patches the search index instead of building it again, and search finds the new text', async () => {
    expect(patched.stderr).toContain('搜索索引已按改动更新');
    const indexDir = join(outDir, 'search-index');
    const reader = await SearchIndexReader.open({
      json: async (path) => JSON.parse(readFileSync(join(indexDir, path), 'utf8')),
      bytes: async (path) => new Uint8Array(readFileSync(join(indexDir, path))),
    });
    const found = await reader.search([searchKey('护苗驿站')], {}, 'relevance');
    expect(await Promise.all(found.map(async (doc) => (await reader.document(doc)).id))).toEqual(['2020/jyj-zongjie']);
  });

  it.skipIf(process.platform === 'win32')('publishes every file of the index read-only: they are the cache’s own (hard links), so an edit in place would be published again', () => {
    const indexDir = join(outDir, 'search-index');
    const files = [...treeEntries(indexDir)].filter((entry) => entry.isFile);
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((entry) => (statSync(join(indexDir, entry.path)).mode & 0o222) !== 0).map((entry) => entry.path)).toEqual([]);
  });
});

describe('a rebuild over the site left from two builds back', () => {
  const content = copyFixture('portal');
  const work = tempDir('reuse');
  const out = join(work, 'dist');
  const cache = join(work, 'cache');
  const buildInto = (outDir: string, cacheDir: string) => runScript('build', ['--content', content, '--out', outDir, '--cache-dir', cacheDir]);
  const listing = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();
  let kept: string[] = [];

  beforeAll(() => {
    expect(buildInto(out, cache).code).toBe(0);
    const edited = join(content, 'reports/2019/jyj-jihua.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: .*$/m, `title: ${NEW_TITLE}`));
    // The second build publishes the edit; after the third the first site waits in staging to be built over.
    for (let build = 0; build < 2; build++) expect(buildInto(out, cache).code).toBe(0);
    // Its page of the edited report is the old one; the page of a report deleted now is current.
    rmSync(join(content, 'reports/2020/wjw-fazhi.md'));
    const fourth = buildInto(out, cache);
    expect(fourth.code, fourth.output).toBe(0);
    kept = JSON.parse(readFileSync(join(cache, 'kept-pages.json'), 'utf8')) as string[];
  }, 180_000);

  it('kept pages in place, but not the old page of the edited report', () => {
    expect(kept).toContain('reports/2023/long/index.html');
    expect(kept).not.toContain('reports/2019/jyj-jihua/index.html');
    expect(html(out, '/reports/2019/jyj-jihua/')('h1').text()).toBe(NEW_TITLE);
  });

  it('removed the page of the deleted report, and its folder', () => {
    expect(kept).toContain('reports/2020/wjw-fazhi/index.html');
    expect(listing(join(out, 'reports', '2020'))).not.toContain('wjw-fazhi');
  });

  it('published exactly the site a build from nothing makes', () => {
    const fresh = join(work, 'fresh');
    expect(buildInto(fresh, join(work, 'fresh-cache')).code).toBe(0);
    expect(listing(out)).toEqual(listing(fresh));
    expect(treeHash(out)).toBe(treeHash(fresh));
  });
});
