/**
 * The site is Astro's build through the project's integration: a bare
 * `astro build` publishes the same files as `npm run build` (which adds only
 * the lock, staging, the swap and its folder's marker), and the link check reads the files written,
 * not what Astro logs.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../scripts/lib/owned-folders.ts';
import { copyFixture } from '../helpers/fixture-site.ts';
import { projectCopy } from '../helpers/project-copy.ts';
import { projectRoot, runScript, withoutTestMode } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';

/** Every file of a folder (relative path → bytes as base64). */
function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, file);
    if (statSync(path).isFile()) found[file.split(sep).join('/')] = readFileSync(path).toString('base64');
  }
  return found;
}

function astroBuild(contentDir: string, outDir: string, flags: string[] = [], root = projectRoot) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, ...flags], {
    cwd: root,
    env: { ...withoutTestMode(), ZWGK_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

describe('astro build through the integration', () => {
  it('publishes the same files as npm run build: pages, search index, attachments, _headers', () => {
    const contentDir = copyFixture('portal');
    const work = tempDir('astro-build');
    const built = runScript('build', ['--content', contentDir, '--out', join(work, 'npm'), '--cache-dir', join(work, 'cache')]);
    expect(built.code, built.output).toBe(0);
    const astro = astroBuild(contentDir, join(work, 'astro'));
    expect(astro.code, astro.output).toBe(0);
    // The marker that lets a later npm run build replace the folder is about the folder, not the site.
    const { [OUTPUT_MARKER]: marker, ...published } = files(join(work, 'npm'));
    expect(marker).toBeDefined();
    expect(Object.keys(published)).toEqual(expect.arrayContaining(['_headers', 'search-index/manifest.json', 'attachments/2019/学校名单.txt', 'reports/2019/jyj-jihua/index.html']));
    expect(files(join(work, 'astro'))).toEqual(published);
  });

  it('refuses a page with a broken link that only the built files show, with Astro logging nothing', () => {
    const contentDir = copyFixture('portal');
    const work = tempDir('astro-build');
    // A component that writes a link to a page the site does not have: the content check cannot see it.
    const root = projectCopy();
    const footer = join(root, 'src/components/SiteFooter.astro');
    writeFileSync(footer, `${readFileSync(footer, 'utf8')}\n<a href="/no-such-page/">断开的链接</a>\n`);
    const built = runScript('build', ['--content', contentDir, '--out', join(work, 'npm'), '--cache-dir', join(work, 'cache')], {}, root, root);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('链接 /no-such-page/ 指向的页面或文件不存在');
    expect(built.stderr).not.toMatch(/^\s+at /m);
    const astro = astroBuild(contentDir, join(work, 'astro'), ['--silent'], root);
    expect(astro.code).not.toBe(0);
    expect(astro.output).toContain('链接 /no-such-page/ 指向的页面或文件不存在');
  });

  it('fails on a template that throws with that error, not with errors of its own cleaning up meanwhile, and leaves the site as it was', () => {
    const contentDir = copyFixture('portal');
    const work = tempDir('astro-build');
    const root = projectCopy();
    const first = runScript('build', ['--content', contentDir, '--out', join(work, 'site'), '--cache-dir', join(work, 'cache')], {}, root, root);
    expect(first.code, first.output).toBe(0);
    const before = files(join(work, 'site'));
    // A developer's slip in a component that some of the pages rendered at the same time use.
    const component = join(root, 'src/components/IndexNumber.astro');
    writeFileSync(component, readFileSync(component, 'utf8').replace('const { value } = Astro.props;', "const { value } = Astro.props;\nif (value.includes('/2019-')) throw new Error('模板出错了');"));
    const built = runScript('build', ['--content', contentDir, '--out', join(work, 'site'), '--cache-dir', join(work, 'cache')], {}, root, root);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('构建失败：模板出错了');
    // Pages still rendering when the build gave up found their code deleted, and each failed again blaming a missing module.
    expect(built.output).not.toContain('Cannot find module');
    expect(files(join(work, 'site'))).toEqual(before);
    expect(readdirSync(join(root, '.astro')).filter((name) => name.startsWith('build-'))).toEqual([]);
  });

  it('takes the site’s address from a site.yaml saved as UTF-16 (Notepad’s “Unicode”) for the sitemaps', () => {
    const contentDir = copyFixture('portal');
    const site = join(contentDir, 'site.yaml');
    writeFileSync(site, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(site, 'utf8'), 'utf16le')]));
    const work = tempDir('astro-build');
    const built = runScript('build', ['--content', contentDir, '--out', join(work, 'npm'), '--cache-dir', join(work, 'cache')]);
    expect(built.code, built.output).toBe(0);
    expect(built.stderr).toContain('UTF-16LE');
    for (const sitemap of ['sitemap-index.xml', 'sitemap-0.xml']) {
      const text = readFileSync(join(work, 'npm', sitemap), 'utf8');
      expect(text).toContain('<loc>https://www.yangli.example/');
      expect(text).not.toContain('localhost');
    }
  });
});
