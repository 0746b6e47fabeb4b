/**
 * The editor commands read the content once, then check only the files they
 * wrote against the rest: what an editor is told about those files must be
 * what `npm run check` says about them.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent, type LoadOptions } from '../../src/lib/content/load.ts';
import { mapLimit } from '../../src/lib/map-limit.ts';
import { checkContentRead } from '../../scripts/lib/check-content.ts';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';

const display = (contentDir: string, path: string) => relative(process.cwd(), join(contentDir, path)).split('\\').join('/');

describe('checking only the files an editor command wrote', () => {
  it('finds a link to a page the site will not have, even while another report has an error', async () => {
    const contentDir = copyFixture('portal');
    writeContentFile(contentDir, 'reports/2019/broken.md', reportSource({ title: '坏文件', indexNumber: '449900-021/2019-00077', agency: 'nobody', column: 'jhzj', date: '2019-02-01' }));
    const options: LoadOptions = { contentDir };
    const read = await readContent(options);
    const written = 'reports/2020/new.md';
    writeContentFile(contentDir, written, reportSource({ title: '新文件', indexNumber: '449900-021/2020-00099', agency: 'jyj', column: 'jhzj', date: '2020-02-01' }, '见[栏目](/xxgk/no-such-column/)。'));
    const updated = await readContent(options, { read, changed: ['2020/new.md'] });
    const { problems } = await checkContentRead(updated, new Set([display(contentDir, written)]));
    expect(problems.map((problem) => [problem.file, problem.severity, problem.message])).toEqual([
      [display(contentDir, written), 'error', '正文中的链接 /xxgk/no-such-column/ 指向的页面或文件不存在'],
    ]);
  });

  it('says about a written file what the full check says about it', async () => {
    const contentDir = copyFixture('portal');
    const written = 'reports/2020/new.md';
    writeContentFile(contentDir, written, reportSource({ title: '新文件', indexNumber: '449900-021/2019-00001', agency: 'jyj', column: 'jhzj', date: '2020-02-01', related: '[449900-999/2020-00001]' }, '见[文件](/reports/2019/jyj-jihuaa/)。'));
    const read = await readContent({ contentDir });
    const file = display(contentDir, written);
    const full = (await checkContentRead(read)).problems.filter((problem) => problem.file === file);
    expect(full.length).toBeGreaterThanOrEqual(3);
    expect((await checkContentRead(read, new Set([file]))).problems).toEqual(full);
  });
});

describe('mapLimit', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([5, 1, 4, 2, 3], 2, async (n, index) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10 + index;
    });
    expect(results).toEqual([50, 11, 42, 23, 34]);
    expect(most).toBe(2);
  });
});
