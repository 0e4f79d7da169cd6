#!/usr/bin/env node
/*
 * Hindsight benchmark: `npm run bench -- --count 1000[,10000] [--runs R] [--keep]`
 *
 * For each count N it generates N synthetic postmortems (bench/generate.mjs)
 * into bench/.work/, then measures on this machine, in this run:
 *
 *   full      the production build: `astro build` of the real site with
 *             HINDSIGHT_CONTENT pointing at the generated set (includes the
 *             Pagefind index, written by the integration)
 *   baseline  a bare Astro site (bench/baseline/) over the same files as plain
 *             Markdown through the built-in glob loader, plus the Pagefind CLI
 *   check     `node bin/hindsight.mjs check --root <set> --format json`, and
 *             the same for one file (the newest postmortem), as a pull request
 *             checks the file it changes
 *   warm      in the last run: the full build again with its content store
 *             (Astro's cacheDir) kept, as CI keeps it with a cache step, first
 *             with nothing changed, then with one postmortem changed
 *   relevance the relevance set (bench/relevance-queries.mjs) over the example
 *             and over the generated 1,000 (seed 42): recall@5 and MRR of the
 *             site's index against Pagefind's defaults over the same pages
 *
 * and prints a table (wall and CPU seconds, ratios to the baseline of the same
 * run), a phase breakdown of the full build, the warm builds, the relevance
 * table, the targets of issue 14 with PASS/MISS, and a final line of JSON.
 * With --runs R > 1 every figure is the median of R runs. Options:
 *
 *   --count N[,M…]     sizes to measure (default 1000)
 *   --runs R           repetitions per size (default 1)
 *   --keep             keep bench/.work (generated sets and built sites)
 *   --seed S           generator seed (default 42)
 *   --skip a,b         skip some of: baseline, check, analyse, search, warm, relevance, limits
 *   --limits           only the limits part (below), no generated set of N
 *
 * The limits part (runs by default): for each limit of src/schema/limits.ts, the
 * costliest file we know at that limit (bench/lib/limits.ts), in a small generated
 * knowledge base, built for real. Each page's cost is its read as the build's loader
 * does it (read, validate, render, quality policy; median of 3, outside Astro) plus its
 * page generation (Astro's "+N ms" for the page), against an ordinary generated
 * postmortem's page in the same run. Target: at most 2 s each.
 *
 * For the largest size it also measures a first search in Chromium
 * (bench/lib/search-cost.ts): on the full site's /search/ page, and Pagefind
 * alone over the baseline's index (the floor any Pagefind search pays).
 *   --profile          also run one full build under `node --cpu-prof` and
 *                      print where its CPU time goes, per phase
 *   --profile-count N  the size to profile (default: the largest count)
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ANCHOR_TODAY, generate } from './generate.mjs';
import { GENERATED_SET } from './relevance-queries.mjs';
import { summariseProfiles } from './lib/cpuprofile.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(REPO, 'bench/.work');
const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');
const TSX = join(REPO, 'node_modules/tsx/dist/cli.mjs');
const PAGEFIND_CLI = join(REPO, 'node_modules/pagefind/lib/runner/bin.cjs');
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);
const GiB = 1024 ** 3;

/** Issue 14's targets ("Done means"), plus the page-weight ones of earlier issues. */
const TARGETS = {
  buildRatio: 1.0, // full build ≤ the bare baseline's time, wall and CPU, at 10,000
  peakBytes: 4 * GiB,
  warmSyncShare: 0.1, // content sync of an unchanged build ≤ 10% of a cold one
  checkOneMs: 1000, // check of one file in a 10,000-postmortem base
  checkRatio: 0.1, // check of the whole base ≤ 0.1 × the baseline's build time
  recallAt5: 0.95, // on the generated base
  rssBytes: 200 * 1000,
  fileBytes: 5 * 1000 * 1000,
  limitPageMs: 2_000, // issue 12: a page from the worst file at any limit, read and generated
  scaling: 11,
  pageBytes: 60 * 1024,
  pagefindFiles: 20_000,
};

/* ------------------------------------------------------------------ args */

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    skip: { type: 'string', default: '' },
    profile: { type: 'boolean', default: false },
    'profile-count': { type: 'string' },
    limits: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0].replace(/^#!.*\n\/\*\n?/, '').replace(/^ \* ?/gm, '') + '\n');
  process.exit(0);
}
const counts = args.count.split(',').map((s) => Number(s.trim()));
const runs = Number(args.runs);
const seed = Number(args.seed);
const skip = new Set(args.skip.split(',').filter(Boolean));
const profileCount = args['profile-count'] ? Number(args['profile-count']) : Math.max(...counts);
if (counts.some((n) => !(Number.isInteger(n) && n > 0)) || !(Number.isInteger(runs) && runs > 0)) {
  process.stderr.write('bench: --count takes whole numbers > 0 (comma-separated), --runs a whole number > 0\n');
  process.exit(2);
}

/* ------------------------------------------------------------ measuring */

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** Every process under `root` (inclusive), from /proc. */
function processTree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch { /* exited meanwhile */ }
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const CLK_TCK = 100;

/**
 * Peak RSS and CPU time per process of a tree, by polling /proc/<pid>/status VmHWM and
 * /proc/<pid>/stat utime + stime every 100 ms. The CPU of a process is its own (threads
 * included), last seen: GNU time counts a child only once its parent has waited for it, and
 * Pagefind's service binary, stopped as the build exits, never is.
 */
function pollPeaks(rootPid, t0 = performance.now()) {
  const peaks = new Map(); // pid → { kb, name, cmd, cpuTicks }
  const series = []; // [ms since t0, CPU ticks of the whole tree so far]
  const tick = () => {
    for (const pid of processTree(rootPid)) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cpuTicks = Number(fields[11]) + Number(fields[12]);
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        const prev = peaks.get(pid);
        if (!prev) {
          let cmd = '';
          try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' '); } catch { /* gone */ }
          peaks.set(pid, { kb: hwm, name: /Name:\s+(\S+)/.exec(status)?.[1] ?? '?', cmd, cpuTicks });
        } else {
          if (hwm > prev.kb) prev.kb = hwm;
          if (cpuTicks > prev.cpuTicks) prev.cpuTicks = cpuTicks;
        }
      } catch { /* exited meanwhile */ }
    }
    let total = 0;
    for (const p of peaks.values()) total += p.cpuTicks;
    series.push([performance.now() - t0, total]);
  };
  tick();
  const timer = setInterval(tick, 100);
  return {
    stop() {
      clearInterval(timer);
      const all = [...peaks.values()].filter((p) => p.name !== 'time').sort((a, b) => b.kb - a.kb);
      const cpuMs = Math.round((all.reduce((n, p) => n + p.cpuTicks, 0) * 1000) / CLK_TCK);
      /** CPU ms the tree used between two moments (ms since t0), from the polled series. */
      const cpuBetween = (from, to) => {
        const before = (ms) => series.findLast(([t]) => t <= ms)?.[1] ?? 0;
        return from === undefined || to === undefined ? undefined : Math.round(((before(to) - before(from)) * 1000) / CLK_TCK);
      };
      return all.length ? { ...all[0], all, cpuMs, cpuBetween } : undefined;
    },
  };
}

/**
 * Runs a command and measures it: wall time, peak RSS of the largest process
 * (GNU time's "Maximum resident set size" when /usr/bin/time exists, else
 * polled VmHWM), every output line with the ms at which it arrived.
 */
async function measure(command, argv, { cwd = REPO, env = {}, keepStdout = false } = {}) {
  const timeFile = join(WORK, `.time-${process.pid}-${Date.now()}.txt`);
  const [cmd, cmdArgs] = HAS_TIME ? [TIME, ['-v', '-o', timeFile, command, ...argv]] : [command, argv];
  const load = loadavg()[0];
  const t0 = performance.now();
  const child = spawn(cmd, cmdArgs, { cwd, env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const poller = pollPeaks(child.pid, t0);
  const lines = [];
  const chunks = [];
  const read = (stream, name) =>
    new Promise((done) => {
      if (keepStdout && name === 'stdout') {
        stream.on('data', (c) => chunks.push(c));
        stream.on('end', done);
        return;
      }
      const rl = createInterface({ input: stream, crlfDelay: Infinity });
      rl.on('line', (text) => lines.push({ ms: performance.now() - t0, stream: name, text: stripVTControlCharacters(text) }));
      rl.on('close', done);
    });
  const [code] = await Promise.all([
    new Promise((done) => child.on('close', (c) => done(c))),
    read(child.stdout, 'stdout'),
    read(child.stderr, 'stderr'),
  ]);
  const wallMs = performance.now() - t0;
  const polled = poller.stop();
  let peakKb = polled?.kb;
  let exit = code;
  // CPU seconds of the whole process tree (user + system, every thread and child process, Pagefind's binary included):
  // on a shared machine they swing far less than wall time.
  let cpuMs = polled?.cpuMs;
  if (HAS_TIME && existsSync(timeFile)) {
    const report = await readFile(timeFile, 'utf8');
    await rm(timeFile, { force: true });
    const max = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (max) peakKb = Math.max(Number(max[1]), polled?.kb ?? 0);
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
    if (user && sys) cpuMs = Math.round((Number(user[1]) + Number(sys[1])) * 1000);
    // Whichever saw more: the polled sum misses each process's last 100 ms, GNU time misses children nobody waited for.
    if (polled?.cpuMs > (cpuMs ?? 0)) cpuMs = polled.cpuMs;
    const st = /Exit status: (\d+)/.exec(report);
    if (st) exit = Number(st[1]);
    const sig = /Command terminated by signal (\d+)/.exec(report);
    if (sig) exit = 128 + Number(sig[1]);
  }
  return {
    wallMs,
    cpuMs,
    cpuBetween: polled?.cpuBetween ?? (() => undefined),
    exit,
    peakBytes: peakKb ? peakKb * 1024 : undefined,
    peakProcess: polled ? `${polled.name}${polled.cmd ? ` (${polled.cmd.replace(REPO, '')})` : ''}` : undefined,
    // Peak of each process of the tree, largest first (polled VmHWM): e.g. the astro node process apart from Pagefind's.
    processes: polled ? polled.all.slice(0, 4).map((p) => ({ name: p.name, peakBytes: p.kb * 1024 })) : [],
    loadAtStart: Math.round(load * 100) / 100,
    lines,
    stdout: keepStdout ? Buffer.concat(chunks).toString('utf8') : undefined,
  };
}

/* ------------------------------------------------------------- the site */

async function walk(dir, visit) {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, visit);
    else if (e.isFile()) await visit(p, e.name);
  }
}

async function siteStats(dist) {
  let pages = 0, siteFiles = 0, siteBytes = 0;
  let largest = { path: '', bytes: 0 };
  await walk(dist, async (p, name) => {
    if (p.startsWith(join(dist, '.prerender'))) return;
    siteFiles++;
    const size = (await stat(p)).size;
    siteBytes += size;
    if (size > largest.bytes) largest = { path: p.slice(dist.length + 1), bytes: size };
    if (name === 'index.html' && !p.startsWith(join(dist, 'pagefind'))) pages++;
  });
  let pfBytes = 0, pfFiles = 0;
  await walk(join(dist, 'pagefind'), async (p) => {
    pfFiles++;
    pfBytes += (await stat(p)).size;
  });
  const rssBytes = existsSync(join(dist, 'rss.xml')) ? statSync(join(dist, 'rss.xml')).size : undefined;
  return { pages, pagefindBytes: pfBytes, pagefindFiles: pfFiles, siteFiles, siteBytes, largestFile: largest.path, largestFileBytes: largest.bytes, rssBytes };
}

/** HTML + CSS bytes and JS of every postmortem page (/postmortems/<id>/index.html). */
async function postmortemPages(dist) {
  const root = join(dist, 'postmortems');
  let ids;
  // postmortems/2/, postmortems/3/ … are pages of the paginated list, not postmortems.
  try { ids = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && !/^\d+$/.test(d.name)).map((d) => d.name); } catch { return undefined; }
  const cssCache = new Map();
  const sizes = [];
  let withJs = 0, jsExample;
  let largest = { id: '', bytes: 0, html: 0, css: 0 };
  for (const id of ids) {
    const file = join(root, id, 'index.html');
    let html;
    try { html = await readFile(file, 'utf8'); } catch { continue; }
    let css = 0;
    for (const m of html.matchAll(/<link\b[^>]*rel=["']?stylesheet["']?[^>]*>/gi)) {
      const href = /href=["']?([^"' >]+)/i.exec(m[0])?.[1];
      if (!href || /^https?:/.test(href)) continue;
      const path = join(dist, href.replace(/^\/+/, '').replace(/[?#].*$/, ''));
      if (!cssCache.has(path)) cssCache.set(path, existsSync(path) ? statSync(path).size : 0);
      css += cssCache.get(path);
    }
    const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/type=["']?application\/(ld\+)?json/i.test(m[1]));
    const preloads = /<link\b[^>]*rel=["']?modulepreload/i.test(html);
    if (scripts.length || preloads) {
      withJs++;
      jsExample ??= `${id}: ${scripts[0]?.[0] ?? 'modulepreload link'}`;
    }
    const bytes = Buffer.byteLength(html) + css;
    sizes.push(bytes);
    if (bytes > largest.bytes) largest = { id, bytes, html: Buffer.byteLength(html), css };
  }
  sizes.sort((a, b) => a - b);
  const q = (p) => sizes[Math.min(sizes.length - 1, Math.floor(p * sizes.length))];
  return { pages: sizes.length, p50: q(0.5), p95: q(0.95), max: largest.bytes, largest, withJs, jsExample };
}

/* --------------------------------------------------- the phases of a build */

/** Phase durations (ms) of an `astro build`, from the arrival time of its log lines. */
function phases(lines, wallMs, cpuBetween = () => undefined) {
  const at = (re, from = 0) => {
    const i = lines.findIndex((l, k) => k >= from && re.test(l.text));
    return i < 0 ? undefined : { i, ms: lines[i].ms, text: lines[i].text };
  };
  const syncStart = at(/\[content\] Syncing content/);
  const syncEnd = at(/\[content\] Synced content/);
  const bundleStart = at(/Building static entrypoints/);
  const genStart = at(/generating static routes/);
  const genEnd = genStart ? at(/✓ Completed in/, genStart.i) : undefined;
  const sitemap = at(/\[@astrojs\/sitemap\]/);
  const pf = at(/\[(?:hindsight:pagefind|@hindsight-coe\/hindsight)\] search index: (\d+) pages indexed .* in (\d+) ms/);
  const pfMatch = pf && /search index: (\d+) pages indexed .* in (\d+) ms/.exec(pf.text);
  const done = at(/\[build\] Complete!/);
  const d = (a, b) => (a && b ? Math.round(b.ms - a.ms) : undefined);
  const astroGen = genEnd && /Completed in ([\d.]+)(ms|s)/.exec(genEnd.text);
  const out = {
    startup: syncStart ? Math.round(syncStart.ms) : undefined,
    contentSync: d(syncStart, syncEnd),
    typesAndSetup: d(syncEnd, bundleStart),
    bundle: d(bundleStart, genStart),
    pageGeneration: d(genStart, genEnd),
    pageGenerationAstro: astroGen ? Math.round(Number(astroGen[1]) * (astroGen[2] === 's' ? 1000 : 1)) : undefined,
    // The integrations' build:done hooks run in turn (Pagefind, then the sitemap): what is not Pagefind's own time.
    sitemap: genEnd && done ? Math.max(0, Math.round(done.ms - genEnd.ms) - (pfMatch ? Number(pfMatch[2]) : 0)) : d(genEnd, sitemap),
    searchIndex: pfMatch ? Number(pfMatch[2]) : undefined,
    searchIndexPages: pfMatch ? Number(pfMatch[1]) : undefined,
    afterBuild: done ? Math.round(wallMs - done.ms) : undefined,
    // CPU of the whole process tree (every thread, Pagefind's binary) in each phase, from /proc every 100 ms: on a shared machine, the figure to compare.
    cpu: {
      startup: cpuBetween(0, syncStart?.ms),
      contentSync: cpuBetween(syncStart?.ms, syncEnd?.ms),
      bundle: cpuBetween(syncEnd?.ms, genStart?.ms),
      pageGeneration: cpuBetween(genStart?.ms, genEnd?.ms),
      buildDone: cpuBetween(genEnd?.ms, done?.ms),
    },
  };
  // Boundaries (ms since spawn) for attributing a CPU profile to phases.
  const marks = [['start-up', 0, syncStart?.ms], ['content sync', syncStart?.ms, syncEnd?.ms], ['types + setup + bundle', syncEnd?.ms, genStart?.ms], ['page generation', genStart?.ms, genEnd?.ms], ['sitemap + search index', genEnd?.ms, done?.ms]];
  Object.defineProperty(out, 'windows', { value: marks.filter(([, a, b]) => a !== undefined && b !== undefined).map(([name, from, to]) => ({ name, from, to })), enumerable: false });
  Object.defineProperty(out, 'syncAt', { value: { from: syncStart?.ms, to: syncEnd?.ms }, enumerable: false });
  return out;
}

/* ---------------------------------------------------------- the three runs */

/**
 * `astro build` of the real site over a generated set. `out` keeps the output and the cache
 * folders of an earlier build (a warm build: Astro keeps its content store only when its
 * configuration, output folder included, is unchanged); the dist folder is emptied first.
 */
async function fullBuild(n, dir, r, { extraNodeArgs = [], out = join(WORK, 'out', `full-${n}-${r}`), warm = false } = {}) {
  if (warm) await rm(join(out, 'dist'), { recursive: true, force: true });
  else await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const timerFile = join(out, 'astro-timer.json');
  const env = {
    HINDSIGHT_CONTENT: dir,
    HINDSIGHT_OUT_DIR: join(out, 'dist'),
    HINDSIGHT_CACHE_DIR: join(out, 'cache'),
    HINDSIGHT_TODAY: ANCHOR_TODAY,
    // Astro's own timers: "Sync content layer" includes loading the stored content, which the log's phase does not.
    ASTRO_TIMER_PATH: timerFile,
  };
  const m = await measure(process.execPath, [...extraNodeArgs, ASTRO, 'build'], { env });
  const node = m.processes.find((p) => p.name === 'node' || p.name === 'MainThread');
  const pagefind = m.processes.find((p) => p.name.startsWith('pagefind'));
  const result = { wallMs: m.wallMs, cpuMs: m.cpuMs, exit: m.exit, peakBytes: m.peakBytes, peakProcess: m.peakProcess, peakNodeBytes: node?.peakBytes, peakPagefindBytes: pagefind?.peakBytes, loadAtStart: m.loadAtStart, phases: phases(m.lines, m.wallMs, m.cpuBetween) };
  result.phases.contentSyncWithStore = await astroTimer(timerFile, 'Sync content layer');
  // Astro loads the stored content before it logs "Syncing content": its timer says how long that took, so the CPU window starts that much earlier.
  const { from, to } = result.phases.syncAt ?? {};
  if (from !== undefined && result.phases.contentSyncWithStore !== undefined) result.phases.cpu.contentSyncWithStore = m.cpuBetween(Math.max(0, from - Math.max(0, result.phases.contentSyncWithStore - (to - from))), to);
  // The loader's log of what it read (either wording: "N postmortem files read, K unchanged…" or "read N of M postmortem files (K unchanged)").
  const read = m.lines.map((l) => /(\d+) postmortem files? read, (\d+) unchanged since the last build|read (\d+) of \d+ postmortem files? \((\d+) unchanged\)/.exec(l.text)).find(Boolean);
  if (read) Object.assign(result, { filesRead: Number(read[1] ?? read[3]), filesUnchanged: Number(read[2] ?? read[4]) });
  if (m.exit === 0) {
    Object.assign(result, await siteStats(join(out, 'dist')));
    result.postmortemPages = await postmortemPages(join(out, 'dist'));
  } else {
    result.error = m.lines.filter((l) => /error|Error|failed/.test(l.text)).slice(-15).map((l) => l.text).join('\n');
  }
  await writeFile(join(WORK, `full-${n}-${r}.log`), m.lines.map((l) => `${(l.ms / 1000).toFixed(3).padStart(9)} ${l.stream === 'stderr' ? '!' : ' '} ${l.text}`).join('\n'));
  return { result, out, lines: m.lines };
}

/** Astro's generation time of each postmortem page, from its "├─ /postmortems/<id>/index.html (+12ms)" lines. */
function pageTimes(lines) {
  const out = new Map();
  for (const { text } of lines) {
    const m = /\/postmortems\/([^/]+)\/index\.html \(\+([\d.]+)(ms|s)\)/.exec(text);
    if (m) out.set(m[1], Number(m[2]) * (m[3] === 's' ? 1000 : 1));
  }
  return out;
}

/** The limits part: the worst file at each limit, read outside Astro and built for real (see the header). */
async function limitsRun() {
  const dir = join(WORK, 'kb-limits');
  await generate({ count: 20, dir, seed });
  const m = await measure(process.execPath, [TSX, join(REPO, 'bench/lib/limits.ts'), dir], { keepStdout: true });
  let read;
  try { read = JSON.parse(m.stdout.trim().split('\n').pop()); } catch { return { error: m.lines.slice(-5).map((l) => l.text).join(' / ') || `exit ${m.exit}` }; }
  const f = await fullBuild('limits', dir, 1);
  const pages = pageTimes(f.lines);
  if (!args.keep) {
    await rm(f.out, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
  const ordinaryPages = [...pages].filter(([id]) => !read.cases.some((c) => c.id === id)).map(([, ms]) => ms);
  const ordinary = { ...read.ordinary, pageMs: pages.get(read.ordinary.id), medianPageMs: median(ordinaryPages) };
  ordinary.totalMs = ordinary.readMs + (ordinary.pageMs ?? 0);
  return {
    exit: f.result.exit,
    buildMs: f.result.wallMs,
    loadAtStart: f.result.loadAtStart,
    error: f.result.error ?? (read.errors.length ? `check refused a worst case: ${read.errors.join('; ')}` : undefined),
    ordinary,
    cases: read.cases.map((c) => ({ ...c, pageMs: pages.get(c.id), totalMs: c.readMs + (pages.get(c.id) ?? 0) })),
    lanes10kMs: read.lanes10kMs,
  };
}

function printLimits(l) {
  if (l.error && !l.cases) {
    process.stdout.write(`\nLIMITS PART FAILED: ${l.error}\n`);
    return;
  }
  const ms = (x) => (x === undefined ? '—' : `${Math.round(x)} ms`);
  const rows = [['worst file at each limit (generated, accepted)', 'size', 'longest line', 'read + render', 'page generation', 'page total', 'vs ordinary']];
  for (const c of l.cases) rows.push([`${c.limit}: ${c.what}`, kb(c.bytes), int(c.longestLine), ms(c.readMs) + (c.layoutMs !== undefined ? ` (timeline layout ${c.layoutMs} ms)` : ''), ms(c.pageMs), ms(c.totalMs), ratio(c.totalMs, l.ordinary.totalMs)]);
  rows.push([`ordinary generated postmortem (${l.ordinary.id})`, kb(l.ordinary.bytes), '', ms(l.ordinary.readMs), `${ms(l.ordinary.pageMs)} (median of all: ${ms(l.ordinary.medianPageMs)})`, ms(l.ordinary.totalMs), '1.00×']);
  process.stdout.write(`\nLimits: the worst file at each limit (build ${s(l.buildMs)}, exit ${l.exit}, load average at start ${l.loadAtStart?.toFixed(2) ?? '—'})\n\n${table(rows)}\n(read + render: the loader's work for the file, outside Astro, median of 3; page generation: Astro's "+N ms" for its page)\nlane packing alone, 10,000 labels a pixel apart (20 times the limit): ${ms(l.lanes10kMs)}\n`);
  if (l.error) process.stdout.write(`LIMITS: ${l.error}\n`);
}

/** One timer of Astro's ASTRO_TIMER_PATH report, in ms. */
async function astroTimer(file, name) {
  try {
    const ms = JSON.parse(await readFile(file, 'utf8'))[name]?.elapsedTime;
    return ms === undefined ? undefined : Math.round(ms);
  } catch {
    return undefined;
  }
}

/**
 * The same build again with its content store kept (the cache step of CI): once with nothing
 * changed, once after one published postmortem changed (a sentence added to its body; restored after).
 */
async function warmBuilds(n, dir, cold) {
  const unchanged = (await fullBuild(n, dir, 'warm', { out: cold.out, warm: true })).result;
  const files = (await readdir(join(dir, 'postmortems'))).filter((f) => f.endsWith('.mdx')).sort();
  let changedFile;
  for (const f of files.reverse()) {
    if (/^status: published$/m.test(await readFile(join(dir, 'postmortems', f), 'utf8'))) { changedFile = join(dir, 'postmortems', f); break; }
  }
  const original = await readFile(changedFile, 'utf8');
  await appendFile(changedFile, '\nOne sentence added after the first build, as a pull request changes a postmortem.\n');
  let oneChanged;
  try {
    oneChanged = (await fullBuild(n, dir, 'warm-one', { out: cold.out, warm: true })).result;
  } finally {
    await writeFile(changedFile, original);
  }
  return { unchanged, oneChanged, changedFile: changedFile.slice(dir.length + 1) };
}

async function baselineBuild(n, mdDir, r) {
  const out = join(WORK, 'out', `baseline-${n}-${r}`);
  await rm(out, { recursive: true, force: true });
  const env = { BASELINE_CONTENT: mdDir, BASELINE_OUT_DIR: join(out, 'dist'), BASELINE_CACHE_DIR: join(out, 'cache') };
  await mkdir(out, { recursive: true });
  env.ASTRO_TIMER_PATH = join(out, 'astro-timer.json');
  const astro = await measure(process.execPath, [ASTRO, 'build', '--root', join(REPO, 'bench/baseline')], { env });
  await writeFile(join(WORK, `baseline-${n}-${r}.log`), astro.lines.map((l) => `${(l.ms / 1000).toFixed(3).padStart(9)} ${l.text}`).join('\n'));
  if (astro.exit !== 0) {
    return { result: { exit: astro.exit, error: astro.lines.slice(-15).map((l) => l.text).join('\n') }, out };
  }
  const pf = await measure(process.execPath, [PAGEFIND_CLI, '--site', join(out, 'dist')]);
  const p = phases(astro.lines, astro.wallMs, astro.cpuBetween);
  const result = {
    wallMs: astro.wallMs + pf.wallMs,
    cpuMs: astro.cpuMs !== undefined && pf.cpuMs !== undefined ? astro.cpuMs + pf.cpuMs : undefined,
    exit: pf.exit,
    peakBytes: Math.max(astro.peakBytes ?? 0, pf.peakBytes ?? 0) || undefined,
    peakProcess: (astro.peakBytes ?? 0) >= (pf.peakBytes ?? 0) ? astro.peakProcess : pf.peakProcess,
    peakNodeBytes: astro.peakBytes,
    peakPagefindBytes: pf.processes.find((p) => p.name.startsWith('pagefind'))?.peakBytes,
    loadAtStart: astro.loadAtStart,
    phases: { startup: p.startup, contentSync: p.contentSync, contentSyncWithStore: await astroTimer(env.ASTRO_TIMER_PATH, 'Sync content layer'), typesAndSetup: p.typesAndSetup, bundle: p.bundle, pageGeneration: p.pageGeneration, searchIndex: Math.round(pf.wallMs), cpu: { ...p.cpu, buildDone: pf.cpuMs } },
    ...(await siteStats(join(out, 'dist'))),
  };
  return { result, out };
}

/** `hindsight check` over the whole set, or over the given files only (a pull request's). */
async function checkRun(n, dir, files = []) {
  const m = await measure(process.execPath, [join(REPO, 'bin/hindsight.mjs'), 'check', '--root', dir, ...files, '--format', 'json'], { keepStdout: true });
  const result = { wallMs: m.wallMs, cpuMs: m.cpuMs, exit: m.exit, peakBytes: m.peakBytes, peakProcess: m.peakProcess, loadAtStart: m.loadAtStart };
  try {
    const report = JSON.parse(m.stdout);
    Object.assign(result, { files: report.files, errors: report.errors, warnings: report.warnings });
    if (m.exit > 1) result.error = `exit ${m.exit}`;
  } catch {
    result.error = `the CLI did not print a JSON report (exit ${m.exit}): ${m.lines.slice(-5).map((l) => l.text).join(' / ') || m.stdout.slice(0, 300)}`;
  }
  return result;
}

/** The newest postmortem of a set: the file a pull request most likely changes. */
async function newestPostmortem(dir) {
  const files = (await readdir(join(dir, 'postmortems'))).filter((f) => f.endsWith('.mdx')).sort();
  return join(dir, 'postmortems', files[files.length - 1]);
}

/** bench/lib/relevance.ts on a built site: the site's index and Pagefind's defaults over the same pages. */
async function relevance(dist, set) {
  const m = await measure(process.execPath, [TSX, join(REPO, 'bench/lib/relevance.ts'), dist, set], { keepStdout: true });
  try { return JSON.parse(m.stdout.trim().split('\n').pop()); } catch { return { set, error: m.lines.slice(-5).map((l) => l.text).join(' / ') || `exit ${m.exit}` }; }
}

/** The example knowledge base (content/), built once per run for its relevance set. */
async function exampleBuild() {
  const out = join(WORK, 'out', 'example');
  await rm(out, { recursive: true, force: true });
  const m = await measure(process.execPath, [ASTRO, 'build'], { env: { HINDSIGHT_OUT_DIR: join(out, 'dist'), HINDSIGHT_CACHE_DIR: join(out, 'cache'), HINDSIGHT_TODAY: ANCHOR_TODAY } });
  return { out, exit: m.exit, error: m.exit === 0 ? undefined : m.lines.slice(-10).map((l) => l.text).join('\n') };
}

async function analyse(dir) {
  const m = await measure(process.execPath, [TSX, join(REPO, 'bench/lib/analyse.ts'), dir, '2000'], { keepStdout: true });
  try { return JSON.parse(m.stdout.trim().split('\n').pop()); } catch { return { error: m.lines.slice(-5).map((l) => l.text).join(' / ') }; }
}

/** A first search in Chromium on a built site (bench/lib/search-cost.ts); `api` for the bare baseline. */
async function searchCost(dist, query, api) {
  const m = await measure(process.execPath, [TSX, join(REPO, 'bench/lib/search-cost.ts'), dist, query, '3', ...(api ? ['--api'] : [])], { keepStdout: true });
  try { return JSON.parse(m.stdout.trim().split('\n').pop()); } catch { return { error: m.lines.slice(-5).map((l) => l.text).join(' / ') || `exit ${m.exit}` }; }
}

const SEARCH_QUERIES = ['connection pool', 'certificate expiry'];

/* ---------------------------------------------------------------- output */

const s = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const mib = (b) => (b === undefined ? '—' : `${(b / 1024 / 1024).toFixed(0)} MiB`);
const kb = (b) => (b === undefined ? '—' : `${(b / 1024).toFixed(1)} KB`);
const int = (x) => (x === undefined ? '—' : x.toLocaleString('en-US'));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const pct = (a, b) => (a !== undefined && b ? `${((100 * a) / b).toFixed(1)}%` : '—');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => `| ${r.map((x, c) => (c === 0 ? String(x).padEnd(widths[c]) : String(x).padStart(widths[c]))).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** Median of every numeric field over the runs (nested objects too); other fields from the first run. */
function medianOf(results) {
  const ok = results.filter(Boolean);
  if (!ok.length) return undefined;
  const out = {};
  for (const key of Object.keys(ok[0])) {
    const vals = ok.map((r) => r[key]);
    if (typeof vals[0] === 'number') out[key] = median(vals);
    else if (vals[0] && typeof vals[0] === 'object' && !Array.isArray(vals[0])) out[key] = medianOf(vals);
    else out[key] = vals[0];
  }
  return out;
}

function printSize(n, sum) {
  const { full, baseline, check, analysis } = sum;
  const perPm = (x) => (x?.wallMs ? `${(x.wallMs / n).toFixed(2)} ms` : '—');
  const title = `Hindsight benchmark: ${int(n)} postmortems, ${runs > 1 ? `median of ${runs} runs` : '1 run'}`;
  const rows = [
    ['', 'full build', 'baseline', 'full / baseline', 'check'],
    ['wall time', s(full?.wallMs), s(baseline?.wallMs), ratio(full?.wallMs, baseline?.wallMs), check?.error && !check.wallMs ? 'failed' : s(check?.wallMs)],
    ['CPU seconds (user + system, all threads and children)', s(full?.cpuMs), s(baseline?.cpuMs), ratio(full?.cpuMs, baseline?.cpuMs), s(check?.cpuMs)],
    ['ms per postmortem', perPm(full), perPm(baseline), ratio(full?.wallMs, baseline?.wallMs), perPm(check)],
    ['check ÷ baseline build (wall / CPU)', '', '', '', `${ratio(check?.wallMs, baseline?.wallMs)} / ${ratio(check?.cpuMs, baseline?.cpuMs)}`],
    ['check of one file (the newest)', '', '', '', sum.checkOne ? `${s(sum.checkOne.wallMs)} (CPU ${s(sum.checkOne.cpuMs)})` : '—'],
    ['peak RSS (largest process)', mib(full?.peakBytes), mib(baseline?.peakBytes), ratio(full?.peakBytes, baseline?.peakBytes), mib(check?.peakBytes)],
    ['  of which: astro (node)', mib(full?.peakNodeBytes), mib(baseline?.peakNodeBytes), ratio(full?.peakNodeBytes, baseline?.peakNodeBytes), ''],
    ['  of which: Pagefind', mib(full?.peakPagefindBytes), mib(baseline?.peakPagefindBytes), ratio(full?.peakPagefindBytes, baseline?.peakPagefindBytes), ''],
    ['pages written (index.html)', int(full?.pages), int(baseline?.pages), ratio(full?.pages, baseline?.pages), check?.files !== undefined ? `${int(check.files)} files` : '—'],
    ['Pagefind index size', mib(full?.pagefindBytes), mib(baseline?.pagefindBytes), ratio(full?.pagefindBytes, baseline?.pagefindBytes), check?.errors !== undefined ? `${int(check.errors)} errors` : '—'],
    ['Pagefind file count', int(full?.pagefindFiles), int(baseline?.pagefindFiles), ratio(full?.pagefindFiles, baseline?.pagefindFiles), check?.warnings !== undefined ? `${int(check.warnings)} warnings` : '—'],
    ['whole site: files', int(full?.siteFiles), int(baseline?.siteFiles), ratio(full?.siteFiles, baseline?.siteFiles), ''],
    ['whole site: size', mib(full?.siteBytes), mib(baseline?.siteBytes), ratio(full?.siteBytes, baseline?.siteBytes), ''],
    ['largest file', full?.largestFile ? `${kb(full.largestFileBytes)} ${full.largestFile}` : '—', baseline?.largestFile ? `${kb(baseline.largestFileBytes)} ${baseline.largestFile}` : '—', '', ''],
    ['/rss.xml', kb(full?.rssBytes), '—', '', ''],
  ];
  process.stdout.write(`\n${title}\n\n${table(rows)}\n`);
  if (runs > 1) {
    process.stdout.write(`runs (wall): full ${sum.runs.full.map((x) => s(x?.wallMs)).join(', ')}; baseline ${sum.runs.baseline.map((x) => s(x?.wallMs)).join(', ')}; check ${sum.runs.check.map((x) => s(x?.wallMs)).join(', ')}\n`);
  }
  process.stdout.write(`largest process: full ${full?.peakProcess ?? '—'}; baseline ${baseline?.peakProcess ?? '—'}\n`);
  const la = (x) => (x === undefined ? '—' : x.toFixed(2));
  process.stdout.write(`load average at start: full ${la(full?.loadAtStart)}, baseline ${la(baseline?.loadAtStart)}, check ${la(check?.loadAtStart)} (${cpus().length} CPUs; above ~1 other work shared the machine)\n`);
  if (full?.error) process.stdout.write(`FULL BUILD FAILED (exit ${full.exit}):\n${full.error}\n`);
  if (baseline?.error) process.stdout.write(`BASELINE FAILED (exit ${baseline.exit}):\n${baseline.error}\n`);
  if (check?.error) process.stdout.write(`CHECK: ${check.error}\n`);

  if (full?.phases) {
    const p = full.phases, b = baseline?.phases ?? {};
    const pc = p.cpu ?? {}, bc = b.cpu ?? {};
    const phaseRows = [
      ['phase (from the build log)', 'full: wall', 'full: CPU', 'baseline: wall', 'baseline: CPU', 'CPU ratio'],
      ['start-up (to "Syncing content")', s(p.startup), s(pc.startup), s(b.startup), s(bc.startup), ratio(pc.startup, bc.startup)],
      ['content sync (read, validate, render)', s(p.contentSync), s(pc.contentSync), s(b.contentSync), s(bc.contentSync), ratio(pc.contentSync, bc.contentSync)],
      ['  with loading the stored content (Astro timer)', s(p.contentSyncWithStore), '', s(b.contentSyncWithStore), '', ''],
      ['types, build setup and bundle (vite)', s((p.typesAndSetup ?? 0) + (p.bundle ?? 0)), s(pc.bundle), s((b.typesAndSetup ?? 0) + (b.bundle ?? 0)), s(bc.bundle), ratio(pc.bundle, bc.bundle)],
      ['page generation', s(p.pageGeneration), s(pc.pageGeneration), s(b.pageGeneration), s(bc.pageGeneration), ratio(pc.pageGeneration, bc.pageGeneration)],
      [`search index (Pagefind, ${int(p.searchIndexPages)} pages) and sitemap`, s((p.searchIndex ?? 0) + (p.sitemap ?? 0)), s(pc.buildDone), s(b.searchIndex), s(bc.buildDone), ratio(pc.buildDone, bc.buildDone)],
      ['after "Complete!" (exit)', s(p.afterBuild), '', '—', '', ''],
    ];
    process.stdout.write(`\n${table(phaseRows)}\n`);
  }
  if (analysis && !analysis.error) {
    const a = analysis, pr = a.projectedMs ?? {};
    const rows2 = [
      ['measured outside Astro (tsx, same set)', 'time', 'note'],
      ['read knowledge base, no render (= check\'s read)', s(a.readMs), `${int(a.postmortems)} files, ${a.errors} errors`],
      ['  file I/O (awaited readFile between parses, as read.ts)', s(pr.readFile), `${a.perFileMs?.readFile} ms/file (sample ${int(a.sample)})`],
      ['  YAML frontmatter', s(pr.yaml), `${a.perFileMs?.yaml} ms/file`],
      ['  zod schema', s(pr.zod), `${a.perFileMs?.zod} ms/file`],
      ['  MDX parse + safe-subset walk', s(pr.mdxParse), `${a.perFileMs?.mdxParse} ms/file`],
      ['  HTML render (build only)', s(pr.htmlRender), 'parse+render minus parse'],
      ['detectPatterns (published)', s(a.patternsMs), `${int(a.patterns)} patterns (${int(a.explicitPatterns)} explicit)`],
      ['similarIncidents (all in edition)', s(a.similarityMs), `${int(a.withSuggestions)} with suggestions`],
      ['quality policy, every postmortem (build: loadSite; check)', s(a.qualityMs), `${int(a.qualityIssues)} findings`],
    ];
    process.stdout.write(`\n${table(rows2)}\n`);
  } else if (analysis?.error) process.stdout.write(`analysis failed: ${analysis.error}\n`);
  if (sum.search?.full?.length) {
    const kib = (b) => (b === undefined ? '—' : `${(b / 1024).toFixed(0)} KiB`);
    const ms = (x) => (x === undefined ? '—' : `${x} ms`);
    const rows3 = [['first search in Chromium (fresh cache, median of 3)', 'fetched to results', 'with facet counts', 'requests', 'search (cold / warm)', 'results shown after typing']];
    for (const r of sum.search.full) {
      rows3.push(r.error ? [`/search/ "${r.query ?? '?'}"`, `failed: ${r.error}`, '', '', '', ''] : [`/search/ page, "${r.query}" (${int(r.results)} results)`, kib(r.bytes), kib(r.bytesWithCounts), `${r.requests} + ${r.requestsWithCounts - r.requests}`, `${ms(r.searchColdMs)} / ${ms(r.searchWarmMs)}`, ms(r.typingMs)]);
    }
    for (const r of sum.search.baseline ?? []) {
      rows3.push(r.error ? ['baseline: Pagefind alone', `failed: ${r.error}`, '', '', '', ''] : [`baseline: Pagefind API alone, "${r.query}"`, kib(r.bytes), '—', String(r.requests), `${ms(r.searchColdMs)} / ${ms(r.searchWarmMs)}`, '—']);
    }
    process.stdout.write(`\n${table(rows3)}\n(bytes as a static host serves them: text gzipped, Pagefind's files as written; "search" is pagefind.search() plus the first 10 results' fragments inside the page; "results shown" includes the box's 150 ms debounce)\n`);
  }
  if (sum.warm) {
    const { unchanged: w, oneChanged: o } = sum.warm;
    const cold = full?.phases?.contentSyncWithStore, coldCpu = full?.phases?.cpu?.contentSyncWithStore;
    const rows4 = [
      ['build with the content store kept (last run)', 'wall', 'CPU', 'content sync with store: wall', 'CPU', 'CPU share of cold', 'files read / unchanged'],
      ['cold (the full build above)', s(full?.wallMs), s(full?.cpuMs), s(cold), s(coldCpu), '100%', `${int(full?.filesRead)} / ${int(full?.filesUnchanged)}`],
      ['warm, nothing changed', s(w.wallMs), s(w.cpuMs), s(w.phases.contentSyncWithStore), s(w.phases.cpu?.contentSyncWithStore), pct(w.phases.cpu?.contentSyncWithStore, coldCpu), `${int(w.filesRead)} / ${int(w.filesUnchanged)}`],
      ['warm, one postmortem changed', s(o.wallMs), s(o.cpuMs), s(o.phases.contentSyncWithStore), s(o.phases.cpu?.contentSyncWithStore), pct(o.phases.cpu?.contentSyncWithStore, coldCpu), `${int(o.filesRead)} / ${int(o.filesUnchanged)}`],
    ];
    process.stdout.write(`\n${table(rows4)}\n(changed: ${sum.warm.changedFile}; a warm build still renders every page and indexes every record)\n`);
  }
  const pp = full?.postmortemPages;
  if (pp) {
    process.stdout.write(`\npostmortem pages: ${int(pp.pages)}; HTML+CSS p50 ${kb(pp.p50)}, p95 ${kb(pp.p95)}, max ${kb(pp.max)} (${pp.largest.id}: HTML ${kb(pp.largest.html)} + CSS ${kb(pp.largest.css)}); pages with JS: ${pp.withJs}${pp.jsExample ? ` (e.g. ${pp.jsExample})` : ''}\n`);
  }
}

/**
 * Issue 14's targets, for every size measured (the issue sets them at 10,000; smaller sizes are
 * shown to follow them between 10,000 runs), after issue 12's limits and before the page-weight
 * targets of earlier issues.
 */
function targets(bySize, relevanceSets, limits) {
  const out = [];
  const add = (name, status, detail) => out.push({ target: name, status, detail });
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  if (limits?.cases) {
    for (const c of limits.cases) add(`limit, ${c.limit} (${c.what}): page ≤ 2 s`, limits.exit === 0 && c.pageMs !== undefined && c.totalMs <= TARGETS.limitPageMs ? 'PASS' : 'MISS', c.pageMs === undefined ? 'no page in the build log' : `${Math.round(c.totalMs)} ms (${Math.round(c.readMs)} read + ${Math.round(c.pageMs)} page), ${ratio(c.totalMs, limits.ordinary.totalMs)} an ordinary page`);
  } else if (limits?.error) add('limits: every worst case ≤ 2 s', 'MISS', limits.error);
  if (!bySize.size) return out;
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  for (const n of sizes) {
    const { full, baseline, check, checkOne, warm, search } = bySize.get(n);
    const at = `${int(n)}:`;
    if (full?.exit !== 0 || !full?.wallMs) {
      add(`${at} full build`, 'MISS', full ? `build failed (exit ${full.exit})` : 'not measured');
      continue;
    }
    if (baseline?.wallMs) {
      add(`${at} full build ≤ ${TARGETS.buildRatio.toFixed(1)}× the bare baseline, wall`, verdict(full.wallMs <= TARGETS.buildRatio * baseline.wallMs), `${s(full.wallMs)} vs ${s(baseline.wallMs)} (${ratio(full.wallMs, baseline.wallMs)})`);
      if (full.cpuMs && baseline.cpuMs) add(`${at} full build ≤ ${TARGETS.buildRatio.toFixed(1)}× the bare baseline, CPU`, verdict(full.cpuMs <= TARGETS.buildRatio * baseline.cpuMs), `${s(full.cpuMs)} vs ${s(baseline.cpuMs)} (${ratio(full.cpuMs, baseline.cpuMs)})`);
    } else add(`${at} full build ≤ the bare baseline`, 'n/a', 'baseline skipped');
    add(`${at} peak RSS ≤ 4 GiB`, verdict(full.peakBytes <= TARGETS.peakBytes), `${mib(full.peakBytes)} (astro ${mib(full.peakNodeBytes)}, Pagefind ${mib(full.peakPagefindBytes)})`);
    if (warm) {
      // CPU seconds, loading the stored content included: wall time on a shared machine swings more than the target.
      const cold = full.phases?.cpu?.contentSyncWithStore, w = warm.unchanged.phases?.cpu?.contentSyncWithStore;
      add(`${at} warm build: content sync ≤ 10% of a cold one (CPU)`, verdict(cold && w !== undefined && w <= TARGETS.warmSyncShare * cold), `${s(w)} vs ${s(cold)} CPU (${pct(w, cold)}; wall ${pct(warm.unchanged.phases?.contentSyncWithStore, full.phases?.contentSyncWithStore)}; ${int(warm.unchanged.filesRead)} files read)`);
      add(`${at} warm build: one changed postmortem re-reads one file`, verdict(warm.oneChanged.filesRead === 1), `${int(warm.oneChanged.filesRead)} read, ${int(warm.oneChanged.filesUnchanged)} unchanged`);
    } else add(`${at} warm builds`, 'n/a', 'skipped');
    if (checkOne?.wallMs && !checkOne.error) add(`${at} check of one changed file ≤ 1 s`, verdict(checkOne.wallMs <= TARGETS.checkOneMs && checkOne.files === 1), `${s(checkOne.wallMs)} (${checkOne.files} file)`);
    else add(`${at} check of one changed file ≤ 1 s`, checkOne ? 'MISS' : 'n/a', checkOne?.error ?? 'not measured');
    if (check?.wallMs && baseline?.wallMs && !check.error) add(`${at} check of the whole base ≤ 0.1× the baseline build`, verdict(check.wallMs <= TARGETS.checkRatio * baseline.wallMs), `${s(check.wallMs)} vs ${s(baseline.wallMs)} (${ratio(check.wallMs, baseline.wallMs)}; CPU ${ratio(check.cpuMs, baseline.cpuMs)})`);
    else add(`${at} check of the whole base ≤ 0.1× the baseline build`, check?.error ? 'MISS' : 'n/a', check?.error ?? 'needs check and baseline');
    const ours = search?.full?.[0], floor = search?.baseline?.[0];
    if (ours && floor && !ours.error && !floor.error) {
      add(`${at} first search: bytes to results ≤ Pagefind's API alone`, verdict(ours.bytes <= floor.bytes), `${(ours.bytes / 1024).toFixed(0)} KiB vs ${(floor.bytes / 1024).toFixed(0)} KiB ("${ours.query}")`);
      add(`${at} first search: cold search ≤ Pagefind's API alone`, verdict(ours.searchColdMs <= floor.searchColdMs), `${ours.searchColdMs} ms vs ${floor.searchColdMs} ms`);
    } else if (n === Math.max(...sizes)) add(`${at} first search ≤ Pagefind's API alone`, 'n/a', ours?.error ?? floor?.error ?? 'not measured (search or baseline skipped)');
    if (full.rssBytes !== undefined) add(`${at} /rss.xml under 200 KB`, verdict(full.rssBytes < TARGETS.rssBytes), kb(full.rssBytes));
    add(`${at} no file in dist/ over 5 MB`, verdict(full.largestFileBytes <= TARGETS.fileBytes), `largest ${kb(full.largestFileBytes)} (${full.largestFile})`);
  }
  for (const r of relevanceSets) {
    if (r.error) add(`relevance (${r.set}): recall@5 ≥ 0.95`, 'MISS', `failed: ${r.error}`);
    else add(`relevance (${r.set === 'generated' ? 'generated 1,000' : 'example'}): recall@5 ≥ 0.95`, verdict(r.site.recallAt5 >= TARGETS.recallAt5), `${r.site.recallAt5.toFixed(3)} (MRR ${r.site.mrr.toFixed(3)}); Pagefind's defaults ${r.defaults.recallAt5.toFixed(3)} (MRR ${r.defaults.mrr.toFixed(3)}), ${r.queries} queries`);
  }
  if (!relevanceSets.some((r) => r.set === 'generated')) add('relevance (generated 1,000): recall@5 ≥ 0.95', 'n/a', `needs --count ${GENERATED_SET.count} with --seed ${GENERATED_SET.seed}`);
  const big = bySize.get(Math.max(...sizes)), small = bySize.get(Math.min(...sizes));
  if (sizes.length > 1 && big?.full?.wallMs && small?.full?.wallMs) {
    const f = big.full.wallMs / small.full.wallMs, k = Math.max(...sizes) / Math.min(...sizes);
    add(`${int(Math.max(...sizes))} time ≤ ${TARGETS.scaling * k / 10} × ${int(Math.min(...sizes))} time`, verdict(f <= (TARGETS.scaling * k) / 10), `${f.toFixed(2)}×`);
  }
  for (const [n, sum] of bySize) {
    const pp = sum.full?.postmortemPages;
    if (!pp) continue;
    add(`${int(n)}: postmortem page ≤ 60 KB HTML+CSS`, pp.max <= TARGETS.pageBytes ? 'PASS' : 'MISS', `max ${kb(pp.max)} (${pp.largest.id}), p95 ${kb(pp.p95)}`);
    add(`${int(n)}: postmortem page ships no JS`, pp.withJs === 0 ? 'PASS' : 'MISS', pp.withJs ? `${pp.withJs} pages, e.g. ${pp.jsExample}` : 'no <script>, no modulepreload');
    if (sum.full.pagefindFiles !== undefined) {
      add(`${int(n)}: Pagefind files ≤ 20,000`, sum.full.pagefindFiles > TARGETS.pagefindFiles ? 'WARN' : 'PASS', `${int(sum.full.pagefindFiles)} files, ${mib(sum.full.pagefindBytes)}`);
      add(`${int(n)}: whole site ≤ 20,000 files (info)`, sum.full.siteFiles > TARGETS.pagefindFiles ? 'WARN' : 'PASS', `${int(sum.full.siteFiles)} files, ${mib(sum.full.siteBytes)}`);
    }
  }
  return out;
}

/** The relevance table: each set over the site's index and over Pagefind's defaults. */
function printRelevance(sets) {
  if (!sets.length) return;
  const rows = [['relevance set (engineer-style queries)', 'queries', 'recall@5', 'MRR', "Pagefind's defaults: recall@5", 'MRR']];
  for (const r of sets) {
    rows.push(r.error ? [r.set, 'failed', r.error.slice(0, 60), '', '', ''] : [r.set === 'generated' ? `generated ${int(GENERATED_SET.count)} (seed ${GENERATED_SET.seed})` : 'example (content/)', String(r.queries), r.site.recallAt5.toFixed(3), r.site.mrr.toFixed(3), r.defaults.recallAt5.toFixed(3), r.defaults.mrr.toFixed(3)]);
  }
  process.stdout.write(`\nSearch relevance (Chromium, Pagefind's API; the site's index with the search page's ranking options, against the Pagefind CLI with no configuration over the same built pages)\n\n${table(rows)}\n`);
  for (const r of sets) {
    for (const m of r.site?.misses ?? []) process.stdout.write(`  missed (${r.set}): "${m.q}" → ${m.id}${m.rank ? ` at rank ${m.rank}` : ', not in the top 10'}\n`);
  }
}

/* ------------------------------------------------------------------ main */

await mkdir(WORK, { recursive: true });
log(`node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / GiB).toFixed(1)} GiB RAM, peak RSS via ${HAS_TIME ? '/usr/bin/time -v' : '/proc VmHWM polling'}; counts ${counts.join(', ')}, runs ${runs}, seed ${seed}`);
const bySize = new Map();
let profile;
let relevanceExample;
if (!skip.has('relevance') && !args.limits) {
  log('relevance set over the example (content/)…');
  const ex = await exampleBuild();
  relevanceExample = ex.exit === 0 ? await relevance(join(ex.out, 'dist'), 'example') : { set: 'example', error: ex.error };
  if (!args.keep) await rm(ex.out, { recursive: true, force: true });
}
let limits;
if (!skip.has('limits')) {
  log('limits: the worst file at each limit, read and built…');
  limits = await limitsRun();
  log(`limits: built in ${s(limits.buildMs)} (exit ${limits.exit})`);
  printLimits(limits);
}
for (const n of args.limits ? [] : counts) {
  const dir = join(WORK, `kb-${n}`);
  let t = performance.now();
  const gen = await generate({ count: n, dir, seed });
  log(`generated ${n} postmortems (${gen.stats.meanWords} words on average, ${(gen.stats.bytes / 1024 / 1024).toFixed(1)} MiB) in ${Math.round(performance.now() - t)} ms`);
  const mdDir = join(WORK, `md-${n}`);
  if (!skip.has('baseline')) {
    await rm(mdDir, { recursive: true, force: true });
    await mkdir(mdDir, { recursive: true });
    for (const name of await readdir(join(dir, 'postmortems'))) await cp(join(dir, 'postmortems', name), join(mdDir, name.replace(/\.mdx$/, '.md')));
  }
  const per = { full: [], baseline: [], check: [], checkOne: [] };
  const search = {};
  let warm, relevanceGenerated;
  for (let r = 1; r <= runs; r++) {
    log(`${n}: run ${r}/${runs}: full build…`);
    const f = await fullBuild(n, dir, r);
    per.full.push(f.result);
    log(`${n}: run ${r}/${runs}: full build ${s(f.result.wallMs)} (exit ${f.result.exit}, CPU ${s(f.result.cpuMs)}), peak ${mib(f.result.peakBytes)}`);
    const last = r === runs && f.result.exit === 0;
    const measureSearch = last && n === Math.max(...counts) && !skip.has('search');
    if (measureSearch) {
      log(`${n}: first search in Chromium…`);
      search.full = [];
      for (const q of SEARCH_QUERIES) search.full.push(await searchCost(join(f.out, 'dist'), q, false));
    }
    if (last && !skip.has('relevance') && n === GENERATED_SET.count && seed === GENERATED_SET.seed) {
      log(`${n}: relevance set over the generated base…`);
      relevanceGenerated = await relevance(join(f.out, 'dist'), 'generated');
    }
    if (last && !skip.has('warm')) {
      log(`${n}: warm builds (content store kept): unchanged, then one postmortem changed…`);
      warm = await warmBuilds(n, dir, f);
      log(`${n}: warm build ${s(warm.unchanged.wallMs)} (content sync ${s(warm.unchanged.phases.contentSyncWithStore)}, ${warm.unchanged.filesRead} files read); one changed ${s(warm.oneChanged.wallMs)} (${warm.oneChanged.filesRead} read)`);
    }
    if (!(args.keep && r === runs)) await rm(f.out, { recursive: true, force: true });
    if (!skip.has('baseline')) {
      log(`${n}: run ${r}/${runs}: baseline…`);
      const b = await baselineBuild(n, mdDir, r);
      per.baseline.push(b.result);
      log(`${n}: run ${r}/${runs}: baseline ${s(b.result.wallMs)} (exit ${b.result.exit}), peak ${mib(b.result.peakBytes)}`);
      if (measureSearch && b.result.exit === 0) {
        search.baseline = [];
        for (const q of SEARCH_QUERIES) search.baseline.push(await searchCost(join(b.out, 'dist'), q, true));
      }
      if (!(args.keep && r === runs)) await rm(b.out, { recursive: true, force: true });
    }
    if (!skip.has('check')) {
      log(`${n}: run ${r}/${runs}: check…`);
      const c = await checkRun(n, dir);
      per.check.push(c);
      log(`${n}: run ${r}/${runs}: check ${s(c.wallMs)} (exit ${c.exit})${c.error ? `: ${c.error}` : ''}`);
      const one = await checkRun(n, dir, [await newestPostmortem(dir)]);
      per.checkOne.push(one);
      log(`${n}: run ${r}/${runs}: check of one file ${s(one.wallMs)} (exit ${one.exit}, ${one.files} file)${one.error ? `: ${one.error}` : ''}`);
    }
  }
  let analysis;
  if (!skip.has('analyse')) {
    log(`${n}: timing read / patterns / similarity outside Astro…`);
    analysis = await analyse(dir);
  }
  if (args.profile && n === profileCount) {
    log(`${n}: profiling one full build with --cpu-prof…`);
    const profDir = join(WORK, `prof-${n}`);
    await rm(profDir, { recursive: true, force: true });
    const f = await fullBuild(n, dir, 'prof', { extraNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
    if (!args.keep) await rm(f.out, { recursive: true, force: true });
    profile = { n, wallMs: f.result.wallMs, ...(await summariseProfiles(profDir, REPO, f.result.phases.windows)) };
  }
  const sum = {
    full: medianOf(per.full),
    baseline: medianOf(per.baseline),
    check: medianOf(per.check),
    checkOne: medianOf(per.checkOne),
    warm,
    relevance: relevanceGenerated,
    analysis,
    search,
    runs: per,
    generator: gen.stats,
  };
  bySize.set(n, sum);
  printSize(n, sum);
  if (!args.keep) {
    await rm(mdDir, { recursive: true, force: true });
  }
}

if (profile) {
  process.stdout.write(`\nCPU profile of one full build at ${int(profile.n)} (${s(profile.wallMs)} wall, ${s(profile.totalMs)} sampled on the main thread${profile.files > 1 ? ` over ${profile.files} threads` : ''}):\n\n`);
  process.stdout.write(`${table([['where (self time)', 'time', 'share'], ...profile.byArea.slice(0, 14).map((x) => [x.area, s(x.ms), `${x.pct.toFixed(1)}%`])])}\n\n`);
  process.stdout.write(`${table([['hottest functions (self time)', 'time', 'share'], ...profile.byFunction.slice(0, 20).map((x) => [x.fn, s(x.ms), `${x.pct.toFixed(1)}%`])])}\n`);
  if (profile.windows?.length) {
    process.stdout.write(`\nper phase (main thread; CPU = sampled non-idle time, the rest of the wall time it waited: I/O, the Pagefind process, other load):\n\n`);
    process.stdout.write(`${table([['phase', 'wall', 'main-thread CPU', 'top areas (self time)'], ...profile.windows.map((w) => [w.name, s(w.wallMs), s(w.cpuMs), w.byArea.slice(0, 5).map((a) => `${a.area} ${(a.ms / 1000).toFixed(2)}`).join(', ')])])}\n`);
  }
}

const relevanceSets = [relevanceExample, ...[...bySize.values()].map((x) => x.relevance)].filter(Boolean);
printRelevance(relevanceSets);
const verdicts = targets(bySize, relevanceSets, limits);
process.stdout.write(`\nTargets\n\n${table([['target', 'result', 'measured'], ...verdicts.map((v) => [v.target, v.status, v.detail])])}\n`);
if (verdicts.some((v) => v.target.includes('files') && v.status === 'WARN')) {
  process.stdout.write('Over 20,000 files: Cloudflare Pages refuses the deploy on its Free plan (20,000 files per site; 100,000 on paid plans). GitHub Pages has no file-count limit but caps a published site at 1 GB; GitLab Pages allows 200,000 files and 1 GB; an object-storage bucket behind a CDN (S3 + CloudFront, GCS, Azure Static Websites) has neither limit.\n');
}

if (!args.keep) {
  for (const n of args.limits ? [] : counts) await rm(join(WORK, `kb-${n}`), { recursive: true, force: true });
  await rm(join(WORK, 'out'), { recursive: true, force: true });
}

const json = {
  machine: { node: process.version, cpus: cpus().length, memGiB: Math.round(totalmem() / GiB), peakRssSource: HAS_TIME ? 'gnu-time' : 'proc-vmhwm' },
  runs,
  seed,
  sizes: Object.fromEntries([...bySize].map(([n, v]) => [n, {
    full: v.full && { ...v.full, postmortemPages: v.full.postmortemPages && { ...v.full.postmortemPages } },
    baseline: v.baseline,
    check: v.check,
    ratio: v.full?.wallMs && v.baseline?.wallMs ? v.full.wallMs / v.baseline.wallMs : undefined,
    checkOne: v.checkOne,
    warm: v.warm,
    analysis: v.analysis,
    search: v.search,
    generator: v.generator,
  }])),
  relevance: relevanceSets,
  limits,
  profile: profile && { n: profile.n, wallMs: profile.wallMs, byArea: profile.byArea.slice(0, 14), byFunction: profile.byFunction.slice(0, 20), windows: profile.windows },
  targets: verdicts,
};
process.stdout.write(`${JSON.stringify(json)}\n`);
