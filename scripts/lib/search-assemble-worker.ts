/** Assembles groups of the search index's spilled records on a thread of its own (see search-assemble.ts). */
import { assembleJob, type CompressedGroup, type GroupJob } from './search-assemble.ts';
import { answerJobs } from './worker-pool.ts';

answerJobs<GroupJob, CompressedGroup>(assembleJob, (group) => [...new Set(group.files.flatMap((file) => (file.compressed ? [file.compressed.buffer as ArrayBuffer] : [])))]);
