import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './build';

/** Vitest global setup: compile build/ (integration, CLI, read worker) from the current source, so no test runs a stale copy. */
export default function setup(): void {
  execFileSync(process.execPath, [join(REPO, 'scripts/build-package.mjs')], { stdio: 'inherit', env: { ...process.env, npm_lifecycle_event: 'pretest' } });
}
