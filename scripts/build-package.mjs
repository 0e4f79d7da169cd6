#!/usr/bin/env node
// Compiles the parts of the package that run outside Astro's build: the integration entry (a
// team's astro.config.mjs, and the CLI, import it with plain Node), the CLI and the read worker.
// Code under node_modules is not type-stripped by Node, and tsx at run time costs over a second
// per command, so these ship as JavaScript; the rest (routes, components, loaders) is compiled by
// the team's own Astro build, as Starlight's is.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
rmSync(out, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts', 'read-worker': 'src/kb/read-worker.ts' },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Dependencies stay imports: they are installed beside the package.
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
if (!process.env.npm_lifecycle_event?.startsWith('pre')) {
  console.log(`build/: integration, CLI and read worker compiled in ${Math.round(performance.now() - started)} ms`);
}
