/** One thread of verifySite: checks its share of the pages and sends back the issues. */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyPages } from './verify-site.ts';

const { dir, files, pages } = workerData as { dir: string; files: string[]; pages: string[] };
parentPort!.postMessage(verifyPages(dir, files, pages));
