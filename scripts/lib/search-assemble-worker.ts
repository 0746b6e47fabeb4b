/** Assembles groups of the search index's spilled records on a thread of its own (see search-assemble.ts). */
import { assembleJob, type AssembledGroup, type GroupJob } from './search-assemble.ts';
import { answerJobs } from './worker-pool.ts';

answerJobs<GroupJob, AssembledGroup>(assembleJob, (group) => [...new Set(group.files.map((file) => file.data.buffer as ArrayBuffer))]);
