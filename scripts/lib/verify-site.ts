/**
 * Checks a built site before it is published:
 *  - no page loads a script, stylesheet, image, frame, form target or other
 *    resource from another origin (the portal makes no third-party requests);
 *  - every link within the site points at a page or file that exists, and
 *    every in-page link at an id on that page.
 * Pages are scanned tag by tag with a regular expression rather than parsed:
 * the HTML is our own output (no comments or inline scripts, text escaped),
 * and a 100,000-page site must stay fast.
 *
 * What passed is recorded (each page's digest, the paths the pages reach): a
 * page whose bytes are unchanged since is skipped, as long as every path a
 * page that passed reached is still there — its links reach only those and
 * its own ids. (A new version of the search index, which no page links to,
 * does not make every page be read again.) A page's digest is known without
 * reading it when its file is unchanged since it was last read (see
 * KnownContents). Nothing depends on what Astro says it rendered.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveOnSite } from '../../src/lib/content/paths.ts';
import { treeEntries } from './fs-tree.ts';
import { digestOf, type KnownContents } from './known-contents.ts';
import { runInWorker } from './worker-pool.ts';

export interface SiteIssue {
  /** URL path of the page, e.g. `/reports/2021/foo/`. */
  page: string;
  message: string;
}

/** Elements whose address the browser fetches as part of the page. */
const RESOURCE_ATTRIBUTES: Record<string, readonly string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  iframe: ['src'],
  frame: ['src'],
  form: ['action'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src', 'formaction'],
  button: ['formaction'],
};
const LOADED_LINK_RELS = /\b(?:stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon)\b/i;

/** Any start tag, its quoted attribute values consumed whole (they may contain `<` and `>`). */
const TAG = /<([a-z][a-z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/gi;
const CHECKED_TAGS = new Set(['a', 'area', 'link', ...Object.keys(RESOURCE_ATTRIBUTES)]);
const ATTRIBUTE = /([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ID = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[name]!);
}

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) attributes.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  return attributes;
}

/** URL path of a built HTML file: `reports/a/index.html` → `/reports/a/`. */
export function pageUrlOf(file: string): string {
  const path = `/${file}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The site file path (decoded) that `address` on `page` reaches, as a browser resolves it; `'elsewhere'` for another origin's, `undefined` when it is no URL or badly encoded. */
function sitePath(page: string, address: string): string | 'elsewhere' | undefined {
  const url = resolveOnSite(address, page);
  if (url === undefined || url === 'elsewhere') return url;
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}

/** Page (path relative to the site) → digest of its bytes, for the pages that passed. */
export type PageDigests = Record<string, string>;

/** Whether a decoded site path (`/reports/a/`, `/files/x.pdf`) is a page or file among `files`. */
function existsAmong(files: readonly string[]): (path: string) => boolean {
  const existing = new Set(files);
  return (path) => {
    const relative = path.replace(/^\/+/, '');
    if (relative === '' || relative.endsWith('/')) return existing.has(`${relative}index.html`);
    return existing.has(relative) || existing.has(`${relative}/index.html`);
  };
}

/** What checking pages found: the issues, the digests of the pages that passed, and the paths their links and resources reach. */
export interface PagesChecked {
  issues: SiteIssue[];
  passed: PageDigests;
  targets: string[];
}

/**
 * Checks the HTML files `pages` of the site in `dir`, whose files are `files`,
 * except those whose digest is in `passed` already; `passed` gains the pages that pass.
 */
export function verifyPages(dir: string, files: readonly string[], pages: readonly string[], passed: PageDigests = {}): PagesChecked {
  const found = existsAmong(files);
  const targets = new Set<string>();
  const exists = (path: string) => {
    if (!found(path)) return false;
    targets.add(path);
    return true;
  };

  const issues: SiteIssue[] = [];
  const passedNow: PageDigests = {};
  for (const file of pages) {
    const page = pageUrlOf(file);
    // Synchronous: pages are read one after another, and a promise per file costs more than the read.
    const bytes = readFileSync(join(dir, file));
    const digest = digestOf(bytes);
    passedNow[file] = digest;
    if (passed[file] === digest) continue;
    const html = bytes.toString('utf8');
    let ids: Set<string> | undefined;
    const report = (message: string) => {
      delete passedNow[file];
      issues.push({ page, message });
    };

    for (const match of html.matchAll(TAG)) {
      const tag = match[1]!.toLowerCase();
      if (!CHECKED_TAGS.has(tag)) continue;
      const attributes = attributesOf(match[2]!);
      const loads = tag === 'link' ? (LOADED_LINK_RELS.test(attributes.get('rel') ?? '') ? ['href'] : []) : (RESOURCE_ATTRIBUTES[tag] ?? []);
      for (const name of loads) {
        const value = attributes.get(name);
        if (!value) continue;
        for (const address of name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value]) {
          const path = sitePath(page, address.split(/[?#]/)[0]!);
          if (path === 'elsewhere') {
            report(`<${tag} ${name}="${address}"> 从其他来源加载内容：网站不得加载外站的脚本、样式、图片、框架或表单`);
          } else if (path === undefined || !exists(path)) {
            report(`<${tag} ${name}="${address}"> 指向的文件不存在`);
          }
        }
      }

      if (tag !== 'a' && tag !== 'area' && !(tag === 'link' && !LOADED_LINK_RELS.test(attributes.get('rel') ?? ''))) continue;
      const href = attributes.get('href');
      if (!href) continue;
      const [path, fragment] = href.split('#') as [string, string | undefined];
      const target = path.split('?')[0]!;
      if (target === '') {
        if (fragment) {
          ids ??= new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1] ?? m[2] ?? '')));
          let id = fragment;
          try {
            id = decodeURIComponent(fragment);
          } catch {
            // Keep it as written.
          }
          if (!ids.has(id)) report(`页内链接 #${fragment} 找不到对应的位置`);
        }
        continue;
      }
      const resolved = sitePath(page, target);
      if (resolved === 'elsewhere') continue;
      if (resolved === undefined) report(`链接 ${href} 的网址格式或编码有误`);
      else if (!exists(resolved)) report(`链接 ${href} 指向的页面或文件不存在`);
    }
  }
  return { issues, passed: passedNow, targets: [...targets] };
}

/**
 * What the verifications of a site found since it was last checked whole: the
 * pages that passed, and every path a page that passed linked to or loaded.
 */
interface Verified {
  passed: PageDigests;
  targets: string[];
}

/** The record, if every path it says pages reach is still there (else a page unchanged since may now have a broken link). */
async function readVerified(record: string | undefined, files: readonly string[]): Promise<Verified | undefined> {
  if (!record) return undefined;
  try {
    const last = JSON.parse(await readFile(record, 'utf8')) as Verified;
    return last.targets.every(existsAmong(files)) ? last : undefined;
  } catch {
    return undefined;
  }
}

/** How `verifySite` may skip pages, and on how many threads it reads the rest. */
export interface VerifyOptions {
  /** A file recording what passed: pages unchanged since the site recorded there passed are skipped, and a site that passes is recorded. */
  record?: string;
  /** With `record`: pages whose digest is known from their file's identity are not even read. */
  digests?: KnownContents;
  /** Folders completed after the check, which no page may link into: what they hold counts as missing. */
  later?: string[];
  threads?: number;
}

/** Checks the HTML pages of the built site in `dir` on every core (the pages are many and independent). */
export async function verifySite(dir: string, { record, digests, later = [], threads = availableParallelism() }: VerifyOptions = {}): Promise<SiteIssue[]> {
  const entries = [...treeEntries(dir, later)].filter((entry) => !later.includes(entry.path));
  const files = entries.map((entry) => entry.path);
  const last = await readVerified(record, files);
  const passed = last?.passed ?? {};
  const statTime = Date.now();
  // Regular files only: the page of the report `a.html.md` is the folder `a.html/`.
  const pages = entries.filter((entry) => entry.isFile && entry.path.endsWith('.html')).map(({ path: file }) => ({ file, stats: digests && statSync(join(dir, file)) }));
  const unread: PageDigests = {};
  const toRead = pages.filter(({ file, stats }) => {
    const known = stats && digests!.known(stats);
    if (known === undefined || passed[file] !== known) return true;
    unread[file] = known;
    return false;
  });
  const share = (part: number, parts: number) => toRead.filter((_, index) => index % parts === part).map(({ file }) => file);
  const parts = Math.max(1, Math.min(threads, Math.ceil(toRead.length / 500)));
  const results =
    parts === 1
      ? [verifyPages(dir, files, share(0, 1), passed)]
      : await Promise.all(
          Array.from({ length: parts }, (_, part) => {
            const mine = share(part, parts);
            const known = Object.fromEntries(mine.flatMap((page) => (passed[page] ? [[page, passed[page]]] : [])));
            return runInWorker<PagesChecked>(new URL('./verify-worker.ts', import.meta.url), { dir, files, pages: mine, passed: known }, '链接校验线程');
          }),
        );
  const issues = results.flatMap((result) => result.issues);
  const passedNow: PageDigests = Object.assign(unread, ...results.map((result) => result.passed));
  if (digests) for (const { file, stats } of toRead) if (passedNow[file]) digests.remember(stats!, passedNow[file], statTime);
  if (record && issues.length === 0) {
    await mkdir(dirname(record), { recursive: true });
    // The pages skipped reach what they reached when they were checked: those paths stay recorded.
    const targets = new Set([...(last?.targets ?? []), ...results.flatMap((result) => result.targets)]);
    await writeFile(`${record}.part`, JSON.stringify({ passed: passedNow, targets: [...targets] } satisfies Verified));
    await rename(`${record}.part`, record);
  }
  return issues;
}
