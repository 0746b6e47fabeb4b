// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { contentDirFor } from './src/lib/content/location.ts';
import { readSiteUrl } from './src/lib/content/site-url.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  site: readSiteUrl(contentDirFor(projectRoot)),
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Stylesheets and scripts stay in files: a strict Content-Security-Policy
    // (no 'unsafe-inline') then covers every page.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [sitemap()],
});
