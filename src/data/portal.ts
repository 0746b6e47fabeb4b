/**
 * The pages' one source of content: the portal the content check handed over
 * (src/lib/content/checked-portal.ts), indexed once and shared by every page.
 * In dev it is indexed again when the check hands over a new one.
 */
import { checkedPortal, checkedPortalStamp } from '../lib/content/checked-portal.ts';
import { indexPortal, type PortalIndex } from '../lib/portal-index.ts';

let indexed: { stamp: number; index: PortalIndex } | undefined;

export async function getPortal(): Promise<PortalIndex> {
  // Only dev hands over a new portal while pages are served.
  if (!indexed || (import.meta.env.DEV && indexed.stamp !== checkedPortalStamp())) {
    const { portal, stamp } = checkedPortal();
    indexed = { stamp, index: indexPortal(portal) };
  }
  return indexed.index;
}
