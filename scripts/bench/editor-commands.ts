/**
 * `npm run new` and `npm run import` on the bench's archive with warm caches
 * (as after a build or a check): each run adds one report, as an editor does.
 * Import is given a one-page .txt copy of a document, so its time is the
 * content's, not the page conversion's.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allColumns, buildColumnTree } from '../../src/lib/columns.ts';
import { readContent } from '../../src/lib/content/load.ts';
import { projectRoot } from '../lib/project.ts';
import { measure, median, type Measurement } from './measure.ts';

export interface EditorTimes {
  /** Medians of `runs` runs. */
  newMs: number;
  importMs: number;
  peakRssBytes: number;
}

function checked(what: string, result: Measurement): Measurement {
  if (result.exitCode !== 0) throw new Error(`${what} failed (exit ${result.exitCode}):\n${result.output.slice(-4000)}`);
  return result;
}

export async function measureEditorCommands(contentDir: string, cacheDir: string, workDir: string, runs: number, log: (line: string) => void): Promise<EditorTimes> {
  const { registries } = await readContent({ contentDir });
  if (!registries.valid) throw new Error('the bench archive has broken registries');
  const agency = registries.agencies[0]!.id;
  const column = allColumns(buildColumnTree(registries.valid.site.columns)).find((candidate) => candidate.childIds.length === 0)!.id;
  const run = (script: string, args: string[]) =>
    measure(process.execPath, [join(projectRoot, 'scripts', script), ...args, '--agency', agency, '--column', column, '--content', contentDir, '--cache-dir', cacheDir], {
      cwd: projectRoot,
      env: { CI: '1', NO_COLOR: '1' },
    });
  const pages = join(workDir, 'import-pages');
  await mkdir(pages, { recursive: true });
  const created: Measurement[] = [];
  const imported: Measurement[] = [];
  for (let n = 1; n <= runs; n++) {
    log(`npm run new ${n}/${runs}…`);
    created.push(checked('npm run new', await run('new.ts', ['--title', `基准测试新建文件第${n}份`, '--date', '2024-05-06'])));
    log(`  ${(created.at(-1)!.wallMs / 1000).toFixed(2)} s`);
    const page = join(pages, `page-${n}.txt`);
    await writeFile(page, `基准测试导入文件第${n}份\n县人民政府：\n现将有关情况报告如下：\n一、工作开展情况\n全年排查隐患${n}处，均已整改。\n特此报告。\n2024年5月6日\n`);
    log(`npm run import ${n}/${runs}…`);
    imported.push(checked('npm run import', await run('import.ts', [page, '--log', join(pages, 'import-log.json')])));
    log(`  ${(imported.at(-1)!.wallMs / 1000).toFixed(2)} s`);
  }
  return {
    newMs: median(created.map((m) => m.wallMs)),
    importMs: median(imported.map((m) => m.wallMs)),
    peakRssBytes: median([...created, ...imported].map((m) => m.peakRssBytes)),
  };
}
