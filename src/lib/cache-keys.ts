/**
 * Keys for Astro's incremental build: a page whose key (and template code)
 * is unchanged since the last build is copied, not rendered again. A key
 * must therefore cover everything the page shows: the site around it
 * (identity, column tree, agency names) and the reports it lists or links.
 */
import { createHash } from 'node:crypto';
import type { Neighbours } from './listings.ts';
import type { Report } from './model.ts';
import type { Page } from './paginate.ts';
import type { PortalIndex } from './portal-index.ts';

function hash(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

const siteKeys = new WeakMap<PortalIndex, string>();

/** What every page shows of the site: header, navigation, footer, agency names. */
export function siteKey(portal: PortalIndex): string {
  let key = siteKeys.get(portal);
  if (!key) {
    key = hash(portal.site, portal.agencies);
    siteKeys.set(portal, key);
  }
  return key;
}

/** How a report appears in a list or a link elsewhere. */
function listed(report: Report) {
  return [report.id, report.title, report.published, report.date, report.indexNumber, report.category, report.agencyId, report.summary];
}

const reportDigests = new WeakMap<Report, string>();

/** Everything a report holds, digested once: a report is on its own page and on several listing pages. */
function reportDigest(report: Report): string {
  let digest = reportDigests.get(report);
  if (!digest) {
    digest = hash(report);
    reportDigests.set(report, digest);
  }
  return digest;
}

export function reportPageKey(portal: PortalIndex, report: Report, neighbours: Neighbours | undefined, related: Report[]): string {
  return hash(siteKey(portal), reportDigest(report), neighbours?.newer && listed(neighbours.newer), neighbours?.older && listed(neighbours.older), related.map(listed));
}

/**
 * A page of a listing: all its reports hold (more than a listing shows, so
 * that no field a listing may come to show is forgotten), where it is in the
 * listing, and any extra facts it shows (e.g. counts).
 */
export function listingPageKey(portal: PortalIndex, page: Page<Report>, extra: unknown = null): string {
  return hash(siteKey(portal), page.items.map(reportDigest), [page.number, page.count, page.total], extra);
}
