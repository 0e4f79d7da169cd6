// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import hindsight from './hindsight.config.mjs';
import pagefind from './src/integrations/pagefind.ts';

// The knowledge base defaults to ./content beside this file, wherever the build is started from.
process.env.HINDSIGHT_CONTENT ??= fileURLToPath(new URL('./content', import.meta.url));

// HINDSIGHT_BASE serves the site under a sub-path (e.g. GitHub Pages project sites).
const base = process.env.HINDSIGHT_BASE ?? '/';

export default defineConfig({
  site: process.env.HINDSIGHT_SITE ?? hindsight.site,
  base,
  trailingSlash: 'ignore',
  outDir: process.env.HINDSIGHT_OUT_DIR ?? './dist',
  // Separate caches let tests build several fixture sites side by side.
  cacheDir: process.env.HINDSIGHT_CACHE_DIR ?? './node_modules/.astro',
  // Pages are plain HTML and CSS; nothing is inlined as a script.
  build: { inlineStylesheets: 'always', format: 'directory' },
  integrations: [mdx(), sitemap(), pagefind()],
  devToolbar: { enabled: false },
});
