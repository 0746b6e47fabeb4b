/**
 * axe-core on the page as it stands: every WCAG 2.0/2.1/2.2 A and AA rule,
 * each violation as `rule: element — why`. Legacy mode runs axe in the page
 * itself instead of opening a blank page to combine frame results (our
 * pages have no iframes): a second per check on this machine, 110 checks a
 * test run.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}
