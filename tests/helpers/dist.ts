/** Reading a built site the way a browser would ask for it. */
import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The file a static server would answer `urlPath` with, or undefined. */
export function fileFor(outDir: string, urlPath: string): string | undefined {
  const path = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  const candidate = join(outDir, path);
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

export function html(outDir: string, urlPath: string): CheerioAPI {
  const file = fileFor(outDir, urlPath);
  if (!file) throw new Error(`no page at ${urlPath}`);
  return load(readFileSync(file, 'utf8'));
}

export function htmlFiles(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(sep).join('/'));
}

/** The URL path of a built HTML file: `reports/a/index.html` → `/reports/a/`. */
export function urlOf(outDir: string, file: string): string {
  const path = `/${relative(outDir, join(outDir, file)).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Same-site links and resources on a page: href and src values starting with `/`. */
export function localReferences($: CheerioAPI): string[] {
  const refs: string[] = [];
  $('[href], [src]').each((_, element) => {
    for (const attribute of ['href', 'src']) {
      const value = $(element).attr(attribute);
      if (value?.startsWith('/') && !value.startsWith('//')) refs.push(value);
    }
  });
  return refs;
}

/** Visible text with whitespace collapsed. */
export function text($: CheerioAPI, selector: string): string {
  return $(selector).text().replace(/\s+/g, ' ').trim();
}
