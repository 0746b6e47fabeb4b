/**
 * npm run build refuses bad content with a message an editor can act on,
 * and a refused build leaves the published site exactly as it was.
 */
import { tempDir } from '../helpers/temp.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { runScript } from '../helpers/run.ts';
import { treeHash } from '../helpers/tree-hash.ts';

describe('a build with bad content', () => {
  const contentDir = copyFixture('portal');
  const outDir = join(tempDir('refuse'), 'dist');
  let publishedHash = '';
  let refused: ReturnType<typeof runScript>;

  beforeAll(() => {
    const first = runScript('build', ['--content', contentDir, '--out', outDir]);
    expect(first.code, first.output).toBe(0);
    publishedHash = treeHash(outDir);
    writeContentFile(contentDir, 'reports/2023/broken-date.md', reportSource({ title: '日期写错的文件', indexNumber: '449900-000/2023-00801', agency: 'xzf', column: 'zcjd', date: '2023-02-30' }));
    writeContentFile(contentDir, 'reports/2023/duplicate.md', reportSource({ title: '索引号重复的文件', indexNumber: '449900-021/2019-00001', agency: 'xzf', column: 'zcjd', date: '2023-03-01' }));
    writeContentFile(contentDir, 'reports/2023/broken-yaml.md', '---\ntitle: "没有闭合的引号\nagency: xzf\n---\n正文\n');
    refused = runScript('build', ['--content', contentDir, '--out', outDir]);
  });

  it('exits with an error code', () => {
    expect(refused.code).not.toBe(0);
  });

  it('names every file with its line and field, in Chinese, without a stack trace', () => {
    expect(refused.stderr).toContain('reports/2023/broken-date.md:6');
    expect(refused.stderr).toContain('发文日期（date）：“2023-02-30” 不是有效日期');
    expect(refused.stderr).toContain('reports/2023/duplicate.md:3');
    expect(refused.stderr).toContain('reports/2019/jyj-jihua.md');
    expect(refused.stderr).toMatch(/reports\/2023\/broken-yaml\.md:\d+ {2}错误 {2}YAML 格式错误/);
    expect(refused.stderr).toContain('构建已取消');
    expect(refused.output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  });

  it('leaves the published site untouched and no staging folder behind', () => {
    expect(treeHash(outDir)).toBe(publishedHash);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});

describe('a build whose pages would break links or load from other origins', () => {
  const contentDir = copyFixture('portal');
  const outDir = join(tempDir('links'), 'dist');

  it('refuses a body link to a report that does not exist at check time, naming the file', () => {
    writeContentFile(contentDir, 'reports/2023/bad-report-link.md', reportSource({ title: '链接错误', indexNumber: '449900-000/2023-00901', agency: 'xzf', column: 'zcjd', date: '2023-03-01' }, '参见[旧文件](/reports/2019/jyj-jihau/)。'));
    const result = runScript('check', ['--content', contentDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('reports/2023/bad-report-link.md');
    expect(result.stderr).toContain('/reports/2019/jyj-jihau/ 指向的文件不存在');
    expect(result.stderr).toContain('是不是 /reports/2019/jyj-jihua/？');
  });

  it('refuses a body link to another missing page or file before building, naming the file, and publishes nothing', () => {
    writeContentFile(contentDir, 'reports/2023/bad-report-link.md', reportSource({ title: '链接错误', indexNumber: '449900-000/2023-00901', agency: 'xzf', column: 'zcjd', date: '2023-03-01' }, '参见[栏目](/xxgk/no-such-column/)和<img src="/images/missing.png" alt="示意图">。'));
    const result = runScript('build', ['--content', contentDir, '--out', outDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('reports/2023/bad-report-link.md  错误  正文中的链接 /xxgk/no-such-column/ 指向的页面或文件不存在');
    expect(result.stderr).toContain('reports/2023/bad-report-link.md  错误  正文中的链接 /images/missing.png 指向的页面或文件不存在');
    expect(existsSync(outDir)).toBe(false);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});
