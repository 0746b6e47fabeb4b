/**
 * The XML sitemaps for search engines: /sitemap-index.xml names the open-data
 * sitemap (src/pages/sitemap-open-data.xml.ts) and sitemap-0.xml, sitemap-1.xml …,
 * which list every HTML page Astro generated except the error pages, 45,000
 * to a file, in the order @astrojs/sitemap gave them. Written here rather than
 * by that integration, which compares its URLs with a locale comparison made
 * anew for each pair: 0.7 s of a 10,000-report rebuild.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Search engines read at most 50,000 URLs from one sitemap. */
const URLS_PER_FILE = 45_000;
const ERROR_PAGES = new Set(['404', '500']);
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** The sitemap of the open-data files, which are not pages. */
const OPEN_DATA_SITEMAP = 'sitemap-open-data.xml';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes the sitemaps of the site at `site` (its address) into `siteDir`; `pages` are the generated pages' paths, as Astro gives them. */
export async function writeXmlSitemaps(siteDir: string, site: URL, pages: readonly string[]): Promise<void> {
  const compare = new Intl.Collator('en', { numeric: true }).compare;
  const urls = [
    ...new Set(pages.filter((page) => !ERROR_PAGES.has(page.replace(/^\/|\/$/g, ''))).map((page) => new URL(`/${page.replace(/^\//, '')}`, site).href)),
  ].sort(compare);
  const sitemaps = [new URL(`/${OPEN_DATA_SITEMAP}`, site).href];
  for (let start = 0, n = 0; start < urls.length; start += URLS_PER_FILE, n++) {
    const name = `sitemap-${n}.xml`;
    const entries = urls.slice(start, start + URLS_PER_FILE).map((url) => `<url><loc>${escapeXml(url)}</loc></url>`);
    await writeFile(join(siteDir, name), `${XML_DECLARATION}<urlset xmlns="${NAMESPACE}">${entries.join('')}</urlset>`);
    sitemaps.push(new URL(`/${name}`, site).href);
  }
  const index = sitemaps.map((url) => `<sitemap><loc>${escapeXml(url)}</loc></sitemap>`).join('');
  await writeFile(join(siteDir, 'sitemap-index.xml'), `${XML_DECLARATION}<sitemapindex xmlns="${NAMESPACE}">${index}</sitemapindex>`);
}
