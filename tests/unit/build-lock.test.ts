/**
 * The lock one build (or index build) at a time holds: a lock left by a
 * killed build is taken over, and two builds waiting for it cannot both get it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseLock, removeStaleLock, takeLock } from '../../scripts/lib/build-lock.ts';
import { tempDir } from '../helpers/temp.ts';

/** A pid no process has: far above Linux's pid_max. */
const DEAD_PID = 2 ** 30;
const lockOf = (pid: number, started: string) => ({ pid, host: hostname(), started });

describe('the build lock', () => {
  it('taken and released again and again by one process (npm run dev, a test run) leaves nothing behind to run at its exit', async () => {
    const file = join(tempDir('lock'), 'again.lock');
    const listeners = process.listenerCount('exit');
    for (let i = 0; i < 20; i++) {
      expect(await takeLock(file, 1, () => undefined)).toBeUndefined();
      releaseLock(file);
    }
    expect(existsSync(file)).toBe(false);
    expect(process.listenerCount('exit')).toBe(listeners);
  });

  it('is taken over when the build holding it was killed', async () => {
    const file = join(tempDir('lock'), 'stale.lock');
    writeFileSync(file, JSON.stringify(lockOf(DEAD_PID, '2026-01-01T00:00:00.000Z')));
    expect(await takeLock(file, 1, () => undefined)).toBeUndefined();
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
  });

  it('is not removed from the build that took it over meanwhile: a second waiter removes only the stale lock it saw', () => {
    const file = join(tempDir('lock'), 'raced.lock');
    const stale = lockOf(DEAD_PID, '2026-01-01T00:00:00.000Z');
    // Both waiters read the stale lock; the first removes it and takes the lock …
    const fresh = lockOf(process.pid, new Date().toISOString());
    writeFileSync(file, JSON.stringify(fresh));
    // … then the second, acting on what it read, must leave the fresh lock in place.
    removeStaleLock(file, stale);
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(fresh);
  });

  it('removes a stale lock that is still the one it saw', () => {
    const file = join(tempDir('lock'), 'gone.lock');
    const stale = lockOf(DEAD_PID, '2026-01-01T00:00:00.000Z');
    writeFileSync(file, JSON.stringify(stale));
    removeStaleLock(file, stale);
    expect(existsSync(file)).toBe(false);
  });
});
