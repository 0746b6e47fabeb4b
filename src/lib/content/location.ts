import { isAbsolute, join, resolve } from 'node:path';

/** Builds of another content folder (tests, benchmarks, a second site) set this. */
export const CONTENT_DIR_ENV = 'ZWGK_CONTENT_DIR';

/** The content folder: `$ZWGK_CONTENT_DIR` when set, else `<project>/content`. */
export function contentDirFor(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[CONTENT_DIR_ENV];
  if (!configured) return join(projectRoot, 'content');
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}
