/** Walking, linking and pruning folder trees with few system calls: a site or a cache holds ~100,000 files. */
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KnownContents } from './known-contents.ts';

export interface TreeEntry {
  /** Relative to the walked folder, with `/`. */
  path: string;
  name: string;
  isDirectory: boolean;
  /** A regular file: not a folder, link or other special file. */
  isFile: boolean;
}

/**
 * Every file and folder under `dir`, each folder before what it holds; what
 * the folders in `unlisted` hold is left out. One readdir a folder and no stat
 * (a recursive readdir without file types stats every entry); symbolic links
 * are listed, not followed.
 */
export function* treeEntries(dir: string, unlisted: readonly string[] = []): Generator<TreeEntry> {
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const isDirectory = entry.isDirectory();
      if (isDirectory && !unlisted.includes(path)) folders.push(path);
      yield { path, name: entry.name, isDirectory, isFile: entry.isFile() };
    }
  }
}

function sameFile(a: string, b: string): boolean {
  const [first, second] = [lstatSync(a), lstatSync(b)];
  return first.ino === second.ino && first.dev === second.dev;
}

function mirrorLinks(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  const wanted = readdirSync(source, { withFileTypes: true });
  const names = new Set(wanted.map((entry) => entry.name));
  const present = new Map(readdirSync(target, { withFileTypes: true }).map((entry) => [entry.name, entry]));
  // A folder going is renamed to one coming (a new version of the search index): most of its files are the links wanted there.
  const going = [...present.values()].filter((entry) => entry.isDirectory() && !names.has(entry.name));
  for (const entry of wanted) {
    const from = join(source, entry.name);
    const to = join(target, entry.name);
    const there = present.get(entry.name);
    if (entry.isDirectory()) {
      if (there && !there.isDirectory()) unlinkSync(to);
      const renamed = there?.isDirectory() ? undefined : going.pop();
      if (renamed) renameSync(join(target, renamed.name), to);
      mirrorLinks(from, to);
      continue;
    }
    if (there) {
      if (!there.isDirectory() && sameFile(from, to)) continue;
      rmSync(to, { recursive: true, force: true });
    }
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
  for (const name of present.keys()) if (!names.has(name)) rmSync(join(target, name), { recursive: true, force: true });
}

/**
 * Makes `target` hold `source`'s files as hard links (copies where a link is
 * impossible, e.g. across disks). `target` may hold an earlier such copy:
 * a file already linked to its source stays; any other is removed before it is
 * replaced — never written through, as it may be linked from elsewhere — and
 * what `source` no longer has is removed.
 */
export async function linkTree(source: string, target: string): Promise<void> {
  mirrorLinks(source, target);
}

/** Removes the folders in `folders` (relative to `dir`) that are empty, and then their parents while they are. */
function removeEmptyFolders(dir: string, folders: Iterable<string>): void {
  // Deepest first, so that a folder is tried after the folders inside it.
  for (const folder of [...new Set(folders)].sort((a, b) => b.split('/').length - a.split('/').length)) {
    for (let path = folder; path !== '.' && path !== ''; path = dirname(path)) {
      try {
        rmdirSync(join(dir, path));
      } catch {
        break;
      }
    }
  }
}

/** Removes the files `paths` (relative to `dir`) that are there, and the folders that leaves empty. */
export function removeFiles(dir: string, paths: readonly string[]): void {
  for (const path of paths) rmSync(join(dir, path), { force: true });
  removeEmptyFolders(dir, paths.map((path) => dirname(path)));
}

/**
 * Keeps in `dir` only the regular files whose bytes are those of the same path
 * in `reference` (compared by digest, known or read), and whatever the folders
 * in `leave` hold; removes the rest and the folders that leaves empty.
 * Returns the files kept, outside `leave`.
 */
export function keepFilesSameAs(dir: string, reference: string, leave: readonly string[], digests: KnownContents): string[] {
  const kept: string[] = [];
  const removed: string[] = [];
  for (const entry of treeEntries(dir, leave)) {
    if (entry.isDirectory) continue;
    const theirs = join(reference, entry.path);
    // Synchronous: a promise per file cost 4 times as much as reading it (12,000 pages).
    const same = entry.isFile && existsSync(theirs) && digests.digest(theirs) === digests.digest(join(dir, entry.path));
    (same ? kept : removed).push(entry.path);
  }
  removeFiles(dir, removed);
  return kept;
}
