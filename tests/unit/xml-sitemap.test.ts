import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXmlSitemaps } from '../../scripts/lib/xml-sitemap.ts';
import { tempDir } from '../helpers/temp.ts';

const locs = (file: string) => [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);

describe('writeXmlSitemaps', () => {
  it('lists every generated page but the error pages, in @astrojs/sitemap’s order, encoded and escaped', async () => {
    const dir = tempDir('sitemap');
    await writeXmlSitemaps(dir, new URL('https://www.example.gov.cn/'), ['', 'reports/2021/b10/', 'reports/2021/b9/', '404/', '500/', 'reports/2021/中文/', 'a&b/']);
    expect(readdirSync(dir).sort()).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(locs(join(dir, 'sitemap-index.xml'))).toEqual(['https://www.example.gov.cn/sitemap-open-data.xml', 'https://www.example.gov.cn/sitemap-0.xml']);
    expect(locs(join(dir, 'sitemap-0.xml'))).toEqual([
      'https://www.example.gov.cn/',
      'https://www.example.gov.cn/a&amp;b/',
      'https://www.example.gov.cn/reports/2021/%E4%B8%AD%E6%96%87/',
      'https://www.example.gov.cn/reports/2021/b9/',
      'https://www.example.gov.cn/reports/2021/b10/',
    ]);
    expect(readFileSync(join(dir, 'sitemap-0.xml'), 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
  });

  it('puts at most 45,000 pages in one file (search engines read 50,000)', async () => {
    const dir = tempDir('sitemap');
    await writeXmlSitemaps(dir, new URL('https://www.example.gov.cn/'), Array.from({ length: 45_001 }, (_, n) => `reports/${n}/`));
    expect(locs(join(dir, 'sitemap-index.xml')).slice(1)).toEqual(['https://www.example.gov.cn/sitemap-0.xml', 'https://www.example.gov.cn/sitemap-1.xml']);
    expect(locs(join(dir, 'sitemap-0.xml'))).toHaveLength(45_000);
    expect(locs(join(dir, 'sitemap-1.xml'))).toEqual(['https://www.example.gov.cn/reports/45000/']);
  });
});
