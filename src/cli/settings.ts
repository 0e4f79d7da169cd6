import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILES, findProjectOptions } from '../config/load';
import { resolveSettings, type Settings } from '../config/settings';

const PROJECT_MARKERS = [...CONFIG_FILES, 'astro.config.mjs', 'astro.config.js', 'astro.config.mts', 'astro.config.ts'];

/** The project a command runs in: the nearest folder, from `cwd` up, with a Hindsight or Astro config. */
function findProjectRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (PROJECT_MARKERS.some((name) => existsSync(join(dir, name)))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/**
 * The settings the project's build uses (same options, same environment), with the knowledge-base
 * folder given by `--root` when there is one. Throws HindsightConfigError on a bad option.
 */
export async function cliSettings(opts: { cwd?: string; root?: string | undefined; env?: NodeJS.ProcessEnv } = {}): Promise<Settings> {
  const cwd = opts.cwd ?? process.cwd();
  const projectRoot = findProjectRoot(cwd);
  const found = await findProjectOptions(projectRoot);
  const env = { ...(opts.env ?? process.env) };
  // --root is relative to where the command was typed, like any path argument.
  if (opts.root !== undefined) env.HINDSIGHT_CONTENT = resolve(cwd, opts.root);
  return resolveSettings(found.options, { projectRoot, env, command: 'cli', source: { where: found.where } });
}
