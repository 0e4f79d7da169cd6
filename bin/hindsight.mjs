#!/usr/bin/env node
// The CLI is written in TypeScript and shares src/schema and src/lib with the
// build; tsx loads it without a separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
