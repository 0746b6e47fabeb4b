/**
 * npm run check — validates all content without building, reporting every
 * problem at once. Exit code 1 when there is any error.
 *
 *   npm run check [-- --content <folder>]
 */
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content/load.ts';
import { contentDirFor } from '../src/lib/content/location.ts';
import { hasErrors } from '../src/lib/content/problems.ts';
import { dim, printProblems } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';
import { resolve } from 'node:path';

const { values } = parseArgs({ options: { content: { type: 'string' } } });
const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const started = performance.now();
const { portal, problems } = await loadContent({ contentDir, projectRoot: process.cwd() });
printProblems(problems);
if (portal) console.error(dim(`检查了 ${portal.reports.length} 份文件，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`));
process.exit(hasErrors(problems) ? 1 : 0);
