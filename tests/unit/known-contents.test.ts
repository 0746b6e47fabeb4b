import { hash } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KnownContents } from '../../scripts/lib/known-contents.ts';
import { tempDir } from '../helpers/temp.ts';

const sha1 = (text: string) => hash('sha1', text, 'base64');

afterEach(() => {
  vi.useRealTimers();
});

/** A file written some seconds ago, as the pages of the last build are. */
function settledFile(text: string): string {
  const path = join(tempDir('known'), 'index.html');
  writeFileSync(path, text);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 10_000);
  return path;
}

describe('KnownContents', () => {
  it('knows a file’s digest in the next build from its identity alone, until the file changes', () => {
    const record = join(tempDir('record'), 'known.json');
    const page = settledFile('甲页');
    const first = KnownContents.load(record);
    expect(first.digest(page)).toBe(sha1('甲页'));
    first.save();
    expect(KnownContents.load(record).known(statSync(page))).toBe(sha1('甲页'));
    // Same size, other bytes: the change time moves on.
    writeFileSync(page, '乙页');
    const next = KnownContents.load(record);
    expect(next.known(statSync(page))).toBeUndefined();
    expect(next.digest(page)).toBe(sha1('乙页'));
  });

  it('does not record a file changed within the last two seconds: a second write in the same tick could keep every time', () => {
    const record = join(tempDir('record'), 'known.json');
    const page = join(tempDir('known'), 'index.html');
    writeFileSync(page, '刚写的页');
    const digests = KnownContents.load(record);
    expect(digests.digest(page)).toBe(sha1('刚写的页'));
    digests.save();
    expect(KnownContents.load(record).known(statSync(page))).toBeUndefined();
  });

  it('forgets files unseen for six builds', () => {
    const record = join(tempDir('record'), 'known.json');
    const page = settledFile('甲页');
    const first = KnownContents.load(record);
    first.digest(page);
    first.save();
    for (let build = 0; build < 6; build++) KnownContents.load(record).save();
    expect(KnownContents.load(record).known(statSync(page))).toBeUndefined();
  });
});
