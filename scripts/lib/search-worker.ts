/**
 * Builds the search index in a child process, so it runs on another core
 * while Astro renders the pages.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, removeSupersededIndexes, type SearchIndexInput, type SearchIndexResult } from './search-index.ts';

export interface SearchWorkerResult extends SearchIndexResult {
  /** The child's peak resident memory (the kernel's count), for `--timings` and the bench. */
  peakRssBytes: number;
}

type Reply = { result: SearchWorkerResult } | { error: string };

/** Runs `buildSearchIndex(input)` in a child process; the index is leased to this process until `releaseIndexLease`. */
export function buildSearchIndexInWorker(input: SearchIndexInput): Promise<SearchWorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    child.once('message', (reply: Reply) => {
      // The child deletes superseded indexes after answering: this process need not wait for it to exit.
      child.unref();
      if ('error' in reply) reject(new Error(`搜索索引：${reply.error}`));
      else resolve(reply.result);
    });
    child.once('exit', (code) => reject(new Error(`搜索索引进程意外退出（${code}）`)));
    child.send(input);
  });
}

if (import.meta.main) {
  process.once('message', async (input: SearchIndexInput) => {
    // Leased to the build that publishes it (this process's parent).
    const reply: Reply = await buildSearchIndex(input, { leaseFor: process.ppid }).then(
      (result) => ({ result: { ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024 } }),
      (error: Error) => ({ error: error.message }),
    );
    await new Promise((sent) => process.send!(reply, sent));
    process.disconnect();
    await removeSupersededIndexes(input.cacheDir);
  });
}
