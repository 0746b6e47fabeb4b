/**
 * Worker threads running jobs, one job a worker at a time: the content
 * check's bodies (render-pool.ts) and the search index's groups
 * (search-assemble.ts); and one-off threads (`runInWorker`): the link check's
 * shares of the pages, the comparison of the last site's files.
 *
 * Hand-written rather than a library (piscina etc.) because it is this
 * small: a worker that crashes (uncaught exception, out of memory,
 * process.exit) fails exactly the job it was running, with a message
 * naming the crash, and is replaced; no job is left waiting.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, type Transferable } from 'node:worker_threads';

/** Why a thread ended: what it threw (an Error or any other value), else its exit code. */
const crashCause = (crash: unknown, code: number) => (crash === undefined ? `退出码 ${code}` : crash instanceof Error ? crash.message : String(crash));

/**
 * Runs `script` once on a thread of its own with `workerData`, for its one
 * message. A thread that throws or ends without answering (process.exit)
 * rejects, its cause after `what`, so nothing is left waiting.
 */
export function runInWorker<Result>(script: URL, workerData: unknown, what: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    let crash: unknown;
    worker.once('message', resolve);
    worker.once('error', (error) => (crash = error));
    worker.once('exit', (code) => reject(new Error(`${what}意外退出（${crashCause(crash, code)}）`, { cause: crash })));
  });
}

export interface WorkerPool<Job, Result> {
  run(job: Job): Promise<Result>;
  close(): Promise<void>;
}

type Reply<Result> = { result: Result } | { error: string };

interface Queued<Job, Result> {
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/** Starts `size` workers running `script`, which answers jobs with `answerJobs`. */
export function createWorkerPool<Job, Result>(script: URL, size = availableParallelism()): WorkerPool<Job, Result> {
  const queue: Queued<Job, Result>[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Queued<Job, Result>>();
  let closed = false;

  function dispatch() {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const queued = queue.shift()!;
      running.set(worker, queued);
      worker.postMessage(queued.job);
    }
  }

  function startWorker() {
    const worker = new Worker(script);
    let crash: unknown;
    worker.on('message', (reply: Reply<Result>) => {
      const queued = running.get(worker)!;
      running.delete(worker);
      idle.push(worker);
      if ('error' in reply) queued.reject(new Error(reply.error));
      else queued.resolve(reply.result);
      dispatch();
    });
    worker.on('error', (error) => (crash = error));
    worker.on('exit', (code) => {
      const queued = running.get(worker);
      running.delete(worker);
      const index = idle.indexOf(worker);
      if (index >= 0) idle.splice(index, 1);
      if (closed) return;
      queued?.reject(new Error(`处理进程崩溃（${crashCause(crash, code)}）`, { cause: crash }));
      startWorker();
    });
    idle.push(worker);
    dispatch();
  }

  for (let i = 0; i < Math.max(1, size); i++) startWorker();
  return {
    run(job) {
      return new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      await Promise.all([...idle, ...running.keys()].map((worker) => worker.terminate()));
    },
  };
}

/**
 * In a pool's worker: answers each job with `handle`'s result, or its error's
 * message; the buffers `transfer` names move to the pool's thread rather than being copied.
 */
export function answerJobs<Job, Result>(handle: (job: Job) => Result | undefined, transfer: (result: Result) => Transferable[] = () => []): void {
  parentPort!.on('message', (job: Job) => {
    let reply: Reply<Result>;
    try {
      const result = handle(job);
      // No result: the handler crashes this worker on purpose (a test hook).
      if (result === undefined) return;
      reply = { result };
    } catch (error) {
      reply = { error: (error as Error).message };
    }
    parentPort!.postMessage(reply, 'result' in reply ? transfer(reply.result) : []);
  });
}
