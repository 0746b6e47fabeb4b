/** One thread of verifySite: checks its share of the pages and sends back the issues and the pages that passed. */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyPages, type PageDigests } from './verify-site.ts';

const { dir, files, pages, passed } = workerData as { dir: string; files: string[]; pages: string[]; passed: PageDigests };
parentPort!.postMessage(verifyPages(dir, files, pages, passed));
