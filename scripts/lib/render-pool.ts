/**
 * Renders report bodies on every core. The content check renders each body
 * once to fill the render cache (summaries, links); on a cold cache that is
 * most of its work, and it parallelises perfectly.
 *
 * Hand-written rather than a library (piscina etc.) because it is this small:
 * each worker runs one body at a time, so a worker that crashes (uncaught
 * exception, out of memory, process.exit) fails exactly the body it was
 * rendering — load.ts names that file — and is replaced; no job is left waiting.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cachedOutline, type BodyOutline } from '../../src/markdown/cached.ts';

interface Job {
  digest: string;
  markdown: string;
  resolve: (outline: BodyOutline) => void;
  reject: (error: Error) => void;
}

type Reply = { outline: BodyOutline } | { error: string };

export interface RenderPool {
  /** `markdown` reads the body; called only when the outline is not cached. */
  outline(digest: string, markdown: () => string): Promise<BodyOutline>;
  close(): Promise<void>;
}

export function createRenderPool(size = availableParallelism()): RenderPool {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  let closed = false;

  function dispatch() {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      running.set(worker, job);
      worker.postMessage({ digest: job.digest, markdown: job.markdown });
    }
  }

  function startWorker() {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
    let crash: Error | undefined;
    worker.on('message', (reply: Reply) => {
      const job = running.get(worker)!;
      running.delete(worker);
      idle.push(worker);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.outline);
      dispatch();
    });
    worker.on('error', (error) => (crash = error));
    worker.on('exit', (code) => {
      const job = running.get(worker);
      running.delete(worker);
      const index = idle.indexOf(worker);
      if (index >= 0) idle.splice(index, 1);
      if (closed) return;
      job?.reject(new Error(`处理进程崩溃（${crash ? crash.message : `退出码 ${code}`}）`));
      startWorker();
    });
    idle.push(worker);
    dispatch();
  }

  for (let i = 0; i < Math.max(1, size); i++) startWorker();
  return {
    outline(digest, markdown) {
      const hit = cachedOutline(digest);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        queue.push({ digest, markdown: markdown(), resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      await Promise.all([...idle, ...running.keys()].map((worker) => worker.terminate()));
    },
  };
}
