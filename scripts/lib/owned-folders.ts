/**
 * Folders the build replaces or deletes must be ones it made. `--out` and
 * `--cache-dir` are refused, before anything is touched, when they are,
 * contain or sit inside the content folder, contain the project, sit inside
 * the project (other than the default ones), are a git repository, or exist
 * with files in them that this tool did not write. Folders it writes carry a
 * marker file (a dotfile: nginx does not serve it).
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { KnownContents } from './known-contents.ts';

export const OUTPUT_MARKER = '.zwgk-output';
export const CACHE_MARKER = '.zwgk-cache';

/** The path with symlinks resolved as far as it exists, so overlaps cannot hide behind a link. */
export function realPathOf(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(realPathOf(parent), basename(path));
}

/** `inner` is `outer` or inside it. */
export function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !path.startsWith(sep));
}

function hasFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/**
 * Why replacing `dir` could destroy a repository: a `.git` folder, or the
 * `.git` file of a worktree or submodule, anywhere inside, or a folder there
 * that cannot be read (it could hold one). Links are not followed: replacing
 * the folder leaves their targets alone. A folder unchanged since it was
 * listed without one is not listed again: its subfolders are recalled
 * (`known`, see KnownContents).
 */
function repositoryInside(dir: string, known: KnownContents): string | undefined {
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const statTime = Date.now();
    try {
      const stats = statSync(folder);
      let subfolders = known.known(stats)?.split('/');
      if (subfolders === undefined) {
        const entries = readdirSync(folder, { withFileTypes: true });
        if (entries.some((entry) => entry.name === '.git')) return `${dir} 是或包含一个 git 仓库`;
        subfolders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
        // Names cannot hold a slash: the list is kept as one string.
        known.remember(stats, subfolders.join('/'), statTime);
      }
      for (const name of subfolders) if (name !== '') folders.push(join(folder, name));
    } catch (error) {
      return `无法读取 ${folder}（${(error as NodeJS.ErrnoException).code ?? String(error)}），不能确认其中没有 git 仓库`;
    }
  }
  return undefined;
}

export interface OwnedFolder {
  /** The folder as given. */
  dir: string;
  /** What it is, for messages: 输出文件夹（--out） */
  label: string;
  marker: string;
  /** Folders the build also replaces or deletes with it (e.g. `<out>.previous`). */
  companions?: string[];
  /** The default location: allowed inside the project and without the marker (builds before markers existed made it). */
  isDefault: boolean;
  /** Only what the tool wrote is ever deleted from it (the cache): a new or marked folder at the project's top level or in node_modules/ will do, not one in public/ or src/, which the site publishes or compiles. */
  mayBeInProject?: boolean;
}

/** Why `folder` must not be used, in Chinese, or undefined. */
export function ownedFolderProblem(
  folder: OwnedFolder,
  { contentDir, projectRoot, known, others = [] }: { contentDir: string; projectRoot: string; known: KnownContents; others?: string[] },
): string | undefined {
  const dir = realPathOf(folder.dir);
  const content = realPathOf(contentDir);
  const root = realPathOf(projectRoot);
  const name = `${folder.label} ${folder.dir}`;
  const fix = '请另选一个不存在或空的文件夹。';
  // Checked before anything is resolved: the build renames these folders, and through a link it would empty the folder linked to.
  for (const path of [folder.dir, ...(folder.companions ?? [])]) {
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return `${folder.label} 要用到的 ${path} 是一个符号链接：构建会替换或删除它指向的文件夹中的文件。请删除这个链接，或直接指定真实的文件夹。`;
  }
  if (within(dir, content) || within(content, dir)) return `${name} 与内容文件夹 ${contentDir} 重叠：构建会替换或删除这个文件夹，内容会丢失。${fix}`;
  for (const other of others) if (within(dir, realPathOf(other)) || within(realPathOf(other), dir)) return `${name} 与 ${other} 重叠。${fix}`;
  if (within(root, dir)) return `${name} 包含整个项目：构建会替换或删除这个文件夹。${fix}`;
  if (within(dir, root) && !folder.isDefault) {
    if (folder.mayBeInProject && !(dirname(dir) === root || within(dir, join(root, 'node_modules')))) {
      return `${name} 在项目的 ${relative(root, dirname(dir)).split(sep).join('/')}/ 之内：那里的文件会被发布或编译进网站。缓存只能放在项目根目录下的文件夹或 node_modules/ 中。${fix}`;
    }
    if (!folder.mayBeInProject && !(dirname(dir) === root && !basename(dir).startsWith('.') && (!hasFiles(dir) || existsSync(join(dir, folder.marker))))) {
      return `${name} 在项目文件夹之内：只有 dist/ 和项目根目录下新建的文件夹可以用。${fix}`;
    }
  }
  for (const path of [folder.dir, ...(folder.companions ?? [])]) {
    if (!existsSync(path)) continue;
    if (!statSync(path).isDirectory()) return `${folder.label} 要用到的 ${path} 已存在，且不是文件夹。${fix}`;
    if (!hasFiles(path)) continue;
    const repository = repositoryInside(path, known);
    if (repository) return `${folder.label}：${repository}，构建会替换或删除其中的文件。${fix}`;
    if (!folder.isDefault && !existsSync(join(path, folder.marker))) return `${folder.label}：${path} 已存在且有文件，但不是本工具生成的（没有 ${folder.marker} 标记），构建会替换或删除其中的文件。${fix}`;
  }
  return undefined;
}

/** Marks `dir` as written by this tool. */
export function markOwned(dir: string, marker: string): void {
  writeFileSync(join(dir, marker), '由 zwgk-portal 生成；每次构建都会替换或删除这个文件夹。 Written by zwgk-portal; every build replaces or deletes this folder.\n');
}
