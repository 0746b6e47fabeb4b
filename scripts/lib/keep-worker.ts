/** keepFilesSameAs in a thread of its own, so that the build loads Astro meanwhile; sends back the files kept. */
import { parentPort, workerData } from 'node:worker_threads';
import { keepFilesSameAs } from './fs-tree.ts';
import { KnownContents } from './known-contents.ts';

const { dir, sameAs, leave, digestsFile } = workerData as { dir: string; sameAs: string; leave: string[]; digestsFile: string };
const digests = KnownContents.load(digestsFile);
const kept = keepFilesSameAs(dir, sameAs, leave, digests);
digests.save();
parentPort!.postMessage(kept);
