/**
 * The saved pages on disk: the files to import from the folders and files
 * an editor names, and the files their links point at — resolved within
 * the folder imported, never outside it.
 *
 * A mirror made with `wget -m` keeps each site under a folder named after
 * its host (`www.example.gov.cn/art/2021/3/4/art_1_2.html`), so a path
 * below such a folder is also the page's address; pages saved from a
 * browser keep their images in `<name>_files/`.
 */
import { realpathSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isWindowsDeviceName, scanContentTree, type ContentTree } from '../content/paths.ts';

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.txt']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.shtml']);
/** Folders of a browser's "save complete page" (`页面_files`, IE's `页面.files`): images and scripts, not pages. */
const RESOURCE_FOLDER = /(?:_files|\.files)$/i;
/** `www.example.gov.cn`, `xxgk.example.gov.cn:8080`: a folder `wget -m` named after a host. */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/i;

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** The folder named on the command line (for a file, its folder): links resolve within it. */
  root: string;
  /** Path below `root`, with forward slashes. */
  relative: string;
  html: boolean;
  /** The folders its links may lead into when not all of `root`: for a page saved alone, its resources folder, not the rest of (say) the desktop. */
  reach?: readonly string[];
}

export interface Sources {
  files: SourceFile[];
  /** Command-line arguments that name nothing importable, with why. */
  problems: { input: string; reason: string }[];
}

const toPosix = (path: string) => path.split(sep).join('/');

function sourceFile(root: string, path: string): SourceFile {
  return { path, root, relative: toPosix(relative(root, path)), html: HTML_EXTENSIONS.has(extname(path).toLowerCase()) };
}

/** The pages to import: every .html/.htm/.shtml/.txt in the folders (recursively, without hidden and resource folders) and the files named. */
export async function collectSources(inputs: readonly string[]): Promise<Sources> {
  const files: SourceFile[] = [];
  const problems: Sources['problems'] = [];
  for (const input of inputs) {
    const path = resolve(input);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      problems.push({ input, reason: '找不到这个文件或文件夹' });
    } else if (info.isDirectory()) {
      const entries = (await readdir(path, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase()))
        .map((entry) => join(entry.parentPath, entry.name))
        .filter((file) => !toPosix(relative(path, file)).split('/').slice(0, -1).some((part) => part.startsWith('.') || RESOURCE_FOLDER.test(part)));
      if (entries.length === 0) problems.push({ input, reason: '文件夹里没有 .html、.htm、.shtml 或 .txt 文件' });
      files.push(...entries.map((file) => sourceFile(path, file)));
    } else if (PAGE_EXTENSIONS.has(extname(path).toLowerCase())) {
      const stem = basename(path, extname(path));
      files.push({ ...sourceFile(dirname(path), path), reach: [`${stem}_files`, `${stem}.files`].map((folder) => join(dirname(path), folder)) });
    } else {
      problems.push({ input, reason: '只能导入 .html、.htm、.shtml 或 .txt 文件，或包含它们的文件夹' });
    }
  }
  const seen = new Set<string>();
  const unique = files.filter((file) => !seen.has(file.path) && seen.add(file.path));
  return { files: unique.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), problems };
}

/** The host folder a mirrored page sits in (`www.example.gov.cn`), when it does. */
function hostFolder(source: SourceFile): string | undefined {
  const first = source.relative.split('/')[0]!;
  return source.relative.includes('/') && HOST.test(first) ? first : undefined;
}

/** Where the page was on the web, from its place in a `wget -m` mirror; otherwise its path in the folder imported. */
export function sourceIdentity(source: SourceFile, url: string | undefined): string {
  if (url) return url;
  return hostFolder(source) ? `http://${source.relative}` : source.relative;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The file in the mirror that `href` on `source` points at, or `undefined`
 * when the mirror lacks it — or when the path would leave the folder
 * imported or the page's reach (`../../etc/passwd`, a symbolic link out of it).
 */
export function resolveInMirror(source: SourceFile, href: string): string | undefined {
  const link = href.trim().replace(/#.*$/, '');
  if (link === '' || /^(?:data|javascript|mailto|tel):/i.test(link)) return undefined;
  const host = hostFolder(source);
  const siteRoot = host ? join(source.root, host) : source.root;
  const [pathPart, query] = link.split('?', 2) as [string, string | undefined];
  let bases: string[];
  let path: string;
  const absolute = /^(?:https?:)?\/\/([^/]+)(\/.*)?$/i.exec(pathPart);
  if (absolute) {
    // Another host is only found if the mirror holds it too.
    bases = [join(source.root, absolute[1]!), ...(host === absolute[1] ? [siteRoot] : [])];
    path = absolute[2] ?? '/';
  } else if (pathPart.startsWith('/')) {
    bases = [siteRoot];
    path = pathPart;
  } else {
    bases = [dirname(source.path)];
    path = pathPart;
  }
  // wget saves `a.jsp?id=1` as `a.jsp?id=1`, or as `a.jsp@id=1` for Windows.
  const names = [...new Set([path, decoded(path)])].flatMap((name) => (query === undefined ? [name] : [`${name}?${query}`, `${name}@${query}`, name]));
  const reach = source.reach ?? [source.root];
  const realReach = reach.flatMap((folder) => {
    try {
      return [realpathSync(folder)];
    } catch {
      return [];
    }
  });
  for (const base of bases) {
    for (const name of names) {
      const candidate = name.startsWith('/') ? join(base, name) : resolve(base, name);
      if (!reach.some((folder) => inside(folder, candidate))) continue;
      try {
        if (statSync(candidate).isFile() && realReach.some((folder) => inside(folder, realpathSync(candidate)))) return candidate;
      } catch {
        // Not in the mirror under this name.
      }
    }
  }
  return undefined;
}

/**
 * Why the mirror file `path` (found by resolveInMirror) must not be read, or
 * `undefined`: a hard link with a name outside the page's reach could be any
 * file of this computer. Names are counted as the content check counts them;
 * `scans` keeps each folder's count for the run.
 */
export async function mirrorHardLinkProblem(source: SourceFile, path: string, scans: Map<string, Promise<ContentTree>>): Promise<string | undefined> {
  const info = await stat(path, { bigint: true });
  if (info.nlink <= 1n) return undefined;
  let names = 0;
  for (const folder of source.reach ?? [source.root]) {
    if (!scans.has(folder)) scans.set(folder, scanContentTree(folder, (shown) => shown));
    names += (await scans.get(folder)!).namesOf(info);
  }
  if (BigInt(names) >= info.nlink) return undefined;
  return `这个文件是硬链接：同一份数据共有 ${info.nlink} 个文件名，保存的网站里只有 ${names} 个；为免导入网站以外的文件，没有复制`;
}

/**
 * A file's name as it may stand in `content/attachments/`: letters, digits,
 * `-`, `_` and one `.` before the extension. An extension of other characters
 * joins the name (`evil.ht ml` → `evil-ht-ml`): cleaning it could make it a
 * type a browser runs.
 */
export function attachmentName(path: string): string {
  const clean = /^\.[a-z0-9]+$/i.test(extname(path));
  const extension = clean ? extname(path).toLowerCase() : '';
  const stem = basename(path, extension === '' ? undefined : extname(path))
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem === '' ? 'file' : isWindowsDeviceName(stem) ? `${stem}-file` : stem}${extension}`;
}
