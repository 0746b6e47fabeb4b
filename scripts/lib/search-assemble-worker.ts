/** Assembles groups of the search index's spilled records on a thread of its own (see search-assemble.ts). */
import { parentPort } from 'node:worker_threads';
import { assembleJob, type GroupJob } from './search-assemble.ts';

parentPort!.on('message', (job: GroupJob) => {
  try {
    const group = assembleJob(job);
    // The bytes move to the build's thread rather than being copied.
    parentPort!.postMessage({ group }, [...new Set(group.files.map((file) => file.data.buffer as ArrayBuffer))]);
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
