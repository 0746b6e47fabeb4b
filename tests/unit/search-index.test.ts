/**
 * The search index built from a handful of documents and queried the way
 * the browser queries it, through the same reader.
 */
import { fork } from 'node:child_process';
import { tempDir } from '../helpers/temp.ts';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, publishSearchIndex, releaseIndexLease, removeSupersededIndexes, SEARCH_INDEX_PATH, type IndexedReport } from '../../scripts/lib/search-index.ts';
import { assembleOnWorkers } from '../../scripts/lib/search-assemble.ts';
import { treeEntries } from '../../scripts/lib/fs-tree.ts';
import { buildSearchIndexInWorker } from '../../scripts/lib/search-worker.ts';
import { bucketOf, decodeGramDictionary, gramPath } from '../../src/lib/search/format.ts';
import { SearchIndexReader } from '../../src/lib/search/query.ts';
import { searchKey } from '../../src/lib/search/normalize.ts';
import { queryPhrases } from '../../src/lib/search/tokens.ts';

const DOCS: [id: string, title: string, body: string, agency: string, year: string][] = [
  ['2024/a', '2024年信访工作总结', '全年受理信访事项120件，依照《信访条例》办理。拨打12345热线。', 'xfj', '2024'],
  ['2023/b', '2023年安全生产工作计划', '推进安全生产专项整治，开展双随机、一公开检查。信访工作另行安排。', 'yjj', '2023'],
  ['2022/c', '2022年法治政府建设报告', '学习信访工作条例。热线电话0570-12345678。', 'xfj', '2022'],
  ['2021/d', '2021年民政工作总结', '最低生活保障对象3200户。衢江沿线巡查。认真贯彻政策跟踪审计意见。', 'mzj', '2021'],
  ['2020/e', '2020年审计整改情况', '认真贯彻落实上级部署，透彻政策跟踪审计意见。', 'sjj', '2020'],
];

const gunzipIfNeeded = (data: Buffer) => (data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data);

/** Every file of an index folder, by path, as stored data (inflated): two indexes are the same index when these are equal. */
const indexContents = (root: string) =>
  Object.fromEntries((readdirSync(root, { recursive: true }) as string[]).filter((file) => file.includes('.')).map((file) => [file, gunzipIfNeeded(readFileSync(join(root, file))).toString('base64')]));

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

  it.skipIf(process.platform === 'win32')('publishes every file read-only, even those of a cache written before index files were (its compressed files are reused as they are)', async () => {
    const cacheDir = join(dir, 'old-mode-cache');
    await buildSearchIndex({ ...input, cacheDir });
    // As an earlier version of the code left the cache: every file writable. That version had another fingerprint.
    for (const entry of treeEntries(cacheDir)) if (entry.isFile) chmodSync(join(cacheDir, entry.path), 0o644);
    const siteDir = join(dir, 'old-mode-site');
    await publishSearchIndex(await buildSearchIndex({ ...input, cacheDir, fingerprint: `${input.fingerprint}-next-version` }), siteDir);
    const published = join(siteDir, SEARCH_INDEX_PATH);
    const files = [...treeEntries(published)].filter((entry) => entry.isFile);
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((entry) => (statSync(join(published, entry.path)).mode & 0o222) !== 0).map((entry) => entry.path)).toEqual([]);
  });

  // Only a user other than root is refused the write (root ignores the mode).
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('rebuilds past a read-only .part left by a build killed while writing it', async () => {
    const cacheDir = join(dir, 'part-cache');
    const first = await buildSearchIndex({ ...input, cacheDir });
    const compressed = join(cacheDir, 'compressed');
    for (const name of readdirSync(compressed)) {
      renameSync(join(compressed, name), join(compressed, `${name}.part`));
      chmodSync(join(compressed, `${name}.part`), 0o444);
    }
    rmSync(first.dir, { recursive: true });
    for (const folder of ['grams', 'index']) rmSync(join(cacheDir, folder), { recursive: true, force: true });
    const again = await buildSearchIndex({ ...input, cacheDir });
    expect(indexContents(again.dir)).toEqual(indexContents(built.dir));
  });

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
    expect(Object.keys(indexContents(incremental.dir)).length).toBeGreaterThan(10);
    expect(indexContents(incremental.dir)).toEqual(indexContents(scratch.dir));
    const reread = await open(incremental.dir);
    const titles = await Promise.all((await reread.search(keys('修订'), {}, 'newest')).map(async (doc) => (await reread.document(doc)).title));
    expect(titles).toEqual(['2024年信访工作总结（修订）', '2023年安全生产工作计划（修订）']);
  });

  it('is the same when its postings are assembled a few pairs at a time', async () => {
    const inPasses = await buildSearchIndex({ ...input, cacheDir: join(dir, 'passes-cache') }, { passRecords: 40 });
    expect(indexContents(inPasses.dir)).toEqual(indexContents(built.dir));
  });

  it('built in a child process, answers before deleting the index it superseded, then deletes it', async () => {
    const cacheDir = join(dir, 'worker-cache');
    const first = await buildSearchIndexInWorker({ ...input, cacheDir });
    // Published (as the build does), its lease is released.
    await releaseIndexLease(first);
    const edited = { ...input, cacheDir, reports: input.reports.map((r, i) => (i === 1 ? { ...r, digest: `${r.digest}-worker` } : r)) };
    const second = await buildSearchIndexInWorker(edited);
    expect(existsSync(first.dir)).toBe(false);
    // The new one, and its lease to this process until it has published it.
    expect(readdirSync(join(cacheDir, 'index')).sort()).toEqual([basename(second.dir), `${basename(second.dir)}.lease-${process.pid}`]);
    const deadline = Date.now() + 20_000;
    while (readdirSync(cacheDir).some((entry) => entry.startsWith('superseded-')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readdirSync(cacheDir).filter((entry) => entry.startsWith('superseded-'))).toEqual([]);
  });

  it('built in a child process whose build has gone meanwhile: the index is kept, and no stack trace', async () => {
    const cacheDir = join(dir, 'orphan-cache');
    const child = fork(fileURLToPath(new URL('../../scripts/lib/search-worker.ts', import.meta.url)), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
    let output = '';
    child.stdout!.on('data', (data) => (output += data));
    child.stderr!.on('data', (data) => (output += data));
    // The build fails or is stopped right after asking: the channel closes before the answer.
    child.send({ input: { ...input, cacheDir } }, () => child.disconnect());
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(output).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(join(cacheDir, 'index')).filter((entry) => !entry.includes('.lease-'))).toHaveLength(1);
  });

  it('built in a child process asked to publish: the site holds the index before the build hears back', async () => {
    const cacheDir = join(dir, 'publishing-cache');
    const siteDir = join(dir, 'publishing-site');
    const first = await buildSearchIndexInWorker({ ...input, cacheDir }, siteDir);
    expect(first.publishedTo).toBe(siteDir);
    expect(indexContents(join(siteDir, SEARCH_INDEX_PATH))).toEqual(indexContents(first.dir));
    await releaseIndexLease(first);
    // After an edit the site's earlier index is brought up to the patched one.
    const edited = { ...input, cacheDir, reports: input.reports.map((r, i) => (i === 1 ? { ...r, digest: `${r.digest}-published` } : r)) };
    const second = await buildSearchIndexInWorker(edited, siteDir);
    expect(second.patched).toBe(true);
    expect(indexContents(join(siteDir, SEARCH_INDEX_PATH))).toEqual(indexContents(second.dir));
    await releaseIndexLease(second);
  });

  it('is reused when nothing changed and rebuilt when a document did', async () => {
    expect((await buildSearchIndex(input)).reused).toBe(true);
    const edited = { ...input, reports: input.reports.map((r, i) => (i === 0 ? { ...r, digest: `${r.digest}-edited` } : r)) };
    const rebuilt = await buildSearchIndex(edited);
    expect(rebuilt.reused).toBe(false);
    expect(rebuilt.dir).not.toBe(built.dir);
  });
});

/** Reports whose every field and body are given, for exactness checks against a plain substring search. */
const EXACT_DOCS: { id: string; fields: string[]; body: string }[] = [
  {
    id: '2024/fields',
    fields: ['荷泉区2022年工作要点', '442000-111/2017-00042', '荷泉报〔2022〕3号', '荷泉区信访局', '区信访局', '荷泉区人民政府', '计划总结'],
    body: '区委、区政府高度重视。编号UV12345678901234567890XYZ。零宽\u200b空格短语，PD\u00adF文件。㍻元年。Cafe\u0301会议纪要。',
  },
  {
    id: '2023/cites',
    fields: ['关于转发文件的通知', '442000-111/2023-00001', '', '荷泉区司法局', '', '', ''],
    body: '转发442000-111/2017-00042号文件。再次转发442000-111/2017-00042。法治政府，推进政府建设实施。',
  },
  {
    id: '2022/phrase',
    fields: ['法治政府建设年度报告', '442000-111/2022-00007', '', '荷泉区司法局', '', '', ''],
    body: '全年推进法治政府建设。法治政府建设取得成效。依法行政工作要点落实。',
  },
  {
    id: '2021/other',
    fields: ['依法行政总结', '442000-111/2021-00003', '', '荷泉区民政局', '', '', ''],
    body: '依法行政。总结全年工作要点。',
  },
];

describe('phrases are found exactly', async () => {
  const dir = tempDir('search-exact');
  const reports: IndexedReport[] = EXACT_DOCS.map(({ id, fields, body }) => {
    const sourcePath = join(dir, `${id.replace('/', '-')}.md`);
    writeFileSync(sourcePath, `---\ntitle: ${fields[0]}\n---\n${body}\n`);
    return { id, title: fields[0]!, agency: fields[3]!, published: `${id.slice(0, 4)}-01-01`, fields, digest: id, sourcePath, filters: {} };
  });
  const built = await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'exact', cacheDir: join(dir, 'cache') });
  const reader = await open(built.dir);
  const ids = async (query: string) =>
    Promise.all((await reader.search(queryPhrases(query).map((phrase) => phrase.key), {}, 'relevance')).map(async (doc) => (await reader.document(doc)).id));
  /** What a plain substring search over the normalized fields finds, field by field. */
  const truth = (query: string) =>
    EXACT_DOCS.filter(({ fields, body }) => queryPhrases(query).every(({ key }) => [...fields, body].some((field) => searchKey(field).includes(key)))).map(({ id }) => id);

  it('whatever the punctuation, invisible characters, width, combining accents or NFKC expansions', async () => {
    expect(await ids('区委区政府')).toEqual(['2024/fields']);
    expect(await ids('零宽空格短语')).toEqual(['2024/fields']);
    expect(await ids('PDF')).toEqual(['2024/fields']);
    expect(await ids('㍻元年')).toEqual(['2024/fields']);
    expect(await ids('平成元年')).toEqual(['2024/fields']);
    // Typed precomposed, written with a combining accent.
    expect(await ids('Caf\u00e9会议')).toEqual(['2024/fields']);
    expect(await ids('Cafe会议')).toEqual([]);
  });

  it('in letter and digit runs of any length', async () => {
    expect(await ids('UV1234')).toEqual(['2024/fields']);
    expect(await ids('567890xyz')).toEqual(['2024/fields']);
  });

  it('in 索引号, 文号 and 发布机构, a report whose 索引号 is the query coming first', async () => {
    expect(await ids('荷泉报〔2022〕3号')).toEqual(['2024/fields']);
    expect(await ids('区信访局')).toEqual(['2024/fields']);
    // Cited twice in another report's body, but it is this report's own 索引号.
    expect(await ids('442000-111/2017-00042')).toEqual(['2024/fields', '2023/cites']);
  });

  it('only where the characters run on, not where every part of the phrase occurs apart', async () => {
    // 2023/cites has 法治政, 治政府, 政府建 and 府建设, but not 法治政府建设.
    expect(await ids('法治政府建设')).toEqual(['2022/phrase']);
    expect(await ids('法治政府建设实施方案')).toEqual([]);
  });

  it('never across two fields', async () => {
    expect(await ids('工作要点442000')).toEqual([]);
    expect(await ids('总结依法')).toEqual([]);
  });

  it('every space-separated phrase, each exactly', async () => {
    expect((await ids('依法行政 工作要点')).sort()).toEqual(truth('依法行政 工作要点').sort());
    // Both have both phrases; 2021/other has one in its title.
    expect(await ids('依法行政 工作要点')).toEqual(['2021/other', '2022/phrase']);
    expect(await ids('"依法行政 工作要点"')).toEqual(['2022/phrase']);
  });

  it('for every substring of every report, and for phrases made of two', async () => {
    const texts = EXACT_DOCS.flatMap(({ fields, body }) => [...fields, body].map(searchKey));
    const queries = new Set<string>();
    for (const text of texts) {
      const chars = [...text];
      for (let start = 0; start < chars.length; start += 2) for (let length = 1; length <= 9 && start + length <= chars.length; length += 2) queries.add(chars.slice(start, start + length).join(''));
    }
    const pieces = [...queries].filter((query) => [...query].length === 3);
    for (let i = 0; i + 1 < pieces.length; i += 3) queries.add(pieces[i]! + pieces[i + 1]!);
    expect(queries.size).toBeGreaterThan(300);
    for (const query of queries) expect((await ids(query)).sort(), query).toEqual(truth(query).sort());
  });
});

describe('template phrases, answered from the fixed context of one gram', async () => {
  // Reports written from a few set sentences, each many times, with a word that varies: the sentences' grams are large and always have the same characters around them.
  const SENTENCES = ['努力推动各项工作再上新台阶。', '按照《中华人民共和国防洪法》要求，', '重点抓好以下工作：', '持续深化{}改革，'];
  const WORDS = ['放管服', '行政审批', '综合执法', '营商环境'];
  let state = 7;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const bodyOf = () => Array.from({ length: 40 }, () => pick(SENTENCES).replace('{}', pick(WORDS))).join('');
  // Enough reports that the sentences' grams hold more than a block of positions (only those get a context).
  const bodies = Array.from({ length: 600 }, bodyOf);
  const dir = tempDir('search-templates');
  const reportOf = (doc: number, body: string, round = ''): IndexedReport => {
    const sourcePath = join(dir, `${doc}${round}.md`);
    writeFileSync(sourcePath, `---\ntitle: 报告${doc}\n---\n${body}\n`);
    return { id: `r/${doc}`, title: `报告${doc}`, agency: '', published: '2024-01-01', fields: [`报告${doc}`], digest: `${doc}${round}`, sourcePath, filters: {} };
  };
  const cacheDir = join(dir, 'cache');
  const built = await buildSearchIndex({ reports: bodies.map((body, doc) => reportOf(doc, body)), filterValues: {}, fingerprint: 'templates', cacheDir });

  /** Every phrase of 3 to 14 characters starting in the first sentences of three reports, and each with a character changed. */
  const queries = (texts: readonly string[]) => {
    const found = new Set<string>();
    for (const text of texts.slice(0, 3)) {
      const chars = [...searchKey(text)];
      for (let start = 0; start < 40; start++) {
        for (let length = 3; length <= 14; length++) {
          const phrase = chars.slice(start, start + length);
          found.add(phrase.join(''));
          phrase[length >> 1] = '新';
          found.add(phrase.join(''));
        }
      }
    }
    return found;
  };
  /** The reader's answer for a phrase (documents, occurrences, in the head) against a count over the normalized texts. */
  /** `keys`: per report, its fields normalized (searchKey). */
  const expectExact = async (reader: SearchIndexReader, keys: readonly string[][], phrase: string) => {
    const matches = await reader.phrase(phrase);
    const expected = keys.flatMap((fields, doc) => {
      let count = 0;
      for (const key of fields) for (let at = key.indexOf(phrase); at >= 0; at = key.indexOf(phrase, at + 1)) count++;
      return count > 0 ? [{ doc, count }] : [];
    });
    expect([...matches.docs].map((doc, i) => ({ doc, count: matches.counts[i]! })), phrase).toEqual(expected);
  };

  it('keeps the characters around a template sentence’s grams, and answers its phrases with no positions read', async () => {
    const manifest = JSON.parse(readFileSync(join(built.dir, 'manifest.json'), 'utf8'));
    const dictionary = decodeGramDictionary(gunzipSync(readFileSync(join(built.dir, manifest.base, gramPath('各项工', manifest.buckets)))));
    expect(dictionary.get('各项工')!.context).toEqual({ before: '努力推动', after: '作再上新台阶' });
    const read: string[] = [];
    const reader = await SearchIndexReader.open({
      json: async (path) => JSON.parse(readFileSync(join(built.dir, path), 'utf8')),
      bytes: async (path) => {
        read.push(path);
        return new Uint8Array(readFileSync(join(built.dir, path)));
      },
    });
    expect((await reader.phrase('推动各项工作再上新台阶')).docs.length).toBe(bodies.filter((body) => body.includes('推动各项工作再上新台阶')).length);
    expect(read.filter((path) => /-\d+-\d+\.bin$/.test(path))).toEqual([]);
  });

  it('finds every phrase exactly, with its count, present or absent', async () => {
    const texts = bodies.map((body, doc) => [`报告${doc}`, body].map(searchKey));
    const reader = await open(built.dir);
    for (const phrase of queries(bodies)) await expectExact(reader, texts, searchKey(phrase));
  });

  it('patched after edits that cut a context short or leave it, still finds every phrase exactly', async () => {
    const edited = [...bodies];
    // A template sentence followed by other text (its grams' contexts shrink); one report's every sentence gone.
    edited[3] = `${edited[3]}努力推动各项工作再上台阶。按照《中华人民共和国防洪法》规定`;
    edited[8] = '本报告无正文模板。';
    const patched = await buildSearchIndex({ reports: edited.map((body, doc) => reportOf(doc, body, edited[doc] === bodies[doc] ? '' : '-edited')), filterValues: {}, fingerprint: 'templates', cacheDir });
    expect(patched.patched).toBe(true);
    const texts = edited.map((body, doc) => [`报告${doc}`, body].map(searchKey));
    const manifest = JSON.parse(readFileSync(join(patched.dir, 'manifest.json'), 'utf8'));
    const dictionary = decodeGramDictionary(gunzipSync(readFileSync(join(patched.dir, manifest.base, gramPath('各项工', manifest.buckets)))));
    expect(dictionary.get('各项工')!.context).toEqual({ before: '努力推动', after: '作再上' });
    const reader = await open(patched.dir);
    for (const phrase of [...queries(edited), '推动各项工作再上新台阶', '推动各项工作再上台阶', '华人民共和国防洪法》要求', '华人民共和国防洪法》规定']) await expectExact(reader, texts, searchKey(phrase));
  });
});

describe('phrases made of common grams, whose positions are fetched by blocks', async () => {
  // Text from a few characters, so every gram of three is in most documents, many times.
  const ALPHABET = ['政', '府', '法'];
  let state = 11;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const bodies = Array.from({ length: 300 }, () => Array.from({ length: 200 + Math.floor(next() * 1300) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));
  const dir = tempDir('search-blocks');
  const reports: IndexedReport[] = bodies.map((body, doc) => {
    const sourcePath = join(dir, `${doc}.md`);
    writeFileSync(sourcePath, `---\ntitle: 文件${doc}\n---\n${body}\n`);
    return { id: `r/${doc}`, title: `文件${doc}`, agency: '', published: '2024-01-01', fields: [`文件${doc}`], digest: String(doc), sourcePath, filters: {} };
  });
  const built = await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'blocks', cacheDir: join(dir, 'cache') });
  const reader = await open(built.dir);

  it('are split into blocks', () => {
    const files = readdirSync(join(built.dir, JSON.parse(readFileSync(join(built.dir, 'manifest.json'), 'utf8')).base, 'grams'));
    expect(files.filter((file) => /^\d+-\d+-[1-9]\d*\.bin$/.test(file)).length).toBeGreaterThan(10);
  });

  it('are found exactly, present or absent, rare or common', async () => {
    const queries = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const body = bodies[Math.floor(next() * bodies.length)]!;
      const length = 3 + Math.floor(next() * 13);
      const start = Math.floor(next() * (body.length - length));
      queries.add(body.slice(start, start + length));
      queries.add(Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));
    }
    for (const query of queries) {
      const expected = bodies.flatMap((body, doc) => (body.includes(query) ? [doc] : []));
      const ids = await Promise.all((await reader.search([query], {}, 'newest')).map(async (doc) => Number((await reader.document(doc)).id.slice(2))));
      expect(ids.sort((a, b) => a - b), query).toEqual(expected);
    }
  });
  it('a rare phrase of common grams: after the first grams’ positions, only the documents where they line up are read', async () => {
    // Every document has each part many times, apart; only document 0 has the whole phrase.
    const parts = ['甲乙丙丁戊', '丁戊己庚辛', '庚辛壬癸子', '癸子丑寅卯'];
    const phraseDir = tempDir('search-rare-phrase');
    const phraseReports: IndexedReport[] = Array.from({ length: 1000 }, (_, doc) => {
      const body = Array.from({ length: 40 }, (_, i) => `${parts[(i + doc) % 4]}天地`).join('') + (doc === 0 ? '甲乙丙丁戊己庚辛壬癸子丑寅卯' : '');
      const sourcePath = join(phraseDir, `${doc}.md`);
      writeFileSync(sourcePath, `---\ntitle: 文件${doc}\n---\n${body}\n`);
      return { id: `r/${doc}`, title: `文件${doc}`, agency: '', published: '2024-01-01', fields: [`文件${doc}`], digest: String(doc), sourcePath, filters: {} };
    });
    const index = await buildSearchIndex({ reports: phraseReports, filterValues: {}, fingerprint: 'rare-phrase', cacheDir: join(phraseDir, 'cache') });
    const gramsDir = join(index.dir, JSON.parse(readFileSync(join(index.dir, 'manifest.json'), 'utf8')).base, 'grams');
    const blockFiles = readdirSync(gramsDir).filter((file) => /^\d+-\d+-\d+\.bin$/.test(file));
    /** Per large gram (its list file's name), how many of its blocks of positions a query reads, and how many it has; and the documents it reads. */
    const blocksRead = async (query: string) => {
      const read = new Map<string, number>();
      const documents: number[] = [];
      const counting = await SearchIndexReader.open({
        json: async (path) => JSON.parse(readFileSync(join(index.dir, path), 'utf8')),
        bytes: async (path) => {
          const block = /(\d+-\d+)-\d+\.bin$/.exec(path);
          if (block) read.set(block[1]!, (read.get(block[1]!) ?? 0) + 1);
          const document = /docs\/(\d+)\.bin$/.exec(path);
          if (document) documents.push(Number(document[1]));
          return new Uint8Array(readFileSync(join(index.dir, path)));
        },
      });
      const docs = await counting.search([query], {}, 'newest');
      return { docs, documents, grams: [...read].map(([gram, count]) => ({ count, of: blockFiles.filter((file) => file.startsWith(`${gram}-`)).length })) };
    };
    // A part is always whole: the fixed context of any of its grams holds it, so that gram's list answers, no positions read.
    const common = await blocksRead('丁戊己庚辛');
    expect(common.docs).toHaveLength(1000);
    expect(common.grams).toEqual([]);
    // Four grams cover the phrase (one a part): every block of two is read; they line up in one document only, whose
    // text is then read rather than a block of positions of each other gram.
    const rare = await blocksRead('甲乙丙丁戊己庚辛壬癸子丑寅卯');
    expect(rare.docs).toEqual([0]);
    expect(rare.grams.filter(({ count, of }) => count === of && of >= 2)).toHaveLength(2);
    expect(rare.grams.filter(({ count, of }) => count < of)).toEqual([]);
    expect(rare.documents).toEqual([0]);
  });

  it('a rare phrase one of whose characters only a common gram holds: the few documents that can match are read, not that gram’s positions', async () => {
    // 入推进 is in every document, many times; the phrase's other grams are in a few.
    const phraseDir = tempDir('search-edge-character');
    const bodies = Array.from({ length: 600 }, (_, doc) => {
      const filler = Array.from({ length: 60 }, (_, i) => `深入推进第${(i * 7 + doc) % 10}项`).join('，');
      const rare = doc % 100 === 3 ? '，深入推进安置帮扶，推进安置帮扶入推进安置帮扶' : doc % 100 === 4 ? '，推进安置帮扶' : '';
      return filler + rare;
    });
    const phraseReports: IndexedReport[] = bodies.map((body, doc) => {
      const sourcePath = join(phraseDir, `${doc}.md`);
      writeFileSync(sourcePath, `---\ntitle: 文件${doc}\n---\n${body}\n`);
      const title = doc === 4 ? '入推进安置帮扶' : `文件${doc}`;
      return { id: `r/${doc}`, title, agency: '', published: '2024-01-01', fields: [title, `索引${doc}`, '', '', '', '', ''], digest: String(doc), sourcePath, filters: {} };
    });
    const index = await buildSearchIndex({ reports: phraseReports, filterValues: {}, fingerprint: 'edge-character', cacheDir: join(phraseDir, 'cache') });
    const positionBlocks: string[] = [];
    const documents: number[] = [];
    const counting = await SearchIndexReader.open({
      json: async (path) => JSON.parse(readFileSync(join(index.dir, path), 'utf8')),
      bytes: async (path) => {
        if (/grams\/\d+-\d+-\d+\.bin$/.test(path)) positionBlocks.push(path);
        const document = /docs\/(\d+)\.bin$/.exec(path);
        if (document) documents.push(Number(document[1]));
        return new Uint8Array(readFileSync(join(index.dir, path)));
      },
    });
    const found = await counting.phrase(searchKey('入推进安置帮'));
    // Every phrase start counts, in the title (the head) too.
    const truth = phraseReports.map((report, doc) => [report.title, bodies[doc]!].join('\n').split('入推进安置帮').length - 1);
    expect([...found.docs]).toEqual(truth.flatMap((count, doc) => (count > 0 ? [doc] : [])));
    expect([...found.counts]).toEqual(truth.filter((count) => count > 0));
    expect([...found.inHead]).toEqual([...found.docs].map((doc) => (doc % 100 === 4 ? 1 : 0)));
    expect(positionBlocks).toEqual([]);
    expect(documents.sort((a, b) => a - b)).toEqual(bodies.flatMap((body, doc) => (body.includes('推进安置帮') ? [doc] : [])));
  });

  it('patched after a few documents changed, equals an index built from scratch, and finds exactly', async () => {
    const cacheDir = join(dir, 'patch-cache');
    await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'blocks', cacheDir });
    const edited = [...bodies];
    const editRound = async (edits: Record<number, string>, titles: Record<number, string> = {}) => {
      const round = Object.keys(edits).join('-');
      for (const [doc, body] of Object.entries(edits)) edited[Number(doc)] = body;
      const changed = reports.map((report, doc) => {
        if (edits[doc] === undefined && titles[doc] === undefined) return report;
        const sourcePath = join(dir, `${doc}-${round}.md`);
        writeFileSync(sourcePath, `---\ntitle: x\n---\n${edited[doc]}\n`);
        const title = titles[doc] ?? report.title;
        return { ...report, title, fields: [title], digest: `${doc}-${round}`, sourcePath };
      });
      const patched = await buildSearchIndex({ reports: changed, filterValues: {}, fingerprint: 'blocks', cacheDir });
      const scratch = await buildSearchIndex({ reports: changed, filterValues: {}, fingerprint: 'blocks', cacheDir: join(dir, `scratch-${round}`) });
      expect(patched.patched).toBe(true);
      expect(scratch.patched).toBe(false);
      expect(indexContents(patched.dir)).toEqual(indexContents(scratch.dir));
      reports.splice(0, reports.length, ...changed);
      return open(patched.dir);
    };
    // A few characters changed in the middle; a character never seen added; a body emptied of most grams; a title changed.
    const middle = (body: string) => `${body.slice(0, 300)}法法法政${body.slice(304)}`;
    await editRound({ 5: middle(bodies[5]!), 100: `${bodies[100]!}新字`, 200: '政' }, { 7: '文件七（修订）' });
    // Patched again from the patched state, and an edit that only moves positions (text inserted at the start).
    await editRound({ 5: `府${edited[5]!}`, 250: middle(bodies[250]!), 200: bodies[200]! });
    // Edits that keep every gram in the same documents: only the position blocks holding them are encoded again.
    const reader = await editRound({ 5: `法${edited[5]!}`, 250: middle(edited[250]!.slice(1)) });
    for (const query of ['法法法政', '新字', '政府法政', '府府府', edited[5]!.slice(0, 9), '修订']) {
      const expected = edited.flatMap((body, doc) => (body.includes(query) || reports[doc]!.title.includes(query) ? [doc] : []));
      const ids = await Promise.all((await reader.search([query], {}, 'newest')).map(async (doc) => Number((await reader.document(doc)).id.slice(2))));
      expect(ids.sort((a, b) => a - b), query).toEqual(expected);
    }
  });

  it('built twice at once on one cache, one after the other: neither corrupts the other', async () => {
    const cacheDir = join(dir, 'concurrent-cache');
    await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'blocks', cacheDir });
    const variant = (doc: number) =>
      reports.map((report, n) => {
        if (n !== doc) return report;
        const sourcePath = join(dir, `${doc}-concurrent.md`);
        writeFileSync(sourcePath, `---\ntitle: x\n---\n并发${bodies[doc]}\n`);
        return { ...report, digest: `${doc}-concurrent`, sourcePath };
      });
    const inputs = [variant(3), variant(9)].map((changed) => ({ reports: changed, filterValues: {}, fingerprint: 'blocks', cacheDir }));
    const results = await Promise.all(inputs.map((input) => buildSearchIndex(input)));
    // The later one replaced the earlier; what remains is exactly its index.
    const last = results.findIndex((result) => existsSync(result.dir));
    expect(last).toBeGreaterThanOrEqual(0);
    const scratch = await buildSearchIndex({ ...inputs[last]!, cacheDir: join(dir, 'concurrent-scratch') });
    expect(indexContents(results[last]!.dir)).toEqual(indexContents(scratch.dir));
  });
});

describe('a patched index, whatever the edit, equals one built from scratch', async () => {
  const ALPHABET = ['政', '府', '法'];
  let state = 7;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const text = (length: number) => Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
  const dir = tempDir('search-patch');
  let written = 0;
  /** A report of the given body and fields, its source written under a name of its own. */
  const report = (doc: number, body: string, fields: string[] = [`文件${doc}`], extra: Partial<IndexedReport> = {}): IndexedReport => {
    const sourcePath = join(dir, `${doc}-${++written}.md`);
    writeFileSync(sourcePath, `---\ntitle: x\n---\n${body}\n`);
    return { id: `r/${doc}`, title: fields[0] ?? '', agency: 'a', published: '2024-01-01', fields, digest: `${doc}-${written}`, sourcePath, filters: { kind: [doc % 2 ? 'odd' : 'even'] }, ...extra };
  };
  const bodies = Array.from({ length: 300 }, () => text(200 + Math.floor(next() * 1300)));
  const initial = bodies.map((body, doc) => report(doc, body));
  const filterValues = { kind: ['even', 'odd'] };
  let cacheCount = 0;
  /** Builds `first`, then `second` on the same cache; returns the second result after checking it against a build from scratch. */
  const patchFrom = async (first: IndexedReport[], second: IndexedReport[], between: (cacheDir: string) => void = () => undefined, values = filterValues, secondValues = values) => {
    const cacheDir = join(dir, `cache-${++cacheCount}`);
    await buildSearchIndex({ reports: first, filterValues: values, fingerprint: 'patch', cacheDir });
    between(cacheDir);
    const patched = await buildSearchIndex({ reports: second, filterValues: secondValues, fingerprint: 'patch', cacheDir });
    const scratch = await buildSearchIndex({ reports: second, filterValues: secondValues, fingerprint: 'patch', cacheDir: join(dir, `scratch-${cacheCount}`) });
    expect(indexContents(patched.dir)).toEqual(indexContents(scratch.dir));
    return { patched, cacheDir };
  };
  const edit = (edits: Record<number, IndexedReport>) => initial.map((r, doc) => edits[doc] ?? r);

  it('when only non-head fields change, moving grams out of the head', async () => {
    const { patched } = await patchFrom(initial, edit({ 4: report(4, bodies[4]!, ['', '', '', '文件4']), 9: report(9, bodies[9]!, [`文件9`, '', '', '政府法']) }));
    expect(patched.patched).toBe(true);
  });

  it('when a title changes length, the body’s grams keep their positions: only the title’s grams’ files change', async () => {
    const cacheDir = join(dir, 'title-edit');
    const before = await buildSearchIndex({ reports: initial, filterValues, fingerprint: 'patch', cacheDir });
    const old = indexContents(before.dir);
    const retitled = edit({ 5: report(5, bodies[5]!, ['甲乙丙丁戊己庚辛壬癸文件5']) });
    const after = await buildSearchIndex({ reports: retitled, filterValues, fingerprint: 'patch', cacheDir });
    expect(after.patched).toBe(true);
    const scratch = await buildSearchIndex({ reports: retitled, filterValues, fingerprint: 'patch', cacheDir: join(dir, 'title-edit-scratch') });
    expect(indexContents(after.dir)).toEqual(indexContents(scratch.dir));
    const { buckets } = JSON.parse(readFileSync(join(after.dir, 'manifest.json'), 'utf8')) as { buckets: number };
    const gramsOf = (text: string) => [...text].flatMap((_, at) => [1, 2, 3].map((n) => [...text].slice(at, at + n).join('')));
    const titleBuckets = new Set(['文件5', '甲乙丙丁戊己庚辛壬癸文件5'].flatMap(gramsOf).map((gram) => bucketOf(gram, buckets)));
    // The same file in both indexes, whatever their version folder is called.
    const unversioned = (contents: Record<string, string>) => Object.fromEntries(Object.entries(contents).map(([file, data]) => [file.replace(/^v[^/]+\//, ''), data]));
    const [was, now] = [unversioned(old), unversioned(indexContents(after.dir))];
    const changedBuckets = Object.keys(now)
      .filter((file) => file.startsWith('grams/') && now[file] !== was[file])
      .map((file) => Number(/^grams\/(\d+)/.exec(file)![1]));
    expect(changedBuckets.length).toBeGreaterThan(0);
    expect(changedBuckets.filter((bucket) => !titleBuckets.has(bucket))).toEqual([]);
  });

  it('when only filter values change', async () => {
    const second = initial.map((r, doc) => (doc === 3 ? { ...r, filters: { kind: ['odd'] } } : r));
    const { patched } = await patchFrom(initial, second, undefined, filterValues, { kind: ['odd', 'even', 'none'] });
    expect(patched.patched).toBe(true);
  });

  it('when id, title, agency or published change but no field or body', async () => {
    const { patched } = await patchFrom(initial, initial.map((r, doc) => (doc === 2 ? { ...r, id: 'r/x', title: '别的', agency: 'b', published: '2020-01-01' } : r)));
    expect(patched.patched).toBe(true);
  });

  it('when characters outside the BMP come and go', async () => {
    const astral = edit({ 60: report(60, `𠀀𠀁政${bodies[60]!}𠀀𠀁𠀂`, ['𠀀𠀁文件']), 61: report(61, `府😀😀😀${bodies[61]!}`) });
    expect((await patchFrom(initial, astral)).patched.patched).toBe(true);
    expect((await patchFrom(astral, edit({ 60: report(60, `𠀀${bodies[60]!}`) }))).patched.patched).toBe(true);
  });

  it('when two reports swap contents', async () => {
    const { patched } = await patchFrom(initial, edit({ 10: { ...initial[11]!, id: 'r/10' }, 11: { ...initial[10]!, id: 'r/11' } }));
    expect(patched.patched).toBe(true);
  });

  it('when a report is emptied to nothing, and back', async () => {
    const emptied = edit({ 20: report(20, '', ['']) });
    expect((await patchFrom(initial, emptied)).patched.patched).toBe(true);
    expect((await patchFrom(emptied, initial)).patched.patched).toBe(true);
  });

  it('when a rare gram becomes large, then inline again, then disappears', async () => {
    const rare = (docs: number[], body: (doc: number) => string) => edit(Object.fromEntries(docs.map((doc) => [doc, report(doc, body(doc))])));
    const docs = Array.from({ length: 16 }, (_, i) => i * 7);
    const large = rare(docs, (doc) => `${bodies[doc]!}${'新字新'.repeat(40)}`);
    const inline = rare(docs.slice(0, 2), (doc) => `${bodies[doc]!}新字新`);
    const cacheDir = join(dir, 'rare-cache');
    for (const [round, reports] of [initial, large, inline, initial].entries()) {
      const patched = await buildSearchIndex({ reports, filterValues, fingerprint: 'patch', cacheDir });
      const scratch = await buildSearchIndex({ reports, filterValues, fingerprint: 'patch', cacheDir: join(dir, `rare-scratch-${round}`) });
      const [a, b] = [indexContents(patched.dir), indexContents(scratch.dir)];
      const differing = Object.keys({ ...a, ...b }).filter((file) => a[file] !== b[file]);
      expect(differing, `round ${round}`).toEqual([]);
      expect(patched.patched, `round ${round}`).toBe(round > 0);
    }
  });

  it('when a common gram’s block size changes', async () => {
    const { patched } = await patchFrom(initial, edit({ 30: report(30, bodies[30]!.repeat(20)), 31: report(31, bodies[31]!.repeat(20)) }));
    expect(patched.patched).toBe(true);
  });

  it('when exactly the limit of reports change (and full one more)', async () => {
    const changed = (count: number) => edit(Object.fromEntries(Array.from({ length: count }, (_, i) => [i * 3, report(i * 3, `府${bodies[i * 3]!}`)])));
    expect((await patchFrom(initial, changed(16))).patched.patched).toBe(true);
    expect((await patchFrom(initial, changed(17))).patched.patched).toBe(false);
  });

  it('after a snapshot from an older build, without its index', async () => {
    const { patched } = await patchFrom(initial, edit({ 1: report(1, '法') }), (cacheDir) => {
      const meta = join(cacheDir, 'grams', 'meta.json');
      const { index: _index, ...older } = JSON.parse(readFileSync(meta, 'utf8'));
      writeFileSync(meta, JSON.stringify(older));
    });
    expect(patched.patched).toBe(false);
  });

  it('after the previous index was deleted by hand', async () => {
    const { patched } = await patchFrom(initial, edit({ 1: report(1, '法') }), (cacheDir) => rmSync(join(cacheDir, 'index'), { recursive: true }));
    expect(patched.patched).toBe(false);
  });

  it('after some of the previous index’s files were deleted by hand: built in full instead of failing', async () => {
    const { patched } = await patchFrom(initial, edit({ 1: report(1, '法') }), (cacheDir) => {
      const [index] = readdirSync(join(cacheDir, 'index'));
      const grams = join(cacheDir, 'index', index!, `v${index}`, 'grams');
      for (const file of readdirSync(grams).slice(0, 20)) rmSync(join(grams, file));
    });
    expect(patched.patched).toBe(false);
  });

  it('after a build stopped between moving its index into place and recording its snapshot', async () => {
    const cacheDir = join(dir, 'crash-cache');
    const first = edit({});
    const second = edit({ 40: report(40, `法法${bodies[40]!}`) });
    const third = edit({ 40: report(40, `府府${bodies[40]!}`), 41: report(41, '政') });
    await buildSearchIndex({ reports: first, filterValues, fingerprint: 'patch', cacheDir });
    const kept = join(dir, 'crash-snapshot');
    cpSync(join(cacheDir, 'grams'), kept, { recursive: true });
    const firstIndex = readdirSync(join(cacheDir, 'index'))[0]!;
    expect((await buildSearchIndex({ reports: second, filterValues, fingerprint: 'patch', cacheDir })).patched).toBe(true);
    // As if it stopped before snapshot.replace: the first index still in place, the snapshot still the first build's.
    const superseded = readdirSync(cacheDir).find((entry) => entry.startsWith(`superseded-${firstIndex}`))!;
    renameSync(join(cacheDir, superseded), join(cacheDir, 'index', firstIndex));
    rmSync(join(cacheDir, 'grams'), { recursive: true });
    renameSync(kept, join(cacheDir, 'grams'));
    for (const reports of [second, third]) {
      const patched = await buildSearchIndex({ reports, filterValues, fingerprint: 'patch', cacheDir });
      const scratch = await buildSearchIndex({ reports, filterValues, fingerprint: 'patch', cacheDir: join(dir, `crash-scratch-${++cacheCount}`) });
      expect(indexContents(patched.dir)).toEqual(indexContents(scratch.dir));
    }
  });

  it('handed to one build, can still be published after another build on the same cache (npm run dev beside npm run build)', async () => {
    const cacheDir = join(dir, 'publish-cache');
    const first = await buildSearchIndex({ reports: initial, filterValues, fingerprint: 'patch', cacheDir }, { leaseFor: process.pid });
    // The other build runs while the first still verifies its site, before it publishes its index.
    const other = await buildSearchIndex({ reports: edit({ 50: report(50, '政府') }), filterValues, fingerprint: 'patch', cacheDir });
    await removeSupersededIndexes(cacheDir);
    const siteDir = join(dir, 'publish-site');
    await publishSearchIndex(first, siteDir);
    await releaseIndexLease(first);
    // Released, it is superseded by the next build.
    await buildSearchIndex({ reports: edit({ 51: report(51, '法治') }), filterValues, fingerprint: 'patch', cacheDir });
    await removeSupersededIndexes(cacheDir);
    expect(existsSync(first.dir)).toBe(false);
    expect(existsSync(other.dir)).toBe(false);
    const scratch = await buildSearchIndex({ reports: initial, filterValues, fingerprint: 'patch', cacheDir: join(dir, 'publish-scratch') });
    expect(indexContents(join(siteDir, SEARCH_INDEX_PATH))).toEqual(indexContents(scratch.dir));
  });

  it('after several patches in a row, each from the one before', async () => {
    const cacheDir = join(dir, 'chain-cache');
    let reports = initial;
    await buildSearchIndex({ reports, filterValues, fingerprint: 'patch', cacheDir });
    for (let round = 0; round < 5; round++) {
      const doc = Math.floor(next() * 300);
      const body = text(50 + Math.floor(next() * 3000));
      reports = reports.map((r, n) => (n === doc || n === (doc + 1) % 300 ? report(n, n === doc ? body : '') : r));
      const patched = await buildSearchIndex({ reports, filterValues, fingerprint: 'patch', cacheDir });
      const scratch = await buildSearchIndex({ reports, filterValues, fingerprint: 'patch', cacheDir: join(dir, `chain-scratch-${round}`) });
      expect(patched.patched).toBe(true);
      expect(indexContents(patched.dir)).toEqual(indexContents(scratch.dir));
    }
  });
});

describe('assembling the gram files on worker threads', () => {
  it('fails the build with the worker’s error, never hangs, when a group cannot be read', async () => {
    const missing = join(tempDir('assemble-missing'), 'no-spill');
    const job = () => ({ spillDir: missing, parts: [{ partition: 0, records: 3, bytes: 9 }], ids: Int32Array.from([0]), texts: ['政'], contexts: new Map(), buckets: 8, compressedDir: missing });
    const written: unknown[] = [];
    await expect(
      assembleOnWorkers([job, job, job], async (group) => {
        written.push(group);
      }),
    ).rejects.toThrow(/ENOENT/);
    expect(written).toEqual([]);
  });
});
