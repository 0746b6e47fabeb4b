/**
 * The one bridge from Astro's content collections to the domain model:
 * loaded and indexed once per build, shared by every page.
 */
import { getCollection } from 'astro:content';
import { compareNewestFirst } from '../lib/listings.ts';
import type { Agency, Report, Site } from '../lib/model.ts';
import { indexPortal, type PortalIndex } from '../lib/portal-index.ts';

let portal: Promise<PortalIndex> | undefined;

async function load(): Promise<PortalIndex> {
  const [siteEntries, agencyEntries, reportEntries] = await Promise.all([
    getCollection('site'),
    getCollection('agencies'),
    getCollection('reports'),
  ]);
  const site = siteEntries[0]?.data as Site | undefined;
  if (!site) throw new Error('content/site.yaml 未加载');
  return indexPortal({
    site,
    agencies: agencyEntries
      .map((entry) => entry.data as Agency & { order: number })
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...agency }) => agency),
    reports: reportEntries.map((entry) => entry.data as Report).sort(compareNewestFirst),
  });
}

export function getPortal(): Promise<PortalIndex> {
  portal ??= load();
  return portal;
}
