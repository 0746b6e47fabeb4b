/**
 * A child process that builds search-index shards with Pagefind. Each shard
 * gets a fresh Pagefind service that is closed afterwards: only closing it
 * returns its memory, so memory stays bounded however many shards there are.
 * The parent runs one worker per core.
 */
import { close, createIndex } from 'pagefind';
import { readReportBody } from '../../src/lib/content/source.ts';
import { searchRecord, SEARCH_INDEX_LANGUAGE, type SearchRecordInput } from '../../src/lib/search/records.ts';
import { renderBody } from '../../src/markdown/cached.ts';

export interface ShardJob {
  /** Folder to write the shard's Pagefind bundle to. */
  outputPath: string;
  reports: (Omit<SearchRecordInput, 'text'> & { sourcePath: string })[];
}

export type WorkerMessage = { done: string } | { failed: string; error: string };

/** Records in flight to the Pagefind service at once: keeps its pipe busy. */
const PIPELINE = 64;

export async function buildShard(job: ShardJob): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: SEARCH_INDEX_LANGUAGE, writePlayground: false });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let inFlight: Promise<unknown>[] = [];
  for (const { sourcePath, ...input } of job.reports) {
    const text = renderBody(await readReportBody(sourcePath)).text;
    inFlight.push(
      index.addCustomRecord(searchRecord({ ...input, text })).then((response) => {
        if (response.errors.length > 0) throw new Error(`Pagefind (${input.url}): ${response.errors.join('; ')}`);
      }),
    );
    if (inFlight.length >= PIPELINE) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  const written = await index.writeFiles({ outputPath: job.outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await close();
}

if (import.meta.main) {
  process.on('message', (job: ShardJob) => {
    buildShard(job).then(
      () => process.send!({ done: job.outputPath } satisfies WorkerMessage),
      (error: Error) => process.send!({ failed: job.outputPath, error: error.message } satisfies WorkerMessage),
    );
  });
}
