/**
 * The checked portal, handed from the content check to the pages through a
 * file: Astro renders pages in its own bundle, which shares no module (and so
 * no variable) with the process that checked the content. The check writes
 * the file and names it in `$ZWGK_CHECKED_PORTAL`; the pages only read it.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Portal } from '../model.ts';

export const CHECKED_PORTAL_ENV = 'ZWGK_CHECKED_PORTAL';

/** Writes `portal` to `file` (whole or not at all) and names it for the pages of this process. */
export function handPortalToPages(file: string, portal: Portal): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.part`, JSON.stringify(portal));
  renameSync(`${file}.part`, file);
  process.env[CHECKED_PORTAL_ENV] = file;
}

/** The portal last handed over, with a stamp that changes whenever it is handed over again (dev re-checks on every edit). */
export function checkedPortal(): { portal: Portal; stamp: number } {
  const file = process.env[CHECKED_PORTAL_ENV];
  if (!file) throw new Error(`没有检查过的内容（${CHECKED_PORTAL_ENV} 未设置）：请用 npm run build 或 npm run dev，它们先检查内容`);
  const stamp = statSync(file).mtimeMs;
  return { portal: JSON.parse(readFileSync(file, 'utf8')) as Portal, stamp };
}

/** When the portal was last handed over, without reading it. */
export function checkedPortalStamp(): number {
  const file = process.env[CHECKED_PORTAL_ENV];
  return file ? statSync(file).mtimeMs : 0;
}
