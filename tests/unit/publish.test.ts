import { tempDir } from '../helpers/temp.ts';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discardStaging, prepareStaging, publishStaging, restoreInterrupted, stagedSiteFor } from '../../scripts/lib/publish.ts';

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
    site(root, 'dist.staging/site', 'new');
    expect(stagedSiteFor(out)).toBe(join(root, 'dist.staging', 'site'));
    await publishStaging(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(out, '.zwgk-output'))).toBe(true);
    // The replaced site stays as a way back until the next publish replaces it.
    expect(readFileSync(join(root, 'dist.previous', 'index.html'), 'utf8')).toBe('old');
    site(root, 'dist.staging/site', 'newer');
    await publishStaging(out);
    expect(readFileSync(join(root, 'dist.previous', 'index.html'), 'utf8')).toBe('new');
    // The site from two builds back is not deleted while the editor waits, but by the next build as it renders.
    expect(readFileSync(join(root, 'dist.staging', 'replaced', 'index.html'), 'utf8')).toBe('old');
    const { cleared } = await prepareStaging(out);
    expect(existsSync(stagedSiteFor(out))).toBe(false);
    expect(existsSync(join(root, 'dist.staging', 'replaced'))).toBe(false);
    await cleared;
    expect(readdirSync(join(root, 'dist.staging'))).toEqual(['.zwgk-output']);
  });

  it('makes room for the new site when an interrupted build left pages in staging', async () => {
    const root = tempDir('publish');
    site(root, 'dist.staging/site', 'partial');
    const { cleared } = await prepareStaging(join(root, 'dist'));
    expect(existsSync(join(root, 'dist.staging', 'site'))).toBe(false);
    await cleared;
    expect(readdirSync(join(root, 'dist.staging'))).toEqual(['.zwgk-output']);
  });

  it('works when nothing was published before', async () => {
    const root = tempDir('publish');
    site(root, 'dist.staging/site', 'first');
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

  it('puts back a site a build was killed while publishing', async () => {
    const root = tempDir('publish');
    site(root, 'dist.previous', 'old');
    site(root, 'dist.staging/replaced', 'older');
    await restoreInterrupted(join(root, 'dist'));
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('old');
    expect(readFileSync(join(root, 'dist.previous', 'index.html'), 'utf8')).toBe('older');
  });

  it('builds over the site from two builds back: keeps what equals Astro’s copies, leaves the published site and its rollback copy alone', async () => {
    const root = tempDir('publish');
    const out = site(root, 'dist', 'published');
    site(root, 'dist.previous', 'rollback');
    const older = site(root, 'dist.staging/replaced', 'unchanged');
    writeFileSync(join(older, 'changed.html'), 'old');
    mkdirSync(join(older, 'search-index'));
    writeFileSync(join(older, 'search-index', 'manifest.json'), '{}');
    const astroCopies = site(root, 'cache/astro/dist', 'unchanged');
    writeFileSync(join(astroCopies, 'changed.html'), 'new');
    const { cleared, kept } = await prepareStaging(out, { sameAs: astroCopies, leave: ['search-index'], digestsFile: join(tempDir('digests'), 'known.json') });
    await cleared;
    expect(await kept).toEqual(['index.html']);
    expect(readdirSync(stagedSiteFor(out)).sort()).toEqual(['index.html', 'search-index']);
    expect(readdirSync(join(root, 'dist.staging')).sort()).toEqual(['.zwgk-output', 'site']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('published');
    expect(readFileSync(join(root, 'dist.previous', 'index.html'), 'utf8')).toBe('rollback');
  });

  it('builds over an interrupted build’s pages rather than an older site, and over nothing without Astro’s copies', async () => {
    const root = tempDir('publish');
    site(root, 'dist.staging/site', 'interrupted');
    site(root, 'dist.staging/replaced', 'older');
    const astroCopies = site(root, 'cache/astro/dist', 'interrupted');
    const { cleared, kept } = await prepareStaging(join(root, 'dist'), { sameAs: astroCopies, leave: [], digestsFile: join(tempDir('digests'), 'known.json') });
    await cleared;
    expect(await kept).toEqual(['index.html']);
    expect(readFileSync(join(stagedSiteFor(join(root, 'dist')), 'index.html'), 'utf8')).toBe('interrupted');
    expect(readdirSync(join(root, 'dist.staging')).sort()).toEqual(['.zwgk-output', 'site']);

    const again = await prepareStaging(join(root, 'dist'), { sameAs: join(root, 'no-cache'), leave: [], digestsFile: join(tempDir('digests'), 'known.json') });
    await again.cleared;
    expect(await again.kept).toEqual([]);
    expect(readdirSync(join(root, 'dist.staging'))).toEqual(['.zwgk-output']);
  });

  it('discards a staging folder', async () => {
    const root = tempDir('publish');
    const staging = site(root, 'dist.staging', 'partial');
    chmodSync(staging, 0o755);
    await discardStaging(join(root, 'dist'));
    expect(existsSync(staging)).toBe(false);
  });
});
