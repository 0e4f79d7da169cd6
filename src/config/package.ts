import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The npm name of this package (scoped: the unscoped name `hindsight` belongs to another project). */
export const PACKAGE_NAME = '@hindsight-coe/hindsight';

let root: string | undefined;

/**
 * The package's own folder, found from this module's location: the same answer whether the code
 * runs from src/ (through Vite in a build) or from build/ (the compiled CLI and worker), in this
 * repository or under a team's node_modules.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package folder above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
