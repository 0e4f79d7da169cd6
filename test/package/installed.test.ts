/*
 * Hindsight installed as a team installs it: the packed tarball is the only thing of this
 * repository the project sees. `init` from the tarball in an empty folder outside the repository,
 * the tarball installed there from the npm cache, then `hindsight check`, `npm run build` and
 * `npm run dev` in that project.
 */
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/build';
import { startServer, waitFor } from '../helpers/dev';
import { initFromTarball, installTarball, outsideTempDir, pack, run, teamEnv, type Packed } from '../helpers/installed';

const PACKAGE = '@hindsight-coe/hindsight';
/** What the package is made of; anything else in the tarball is a mistake (tests, the demo content, the benchmark). */
const SHIPPED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^bin\/hindsight\.mjs$/, /^build\/[\w-]+\.mjs(\.map)?$/, /^src\//, /^starter\//, /^schema\/frontmatter\.schema\.json$/, /^docs\/content-model\.md$/];

describe('the packed package', { timeout: 600_000 }, () => {
  const work = outsideTempDir('hindsight-installed-');
  const project = join(work, 'kb');
  let packed: Packed;
  let postmortems: string[] = [];

  beforeAll(async () => {
    packed = await pack(work);
  });
  afterAll(() => {
    if (!process.env.HINDSIGHT_KEEP_BUILDS) rmSync(work, { recursive: true, force: true });
  });

  it('ships the compiled CLI, the source, the starter and nothing else', () => {
    for (const file of packed.files) expect(SHIPPED.some((re) => re.test(file)), `${file} should not be in the package`).toBe(true);
    for (const needed of ['bin/hindsight.mjs', 'build/cli.mjs', 'build/index.mjs', 'build/read-worker.mjs', 'src/index.ts', 'src/loaders.ts', 'src/routes/index.astro', 'starter/package.json', 'starter/gitignore', 'starter/.github/workflows/check.yml', 'starter/.github/workflows/deploy.yml', 'starter/src/content.config.ts', 'CHANGELOG.md', 'LICENSE', 'schema/frontmatter.schema.json', 'docs/content-model.md']) {
      expect(packed.files).toContain(needed);
    }
    expect(packed.files).not.toContain('src/content.config.ts');
    expect(packed.files.some((f) => f.startsWith('starter/content/postmortems/'))).toBe(true);
  });

  it('init writes a project from the tarball into an empty folder, and says what to do next', async () => {
    const init = await initFromTarball(packed.tarball, work, 'kb');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/Wrote \d+ files of the Hindsight \d+\.\d+\.\d+ starter into kb\//);
    expect(init.stdout).toContain('cd kb');
    expect(init.stdout).toContain('npm install');
    for (const file of ['package.json', 'astro.config.mjs', 'hindsight.config.mjs', 'src/content.config.ts', 'tsconfig.json', '.gitignore', '.nvmrc', 'README.md', 'CONTRIBUTING.md', 'content/services.yml', 'content/teams.yml', 'content/taxonomy.yml', 'content/severities.yml', '.github/workflows/check.yml', '.github/workflows/deploy.yml', '.github/PULL_REQUEST_TEMPLATE.md', '.github/CODEOWNERS']) {
      expect(existsSync(join(project, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string>; scripts: Record<string, string> };
    const own = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string; peerDependencies: Record<string, string> };
    expect(manifest.name).toBe('kb');
    expect(manifest.dependencies[PACKAGE]).toBe(`^${own.version}`);
    expect(manifest.dependencies.astro).toBe(own.peerDependencies.astro);
    expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(['dev', 'build', 'build:public', 'preview', 'check', 'new']));
    postmortems = readdirSync(join(project, 'content/postmortems')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
    expect(postmortems.length).toBeGreaterThanOrEqual(1);

    const again = await initFromTarball(packed.tarball, work, 'kb');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('kb is not empty');
  });

  it('installs from the tarball alone, with nothing of this repository linked', async () => {
    const install = await installTarball(packed.tarball, project);
    expect(install.code, install.stderr).toBe(0);
    const installed = join(project, 'node_modules', PACKAGE);
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(realpathSync(installed).startsWith(REPO)).toBe(false);
    expect(existsSync(join(installed, 'test'))).toBe(false);
  });

  it('hindsight check passes on the starter', async () => {
    const check = await run('npx', ['hindsight', 'check', '--strict'], { cwd: project });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain(`${postmortems.length} files checked: 0 errors, 0 warnings.`);
  });

  it('hindsight new scaffolds a postmortem from the starter\'s catalogs that check accepts', async () => {
    const created = await run('npx', ['hindsight', 'new', '--title', 'Scanner uploads queued after a broker restart', '--start', '2026-06-02T08:15Z', '--severity', 'SEV3', '--services', 'depot-scanning', '--teams', 'depot-systems', '--author', 'sam-t'], { cwd: project });
    expect(created.code, created.stderr).toBe(0);
    const file = 'content/postmortems/2026-06-02-scanner-uploads-queued-after-a-broker-restart.mdx';
    expect(existsSync(join(project, file))).toBe(true);
    const check = await run('npx', ['hindsight', 'check', file], { cwd: project });
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('1 file checked: 0 errors');
  });

  it('npm run build writes a page for each of the starter\'s postmortems', async () => {
    const build = await run('npm', ['run', 'build'], { cwd: project });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    for (const id of postmortems) {
      const page = join(project, 'dist/postmortems', id, 'index.html');
      expect(existsSync(page), page).toBe(true);
    }
    expect(existsSync(join(project, 'dist/pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(project, 'dist/api/postmortems.json'))).toBe(true);
  });

  it('npm run dev serves an edited title without a restart', async () => {
    const dev = await startServer('npm', ['run', 'dev', '--', '--port', '0'], { cwd: project, env: teamEnv() });
    try {
      const id = postmortems[0]!;
      const file = join(project, 'content/postmortems', `${id}.mdx`);
      const before = await dev.get(`/postmortems/${id}/`);
      expect(before.status).toBe(200);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: An edited title, served without a restart'));
      await waitFor(async () => ((await dev.get(`/postmortems/${id}/`)).html.includes('An edited title, served without a restart') ? true : undefined), 10_000, 'the edited title');
      expect(dev.process.exitCode).toBeNull();
    } finally {
      await dev.stop();
    }
  });
});
