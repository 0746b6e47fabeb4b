import { tempDir } from '../helpers/temp.ts';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discardPrevious, discardStaging, publishStaging, stagingDirFor } from '../../scripts/lib/publish.ts';

function site(root: string, name: string, marker: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), marker);
  return dir;
}

describe('publishing a staged build', () => {
  it('replaces the output folder with the staging folder', async () => {
    const root = tempDir('publish');
    const out = site(root, 'dist', 'old');
    site(root, 'dist.staging', 'new');
    expect(stagingDirFor(out)).toBe(join(root, 'dist.staging'));
    await publishStaging(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(root, 'dist.staging'))).toBe(false);
    // The replaced site stays as a way back until the next build discards it.
    expect(readFileSync(join(root, 'dist.previous', 'index.html'), 'utf8')).toBe('old');
    await discardPrevious(out);
    expect(existsSync(join(root, 'dist.previous'))).toBe(false);
  });

  it('works when nothing was published before', async () => {
    const root = tempDir('publish');
    site(root, 'dist.staging', 'first');
    await publishStaging(join(root, 'dist'));
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('first');
  });

  it('keeps the old site when the swap fails', async () => {
    const root = tempDir('publish');
    const out = site(root, 'dist', 'old');
    // No staging folder: the rename into place fails.
    await expect(publishStaging(out)).rejects.toThrow();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
  });

  it('discards a staging folder', async () => {
    const root = tempDir('publish');
    const staging = site(root, 'dist.staging', 'partial');
    chmodSync(staging, 0o755);
    await discardStaging(join(root, 'dist'));
    expect(existsSync(staging)).toBe(false);
  });
});
