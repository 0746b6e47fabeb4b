/**
 * How fast and in how little memory `npm run check` refuses bodies nested
 * deeply enough to crash a parser (src/markdown/nesting.ts): a small corpus,
 * once as it is and once per hostile body added to it, each checked cold
 * (fresh cache) as its own process tree.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../lib/project.ts';
import { generateCorpus } from './corpus.ts';
import { measure, median } from './measure.ts';

export interface HostileResult {
  name: string;
  /** Size of the hostile body. */
  bytes: number;
  wallMs: number;
  peakRssBytes: number;
  /** The check exited 1 naming the nesting. */
  refused: boolean;
}

const CASES: [string, string][] = [
  ['none (the corpus alone)', ''],
  ['5 KB of >', '>'.repeat(5_000)],
  ['10 KB of >', '>'.repeat(10_000)],
  ['100 KB of >', '>'.repeat(100_000)],
  ['5,000-level list (- - - …)', '- '.repeat(5_000)],
  ['5,000 nested <div>', '<div>'.repeat(5_000)],
  ['5,000-deep emphasis (*…*x*…*)', `${'*'.repeat(5_000)}x${'*'.repeat(5_000)}`],
];

export async function measureHostile(workDir: string, runs: number, log: (line: string) => void): Promise<HostileResult[]> {
  const contentDir = join(workDir, 'hostile-content');
  await generateCorpus({ dir: contentDir, reports: 20, seed: 1, minBytes: 2_000, maxBytes: 4_000 });
  const year = (await readdir(join(contentDir, 'reports'))).sort()[0]!;
  const model = await readFile(join(contentDir, 'reports', year, (await readdir(join(contentDir, 'reports', year))).sort()[0]!), 'utf8');
  const frontMatter = model.slice(0, model.indexOf('\n---', 3) + 4).replace(/^indexNumber: (.*)$/m, 'indexNumber: $1-hostile');
  const hostileFile = join(contentDir, 'reports', year, 'hostile.md');
  const results: HostileResult[] = [];
  for (const [name, body] of CASES) {
    await rm(hostileFile, { force: true });
    if (body) await writeFile(hostileFile, `${frontMatter}\n\n第一段。\n\n${body}\n`);
    const measured = [];
    for (let run = 0; run < runs; run++) {
      const cacheDir = join(workDir, 'hostile-cache');
      await rm(cacheDir, { recursive: true, force: true });
      measured.push(await measure(process.execPath, [join(projectRoot, 'scripts/check.ts'), '--content', contentDir, '--cache-dir', cacheDir], { cwd: projectRoot, env: { NO_COLOR: '1' }, sampleMs: 20 }));
    }
    const refused = measured.every((m) => m.exitCode === 1 && m.output.includes('正文嵌套过深'));
    if (body && !refused) throw new Error(`check did not refuse ${name}:\n${measured[0]!.output.slice(-2000)}`);
    results.push({ name, bytes: Buffer.byteLength(body), wallMs: median(measured.map((m) => m.wallMs)), peakRssBytes: median(measured.map((m) => m.peakRssBytes)), refused });
    log(`  ${name}: ${(results.at(-1)!.wallMs / 1000).toFixed(2)} s, ${(results.at(-1)!.peakRssBytes / 2 ** 20).toFixed(0)} MB${refused ? ', refused' : ''}`);
  }
  return results;
}
