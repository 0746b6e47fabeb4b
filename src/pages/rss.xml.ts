/** The newest 50 documents as RSS 2.0. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal.ts';
import { rfc822InBeijing } from '../lib/dates.ts';
import { reportUrl } from '../lib/urls.ts';

const RSS_ITEMS = 50;

export const GET: APIRoute = async () => {
  const portal = await getPortal();
  return rss({
    title: `${portal.site.name} · 政务公开`,
    description: `${portal.site.name}最新公开的政府信息`,
    site: portal.site.url,
    customData: '<language>zh-cn</language>',
    items: portal.reports.slice(0, RSS_ITEMS).map((report) => ({
      title: report.title,
      link: reportUrl(report.id),
      description: report.summary,
      // In Beijing time: @astrojs/rss writes a pubDate it is given in GMT.
      customData: `<pubDate>${rfc822InBeijing(report.published)}</pubDate>`,
      categories: [report.category, portal.agency(report.agencyId).name].filter((c): c is string => Boolean(c)),
    })),
  });
};
