/**
 * One build (or check) at a time per output folder and per cache folder:
 * two at once overwrite each other's staging and cache files.
 *
 * A lock file created exclusively (O_EXCL) holding the owner's pid, host and
 * start time, rather than a library: proper-lockfile (last release 2021)
 * detects a dead owner by an mtime it must keep refreshing and cannot say
 * which process holds the lock; here a lock whose process is gone (killed
 * build) is taken over at once, and a waiting build says who it waits for.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

function ownerOf(file: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    // Gone meanwhile, or half-written by an owner that is starting: look again.
    return undefined;
  }
}

/** Whether process `pid` of this computer is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAlive(owner: LockOwner): boolean {
  return owner.host !== hostname() || isRunning(owner.pid);
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies LockOwner));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const describe = (owner: LockOwner) => `进程 ${owner.pid}${owner.host === hostname() ? '' : `（${owner.host}）`}，开始于 ${new Date(owner.started).toLocaleString('zh-CN', { hour12: false })}`;

/**
 * Removes the lock `file` if it still is `stale` (a lock whose process has
 * ended). Two builds waiting for it both see it stale; the first removes it
 * and takes the lock, and the second must not then remove that one. So the
 * file is moved aside first (one rename: atomic), and put back when what
 * was moved is not the stale lock.
 */
export function removeStaleLock(file: string, stale: LockOwner): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    // Gone already: another waiter removed it.
    return;
  }
  const moved = ownerOf(aside);
  if (moved && (moved.pid !== stale.pid || moved.started !== stale.started || moved.host !== stale.host)) {
    try {
      // Back where it was, unless a third build has taken the lock meanwhile (it then holds it).
      linkSync(aside, file);
    } catch {
      // The file exists again: its creator holds the lock.
    }
  }
  rmSync(aside, { force: true });
}

/** What releases each lock this process holds when it exits, by lock file: removed once released, so a long-lived process does not pile them up. */
const releasedAtExit = new Map<string, () => void>();

/** Releases the lock `file` if this process holds it (else it is released when the process exits). */
export function releaseLock(file: string): void {
  const atExit = releasedAtExit.get(file);
  if (atExit) {
    process.off('exit', atExit);
    releasedAtExit.delete(file);
  }
  if (ownerOf(file)?.pid === process.pid) rmSync(file, { force: true });
}

/**
 * Takes the lock `file` for this process (released when it exits), waiting up
 * to `waitSeconds` for another build holding it; `onWait` is told once whom it waits for.
 * Returns undefined, or the refusal message when the wait runs out.
 */
export async function takeLock(file: string, waitSeconds: number, onWait: (message: string) => void): Promise<string | undefined> {
  const deadline = Date.now() + waitSeconds * 1000;
  let told = false;
  for (;;) {
    if (tryCreate(file)) {
      const atExit = () => releaseLock(file);
      releasedAtExit.set(file, atExit);
      process.once('exit', atExit);
      return undefined;
    }
    const owner = ownerOf(file);
    if (owner && !isAlive(owner)) {
      // Its build was killed: the lock is stale (another waiting build may remove it first).
      removeStaleLock(file, owner);
      continue;
    }
    if (owner && !told) {
      onWait(`另一个构建正在进行（${describe(owner)}），最多等待 ${waitSeconds} 秒……`);
      told = true;
    }
    if (Date.now() > deadline) return `另一个构建正在进行（${owner ? describe(owner) : '刚刚开始'}），已等待 ${waitSeconds} 秒。请等它结束后再试；确认没有构建在运行时，可以删除 ${file}。`;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
