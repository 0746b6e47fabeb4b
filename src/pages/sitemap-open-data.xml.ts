/**
 * The open-data files for search engines: the page sitemaps list HTML pages
 * only, so this second sitemap is named in their index (scripts/lib/xml-sitemap.ts).
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal.ts';
import { openDataUrls } from '../lib/open-data/files.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = async () => {
  const portal = await getPortal();
  const urls = openDataUrls(portal).map((path) => `<url><loc>${escapeXml(`${portal.site.url}${path}`)}</loc></url>`);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
