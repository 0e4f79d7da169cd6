/*
 * `hindsight init <dir>`: writes a team's knowledge-base repository from the starter/ folder this
 * package ships (content, config, workflows, guides). It never overwrites a file: an empty or new
 * folder is written in full; a folder that holds anything else needs --force, and then every file
 * that is already there is kept and named.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { packageRoot, PACKAGE_NAME } from '../config/package';
import { parse, UsageError } from './io';

export const INIT_HELP = `hindsight init [dir] [options]

Writes a knowledge-base repository into <dir> (default: the current folder):
package.json depending on ${PACKAGE_NAME}, astro.config.mjs, hindsight.config.mjs,
content/ (catalogs and two example postmortems to delete), .github/ (pull-request
check, GitHub Pages deploy, PR template, CODEOWNERS, dependabot), CONTRIBUTING.md and README.md.

The folder must be empty or new (a .git folder is fine). Never overwrites a file.

Options:
  --force      write into a folder that is not empty; files already there are kept
  -h, --help   this help

Examples:
  npx ${PACKAGE_NAME} init postmortems
  cd postmortems && npm install && npm run dev
`;

/** Files of the starter stored under another name, because npm leaves a `.gitignore` out of a package. */
const RENAMED: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

/** Entries that do not make a folder "not empty": a fresh `git init` or clone is a fine target. */
const IGNORED_ENTRIES = new Set(['.git']);

interface PackageManifest {
  version: string;
  peerDependencies?: Record<string, string>;
}

interface StarterManifest {
  name: string;
  dependencies: Record<string, string>;
}

/** The starter's files, as paths relative to its folder (POSIX separators), sorted. */
function starterFiles(starter: string): string[] {
  return readdirSync(starter, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(starter, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** A folder name as an npm package name (lowercase, no spaces), for the team's package.json. */
function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return name || 'postmortems';
}

/** The starter's package.json with this package's version and its Astro range filled in. */
function manifest(text: string, folder: string, own: PackageManifest): string {
  const pkg = JSON.parse(text) as StarterManifest;
  pkg.name = packageName(folder);
  pkg.dependencies[PACKAGE_NAME] = `^${own.version}`;
  const astro = own.peerDependencies?.astro;
  if (astro) pkg.dependencies.astro = astro;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function runInit(argv: string[]): number {
  const { values, positionals } = parse(argv, { force: { type: 'boolean' } }, true);
  if (positionals.length > 1) throw new UsageError(`give one folder, e.g. "hindsight init postmortems" (got ${positionals.length})`);
  const target = resolve(positionals[0] ?? '.');
  const shown = relative(process.cwd(), target) || '.';
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`${shown} is a file; give a new or empty folder`);

  const present = existsSync(target) ? readdirSync(target).filter((name) => !IGNORED_ENTRIES.has(name)) : [];
  if (present.length && !values.force) {
    const listed = present.slice(0, 3).join(', ') + (present.length > 3 ? `, … (${present.length} entries)` : '');
    process.stderr.write(`hindsight: ${shown} is not empty (${listed}); give a new or empty folder, or add --force to write beside what is there (no file is overwritten)\n`);
    return 2;
  }

  const root = packageRoot();
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageManifest;
  const starter = join(root, 'starter');
  const folder = basename(target);
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of starterFiles(starter)) {
    const name = file.split('/').map((part) => RENAMED[part] ?? part).join('/');
    const to = join(target, name);
    const source = readFileSync(join(starter, file));
    const content = file === 'package.json' ? manifest(source.toString('utf8'), folder, own) : source;
    mkdirSync(dirname(to), { recursive: true });
    try {
      // 'wx' fails when the file exists, so nothing is overwritten even if it appeared after the listing above.
      writeFileSync(to, content, { flag: 'wx' });
      written.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      kept.push(name);
    }
  }

  const out: string[] = [`Wrote ${written.length} file${written.length === 1 ? '' : 's'} of the Hindsight ${own.version} starter into ${shown === '.' ? 'this folder' : `${shown}/`}.`];
  if (kept.length) {
    out.push('', `Kept ${kept.length} file${kept.length === 1 ? '' : 's'} already there (not overwritten; the starter's are in node_modules/${PACKAGE_NAME}/starter/ after npm install):`, ...kept.map((k) => `  ${k}`));
  }
  out.push(
    '',
    'Next steps:',
    ...(shown === '.' ? [] : [`  cd ${shown.includes(' ') ? JSON.stringify(shown) : shown}`]),
    ...(existsSync(join(target, '.git')) ? [] : ['  git init']),
    '  npm install            # then commit package-lock.json: the workflows need it',
    '  npm run dev            # the site on http://localhost:4321, updated as you save',
    '  npx hindsight new      # scaffold a postmortem',
    '  npx hindsight check    # what CI checks on every pull request',
    '',
    'Then make it yours: title, organisation and repository in hindsight.config.mjs; your',
    'services and teams in content/; delete the two example postmortems in content/postmortems/.',
    'README.md says how to publish the site with GitHub Pages.',
    '',
  );
  process.stdout.write(out.join('\n'));
  return 0;
}
