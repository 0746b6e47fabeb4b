/** The keys that let Astro's incremental build keep a page: every fact the page shows must be in its key. */
import { beforeAll, describe, expect, it } from 'vitest';
import { listingPageKey, reportPageKey } from '../../src/lib/cache-keys.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import type { Report } from '../../src/lib/model.ts';
import { pageAt } from '../../src/lib/paginate.ts';
import { indexPortal, type PortalIndex } from '../../src/lib/portal-index.ts';
import { copyFixture } from '../helpers/fixture-site.ts';

let portal: PortalIndex;

beforeAll(async () => {
  const contentDir = copyFixture('portal');
  const loaded = await loadContent({ contentDir, projectRoot: contentDir, today: '2026-01-01' });
  if (!loaded.portal) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  portal = indexPortal(loaded.portal);
});

/** A copy of the report with some fields changed, as the next build would load it. */
const edited = (report: Report, change: Partial<Report>): Report => ({ ...report, ...change });

describe('listingPageKey', () => {
  it('is the same for the same reports at the same place, and changes with any field of a listed report or the place', () => {
    const reports = portal.reports.slice(0, 3);
    const key = listingPageKey(portal, pageAt(reports, 20, 1));
    expect(listingPageKey(portal, pageAt([...reports], 20, 1))).toBe(key);
    expect(listingPageKey(portal, pageAt([edited(reports[0]!, { title: '另一个标题' }), ...reports.slice(1)], 20, 1))).not.toBe(key);
    // A field no listing shows today still counts: a listing that comes to show it must not be kept stale.
    expect(listingPageKey(portal, pageAt([edited(reports[1]!, { source: '另一个来源' }), reports[0]!, reports[2]!], 20, 1))).not.toBe(key);
    expect(listingPageKey(portal, pageAt([reports[1]!, reports[0]!, reports[2]!], 20, 1))).not.toBe(key);
    expect(listingPageKey(portal, pageAt(reports, 2, 1))).not.toBe(listingPageKey(portal, pageAt(reports, 3, 1)));
    expect(listingPageKey(portal, pageAt(reports, 20, 1), { counts: 1 })).not.toBe(key);
  });
});

describe('reportPageKey', () => {
  it('changes with the report and with how its neighbours and related reports are listed', () => {
    const [report, newer, older] = portal.reports;
    const key = reportPageKey(portal, report!, { newer, older }, []);
    expect(reportPageKey(portal, report!, { newer, older }, [])).toBe(key);
    expect(reportPageKey(portal, edited(report!, { source: '另一个来源' }), { newer, older }, [])).not.toBe(key);
    expect(reportPageKey(portal, report!, { newer: edited(newer!, { title: '另一个标题' }), older }, [])).not.toBe(key);
    expect(reportPageKey(portal, report!, { newer, older }, [older!])).not.toBe(key);
  });
});
