// @ts-check
import { defineConfig } from 'astro/config';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zwgk } from './scripts/lib/astro-integration.ts';
import { contentDirFor } from './src/lib/content/location.ts';
import { readSiteUrl } from './src/lib/content/registries.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const site = await readSiteUrl(contentDirFor(projectRoot));

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Stylesheets and scripts stay in files: a strict Content-Security-Policy
    // (no 'unsafe-inline') then covers every page.
    inlineStylesheets: 'never',
    // Pages are written while the next ones render: page generation waits on the disk otherwise.
    concurrency: 4,
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    // npm run dev -- --host lets a phone on the office network preview the site: the dev server then serves
    // the site and its code, never the project's other files (package.json, tests, scripts, the content's sources).
    // node_modules/.cache holds the build cache (node_modules/.cache/zwgk): every report, those that fail the check too.
    // deny replaces Vite's own list, kept here.
    server: {
      fs: {
        strict: true,
        allow: ['src', 'node_modules', '.astro'].map((folder) => join(projectRoot, folder)),
        deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/node_modules/.cache/**'],
      },
    },
  },
  experimental: {
    // Pages whose cacheKey (src/lib/cache-keys.ts) and template are unchanged are copied from the last build.
    incrementalBuild: true,
  },
  devToolbar: { enabled: false },
  prefetch: false,
  // zwgk() also writes the XML sitemaps (scripts/lib/xml-sitemap.ts).
  integrations: [zwgk()],
});
