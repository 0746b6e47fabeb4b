/**
 * The open-data files of the fixture portal as built: every report in the
 * catalogue files, the per-year and per-agency files, the sitemap, and the
 * links readers follow to find them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { fileFor, html, htmlFiles, text } from '../helpers/dist.ts';

const { outDir } = inject('fixture');
const read = (path: string) => readFileSync(fileFor(outDir, path)!, 'utf8');
const json = (path: string) => JSON.parse(read(path)) as { count: number; reports: { indexNumber: string; title: string; url: string; year: number; agencyId: string }[] };
const reportPages = htmlFiles(outDir).filter((file) => file.startsWith('reports/'));
/** CSV data rows (the header and the trailing CRLF left out); no test title spans lines. */
const csvRows = (path: string) => read(path).replace(/^\uFEFF/, '').split('\r\n').slice(1, -1);

describe('/catalogue.json and /catalogue.csv', () => {
  it('list every published report once, with its absolute URL', () => {
    const catalogue = json('/catalogue.json');
    expect(catalogue.count).toBe(reportPages.length);
    expect(new Set(catalogue.reports.map((r) => r.url))).toEqual(new Set(reportPages.map((file) => `https://www.yangli.example/${file.replace(/index\.html$/, '')}`)));
    expect(csvRows('/catalogue.csv')).toHaveLength(reportPages.length);
  });

  it('keep a title with HTML and quotes as plain text, quoted by RFC 4180 in the CSV', () => {
    const title = '<script>alert("标题")</script>含尖括号的<b>标题</b>';
    expect(json('/catalogue.json').reports.map((r) => r.title)).toContain(title);
    expect(read('/catalogue.csv')).toContain(`,"${title.replaceAll('"', '""')}",`);
  });

  it('are UTF-8 with a byte-order mark (CSV) and without (JSON)', () => {
    expect(readFileSync(fileFor(outDir, '/catalogue.csv')!).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(read('/catalogue.json').startsWith('{"site":')).toBe(true);
  });
});

describe('per-year and per-agency files', () => {
  it('split the catalogue by 年度 and by 发布机构 without losing or repeating a report', () => {
    const all = json('/catalogue.json').reports.map((r) => r.indexNumber).sort();
    const years = [...new Set(json('/catalogue.json').reports.map((r) => r.year))];
    const byYear = years.flatMap((year) => json(`/catalogue/${year}.json`).reports.map((r) => r.indexNumber));
    expect(byYear.sort()).toEqual(all);
    const byAgency = ['xzf', 'jyj', 'wjw', 'nyj'].flatMap((id) => json(`/catalogue/agencies/${id}.json`).reports);
    expect(byAgency.map((r) => r.indexNumber).sort()).toEqual(all);
    expect(json('/catalogue/agencies/jyj.json').reports.every((r) => r.agencyId === 'jyj')).toBe(true);
    expect(csvRows('/catalogue/2020.csv')).toHaveLength(json('/catalogue/2020.json').count);
  });
});

describe('finding the files', () => {
  it('the sitemap index lists a sitemap of every open-data file', () => {
    const index = read('/sitemap-index.xml');
    expect(index).toContain('<loc>https://www.yangli.example/sitemap-open-data.xml</loc>');
    const urls = [...read('/sitemap-open-data.xml').matchAll(/<loc>https:\/\/www\.yangli\.example(\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(urls).toContain('/catalogue.csv');
    expect(urls).toContain('/catalogue/agencies/nyj.json');
    for (const url of urls) expect(fileFor(outDir, url), url).toBeDefined();
  });

  it('the catalogue links the CSV, the JSON and the open-data page', () => {
    const $ = html(outDir, '/catalogue/');
    const links = $('main a').map((_, a) => $(a).attr('href')).get();
    expect(links).toEqual(expect.arrayContaining(['/catalogue.csv', '/catalogue.json', '/open-data/']));
  });

  it('every page’s footer links the open-data page, which links every file with its count', () => {
    expect(html(outDir, '/reports/2019/jyj-jihua/')('footer a[href="/open-data/"]').text()).toBe('开放数据');
    const $ = html(outDir, '/open-data/');
    expect(text($, 'h1')).toBe('开放数据');
    const row = $('tr').filter((_, tr) => $(tr).find('th').text() === '2020年度');
    expect(row.find('td').first().text()).toBe(String(json('/catalogue/2020.json').count));
    expect(row.find('a').map((_, a) => $(a).attr('href')).get()).toEqual(['/catalogue/2020.csv', '/catalogue/2020.json']);
  });
});
