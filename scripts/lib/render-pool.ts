/**
 * Renders report bodies on every core. The content check renders each body
 * once to fill the render cache (summaries, links); on a cold cache that is
 * most of its work, and it parallelises perfectly. A worker that crashes
 * fails exactly the body it was rendering — load.ts names that file — and is
 * replaced (worker-pool.ts).
 */
import { cachedOutline, type BodyOutline } from '../../src/markdown/cached.ts';
import { createWorkerPool } from './worker-pool.ts';

/** What a render worker is sent. */
export interface RenderJob {
  digest: string;
  markdown: string;
}

export interface RenderPool {
  /** `markdown` reads the body; called only when the outline is not cached. */
  outline(digest: string, markdown: () => string): Promise<BodyOutline>;
  close(): Promise<void>;
}

export function createRenderPool(): RenderPool {
  const pool = createWorkerPool<RenderJob, BodyOutline>(new URL('./render-worker.ts', import.meta.url));
  return {
    outline(digest, markdown) {
      const hit = cachedOutline(digest);
      return hit ? Promise.resolve(hit) : pool.run({ digest, markdown: markdown() });
    },
    close: () => pool.close(),
  };
}
