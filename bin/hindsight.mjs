#!/usr/bin/env node
// The CLI, compiled from src/cli by `npm run build:package` (run on install and before packing).
import { existsSync } from 'node:fs';

const cli = new URL('../build/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('hindsight: the CLI is not compiled; run "npm run build:package" in the Hindsight repository\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
