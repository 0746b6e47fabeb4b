/** One thread of the render pool: renders (and caches) the bodies it is sent, one at a time. */
import { renderedOutline } from '../../src/markdown/cached.ts';
import type { RenderJob } from './render-pool.ts';
import { answerJobs } from './worker-pool.ts';

/**
 * Test hook, `<kind>:<text>`: crash the way `kind` says (exit, throw, overflow)
 * on a body containing `text`, so tests can prove a crashed worker fails the
 * check naming the file instead of hanging it.
 */
const [crashKind, crashText] = (process.env['ZWGK_TEST_RENDER_CRASH'] ?? '').split(/:(.*)/s);

/** Whether the test hook crashes this worker on `markdown` (on the next tick, as an uncaught failure would). */
function crashesForTest(markdown: string): boolean {
  if (!crashText || !markdown.includes(crashText)) return false;
  const recurse = (depth: number): number => recurse(depth + 1) + 1;
  setImmediate(() => {
    if (crashKind === 'exit') process.exit(3);
    if (crashKind === 'overflow') recurse(0);
    throw new Error('test crash');
  });
  return true;
}

answerJobs(({ digest, markdown }: RenderJob) => (crashesForTest(markdown) ? undefined : renderedOutline(digest, () => markdown)));
