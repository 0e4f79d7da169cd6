/*
 * The installed product, timed: `npx tsx bench/installed.ts [--runs 5] [--keep]`
 *
 * Walks the flow a team goes through in an empty folder outside this repository, timing each
 * step once: `npm pack` (with its `prepare`, as a release would), `init` through npx from the
 * tarball, `npm install` of the tarball (from the npm cache), `hindsight check`, `npm run build`,
 * and `npm run dev` until it serves the first postmortem, then the time from saving an edited
 * title to the new title being served. Then the installed CLI, `--runs` times each (medians):
 * `hindsight --help` and `hindsight check <one file>`, run as node_modules/.bin/hindsight and
 * through npx, against `node -e 0` in the same run (the machine's speed swings, so compare).
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, waitFor } from '../test/helpers/dev';
import { initFromTarball, installTarball, outsideTempDir, run, teamEnv } from '../test/helpers/installed';

const REPO = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false } } });
const runs = Number(values.runs);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

async function ok(step: string, ran: Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>): Promise<number> {
  const r = await ran;
  if (r.code !== 0) throw new Error(`${step} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.ms;
}

/*
 * Wall time, and the CPU time (user + system) GNU time reports when it is installed: on a shared
 * machine the wall time of a short command swings with the load, its CPU time much less.
 */
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);

async function repeat(command: string, args: string[], cwd: string): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await (HAS_TIME ? run(TIME, ['-f', 'cpu-seconds %U %S', command, ...args], { cwd }) : run(command, args, { cwd }));
    if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
    wall.push(r.ms);
    const m = r.stderr.match(/cpu-seconds ([\d.]+) ([\d.]+)/);
    if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  return { wall, cpu };
}

const work = outsideTempDir('hindsight-bench-installed-');
const project = join(work, 'kb');
const steps: Array<[string, number]> = [];
try {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO });
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const tarball = join(work, (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string }>)[0]!.filename);
  steps.push(['npm pack (prepare compiles build/)', packed.ms]);
  steps.push(['init: npx --package=<tarball> hindsight init kb', await ok('init', initFromTarball(tarball, work, 'kb'))]);
  steps.push(['npm install <tarball> --prefer-offline', await ok('install', installTarball(tarball, project))]);
  steps.push(['npx hindsight check (the starter)', await ok('check', run('npx', ['hindsight', 'check'], { cwd: project }))]);
  steps.push(['npm run build', await ok('build', run('npm', ['run', 'build'], { cwd: project }))]);

  const id = readdirSync(join(project, 'content/postmortems')).find((f) => f.endsWith('.mdx'))!.replace(/\.mdx$/, '');
  const started = performance.now();
  const dev = await startServer('npm', ['run', 'dev', '--', '--port', '0'], { cwd: project, env: teamEnv() });
  try {
    await dev.get(`/postmortems/${id}/`);
    steps.push(['npm run dev, until the first postmortem is served', performance.now() - started]);
    const file = join(project, 'content/postmortems', `${id}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited while the dev server runs'));
    const seen = await waitFor(async () => ((await dev.get(`/postmortems/${id}/`)).html.includes('Edited while the dev server runs') ? true : undefined), 30_000, 'the edited title');
    steps.push(['dev: save → new title served', seen.ms]);
  } finally {
    await dev.stop();
  }

  const bin = join(project, 'node_modules/.bin/hindsight');
  const one = join('content/postmortems', `${id}.mdx`);
  const cli: Array<[string, { wall: number[]; cpu: number[] }]> = [
    ['node -e 0 (baseline: Node start-up)', await repeat(process.execPath, ['-e', '0'], project)],
    ['node_modules/.bin/hindsight --help', await repeat(bin, ['--help'], project)],
    [`node_modules/.bin/hindsight check ${one}`, await repeat(bin, ['check', one], project)],
    ['npx hindsight --help', await repeat('npx', ['hindsight', '--help'], project)],
    [`npx hindsight check ${one}`, await repeat('npx', ['hindsight', 'check', one], project)],
  ];

  console.log('\nInstalled-product flow (one run each):');
  for (const [name, ms] of steps) console.log(`  ${name.padEnd(56)} ${fmt(ms).padStart(9)}`);
  console.log(`\nInstalled CLI (median of ${runs}, wall and CPU; every run's wall time in ms):`);
  for (const [name, t] of cli) {
    const cpu = t.cpu.length ? `cpu ${fmt(median(t.cpu)).padStart(7)}` : '';
    console.log(`  ${name.padEnd(56)} ${fmt(median(t.wall)).padStart(9)}  ${cpu}   [${t.wall.map((x) => Math.round(x)).join(', ')}]`);
  }
  console.log(JSON.stringify({ steps: Object.fromEntries(steps.map(([n, ms]) => [n, Math.round(ms)])), cli: Object.fromEntries(cli.map(([n, t]) => [n, { wall: Math.round(median(t.wall)), cpu: t.cpu.length ? Math.round(median(t.cpu)) : null }])) }));
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
