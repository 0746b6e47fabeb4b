/**
 * What may be read from the content folder and published from it.
 *
 *  - No symbolic links anywhere in the content folder (the folder itself may
 *    be reached through one): a link could point anywhere on the build
 *    machine, and refusing them outright is a rule an editor can follow.
 *  - No file whose data also has a name outside the content folder (a hard
 *    link to, say, a key in the home folder); hard links among the content's
 *    own files are fine.
 *  - Report files and folders have names that are clean URL segments.
 *  - Attachment paths — from `attachments[].file` or from links and images in
 *    bodies — are checked the way a browser and a web server will read them:
 *    decoded, backslashes as slashes; no `.`/`..` segment, hidden file,
 *    double encoding or control character; no type a browser would run as a
 *    page or script.
 *  - Only regular files are read or copied, with no symlink on the way, and
 *    files are written into the content folder with none on the way either.
 */
import { randomUUID } from 'node:crypto';
import { constants, lstatSync } from 'node:fs';
import { access, lstat, mkdir, readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Problem } from './problems.ts';
import { UNSAFE_CHARACTERS } from './text-safety.ts';

/** Hidden entries (`.git`, `.DS_Store`) are neither read nor published. */
const isHidden = (name: string) => name.startsWith('.');

export const SYMLINK_HINT = '把文件本身（而不是链接或快捷方式）放进 content 文件夹，然后删除这个链接';
export const HARD_LINK_HINT = '把文件复制（而不是用 ln 或 mklink /H 链接）进 content 文件夹：删除这个名字，再复制一份';

export interface ContentTree {
  /** Report files to read, relative to `reports/`, with forward slashes, sorted. */
  reportFiles: string[];
  /** Paths relative to the content folder that must not be read (symlinks, hard links to outside, devices, pipes). */
  unreadable: Set<string>;
  problems: Problem[];
  /** How many names the folder gave the file `dev`/`ino` (from a bigint stat) when scanned; counted only for files with more than one. */
  namesOf(file: { dev: bigint; ino: bigint }): number;
}

/**
 * Walks the content folder once, without following links: finds the report
 * files and refuses every symlink, every file hard-linked from outside the
 * folder, and every entry that is neither a file nor a folder (a pipe would
 * hang the check when read).
 */
export async function scanContentTree(contentDir: string, display: (path: string) => string): Promise<ContentTree> {
  const reportFiles: string[] = [];
  const unreadable = new Set<string>();
  const problems: Problem[] = [];
  const hardLinks = new HardLinkCount();
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = await readdir(join(contentDir, folder), { withFileTypes: true });
    } catch (error) {
      // A missing content folder is reported by the files it should hold.
      const code = (error as NodeJS.ErrnoException).code;
      if (folder !== '' || code !== 'ENOENT') problems.push({ severity: 'error', file: display(join(contentDir, folder)), message: `无法读取这个文件夹（${code ?? String(error)}）`, hint: '请检查文件夹的权限' });
      continue;
    }
    const siblings = new Map<string, string>();
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const absolute = join(contentDir, path);
      const twin = sameNameOnOtherServers(siblings, entry.name);
      if (twin !== undefined) {
        problems.push({
          severity: 'error',
          file: display(absolute),
          message: `这个名字与同一文件夹中的“${twin}”只有大小写或 Unicode 写法不同：在 Windows 或 macOS 服务器上它们是同一个文件，一个会覆盖另一个`,
          hint: '请把其中一个改名，或删除重复的一个',
        });
        continue;
      }
      if (isHidden(entry.name)) {
        if (path.startsWith('reports/') && extname(path).toLowerCase() === '.md') {
          problems.push({ severity: 'warning', file: display(absolute), message: '文件名以 . 开头，是隐藏文件，不会发布', hint: '要发布这份文件，请去掉文件名开头的 .' });
        }
        // Never read, but a name inside: an import killed between linking and unlinking leaves `.x.pdf.part` beside x.pdf.
        if (entry.isFile()) hardLinks.add(path, absolute, { read: false });
        continue;
      }
      if (entry.isSymbolicLink()) {
        unreadable.add(path);
        problems.push({
          severity: 'error',
          file: display(absolute),
          message: `这是一个符号链接（快捷方式），不是文件本身：content 文件夹中不允许符号链接，以免把 content 以外的文件发布出去`,
          hint: SYMLINK_HINT,
        });
      } else if (entry.isDirectory()) {
        pending.push(path);
      } else if (!entry.isFile()) {
        unreadable.add(path);
        problems.push({ severity: 'error', file: display(absolute), message: '这不是普通文件（可能是管道或设备文件）', hint: '删除它；content 文件夹中只放普通文件和文件夹' });
      } else {
        hardLinks.add(path, absolute, { read: true });
        if (path.startsWith('reports/') && extname(path).toLowerCase() === '.md') {
          const name = reportNameProblem(path.slice('reports/'.length));
          if (name) problems.push({ severity: 'error', file: display(absolute), message: name, hint: REPORT_NAME_HINT });
          else reportFiles.push(path.slice('reports/'.length));
        }
      }
    }
  }
  for (const { path, names, inside } of hardLinks.linkedFromOutside()) {
    unreadable.add(path);
    problems.push({
      severity: 'error',
      file: display(join(contentDir, path)),
      message: hardLinkProblem(names, inside),
      hint: HARD_LINK_HINT,
    });
  }
  return { reportFiles: reportFiles.filter((file) => !unreadable.has(`reports/${file}`)).sort(), unreadable, problems, namesOf: (file) => hardLinks.namesInside(file) };
}

/**
 * How many names the content folder gives the file `dev`/`ino` (from a
 * bigint stat), counted as the content check counts them: the copy step asks
 * again about the very file it opened, since a link may have been made after the check.
 */
export async function namesInContent(contentDir: string, file: { dev: bigint; ino: bigint }): Promise<number> {
  return (await scanContentTree(contentDir, (path) => path)).namesOf(file);
}

/** Why a file whose data has `names` names, `inside` of them in the content folder, is not read. */
export const hardLinkProblem = (names: bigint, inside: number) =>
  `这个文件是硬链接：同一份数据共有 ${names} 个文件名，content 文件夹里只有 ${inside} 个，其余在 content 以外；为免把 content 以外的文件发布出去，不读取它`;

/**
 * Counts, for every file with more than one name (hard links), how many of
 * its names the content folder holds. A name elsewhere could be anything on
 * the build machine; its count is all the file system tells, so a file with
 * fewer names inside than it has in all is refused.
 */
class HardLinkCount {
  private readonly linked: { path: string; file: string; names: bigint }[] = [];
  private readonly inside = new Map<string, number>();

  /** A name of the folder; `read` says whether the build may read the file by it (a hidden file is not). */
  add(path: string, absolute: string, { read }: { read: boolean }): void {
    // lstatSync: ~2 µs a file against ~5 µs for the promise form; 10,000 reports take 20 ms.
    const info = lstatSync(absolute, { bigint: true, throwIfNoEntry: false });
    if (!info || info.nlink <= 1n) return;
    const file = fileKey(info);
    if (read) this.linked.push({ path, file, names: info.nlink });
    this.inside.set(file, (this.inside.get(file) ?? 0) + 1);
  }

  namesInside(file: { dev: bigint; ino: bigint }): number {
    return this.inside.get(fileKey(file)) ?? 0;
  }

  linkedFromOutside(): { path: string; names: bigint; inside: number }[] {
    return this.linked.filter(({ file, names }) => BigInt(this.inside.get(file)!) < names).map(({ path, file, names }) => ({ path, names, inside: this.inside.get(file)! }));
  }
}

const fileKey = ({ dev, ino }: { dev: bigint; ino: bigint }) => `${dev}:${ino}`;

/** What a case-insensitive, normalizing file system (Windows, macOS) knows a file name by: two names with one key are one file there. */
export const fileNameKey = (name: string) => name.normalize('NFC').toLowerCase();

/** The name already in `siblings` that has the key of `name`; else records `name`. */
function sameNameOnOtherServers(siblings: Map<string, string>, name: string): string | undefined {
  const key = fileNameKey(name);
  const twin = siblings.get(key);
  if (twin === undefined) siblings.set(key, name);
  return twin;
}

/** Names Windows keeps for devices, with or without an extension: a Windows server cannot store a file or folder so named. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;

export const isWindowsDeviceName = (name: string) => WINDOWS_DEVICE.test(name);

/** A folder or file name that is also a clean URL segment: letters of any script, digits, `-`, `_`, and `.` inside. */
const CLEAN_SEGMENT = /^[\p{L}\p{N}_-](?:[\p{L}\p{M}\p{N}_.-]*[\p{L}\p{M}\p{N}_-])?$/u;

const REPORT_NAME_HINT = '文件夹名和文件名只能用汉字（或其他文字）、英文字母、数字和 - _ .（. 不能在开头或结尾），也不能是 CON、PRN、AUX、NUL、COM1–9、LPT1–9 这些 Windows 保留名，例如 2021/gongzuo-zongjie.md 或 2021/工作总结.md；请重命名';

/** Why a report path (relative to `reports/`, with `.md`) cannot be published at a working URL. */
export function reportNameProblem(path: string): string | undefined {
  const segments = path.replace(/\.md$/i, '').split('/');
  const bad = segments.find((segment) => !CLEAN_SEGMENT.test(segment) || segment.includes('..'));
  if (bad !== undefined) return `文件名“${path}”不能用作网址：“${bad}”中有不允许的字符`;
  const device = path.split('/').find(isWindowsDeviceName);
  return device === undefined ? undefined : `文件名“${path}”不能用作网址：“${device}”是 Windows 的保留设备名，Windows 服务器无法保存`;
}

/**
 * Types a browser runs or renders as a page on the portal's own origin
 * (HTML, SVG, XML, script), and types a web server may execute. The portal
 * refuses them; the rest are served as downloads (see deploy/nginx.conf).
 */
const ACTIVE_TYPES = new Set([
  'htm', 'html', 'shtm', 'shtml', 'xht', 'xhtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt', 'rss', 'atom',
  // Served as …+xml or renderable markup by nginx's or Apache's MIME tables: a browser runs their XHTML script.
  'kml', 'xspf', 'mml', 'mathml', 'wml', 'rdf', 'xul', 'xbl', 'gpx', 'gml', 'dbk',
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'wasm', 'swf', 'hta', 'htc', 'vbs', 'wsf',
  'php', 'php3', 'php4', 'php5', 'php7', 'phtml', 'phar', 'asp', 'aspx', 'jsp', 'jspx', 'cgi', 'pl', 'py', 'sh',
]);

const ACTIVE_TYPE_HINT = '请改为 PDF、OFD、Word/WPS、Excel、图片（PNG/JPG）或压缩包（ZIP/RAR）后再附上';

/** Why `file` (relative to `attachments/`, forward slashes, decoded) may not be published, or `undefined`. */
export function attachmentPathProblem(file: string): string | undefined {
  if (UNSAFE_CHARACTERS.test(file) || /[\u0000-\u001f\u007f]/.test(file)) return '路径中有控制字符或不可见的方向控制字符';
  if (file.includes('\\')) return '路径中不能有反斜杠 \\';
  if (/%[0-9a-f]{2}/i.test(file)) return '路径中有重复的网址编码（如 %2e、%252e）';
  const segments = file.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return '路径不能用 . 或 .. 指向 attachments 文件夹之外';
  if (segments.some((segment) => segment === '')) return '路径中有空的文件夹名（// 或以 / 开头结尾）';
  if (segments.some(isHidden)) return '文件名或文件夹名不能以 . 开头（隐藏文件不会发布）';
  const device = segments.find(isWindowsDeviceName);
  if (device !== undefined) return `“${device}”是 Windows 的保留设备名，Windows 服务器无法保存这个文件`;
  if (segments.some((segment) => /[. ]$/.test(segment))) return '文件名或文件夹名不能以 . 或空格结尾（Windows 服务器会去掉它们，网址就找不到文件了）';
  return activeTypeProblem(file);
}

/** Why a file of this name may not be attached (a type that runs as a page or script), or `undefined`. */
export function activeTypeProblem(file: string): string | undefined {
  const type = extname(file).slice(1).toLowerCase();
  if (ACTIVE_TYPES.has(type)) return `不能附上 .${type} 文件：浏览器会把它当作网页或脚本在门户网站上运行`;
  return undefined;
}

/** Where a link or image address in a report body leads, as a browser would request it. */
export type LinkTarget =
  | { kind: 'elsewhere' }
  | { kind: 'attachment'; file: string }
  | { kind: 'report'; id: string }
  | { kind: 'page'; path: string }
  | { kind: 'refused'; reason: string; hint: string };

/** The site's own origin, whatever its real name: a host drawn afresh by each process, so that no address can name it and only one on the site resolves to it. */
const ORIGIN = `http://${randomUUID()}.invalid`;

/**
 * `address`, on the page at `pageUrl`, resolved by the URL parser browsers
 * use (spaces around it trimmed, tabs and newlines dropped, `\` read as `/`):
 * `'elsewhere'` when a browser would fetch it from another origin (another
 * host, or a scheme such as https:, data:), `undefined` when it is no URL.
 */
export function resolveOnSite(address: string, pageUrl = '/'): URL | 'elsewhere' | undefined {
  try {
    const url = new URL(address, `${ORIGIN}${pageUrl}`);
    return url.origin === ORIGIN ? url : 'elsewhere';
  } catch {
    return undefined;
  }
}

const CLIMB_HINT = '写以 / 开头的完整路径，不用 . 或 ..，例如 /attachments/2021/文件名.pdf 或 /reports/2021/文件名/';

/** Each decoding of `path` a server or a second tool might apply, stopping at the first that fails or changes nothing. */
function decodings(path: string): string[] {
  const forms = [path];
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(forms.at(-1)!);
    } catch {
      break;
    }
    if (next === forms.at(-1)) break;
    forms.push(next.replace(/\\/g, '/'));
  }
  return forms;
}

/** `link` as written in the body of the report at `pageUrl`. */
export function linkTarget(link: string, pageUrl: string): LinkTarget {
  if (link === '' || link.startsWith('#')) return { kind: 'elsewhere' };
  if (/[\u0000-\u001f\u007f]/.test(link)) return { kind: 'refused', reason: '含有控制字符', hint: '请重新输入这个链接' };
  const url = resolveOnSite(link, pageUrl);
  if (url === undefined) return { kind: 'refused', reason: '网址格式有误', hint: '请改正链接' };
  if (url === 'elsewhere') return { kind: 'elsewhere' };
  // Every decoding of the path as written: a `..` hidden as %2e, %2f, %5c or %252e climbs on some server.
  const written = link.split(/[?#]/)[0]!.replace(/\\/g, '/');
  if (decodings(written).some((form) => form.split('/').some((segment) => segment === '.' || segment === '..'))) {
    return { kind: 'refused', reason: '用 . 或 .. 指向上一级文件夹，可能跳出 attachments 文件夹', hint: CLIMB_HINT };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', reason: '网址编码有误（% 后应是两位十六进制数字）', hint: '请改正链接' };
  }
  // Checked as a file by checkAttachment, like an attachments[].file entry.
  if (path.startsWith('/attachments/')) return { kind: 'attachment', file: path.slice('/attachments/'.length) };
  if (path.startsWith('/reports/')) return { kind: 'report', id: path.slice('/reports/'.length).replace(/\/+$/, '') };
  return { kind: 'page', path };
}

type RegularFile = { size: number } | { problem: 'missing' | 'symlink' | 'not-a-file' | 'unreadable'; at: string };

/**
 * Looks at `root/relativePath` without following any symlink on the way:
 * every folder must be a real folder and the last part a regular file.
 */
async function regularFileInside(root: string, relativePath: string): Promise<RegularFile> {
  const segments = relativePath.split('/');
  let path = root;
  for (const [index, segment] of segments.entries()) {
    path = join(path, segment);
    const here = segments.slice(0, index + 1).join('/');
    const info = await lstat(path).catch(() => undefined);
    if (!info) return { problem: 'missing', at: here };
    if (info.isSymbolicLink()) return { problem: 'symlink', at: here };
    if (index === segments.length - 1) {
      if (!info.isFile()) return { problem: 'not-a-file', at: here };
      // The build must be able to copy what the check accepts.
      return (await access(path, constants.R_OK).then(() => true, () => false)) ? { size: info.size } : { problem: 'unreadable', at: here };
    }
    if (!info.isDirectory()) return { problem: 'missing', at: here };
  }
  return { problem: 'missing', at: relativePath };
}

/**
 * The folder `folder` (forward slashes) of the content folder, made where
 * missing one level at a time without following a link, so that a file
 * written there stays in the content folder. Throws, in Chinese, when a
 * folder on the way is a symlink or a file.
 */
export async function folderInContent(contentDir: string, folder: string): Promise<string> {
  const segments = folder.split('/');
  let path = contentDir;
  for (const [index, segment] of segments.entries()) {
    path = join(path, segment);
    const shown = `content/${segments.slice(0, index + 1).join('/')}`;
    // mkdir does not follow a link: one already there, even pointing nowhere, is EEXIST and looked at below.
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const info = await lstat(path);
    if (info.isSymbolicLink()) {
      throw new Error(`${shown} 是符号链接（快捷方式），不是文件夹本身：写进去的文件会落到 content 文件夹以外，因此没有写入。请删除这个链接，在原处新建一个普通文件夹`);
    }
    if (!info.isDirectory()) throw new Error(`${shown} 不是文件夹，无法在其中写入文件。请把这个文件改名或移走`);
  }
  return path;
}

export type AttachmentCheck = { size: number } | { reason: string; hint: string };

/**
 * Whether `file` (relative to `attachmentsDir`, forward slashes, decoded) may
 * be published: the path rules, then a regular file reached without a symlink.
 * The check and the copy step both ask.
 */
export async function checkAttachment(attachmentsDir: string, file: string): Promise<AttachmentCheck> {
  const problem = attachmentPathProblem(file);
  if (problem) {
    const active = ACTIVE_TYPES.has(extname(file).slice(1).toLowerCase());
    return { reason: problem, hint: active ? ACTIVE_TYPE_HINT : '把文件放进 content/attachments/，这里写相对于它的路径，例如 2021/统计表.pdf' };
  }
  const found = await regularFileInside(attachmentsDir, file);
  if ('size' in found) return found;
  if (found.problem === 'symlink') return { reason: `经过符号链接 content/attachments/${found.at}`, hint: SYMLINK_HINT };
  if (found.problem === 'not-a-file') return { reason: `content/attachments/${file} 不是普通文件`, hint: '附件必须是一个文件，不能是文件夹' };
  if (found.problem === 'unreadable') return { reason: `没有权限读取 content/attachments/${file}`, hint: '请检查文件的权限' };
  return { reason: `找不到文件：content/attachments/${file}`, hint: '把文件放进 content/attachments/ 对应位置，或改正文件名（注意大小写和扩展名）' };
}

/** The line of `text` (1-based) that mentions `link` as written, or its decoded form, or its file name; else `undefined`. */
export function lineMentioning(text: string, link: string): number | undefined {
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const tail = link.split(/[\\/]/).at(-1) ?? '';
  const lines = text.split('\n');
  for (const needle of [link, decode(link), tail, decode(tail)]) {
    if (needle.length < 3) continue;
    const index = lines.findIndex((line) => line.includes(needle) || decode(line).includes(needle));
    if (index !== -1) return index + 1;
  }
  return undefined;
}

/** Broken links listed one by one in a report; the rest are counted. */
export const MAX_LINK_PROBLEMS = 50;

/**
 * A report's broken links as problems: the first MAX_LINK_PROBLEMS at their
 * lines, the rest counted in one more. Finding a line reads the text, so it
 * is done only for those listed: 50,000 broken links stay linear.
 * `text` is the body (or the whole file) and `firstLine` the file line it starts on.
 */
export function brokenLinks(file: string, text: () => string, firstLine: number) {
  const problems: Problem[] = [];
  let count = 0;
  let read: string | undefined;
  return {
    add(link: string, message: string, hint: () => string): void {
      if (++count > MAX_LINK_PROBLEMS) return;
      const line = lineMentioning((read ??= text()), link);
      problems.push({ severity: 'error', file, line: line === undefined ? undefined : firstLine + line - 1, message, hint: hint() });
    },
    problems(): Problem[] {
      if (count <= MAX_LINK_PROBLEMS) return problems;
      return [
        ...problems,
        {
          severity: 'error',
          file,
          message: `正文中有问题的链接太多：只列出了前 ${MAX_LINK_PROBLEMS} 个，另有 ${count - MAX_LINK_PROBLEMS} 个没有列出`,
          hint: '改正列出的链接后，再运行 npm run check 查看其余的',
        },
      ];
    },
  };
}

/** `path` joined under `root`, or `undefined` when it would land outside it. */
export function insideFolder(root: string, path: string): string | undefined {
  const joined = join(root, path);
  const rel = relative(root, joined);
  return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || /^[a-z]:/i.test(rel) || rel.startsWith(sep) ? undefined : joined;
}
