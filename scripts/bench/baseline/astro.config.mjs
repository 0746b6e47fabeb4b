// The baseline the build budgets are measured against: a bare Astro site that
// renders the same reports with Astro's own glob loader and one minimal page.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  cacheDir: './.astro-cache',
  devToolbar: { enabled: false },
});
