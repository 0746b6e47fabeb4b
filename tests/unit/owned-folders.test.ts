import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KnownContents } from '../../scripts/lib/known-contents.ts';
import { markOwned, OUTPUT_MARKER, ownedFolderProblem } from '../../scripts/lib/owned-folders.ts';
import { tempDir } from '../helpers/temp.ts';

/** A site this tool built (marked), with pages two folders deep. */
function builtSite(): string {
  const dir = join(tempDir('owned'), 'site');
  mkdirSync(join(dir, 'reports', '2021', 'a'), { recursive: true });
  writeFileSync(join(dir, 'reports', '2021', 'a', 'index.html'), '<p>甲</p>');
  markOwned(dir, OUTPUT_MARKER);
  return dir;
}

const nothingKnown = () => KnownContents.load(join(tempDir('known'), 'known-folders.json'));
const problemOf = (dir: string, companions: string[] = [], known = nothingKnown()) =>
  ownedFolderProblem({ dir, label: '输出文件夹（--out）', marker: OUTPUT_MARKER, companions, isDefault: false }, { contentDir: tempDir('content'), projectRoot: tempDir('project'), known });


describe('a built folder that came to hold a git repository', () => {
  it('is accepted as long as none is inside', () => {
    expect(problemOf(builtSite())).toBeUndefined();
  });

  it('is refused for a .git folder deep inside it or inside a companion folder', () => {
    const deep = builtSite();
    mkdirSync(join(deep, 'reports', '2021', 'a', '.git'));
    expect(problemOf(deep)).toContain('git 仓库');
    const companion = builtSite();
    mkdirSync(join(companion, 'reports', '.git'));
    expect(problemOf(builtSite(), [companion])).toContain('git 仓库');
  });

  it('is refused for the .git file of a worktree or submodule', () => {
    const dir = builtSite();
    writeFileSync(join(dir, 'reports', '2021', '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
    expect(problemOf(dir)).toContain('git 仓库');
  });

  it('is accepted with a link to a repository elsewhere: replacing the folder removes the link, not its target', () => {
    const dir = builtSite();
    const repo = tempDir('repo');
    mkdirSync(join(repo, '.git'));
    symlinkSync(repo, join(dir, 'reports', 'linked'));
    expect(problemOf(dir)).toBeUndefined();
  });
});

describe('folders listed in an earlier build', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The folders as an earlier build left them, some seconds ago, and what that build recorded of them. */
  function listedEarlier(): { dir: string; record: string } {
    const dir = builtSite();
    const record = join(tempDir('known'), 'known-folders.json');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10_000);
    const known = KnownContents.load(record);
    expect(problemOf(dir, [], known)).toBeUndefined();
    known.save();
    return { dir, record };
  }

  it('are not listed again while unchanged: their subfolders are recalled', () => {
    const { dir, record } = listedEarlier();
    // Recorded as holding no subfolder: the walk stops there, which shows the record is what it follows.
    const saved = JSON.parse(readFileSync(record, 'utf8')) as { files: Record<string, [string, string, number]> };
    const stats = lstatSync(dir);
    saved.files[`${stats.dev}:${stats.ino}`]![1] = '';
    writeFileSync(record, JSON.stringify(saved));
    mkdirSync(join(dir, 'reports', '2021', 'a', '.git'));
    expect(problemOf(dir, [], KnownContents.load(record))).toBeUndefined();
  });

  it('are listed again once changed: a .git made deep inside since is found', () => {
    const { dir, record } = listedEarlier();
    mkdirSync(join(dir, 'reports', '2021', 'a', '.git'));
    expect(problemOf(dir, [], KnownContents.load(record))).toContain('git 仓库');
  });
});
