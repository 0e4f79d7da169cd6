/*
 * Installing Hindsight as a team would, outside this repository: pack the package, run `init`
 * from the tarball in an empty folder, install the tarball there. Used by the installed-product
 * test and by bench/installed.ts, which times the same steps.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, withoutViteEnv } from './build';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * The environment of a command run in the team's project: none of the `npm_*` variables of the
 * `npm test` that runs us (npm_config_local_prefix would point npm back at this repository), and
 * none of Vitest's.
 */
export function teamEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(withoutViteEnv(process.env)).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD'));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Runs a command to its end and times it. */
export function run(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Ran> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? teamEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: opts.timeoutMs ?? 600_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** A fresh folder outside the repository, so nothing in the project can resolve a file of ours. */
export function outsideTempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  if (dir.startsWith(REPO)) throw new Error(`${dir} is inside the repository`);
  return dir;
}

export interface Packed extends Ran {
  tarball: string;
  /** The paths the tarball holds, relative to the package. */
  files: string[];
}

/**
 * `npm pack` of the repository into `dest`. Scripts are skipped: `prepare` would recompile build/
 * while other tests run the CLI from it, and the test run's global setup has just compiled it from
 * the same source (a user's `npm pack` runs `prepare`).
 */
export async function pack(dest: string): Promise<Packed> {
  const ran = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: REPO });
  if (ran.code !== 0) throw new Error(`npm pack failed:\n${ran.stderr}`);
  const [info] = JSON.parse(ran.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { ...ran, tarball: join(dest, info!.filename), files: info!.files.map((f) => f.path) };
}

/** `npx --package=<tarball> hindsight init <name>` in `cwd`, as a team starts. */
export function initFromTarball(tarball: string, cwd: string, name: string): Promise<Ran> {
  return run('npx', ['--yes', '--prefer-offline', `--package=${tarball}`, 'hindsight', 'init', name], { cwd });
}

/** `npm install <tarball>` in the team's project: the dependency the starter names, from the tarball instead of the registry. */
export function installTarball(tarball: string, project: string): Promise<Ran> {
  return run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project });
}
