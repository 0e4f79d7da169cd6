// @ts-check
/*
 * The benchmark's baseline: a bare Astro site over the same postmortems, as
 * plain Markdown through Astro's built-in glob loader, one page each, no
 * indexes, no components. bench/run.mjs builds it with:
 *   BASELINE_CONTENT  folder of *.md copies of the generated postmortems
 *   BASELINE_OUT_DIR  where to write the site
 *   BASELINE_CACHE_DIR
 * and then runs Pagefind over the output, so that both sides include search.
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://baseline.example',
  outDir: process.env.BASELINE_OUT_DIR ?? './dist',
  cacheDir: process.env.BASELINE_CACHE_DIR ?? './.astro-cache',
  build: { inlineStylesheets: 'always', format: 'directory' },
  devToolbar: { enabled: false },
});
