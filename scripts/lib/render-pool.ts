/**
 * Renders report bodies on every core. The content check renders each body
 * once to fill the render cache (summaries, links); on a cold cache that is
 * most of its work, and it parallelises perfectly.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cachedOutline, type BodyOutline } from '../../src/markdown/cached.ts';

interface Job {
  id: number;
  digest: string;
  markdown: string;
}

type Reply = { id: number; outline: BodyOutline } | { id: number; error: string };

export interface RenderPool {
  /** `markdown` reads the body; called only when the outline is not cached. */
  outline(digest: string, markdown: () => string): Promise<BodyOutline>;
  close(): Promise<void>;
}

export function createRenderPool(size = availableParallelism()): RenderPool {
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(new URL('./render-worker.ts', import.meta.url)));
  const pending = new Map<number, { resolve: (outline: BodyOutline) => void; reject: (error: Error) => void }>();
  for (const worker of workers) {
    worker.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id)!;
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.outline);
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }
  let next = 0;
  return {
    outline(digest, markdown) {
      const hit = cachedOutline(digest);
      if (hit) return Promise.resolve(hit);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, digest, markdown: markdown() } satisfies Job);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
