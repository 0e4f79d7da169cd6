import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { listPostmortems } from '../kb/read';
import { closestIds } from '../lib/text/did-you-mean';
import { UsageError } from './io';

/** True when `path` is `dir` or inside it (both real paths). */
const within = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/**
 * The postmortem files that `check <paths…>` names, as the read lists them (root/postmortems/<name>.mdx).
 * A path is tried from the working directory, then from the knowledge-base root; a directory stands
 * for the postmortems in it. Anything else is a usage error (exit 2), so that a CI step with a
 * misspelled path fails instead of checking nothing.
 */
export function postmortemPaths(args: readonly string[], root: string, cwd = process.cwd()): string[] {
  const listing = listPostmortems(root, (p) => p);
  const folder = join(root, 'postmortems');
  const realRoot = real(root), realFolder = real(folder);
  // A listed postmortem is a regular file directly in postmortems/ (links are refused, not listed):
  // its real path is the folder's real path and its name, without a realpath call per file
  // (10,000 of them were a sixth of `check` of one file).
  const known = listing.jobs.map((j) => ({ path: j.path, real: join(realFolder, basename(j.path)) }));
  const out = new Set<string>();
  for (const arg of args) {
    const found = [resolve(cwd, arg), resolve(root, arg)].find((p) => existsSync(p));
    if (!found) {
      const close = closestIds(basename(arg).replace(/\.mdx$/, ''), listing.jobs.map((j) => j.id), 1);
      throw new UsageError(`${arg} does not exist${close.length ? `; did you mean ${relative(cwd, join(folder, `${close[0]}.mdx`))}?` : ` (looked in ${cwd} and in the knowledge base ${relative(cwd, root) || '.'})`}`);
    }
    const path = real(found);
    if (!within(path, realRoot)) {
      throw new UsageError(`${arg} is outside the knowledge base (${relative(cwd, root) || '.'}); give a postmortem in ${relative(cwd, folder)}, or point --root at its knowledge base`);
    }
    if (statSync(path).isDirectory()) {
      const inside = known.filter((k) => within(k.real, path) || within(realFolder, path));
      if (!inside.length) throw new UsageError(`${arg} holds no postmortems (they are the .mdx files in ${relative(cwd, folder)})`);
      for (const k of inside) out.add(k.path);
      continue;
    }
    const match = known.find((k) => k.real === path);
    if (!match) {
      const hint = dirname(path) === realFolder && /\.(md|markdown)$/i.test(path) ? `; postmortems are .mdx files: rename it to ${basename(path).replace(/\.(md|markdown)$/i, '.mdx')}` : `; postmortems are the .mdx files in ${relative(cwd, folder)}`;
      throw new UsageError(`${arg} is not a postmortem${hint}`);
    }
    out.add(match.path);
  }
  return [...out];
}
