/**
 * The open-data files: what a record holds, how the CSV is written (BOM,
 * RFC 4180 quoting, CRLF, no formula runs in a spreadsheet), and the keys
 * that let Astro skip a file whose reports did not change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import type { Report } from '../../src/lib/model.ts';
import { csvDocument } from '../../src/lib/open-data/csv.ts';
import { agencyFiles, openDataBody, openDataKey, openDataUrl, openDataUrls, wholeCatalogue, yearFiles } from '../../src/lib/open-data/files.ts';
import { openDataRecord, type OpenDataRecord } from '../../src/lib/open-data/records.ts';
import { indexPortal, type PortalIndex } from '../../src/lib/portal-index.ts';
import { copyFixture } from '../helpers/fixture-site.ts';

let portal: PortalIndex;
const byId = (id: string) => portal.reportById.get(id)!;

beforeAll(async () => {
  const contentDir = copyFixture('portal');
  const loaded = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-01-01' });
  if (!loaded.portal) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  portal = indexPortal(loaded.portal);
});

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold anything with "" for a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('a record', () => {
  it('holds every catalogue field, absolute URLs and Beijing dates', () => {
    expect(openDataRecord(portal, byId('2019/jyj-jihua'))).toEqual({
      indexNumber: '449900-021/2019-00001',
      title: '样例县教育局2019年度工作计划',
      agency: '样例县教育局',
      agencyId: 'jyj',
      category: '工作计划',
      column: ['信息公开', '法定主动公开内容', '计划总结'],
      columnId: 'jhzj',
      date: '2019-01-15',
      published: '2019-01-15',
      year: 2019,
      docNumber: '样教〔2019〕1号',
      disclosure: '主动公开',
      scope: '面向全社会',
      validity: null,
      url: 'https://www.yangli.example/reports/2019/jyj-jihua/',
      attachments: [{ title: '2019年学校名单', url: 'https://www.yangli.example/attachments/2019/%E5%AD%A6%E6%A0%A1%E5%90%8D%E5%8D%95.txt', type: 'TXT', bytes: expect.any(Number) }],
    });
  });

  it('gives 发布日期 a time and offset only when the editor gave a time', () => {
    expect(openDataRecord(portal, byId('2020/wjw-fazhi')).published).toBe('2020-03-05T08:15:00+08:00');
    expect(new Date(openDataRecord(portal, byId('2020/wjw-fazhi')).published).toISOString()).toBe('2020-03-05T00:15:00.000Z');
  });
});

describe('CSV', () => {
  const record = (fields: Partial<OpenDataRecord>): OpenDataRecord => ({ ...openDataRecord(portal, byId('2019/jyj-jihua')), ...fields });

  it('starts with a UTF-8 byte-order mark and Chinese headers, ends records with CRLF', () => {
    const csv = csvDocument([record({})]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1).split('\r\n')[0]).toBe('索引号,标题,发布机构,组配分类,栏目,发文日期,发布日期,年度,文号,公开方式,公开范围,有效性,网址,附件');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))[1]!.slice(0, 8)).toEqual(['449900-021/2019-00001', '样例县教育局2019年度工作计划', '样例县教育局', '工作计划', '信息公开 > 法定主动公开内容 > 计划总结', '2019-01-15', '2019-01-15', '2019']);
  });

  it('quotes commas, quotes and line breaks so every cell comes back whole', () => {
    const title = '关于“甲,乙”的"通知"\n第二行';
    const csv = csvDocument([record({ title })]);
    expect(csv).toContain('"关于“甲,乙”的""通知""\n第二行"');
    expect(parseCsv(csv.slice(1))[1]![1]).toBe(title);
  });

  it('puts each attachment on its own line: title, space, address', () => {
    const attachments = [
      { title: '甲表', url: 'https://x.example/attachments/a.pdf', type: 'PDF', bytes: 1 },
      { title: '乙 表', url: 'https://x.example/attachments/b.xls', type: 'XLS', bytes: 2 },
    ];
    const cell = parseCsv(csvDocument([record({ attachments })]).slice(1))[1]!.at(-1)!;
    expect(cell).toBe('甲表 https://x.example/attachments/a.pdf\n乙 表 https://x.example/attachments/b.xls');
  });

  it.each(['=HYPERLINK("https://evil.example","点击")', '+1+1', '-2+3', '@SUM(A1)', '＝1+1', '\t=1'])('keeps %j from running as a formula', (title) => {
    const cell = parseCsv(csvDocument([record({ title })]).slice(1))[1]![1]!;
    expect(cell).toBe(`'${title}`);
  });

  it('leaves ordinary text alone', () => {
    expect(parseCsv(csvDocument([record({ title: '2021年工作计划' })]).slice(1))[1]![1]).toBe('2021年工作计划');
  });
});

describe('files', () => {
  it('are the whole catalogue, one per 年度 and one per 发布机构, each as JSON and CSV', () => {
    expect(openDataUrls(portal)).toEqual([
      '/catalogue.json',
      '/catalogue.csv',
      ...portal.years.flatMap((group) => [`/catalogue/${group.key}.json`, `/catalogue/${group.key}.csv`]),
      ...['xzf', 'jyj', 'wjw', 'nyj'].flatMap((id) => [`/catalogue/agencies/${id}.json`, `/catalogue/agencies/${id}.csv`]),
    ]);
  });

  it('JSON: the site, the scope, the count and every report, newest first, as one valid document', () => {
    const file = yearFiles(portal).find((f) => f.scope.year === 2020)!;
    const document = JSON.parse(openDataBody(portal, file, 'json')) as { site: unknown; year: number; count: number; reports: OpenDataRecord[] };
    expect(document).toMatchObject({ site: { name: '样例省样例县人民政府', url: 'https://www.yangli.example/' }, year: 2020, count: file.reports.length });
    expect(document.reports.map((r) => r.indexNumber)).toEqual(file.reports.map((r) => r.indexNumber));
    const agency = JSON.parse(openDataBody(portal, agencyFiles(portal).find((f) => f.scope.agency.id === 'nyj')!, 'json')) as { agency: unknown };
    expect(agency.agency).toEqual({ id: 'nyj', name: '样例县农业农村局' });
  });

  it('keep their cache key while their reports are unchanged, and only the files listing an edited report change it', () => {
    const keys = (index: PortalIndex) => Object.fromEntries([wholeCatalogue(index), ...yearFiles(index), ...agencyFiles(index)].map((file) => [openDataUrl(file.scope, 'csv'), openDataKey(index, file, 'csv')]));
    const before = keys(portal);
    expect(keys(indexPortal({ site: portal.site, agencies: portal.agencies, reports: portal.reports.map((r) => ({ ...r })) }))).toEqual(before);
    const edited = indexPortal({
      site: portal.site,
      agencies: portal.agencies,
      reports: portal.reports.map((r): Report => (r.id === '2019/jyj-jihua' ? { ...r, title: '改过的标题' } : { ...r })),
    });
    const after = keys(edited);
    const changed = Object.keys(before).filter((url) => before[url] !== after[url]);
    expect(changed.sort()).toEqual(['/catalogue.csv', '/catalogue/2019.csv', '/catalogue/agencies/jyj.csv']);
    expect(openDataKey(portal, wholeCatalogue(portal), 'json')).not.toBe(before['/catalogue.csv']);
  });
});
