import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepFilesSameAs, linkTree, removeFiles, treeEntries } from '../../scripts/lib/fs-tree.ts';
import { KnownContents } from '../../scripts/lib/known-contents.ts';
import { tempDir } from '../helpers/temp.ts';

const noDigests = () => KnownContents.load(join(tempDir('digests'), 'known.json'));

function tree(files: Record<string, string>): string {
  const dir = tempDir('tree');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const listing = (dir: string) => Array.from(treeEntries(dir), (entry) => entry.path).sort();

describe('treeEntries', () => {
  it('lists every file and folder once, relative, with /, except inside the folders left unlisted', () => {
    const dir = tree({ 'a/b/index.html': '1', 'search-index/x/y.bin': '2', 'top.txt': '3' });
    expect(listing(dir)).toEqual(['a', 'a/b', 'a/b/index.html', 'search-index', 'search-index/x', 'search-index/x/y.bin', 'top.txt']);
    expect(Array.from(treeEntries(dir, ['search-index']), (entry) => entry.path).sort()).toEqual(['a', 'a/b', 'a/b/index.html', 'search-index', 'top.txt']);
  });
});

describe('keepFilesSameAs: a site left by an earlier build, reduced to what Astro’s copies confirm', () => {
  it('keeps only the files byte for byte equal to the same path in the reference, and what the left folders hold', () => {
    const reference = tree({ 'same/index.html': '甲', 'changed/index.html': '新', 'catalogue.json': '[]' });
    const site = tree({
      'same/index.html': '甲',
      'changed/index.html': '旧',
      'gone/deep/index.html': '已删除的文件',
      'catalogue.json': '[]',
      '_astro/old.css': 'a{}',
      'search-index/manifest.json': '{}',
    });
    symlinkSync(join(reference, 'same', 'index.html'), join(site, 'linked.html'));
    expect(keepFilesSameAs(site, reference, ['search-index'], noDigests()).sort()).toEqual(['catalogue.json', 'same/index.html']);
    // What Astro would copy again is removed, and the folders that held only that.
    expect(listing(site)).toEqual(['catalogue.json', 'same', 'same/index.html', 'search-index', 'search-index/manifest.json']);
  });
});

describe('removeFiles', () => {
  it('removes the files and the folders left empty, not a folder still holding something', () => {
    const dir = tree({ 'reports/2021/a/index.html': '甲', 'reports/2021/b/index.html': '乙', 'reports/2022/c/index.html': '丙' });
    // One already gone (Astro emptied a folder it was not told to keep): the end is the same.
    removeFiles(dir, ['reports/2021/a/index.html', 'reports/2022/c/index.html', 'reports/2021/x/index.html']);
    expect(listing(dir)).toEqual(['reports', 'reports/2021', 'reports/2021/b', 'reports/2021/b/index.html']);
  });
});

describe('linkTree', () => {
  it('links every file of the source into a new folder', async () => {
    const source = tree({ 'a.bin': '1', 'x/b.bin': '2' });
    const target = join(tempDir('target'), 'index');
    await linkTree(source, target);
    expect(listing(target)).toEqual(['a.bin', 'x', 'x/b.bin']);
    expect(statSync(join(target, 'x/b.bin')).ino).toBe(statSync(join(source, 'x/b.bin')).ino);
  });

  it('brings an earlier copy up to date: linked files stay, others are replaced without writing through, extra ones go', async () => {
    const source = tree({ 'same.bin': '1', 'new.bin': '2', 'x/changed.bin': '新' });
    const earlier = tree({ 'x/changed.bin': '旧', 'old.bin': '3', 'olddir/c.bin': '4' });
    const target = join(tempDir('target'), 'index');
    mkdirSync(join(target, 'x'), { recursive: true });
    linkSync(join(source, 'same.bin'), join(target, 'same.bin'));
    // The earlier copy's files are hard links to an earlier index: replacing them must not change that index.
    linkSync(join(earlier, 'x/changed.bin'), join(target, 'x/changed.bin'));
    linkSync(join(earlier, 'old.bin'), join(target, 'old.bin'));
    mkdirSync(join(target, 'olddir'));
    linkSync(join(earlier, 'olddir/c.bin'), join(target, 'olddir/c.bin'));
    const sameInode = statSync(join(target, 'same.bin')).ino;
    await linkTree(source, target);
    expect(listing(target)).toEqual(['new.bin', 'same.bin', 'x', 'x/changed.bin']);
    expect(statSync(join(target, 'same.bin')).ino).toBe(sameInode);
    expect(readFileSync(join(target, 'x/changed.bin'), 'utf8')).toBe('新');
    expect(statSync(join(target, 'x/changed.bin')).ino).toBe(statSync(join(source, 'x/changed.bin')).ino);
    expect(readFileSync(join(earlier, 'x/changed.bin'), 'utf8')).toBe('旧');
    expect(readdirSync(earlier).sort()).toEqual(['old.bin', 'olddir', 'x']);
    expect(existsSync(join(earlier, 'old.bin'))).toBe(true);
  });

  it('brings a copy of an earlier version up to date when the source’s versioned folder has a new name', async () => {
    const earlier = tree({ 'v1/kept.bin': '同', 'v1/changed.bin': '旧', 'v1/old.bin': '删' });
    const source = tree({ 'manifest.json': '{"base":"v2"}', 'v2/changed.bin': '新', 'v2/new.bin': '增' });
    linkSync(join(earlier, 'v1/kept.bin'), join(source, 'v2/kept.bin'));
    const target = join(tempDir('target'), 'index');
    await linkTree(earlier, target);
    await linkTree(source, target);
    expect(listing(target)).toEqual(['manifest.json', 'v2', 'v2/changed.bin', 'v2/kept.bin', 'v2/new.bin']);
    for (const file of ['manifest.json', 'v2/changed.bin', 'v2/kept.bin', 'v2/new.bin']) expect(statSync(join(target, file)).ino, file).toBe(statSync(join(source, file)).ino);
    expect(listing(earlier)).toEqual(['v1', 'v1/changed.bin', 'v1/kept.bin', 'v1/old.bin']);
    expect(readFileSync(join(earlier, 'v1/changed.bin'), 'utf8')).toBe('旧');
  });
});
