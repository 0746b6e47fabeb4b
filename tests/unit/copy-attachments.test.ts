/**
 * The copy step checks every attachment again as it copies it (defence in
 * depth behind the content check): a path that climbs, a symlink or a hard
 * link to a file outside that appeared after the check, or an active type is
 * refused, and nothing is written outside the site folder.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Portal, Report } from '../../src/lib/model.ts';
import { copyAttachments } from '../../scripts/lib/attachments.ts';
import { tempDir } from '../helpers/temp.ts';
import { treeHash } from '../helpers/tree-hash.ts';

/** Runs just before the copy step opens a file: where a test swaps a folder, as another program could at that moment. */
const race = vi.hoisted(() => ({ beforeOpen: undefined as ((path: string) => void) | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = (path, ...rest) => {
    race.beforeOpen?.(String(path));
    return actual.open(path, ...rest);
  };
  return { ...actual, open, default: { ...actual, open } };
});

function setup() {
  const root = tempDir('copy');
  const contentDir = join(root, 'deep', 'er', 'content');
  mkdirSync(join(contentDir, 'attachments', '2021'), { recursive: true });
  writeFileSync(join(contentDir, 'attachments', '2021', 'a.pdf'), '%PDF a');
  writeFileSync(join(contentDir, 'site.yaml'), 'name: secret-site');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  const siteDir = join(root, 'out', 'site');
  mkdirSync(siteDir, { recursive: true });
  return { root, contentDir, siteDir };
}

const portalUsing = (...files: string[]) => ({ reports: [{ attachments: [], linkedFiles: files } as unknown as Report] }) as unknown as Portal;

describe('copying attachments', () => {
  it('copies regular files inside the attachments folder', async () => {
    const { contentDir, siteDir } = setup();
    expect(await copyAttachments(portalUsing('2021/a.pdf'), contentDir, siteDir)).toBe(1);
    expect(readFileSync(join(siteDir, 'attachments', '2021', 'a.pdf'), 'utf8')).toBe('%PDF a');
  });

  it.each(['../site.yaml', '2021/../../site.yaml', '../../../../secret.txt', '2021/a.html'])('refuses %s even when the check was skipped, writing nothing outside the site', async (file) => {
    const { root, contentDir, siteDir } = setup();
    const before = treeHash(root);
    await expect(copyAttachments(portalUsing(file), contentDir, siteDir)).rejects.toThrow(/不能发布/);
    expect(treeHash(root)).toBe(before);
  });

  it('refuses a symlink that appeared after the check', async () => {
    const { root, contentDir, siteDir } = setup();
    symlinkSync(join(root, 'secret.txt'), join(contentDir, 'attachments', '2021', 'b.pdf'));
    await expect(copyAttachments(portalUsing('2021/b.pdf'), contentDir, siteDir)).rejects.toThrow(/符号链接/);
    expect(existsSync(join(siteDir, 'attachments', '2021', 'b.pdf'))).toBe(false);
  });

  it('refuses a hard link to a file outside that replaced an attachment after the check (ln -f), naming it', async () => {
    const { root, contentDir, siteDir } = setup();
    const attachment = join(contentDir, 'attachments', '2021', 'a.pdf');
    rmSync(attachment);
    linkSync(join(root, 'secret.txt'), attachment);
    await expect(copyAttachments(portalUsing('2021/a.pdf'), contentDir, siteDir)).rejects.toThrow(/content\/attachments\/2021\/a\.pdf 不能发布：.*硬链接/);
    expect(existsSync(join(siteDir, 'attachments', '2021', 'a.pdf'))).toBe(false);
  });

  it('refuses a file opened through a folder swapped for a link to a folder outside right after the check (O_NOFOLLOW guards only the last name)', async () => {
    const { root, contentDir, siteDir } = setup();
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'a.pdf'), 'secret outside');
    const folder = join(contentDir, 'attachments', '2021');
    race.beforeOpen = (path) => {
      if (!path.endsWith('a.pdf')) return;
      race.beforeOpen = undefined;
      renameSync(folder, `${folder}-moved`);
      symlinkSync(join(root, 'outside'), folder);
    };
    await expect(copyAttachments(portalUsing('2021/a.pdf'), contentDir, siteDir)).rejects.toThrow(/content\/attachments\/2021\/a\.pdf 不能发布/);
    expect(existsSync(join(siteDir, 'attachments', '2021', 'a.pdf'))).toBe(false);
  });

  it('copies a file hard-linked only among the content’s own files', async () => {
    const { contentDir, siteDir } = setup();
    linkSync(join(contentDir, 'attachments', '2021', 'a.pdf'), join(contentDir, 'attachments', '2021', 'b.pdf'));
    expect(await copyAttachments(portalUsing('2021/a.pdf', '2021/b.pdf'), contentDir, siteDir)).toBe(2);
    expect(readFileSync(join(siteDir, 'attachments', '2021', 'b.pdf'), 'utf8')).toBe('%PDF a');
  });
});
