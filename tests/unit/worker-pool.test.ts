/**
 * The one worker helper the build's threads go through: a thread that
 * answers, throws or ends without answering never leaves its caller waiting.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createWorkerPool, runInWorker } from '../../scripts/lib/worker-pool.ts';

const dir = mkdtempSync(join(tmpdir(), 'worker-pool-'));
const poolModule = pathToFileURL(join(import.meta.dirname, '../../scripts/lib/worker-pool.ts')).href;

function script(name: string, source: string): URL {
  const file = join(dir, name);
  writeFileSync(file, source);
  return pathToFileURL(file);
}

describe('runInWorker', () => {
  it('resolves with the thread’s message', async () => {
    const doubler = script('double.mjs', `import { parentPort, workerData } from 'node:worker_threads'; parentPort.postMessage(workerData * 2);`);
    await expect(runInWorker(doubler, 21, '测试线程')).resolves.toBe(42);
  });

  it('rejects, naming the thread, when it ends without answering', async () => {
    const quitter = script('quit.mjs', `process.exit(3);`);
    await expect(runInWorker(quitter, null, '测试线程')).rejects.toThrow('测试线程意外退出（退出码 3）');
  });

  it('rejects with the cause when the thread throws', async () => {
    const thrower = script('throw.mjs', `throw new Error('磁盘已满');`);
    const failure = await runInWorker(thrower, null, '测试线程').catch((error: Error) => error);
    expect((failure as Error).message).toMatch(/测试线程意外退出（.*磁盘已满）/);
    // The thread's own error stays attached, with its stack and code.
    expect(((failure as Error).cause as Error).message).toContain('磁盘已满');
  });

  it('names a thrown value that is not an Error', async () => {
    const stringThrower = script('throw-string.mjs', `throw '磁盘已满';`);
    await expect(runInWorker(stringThrower, null, '测试线程')).rejects.toThrow('测试线程意外退出（磁盘已满）');
  });
});

describe('createWorkerPool', () => {
  it('fails only the job whose worker crashed, and runs the next ones on a new worker', async () => {
    const worker = script(
      'pool.mjs',
      `import { answerJobs } from '${poolModule}';
       answerJobs((job) => { if (job === 'crash') process.exit(5); if (job === 'bad') throw new Error('坏的任务'); return job.toUpperCase(); });`,
    );
    const pool = createWorkerPool<string, string>(worker, 1);
    try {
      const crashed = pool.run('crash');
      const after = pool.run('ok');
      await expect(crashed).rejects.toThrow('处理进程崩溃（退出码 5）');
      await expect(after).resolves.toBe('OK');
      await expect(pool.run('bad')).rejects.toThrow('坏的任务');
      await expect(pool.run('still')).resolves.toBe('STILL');
    } finally {
      await pool.close();
    }
  });
});
