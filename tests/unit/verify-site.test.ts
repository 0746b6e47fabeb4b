import { tempDir } from '../helpers/temp.ts';
import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { KnownContents } from '../../scripts/lib/known-contents.ts';
import { verifySite } from '../../scripts/lib/verify-site.ts';

function site(files: Record<string, string>): string {
  const dir = tempDir('verify');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string, head = '') => `<!doctype html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`;

describe('verifySite', () => {
  it('accepts a site whose links and resources all resolve', async () => {
    const dir = site({
      'index.html': page('<a href="/a/">甲</a> <a href="a/">甲</a> <a href="/a/#x">甲</a> <a href="#top" id="top">顶</a> <a href="https://www.gov.cn/">外链</a> <a href="mailto:x@example.cn">信</a>', '<link rel="stylesheet" href="/_astro/s.css"><link rel="canonical" href="https://example.gov.cn/"><script type="module" src="/_astro/m.js"></script>'),
      'a/index.html': page('<img src="../logo.svg" alt=""> <a href="/files/%E9%99%84%E4%BB%B6.pdf">附件</a> <a href="/a">无斜杠</a>'),
      '_astro/s.css': '',
      '_astro/m.js': '',
      'logo.svg': '<svg/>',
      'files/附件.pdf': '%PDF',
    });
    expect(await verifySite(dir)).toEqual([]);
  });

  it('flags every resource loaded from another origin', async () => {
    const dir = site({
      'index.html': page(
        '<img src="https://cdn.example.com/a.png"><iframe src="//evil.example/"></iframe><form action="https://collect.example/"></form><img srcset="/ok.png 1x, https://cdn.example.com/b.png 2x"><img src="data:image/png;base64,AA">',
        '<script src="https://analytics.example/t.js"></script><link rel="stylesheet" href="https://fonts.example/css">',
      ),
      'ok.png': '',
    });
    const messages = (await verifySite(dir)).map((issue) => issue.message);
    for (const address of ['https://cdn.example.com/a.png', '//evil.example/', 'https://collect.example/', 'https://cdn.example.com/b.png', 'https://analytics.example/t.js', 'https://fonts.example/css', 'data:image/png;base64,AA']) {
      expect(messages.some((message) => message.includes(address)), address).toBe(true);
    }
    expect(messages).toHaveLength(7);
  });

  // A browser trims the spaces, drops tabs and reads \\ as //: each of these loads from the host it names.
  it('flags a resource on another host however its address is spelt, even when the site has a file at its path', async () => {
    const addresses = ['\\\\evil.example/favicon.svg', ' //evil3.example/favicon.svg', '/\\evil4.example/favicon.svg', '/\t/evil5.example/favicon.svg', '//site/favicon.svg'];
    const dir = site({
      'index.html': page(
        `${addresses.map((address) => `<img src="${address}" alt="">`).join('')}<img srcset="/favicon.svg 1x, \\\\evil6.example/favicon.svg 2x" alt="">`,
        '<link rel="icon" href="\\\\evil7.example/favicon.svg"><script type="module" src=" //evil8.example/favicon.svg"></script>',
      ),
      'favicon.svg': '<svg/>',
    });
    const messages = (await verifySite(dir)).map((issue) => issue.message);
    for (const address of [...addresses, '\\\\evil6.example/favicon.svg', '\\\\evil7.example/favicon.svg', ' //evil8.example/favicon.svg']) {
      expect(messages.filter((message) => message.includes(`="${address}"> 从其他来源加载内容`)), address).toHaveLength(1);
    }
    expect(messages).toHaveLength(8);
  });

  it('flags links to pages, files and in-page anchors that do not exist', async () => {
    const dir = site({
      'index.html': page('<a href="/missing/">缺</a> <a href="/reports/a/">有</a> <a href="#nowhere">锚</a> <a href="/attachments/x.pdf">附件</a>'),
      'reports/a/index.html': page('<a href="../b/">相对</a> <img src="/img/none.png" alt="">'),
    });
    const issues = await verifySite(dir);
    expect(issues.map((issue) => `${issue.page} ${issue.message}`).sort()).toEqual([
      '/ 链接 /attachments/x.pdf 指向的页面或文件不存在',
      '/ 链接 /missing/ 指向的页面或文件不存在',
      '/ 页内链接 #nowhere 找不到对应的位置',
      '/reports/a/ <img src="/img/none.png"> 指向的文件不存在',
      '/reports/a/ 链接 ../b/ 指向的页面或文件不存在',
    ]);
  });
});

describe('verifySite while a folder is still being completed', () => {
  it('counts what that folder holds as missing, so that a link into it is never passed on files about to be replaced', async () => {
    const dir = site({ 'index.html': page('<a href="/search-index/v1/0.bin">索引</a> <a href="/search-index">索引</a> <a href="/a/">甲</a>'), 'a/index.html': page('甲'), 'search-index/v1/0.bin': '' });
    expect((await verifySite(dir)).map((issue) => issue.message)).toEqual([]);
    expect((await verifySite(dir, { later: ['search-index'] })).map((issue) => issue.message)).toEqual([
      '链接 /search-index/v1/0.bin 指向的页面或文件不存在',
      '链接 /search-index 指向的页面或文件不存在',
    ]);
  });
});

describe('verifySite with a record of what passed', () => {
  const record = () => join(tempDir('verified'), 'verified.json');

  it('finds a link broken since the last build, whatever Astro said it rendered', async () => {
    const dir = site({ 'index.html': page('<a href="/a/">甲</a>'), 'a/index.html': page('<a href="/">首页</a>') });
    const file = record();
    expect(await verifySite(dir, { record: file })).toEqual([]);
    writeFileSync(join(dir, 'a/index.html'), page('<a href="/">首页</a> <a href="/gone/">不存在</a>'));
    expect(await verifySite(dir, { record: file })).toEqual([{ page: '/a/', message: '链接 /gone/ 指向的页面或文件不存在' }]);
  });

  it('checks again an unchanged page when a file the site had is gone', async () => {
    const dir = site({ 'index.html': page('<a href="/a/">甲</a>'), 'a/index.html': page('甲'), 'b/index.html': page('乙') });
    const file = record();
    expect(await verifySite(dir, { record: file })).toEqual([]);
    rmSync(join(dir, 'a'), { recursive: true });
    expect(await verifySite(dir, { record: file })).toEqual([{ page: '/', message: '链接 /a/ 指向的页面或文件不存在' }]);
  });

  it('still skips unchanged pages when a file no page reaches is gone (a new version of the search index)', async () => {
    const dir = site({ 'index.html': page('<a href="/a/">甲</a>'), 'a/index.html': page('甲'), 'search-index/v1/0.bin': '' });
    const file = record();
    expect(await verifySite(dir, { record: file })).toEqual([]);
    // Recorded as passed with these very bytes: skipped, so the broken link shows it was not read.
    const broken = page('<a href="/a/">甲</a><a href="/gone/">不存在</a>');
    writeFileSync(join(dir, 'index.html'), broken);
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as { passed: Record<string, string> };
    writeFileSync(file, JSON.stringify({ ...recorded, passed: { ...recorded.passed, 'index.html': hash('sha1', broken, 'base64') } }));
    rmSync(join(dir, 'search-index', 'v1'), { recursive: true });
    expect(await verifySite(dir, { record: file })).toEqual([]);
    // A path a page reached is gone: every page is read again.
    rmSync(join(dir, 'a'), { recursive: true });
    expect((await verifySite(dir, { record: file })).map((issue) => issue.message).sort()).toEqual(['链接 /a/ 指向的页面或文件不存在', '链接 /gone/ 指向的页面或文件不存在']);
  });

  it('skips a page whose bytes are unchanged since it passed, on every thread', async () => {
    const pages = Object.fromEntries(Array.from({ length: 1200 }, (_, n) => [`p${n}/index.html`, page(`<a href="/p${(n + 1) % 1200}/">下一篇</a>`)]));
    const dir = site(pages);
    const file = record();
    expect(await verifySite(dir, { record: file, threads: 2 })).toEqual([]);
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as { files: string[]; passed: Record<string, string> };
    expect(Object.keys(recorded.passed)).toHaveLength(1200);
    // A broken page recorded as passed with these very bytes is not read again: skipping goes by bytes alone.
    const broken = page('<a href="/gone/">不存在</a>');
    writeFileSync(join(dir, 'p0/index.html'), broken);
    recorded.passed['p0/index.html'] = hash('sha1', broken, 'base64');
    writeFileSync(file, JSON.stringify(recorded));
    expect(await verifySite(dir, { record: file, threads: 2 })).toEqual([]);
    writeFileSync(file, JSON.stringify({ ...recorded, passed: {} }));
    expect(await verifySite(dir, { record: file, threads: 2 })).toEqual([{ page: '/p0/', message: '链接 /gone/ 指向的页面或文件不存在' }]);
  }, 60_000);

  it('does not read a page whose file is unchanged since it passed; reads it again once the file is rewritten', async () => {
    const dir = site({ 'index.html': page('<a href="/a/">甲</a>'), 'a/index.html': page('<a href="/">首页</a>') });
    const file = record();
    const digestsFile = join(tempDir('digests'), 'known.json');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10_000);
    try {
      const digests = KnownContents.load(digestsFile);
      expect(await verifySite(dir, { record: file, digests })).toEqual([]);
      digests.save();
      // The record now says this very file (same inode, size and times) has the digest of a page that passed:
      // a page recorded so is not read, which shows here by a broken page recorded as passed going unread.
      const broken = page('<a href="/gone/">不存在</a>');
      const passedDigest = (JSON.parse(readFileSync(file, 'utf8')) as { passed: Record<string, string> }).passed['a/index.html']!;
      writeFileSync(join(dir, 'a/index.html'), broken);
      const stats = statSync(join(dir, 'a/index.html'));
      const known = JSON.parse(readFileSync(digestsFile, 'utf8')) as { run: number; files: Record<string, [string, string, number]> };
      known.files[`${stats.dev}:${stats.ino}`] = [`${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`, passedDigest, known.run];
      writeFileSync(digestsFile, JSON.stringify(known));
      expect(await verifySite(dir, { record: file, digests: KnownContents.load(digestsFile) })).toEqual([]);
      // Rewritten (even with the same bytes): its identity no longer matches, so it is read and the broken link found.
      // (A tick of the file system's clock later: the record was forged for a file just written, which KnownContents itself would not record.)
      await new Promise((resolve) => setTimeout(resolve, 50));
      writeFileSync(join(dir, 'a/index.html'), broken);
      expect(await verifySite(dir, { record: file, digests: KnownContents.load(digestsFile) })).toEqual([{ page: '/a/', message: '链接 /gone/ 指向的页面或文件不存在' }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
