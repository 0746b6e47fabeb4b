/**
 * The parse cache lets `check` and `build` skip reading report files that
 * have not changed; what they find must not depend on whether it was used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, type LoadOptions } from '../../src/lib/content/load.ts';
import { copyFixture } from '../helpers/fixture-site.ts';

const strip = <T>(value: T) => JSON.parse(JSON.stringify(value)) as T;

describe('the parse cache', () => {
  const contentDir = copyFixture('portal');
  const options: LoadOptions = { contentDir, projectRoot: contentDir, today: '2026-11-23', parseCache: { file: join(contentDir, '..', 'parsed.json'), version: 'test' } };

  it('gives the same portal and the same problems (the GBK warning too) as reading every file', async () => {
    const uncached = await loadContent({ ...options, parseCache: undefined });
    await loadContent(options);
    const cached = await loadContent(options);
    expect(cached.problems.some((problem) => problem.file === 'reports/2019/gbk-encoded.md' && problem.message.includes('GBK'))).toBe(true);
    expect(strip(cached.problems)).toEqual(strip(uncached.problems));
    expect(strip(cached.portal)).toEqual(strip(uncached.portal));
  });

  it('reads a file again when it changed, even to the same size within the same second', async () => {
    await loadContent(options);
    const path = join(contentDir, 'reports/2019/jyj-jihua.md');
    const source = readFileSync(path, 'utf8');
    const broken = source.replace(/^date: 2019-01-15$/m, 'date: 2019-02-30');
    expect(broken.length).toBe(source.length);
    writeFileSync(path, broken);
    const { portal, problems } = await loadContent(options);
    expect(portal).toBeUndefined();
    expect(problems.some((problem) => problem.file === 'reports/2019/jyj-jihua.md' && problem.severity === 'error' && problem.message.includes('2019-02-30'))).toBe(true);
    writeFileSync(path, source);
  });

  it('is used for unchanged files, and ignored when its version differs (the parsing code changed)', async () => {
    await loadContent(options);
    const cacheFile = options.parseCache!.file;
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replace('样例县教育局2019年工作总结', '缓存中的标题'));
    const title = (result: Awaited<ReturnType<typeof loadContent>>) => result.portal?.reports.find((report) => report.id === '2020/jyj-zongjie')?.title;
    expect(title(await loadContent(options))).toBe('缓存中的标题');
    expect(title(await loadContent({ ...options, parseCache: { ...options.parseCache!, version: 'test-2' } }))).toBe('样例县教育局2019年工作总结');
  });
});
