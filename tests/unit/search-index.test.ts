/**
 * The search index built from a handful of documents and queried the way
 * the browser queries it, through the same reader.
 */
import { tempDir } from '../helpers/temp.ts';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type IndexedReport } from '../../scripts/lib/search-index.ts';
import { SearchIndexReader } from '../../src/lib/search/query.ts';
import { queryPhrases } from '../../src/lib/search/tokens.ts';

const DOCS: [id: string, title: string, body: string, agency: string, year: string][] = [
  ['2024/a', '2024年信访工作总结', '全年受理信访事项120件，依照《信访条例》办理。拨打12345热线。', 'xfj', '2024'],
  ['2023/b', '2023年安全生产工作计划', '推进安全生产专项整治，开展双随机、一公开检查。信访工作另行安排。', 'yjj', '2023'],
  ['2022/c', '2022年法治政府建设报告', '学习信访工作条例。热线电话0570-12345678。', 'xfj', '2022'],
  ['2021/d', '2021年民政工作总结', '最低生活保障对象3200户。衢江沿线巡查。认真贯彻政策跟踪审计意见。', 'mzj', '2021'],
  ['2020/e', '2020年审计整改情况', '认真贯彻落实上级部署，透彻政策跟踪审计意见。', 'sjj', '2020'],
];

const gunzipIfNeeded = (data: Buffer) => (data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data);

function buildFixture() {
  const dir = tempDir('search');
  const reports: IndexedReport[] = DOCS.map(([id, title, body, agency, year]) => {
    const sourcePath = join(dir, `${id.replace('/', '-')}.md`);
    writeFileSync(sourcePath, `---\ntitle: ${title}\n---\n${body}\n`);
    return { id, title, agency, published: `${year}-01-01`, fields: [title, '', '', agency, '', '', ''], digest: `${id}:${body.length}`, sourcePath, filters: { agency: [agency], year: [year] } };
  });
  return { dir, reports, filterValues: { agency: ['xfj', 'yjj', 'mzj', 'sjj'], year: ['2024', '2023', '2022', '2021', '2020'] } };
}

async function open(built: string) {
  return SearchIndexReader.open({
    json: async (path) => JSON.parse(readFileSync(join(built, path), 'utf8')),
    bytes: async (path) => new Uint8Array(readFileSync(join(built, path))),
  });
}

describe('the search index', async () => {
  const { dir, reports, filterValues } = buildFixture();
  const input = { reports, filterValues, fingerprint: 'test', cacheDir: join(dir, 'cache') };
  const built = await buildSearchIndex(input);
  const reader = await open(built.dir);
  const keys = (query: string) => queryPhrases(query).map((phrase) => phrase.key);
  const ids = async (query: string, filters: Record<string, string> = {}, sort: 'relevance' | 'newest' = 'relevance') =>
    Promise.all((await reader.search(keys(query), filters, sort)).map(async (doc) => (await reader.document(doc)).id));

  it('finds every document with all the query’s terms', async () => {
    expect((await ids('信访')).sort()).toEqual(['2022/c', '2023/b', '2024/a']);
    expect(await ids('信访条例')).toContain('2024/a');
    expect(await ids('衢')).toEqual(['2021/d']);
    expect(await ids('火星')).toEqual([]);
  });

  it('finds numbers inside longer numbers', async () => {
    expect((await ids('2345')).sort()).toEqual(['2022/c', '2024/a']);
    expect(await ids('45678')).toEqual(['2022/c']);
  });

  it('finds a long query where its characters run on, not where only its pairs are scattered', async () => {
    expect(await ids('认真贯彻政策跟踪审计')).toEqual(['2021/d']);
    // 2020/e has every pair of the query (认真 … 彻政 … 审计), but not 贯彻政.
    expect(await ids('贯彻政策')).toEqual(['2021/d']);
    expect((await ids('政策跟踪审计')).sort()).toEqual(['2020/e', '2021/d']);
  });

  it('requires every space-separated keyword', async () => {
    expect(await ids('信访 安全')).toEqual(['2023/b']);
  });

  it('ranks documents with the terms in their title first, and sorts newest first on request', async () => {
    expect((await ids('信访'))[0]).toBe('2024/a');
    expect(await ids('工作', {}, 'newest')).toEqual(['2024/a', '2023/b', '2022/c', '2021/d']);
  });

  it('filters by agency and year', async () => {
    expect((await ids('信访', { agency: 'xfj' })).sort()).toEqual(['2022/c', '2024/a']);
    expect(await ids('信访', { agency: 'xfj', year: '2022' })).toEqual(['2022/c']);
    expect(await ids('信访', { agency: 'nobody' })).toEqual([]);
  });

  it('gives each found document its id, title, agency, date and plain text', async () => {
    const [doc] = await reader.search(keys('衢江'), {}, 'relevance');
    const document = await reader.document(doc!);
    expect(document).toMatchObject({ id: '2021/d', title: '2021年民政工作总结', agency: 'mzj', published: '2021-01-01' });
    expect(document.text).toContain('衢江沿线巡查');
    expect(document.text).not.toContain('title:');
  });

  it('stores every file but the manifest gzip-compressed, which static hosts send as they are', () => {
    const manifest = JSON.parse(readFileSync(join(built.dir, 'manifest.json'), 'utf8')) as { base: string };
    for (const file of ['lengths.bin', 'docs/0.bin', 'filters/agency-0.bin']) {
      expect([...readFileSync(join(built.dir, manifest.base, file)).subarray(0, 2)], file).toEqual([0x1f, 0x8b]);
    }
  });

  it('rebuilt after edits from the terms it kept, equals an index built from scratch', async () => {
    const cacheDir = join(dir, 'incremental-cache');
    await buildSearchIndex({ ...input, cacheDir });
    const added: IndexedReport = { ...reports[3]!, id: '2025/e', title: '2025年新增文件', fields: ['2025年新增文件'], digest: 'new', sourcePath: reports[3]!.sourcePath };
    const edited = { ...input, reports: [added, ...input.reports.slice(0, 2).map((r) => ({ ...r, title: `${r.title}（修订）`, fields: [`${r.title}（修订）`] })), input.reports[3]!] };
    const incremental = await buildSearchIndex({ ...edited, cacheDir });
    const scratch = await buildSearchIndex({ ...edited, cacheDir: join(dir, 'scratch-cache') });
    const contents = (root: string) =>
      Object.fromEntries((readdirSync(root, { recursive: true }) as string[]).filter((file) => file.includes('.')).map((file) => [file, gunzipIfNeeded(readFileSync(join(root, file))).toString('base64')]));
    expect(Object.keys(contents(incremental.dir)).length).toBeGreaterThan(10);
    expect(contents(incremental.dir)).toEqual(contents(scratch.dir));
    const reread = await open(incremental.dir);
    const titles = await Promise.all((await reread.search(keys('修订'), {}, 'newest')).map(async (doc) => (await reread.document(doc)).title));
    expect(titles).toEqual(['2024年信访工作总结（修订）', '2023年安全生产工作计划（修订）']);
  });

  it('is the same when its postings are assembled a few pairs at a time', async () => {
    const inPasses = await buildSearchIndex({ ...input, cacheDir: join(dir, 'passes-cache') }, { passRecords: 40 });
    const contents = (root: string) =>
      Object.fromEntries((readdirSync(root, { recursive: true }) as string[]).filter((file) => file.includes('.')).map((file) => [file, readFileSync(join(root, file)).toString('base64')]));
    expect(contents(inPasses.dir)).toEqual(contents(built.dir));
  });

  it('is reused when nothing changed and rebuilt when a document did', async () => {
    expect((await buildSearchIndex(input)).reused).toBe(true);
    const edited = { ...input, reports: input.reports.map((r, i) => (i === 0 ? { ...r, digest: `${r.digest}-edited` } : r)) };
    const rebuilt = await buildSearchIndex(edited);
    expect(rebuilt.reused).toBe(false);
    expect(rebuilt.dir).not.toBe(built.dir);
  });
});
