import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

const problemOf = (dir: string, companions: string[] = []) =>
  ownedFolderProblem({ dir, label: '输出文件夹（--out）', marker: OUTPUT_MARKER, companions, isDefault: false }, { contentDir: tempDir('content'), projectRoot: tempDir('project') });


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
