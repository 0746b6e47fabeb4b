/**
 * The build checks the content before it starts Astro, in the same process.
 * It hands the checked portal over through a global, so Astro's content
 * loader need not read and check thousands of files a second time. In
 * `astro dev` nothing is handed over and the loader checks the files itself.
 */
import type { Portal } from '../model.ts';

interface Handoff {
  contentDir: string;
  portal: Portal;
}

const KEY = Symbol.for('zwgk.checked-portal');
const globals = globalThis as typeof globalThis & { [KEY]?: Handoff };

export function handOverPortal(contentDir: string, portal: Portal): void {
  globals[KEY] = { contentDir, portal };
}

/** The portal the build checked for this content folder, if any. */
export function checkedPortal(contentDir: string): Portal | undefined {
  const handoff = globals[KEY];
  return handoff?.contentDir === contentDir ? handoff.portal : undefined;
}
