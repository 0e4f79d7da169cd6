import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './build';

/** Vitest global setup: the test builds' working folders (test/.builds) are removed after the run. */
export default function setup(): () => void {
  return () => {
    if (!process.env.HINDSIGHT_KEEP_BUILDS) rmSync(join(REPO, 'test/.builds'), { recursive: true, force: true });
  };
}
