/**
 * Astro moves the assets it built into the output folder with
 * `fs.promises.rename`, which fails (EXDEV) when that folder is on another
 * disk than the project, where Astro works: `--out /srv/www/zwgk` with /srv
 * mounted apart made every build fail. While `work` runs, a rename across
 * disks copies instead, then removes the original — as `mv` does.
 */
import fs, { type PathLike } from 'node:fs';
import { cp, rm } from 'node:fs/promises';

/** A path as `cp` takes it: Astro passes URLs. */
const asPath = (path: PathLike): string | URL => (Buffer.isBuffer(path) ? path.toString() : path);

export async function withRenameAcrossDisks<T>(work: () => Promise<T>): Promise<T> {
  const rename = fs.promises.rename;
  fs.promises.rename = async (from, to) => {
    try {
      await rename(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await cp(asPath(from), asPath(to), { recursive: true, force: true, preserveTimestamps: true });
      await rm(from, { recursive: true, force: true });
    }
  };
  try {
    return await work();
  } finally {
    fs.promises.rename = rename;
  }
}
