/**
 * npm run check — validates all content without building, reporting every
 * problem at once. Exit code 1 when there is any error.
 *
 *   npm run check [-- --content <folder>] [--cache-dir <folder>] [--wait <seconds>] [--preview]
 *
 * --preview checks as `npm run build -- --preview` would (site.yaml may leave out `url`).
 */
import { parseArgs } from 'node:util';
import { contentDirFor } from '../src/lib/content/location.ts';
import { hasErrors } from '../src/lib/content/problems.ts';
import { parseFlags } from './lib/flags.ts';
import { dim, printProblems } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';
import { DEFAULT_CACHE_DIR, useRenderCache } from './lib/render-cache.ts';
import { checkContent } from './lib/check-content.ts';
import { claimFolders, DEFAULT_WAIT_SECONDS } from './lib/claim-folders.ts';
import { resolve } from 'node:path';

const USAGE = `用法：npm run check -- [--content 文件夹] [--cache-dir 文件夹] [--wait 秒数] [--preview]
  --content 文件夹     内容文件夹，默认为 content
  --cache-dir 文件夹   缓存，默认与 npm run build 相同
  --wait 秒数          另一个构建正在使用同一缓存时最多等多久，默认 ${DEFAULT_WAIT_SECONDS} 秒
  --preview            按 npm run build -- --preview 检查：site.yaml 可以不写 url`;

const { values } = parseFlags(
  () => parseArgs({ options: { content: { type: 'string' }, 'cache-dir': { type: 'string' }, wait: { type: 'string' }, preview: { type: 'boolean', default: false } } }),
  USAGE,
);
const contentDir = values.content ? resolve(values.content) : contentDirFor(projectRoot);
const started = performance.now();
// Bodies rendered and files parsed here are the ones the next build needs: share its cache.
const cacheDir = resolve(values['cache-dir'] ?? DEFAULT_CACHE_DIR);
await claimFolders({ contentDir, cacheDir, waitSeconds: Number(values.wait ?? DEFAULT_WAIT_SECONDS) });
useRenderCache(cacheDir);
const { portal, problems } = await checkContent(contentDir, cacheDir, { preview: values.preview });
printProblems(problems);
if (portal) console.error(dim(`检查了 ${portal.reports.length} 份文件，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`));
process.exit(hasErrors(problems) ? 1 : 0);
