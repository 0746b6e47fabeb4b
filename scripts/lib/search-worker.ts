/**
 * Builds the search index in a child process, so it runs on another core
 * while Astro renders the pages; when asked, it also publishes the index
 * into the site there (linking 90,000 files takes the better part of a
 * second, which would otherwise come after Astro).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, publishSearchIndex, removeSupersededIndexes, type SearchIndexInput, type SearchIndexResult } from './search-index.ts';

export interface SearchWorkerResult extends SearchIndexResult {
  /** The child's peak resident memory (the kernel's count), for `--timings` and the bench. */
  peakRssBytes: number;
  /** The site folder the child published the index into, if it was asked to. */
  publishedTo?: string;
}

type Request = { input: SearchIndexInput; publishTo?: string };
type Reply = { result: SearchWorkerResult } | { error: string };

/**
 * Runs `buildSearchIndex(input)` in a child process, which then publishes it
 * into the site folder `publishTo` if given (no one else may write its
 * search-index folder meanwhile); the index is leased to this process until
 * `releaseIndexLease`.
 */
export function buildSearchIndexInWorker(input: SearchIndexInput, publishTo?: string): Promise<SearchWorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    child.once('message', (reply: Reply) => {
      // The child deletes superseded indexes after answering: this process need not wait for it to exit.
      child.unref();
      if ('error' in reply) reject(new Error(`搜索索引：${reply.error}`));
      else resolve(reply.result);
    });
    child.once('exit', (code) => reject(new Error(`搜索索引进程意外退出（${code}）`)));
    child.send({ input, publishTo } satisfies Request);
  });
}

if (import.meta.main) {
  process.once('message', async ({ input, publishTo }: Request) => {
    const build = async (): Promise<SearchWorkerResult> => {
      // Leased to the build that publishes it (this process's parent).
      const result = await buildSearchIndex(input, { leaseFor: process.ppid });
      if (publishTo !== undefined) await publishSearchIndex(result, publishTo);
      return { ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024, publishedTo: publishTo };
    };
    const reply: Reply = await build().then(
      (result) => ({ result }),
      (error: Error) => ({ error: error.message }),
    );
    // The build may have gone meanwhile (it failed or was stopped): the index stays for the next one, without a word.
    if (process.connected) await new Promise((sent) => process.send!(reply, sent));
    if (process.connected) process.disconnect();
    await removeSupersededIndexes(input.cacheDir);
  });
}
