/**
 * npm run build refuses bad content with a message an editor can act on,
 * and a refused build leaves the published site exactly as it was.
 */
import { tempDir } from '../helpers/temp.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { html, text } from '../helpers/dist.ts';
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
    expect(result.stderr).toContain('reports/2023/bad-report-link.md:9  错误  正文中的链接 /xxgk/no-such-column/ 指向的页面或文件不存在');
    expect(result.stderr).toContain('reports/2023/bad-report-link.md:9  错误  正文中的链接 /images/missing.png 指向的页面或文件不存在');
    expect(existsSync(outDir)).toBe(false);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});

describe('a site.yaml without the site’s public address (url)', () => {
  const contentDir = copyFixture('portal');
  const outDir = join(tempDir('no-url'), 'dist');
  const siteFile = join(contentDir, 'site.yaml');
  writeFileSync(siteFile, readFileSync(siteFile, 'utf8').replace(/^url:.*\n/m, ''));

  it('is refused, naming the file and the field, and nothing is published', () => {
    const result = runScript('build', ['--content', contentDir, '--out', outDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/site\.yaml {2}错误 {2}网站地址（url）：缺少必填项/);
    expect(result.stderr).toContain('npm run build -- --preview');
    expect(result.output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    expect(existsSync(outDir)).toBe(false);
  });

  it('builds as a preview with --preview: it warns, and every page says it is a preview and not to be indexed', () => {
    const result = runScript('build', ['--content', contentDir, '--out', outDir, '--preview']);
    expect(result.code, result.output).toBe(0);
    expect(result.stderr).toMatch(/site\.yaml {2}警告 {2}网站地址（url）没有设置：这是本机预览/);
    for (const path of ['/', '/reports/2019/jyj-jihua/', '/404.html']) {
      const $ = html(outDir, path);
      expect(text($, '.preview-notice'), path).toContain('本机预览版本，请勿发布');
      expect($('meta[name="robots"]').attr('content'), path).toBe('noindex');
    }
    expect(html(outDir, '/reports/2019/jyj-jihua/')('link[rel="canonical"]').attr('href')).toBe('http://localhost:4321/reports/2019/jyj-jihua/');
  });
});
