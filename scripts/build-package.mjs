#!/usr/bin/env node
// Compiles the parts of the package that run outside Astro's build: the integration entry (a
// team's astro.config.mjs, and the CLI, import it with plain Node), the CLI and the read worker.
// Code under node_modules is not type-stripped by Node, and tsx at run time costs over a second
// per command, so these ship as JavaScript; the rest (routes, components, loaders) is compiled by
// the team's own Astro build, as Starlight's is.
//
// The CLI and the read worker are bundled with their dependencies: resolving and loading some
// eighty small modules from node_modules was a third of `hindsight check` on one file (1.07 s of
// CPU against 0.70 s bundled, measured in an installed project). The integration entry keeps its
// dependencies as imports, shared with the team's Astro build.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
rmSync(out, { recursive: true, force: true });
const started = performance.now();
const common = {
  absWorkingDir: root,
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
};
await Promise.all([
  // Dependencies stay imports: they are installed beside the package.
  build({ ...common, entryPoints: { index: 'src/index.ts' }, packages: 'external', legalComments: 'none', chunkNames: 'index-[hash]' }),
  build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts', 'read-worker': 'src/kb/read-worker.ts' },
    chunkNames: 'cli-[hash]',
    // satteri loads a native binary; Astro and Pagefind are never imported by the CLI.
    external: ['satteri', 'astro', 'astro/*', '@astrojs/*', 'pagefind'],
    // Some bundled dependencies are CommonJS and call require().
    banner: { js: "import { createRequire as __hindsightRequire } from 'node:module'; const require = __hindsightRequire(import.meta.url);" },
    legalComments: 'eof',
    // A map of the bundled dependencies would triple the package; the CLI's own code is small and readable as built.
    sourcemap: false,
  }),
]);
if (!process.env.npm_lifecycle_event?.startsWith('pre')) {
  console.log(`build/: integration, CLI and read worker compiled in ${Math.round(performance.now() - started)} ms`);
}
