/**
 * Builds the fixture portal once for all build tests: a copy of
 * tests/fixtures/portal plus 22 generated reports (to reach a second listing
 * page) and a 3 MB report, in a time zone west of Greenwich so that any
 * UTC-midnight date slip would show.
 */
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { runScript } from '../helpers/run.ts';

export const FILLER_REPORTS = 22;

export default function setup(project: TestProject) {
  const contentDir = copyFixture('portal');
  for (let i = 1; i <= FILLER_REPORTS; i++) {
    const day = String(i).padStart(2, '0');
    writeContentFile(
      contentDir,
      `reports/2023/filler-${day}.md`,
      reportSource(
        { title: `分页测试文件${day}号`, indexNumber: `449900-033/2023-1${day}00`, agency: 'wjw', column: 'fzzfjs', date: `2023-08-${day}` },
        `第${day}号测试文件的正文。`,
      ),
    );
  }
  const paragraph = '本段用于检验大文件的处理能力，内容为重复的说明文字，共计若干字。'.repeat(40);
  writeContentFile(
    contentDir,
    'reports/2019/large.md',
    reportSource(
      { title: '三兆字节的大文件', indexNumber: '449900-000/2019-00099', agency: 'xzf', column: 'jhzj', date: '2019-12-31' },
      Array.from({ length: 1200 }, (_, i) => `## 第${i + 1}节\n\n${paragraph}`).join('\n\n'),
    ),
  );
  const outDir = join(tempDir('dist'), 'dist');
  const result = runScript('build', ['--content', contentDir, '--out', outDir], { TZ: 'Pacific/Honolulu' });
  if (result.code !== 0) throw new Error(`fixture build failed:\n${result.output}`);
  project.provide('fixture', { contentDir, outDir, buildOutput: result.output });
  return removeTempDirs;
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixture: { contentDir: string; outDir: string; buildOutput: string };
  }
}
