/** One thread of the render pool: renders (and caches) the bodies it is sent. */
import { parentPort } from 'node:worker_threads';
import { renderedOutline } from '../../src/markdown/cached.ts';

parentPort!.on('message', ({ id, digest, markdown }: { id: number; digest: string; markdown: string }) => {
  try {
    parentPort!.postMessage({ id, outline: renderedOutline(digest, () => markdown) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
