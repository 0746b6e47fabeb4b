/** One thread of the render pool: renders (and caches) the bodies it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { renderedOutline } from '../../src/markdown/cached.ts';

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

parentPort!.on('message', ({ digest, markdown }: { digest: string; markdown: string }) => {
  if (crashesForTest(markdown)) return;
  try {
    parentPort!.postMessage({ outline: renderedOutline(digest, () => markdown) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
