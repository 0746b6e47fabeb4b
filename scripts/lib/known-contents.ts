/**
 * What the build learnt by reading a file or folder — a page's digest, a
 * folder's subfolders — known again without reading it: a file whose device,
 * inode, size, modification and change times are those recorded still has
 * the bytes that were read, and a folder so still has the same entries —
 * every write, truncation, or entry added, removed or renamed gives it a new
 * change time, which no program can set back. A 10,000-report site and
 * Astro's copies are 800 MB in 36,000 folders; knowing what did not change
 * since the last build spares reading it (pages from two builds back are
 * often no longer in memory).
 *
 * Kept in the build's cache, one entry per file or folder, dropped once
 * unseen for `KEPT_RUNS` builds (a site is built over every third build).
 */
import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

const KEPT_RUNS = 6;

/**
 * A file changed less than this long before it is examined is not recorded:
 * a second write within the same tick of the file system's clock could leave
 * every time as it was (the "racy" case git also guards against).
 */
const SETTLED_MS = 2000;

type Entry = [stamp: string, content: string, seen: number];

interface Saved {
  run: number;
  files: Record<string, Entry>;
}

const identity = (stats: Stats) => `${stats.dev}:${stats.ino}`;
const stampOf = (stats: Stats) => `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;

/** The digest of a file's bytes that `verifySite` and `keepFilesSameAs` compare: SHA-1, base64. */
export function digestOf(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'base64');
}

export class KnownContents {
  readonly #file: string;
  readonly #run: number;
  readonly #files: Map<string, Entry>;

  private constructor(file: string, saved: Saved) {
    this.#file = file;
    this.#run = saved.run + 1;
    this.#files = new Map(Object.entries(saved.files));
  }

  /** What is recorded in `file` (nothing if it is missing or unreadable). */
  static load(file: string): KnownContents {
    try {
      return new KnownContents(file, JSON.parse(readFileSync(file, 'utf8')) as Saved);
    } catch {
      return new KnownContents(file, { run: 0, files: {} });
    }
  }

  /** What was recorded of the file or folder whose `stats` these are, if it is unchanged since. */
  known(stats: Stats): string | undefined {
    const entry = this.#files.get(identity(stats));
    if (!entry || entry[0] !== stampOf(stats)) return undefined;
    entry[2] = this.#run;
    return entry[1];
  }

  /** Records `content` for the file or folder whose `stats` were taken (at `statTime`, `Date.now()`) before it was read. */
  remember(stats: Stats, content: string, statTime: number): void {
    if (stats.ctimeMs > statTime - SETTLED_MS) return;
    this.#files.set(identity(stats), [stampOf(stats), content, this.#run]);
  }

  /** The digest of `path`'s bytes: recorded, or read and recorded. */
  digest(path: string): string {
    const statTime = Date.now();
    const stats = statSync(path);
    const known = this.known(stats);
    if (known !== undefined) return known;
    const digest = digestOf(readFileSync(path));
    this.remember(stats, digest, statTime);
    return digest;
  }

  save(): void {
    const files = Object.fromEntries([...this.#files].filter(([, entry]) => entry[2] > this.#run - KEPT_RUNS));
    mkdirSync(dirname(this.#file), { recursive: true });
    writeFileSync(`${this.#file}.part`, JSON.stringify({ run: this.#run, files } satisfies Saved));
    renameSync(`${this.#file}.part`, this.#file);
  }
}
