import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * A real `astro build` of a knowledge-base folder into a fresh temp directory: by default the
 * repository's own project pointed at `content`, or another project (`root`, e.g. a fixture with
 * its own hindsight.config.mjs). Builds given the same `cacheDir` share Astro's content store.
 */
export function buildSite(opts: { content: string; root?: string; env?: Record<string, string>; outDir?: string; cacheDir?: string }): Promise<BuildResult> {
  // Inside the repository, so that prerendered chunks resolve node_modules.
  mkdirSync(join(REPO, 'test/.builds'), { recursive: true });
  const work = mkdtempSync(join(REPO, 'test/.builds/build-'));
  const outDir = opts.outDir ?? join(work, 'dist');
  return new Promise((done, fail) => {
    // Astro stages prerendered chunks under <cwd>/.astro when outDir is outside
    // the cwd, so each build gets its own cwd to let builds run side by side.
    const child = spawn(process.execPath, [ASTRO, 'build', '--root', opts.root ?? REPO], {
      cwd: work,
      env: {
        ...withoutViteEnv(process.env),
        HINDSIGHT_CONTENT: resolve(opts.content),
        HINDSIGHT_OUT_DIR: outDir,
        HINDSIGHT_CACHE_DIR: opts.cacheDir ?? join(work, 'cache'),
        HINDSIGHT_TODAY: '2026-11-21',
        ASTRO_TELEMETRY_DISABLED: '1',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output, outDir }));
  });
}

/**
 * Vitest puts Vite's import.meta.env values (BASE_URL "/", MODE "test", DEV, …) and NODE_ENV=test
 * into a test worker's process.env; a build inheriting them would ignore HINDSIGHT_BASE in links
 * and not be a production build. It also sets VITEST, and `astro dev` serves no page at all when
 * it sees that variable.
 */
export function withoutViteEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete rest[key];
  for (const key of Object.keys(rest)) if (key.startsWith('VITEST')) delete rest[key];
  return rest;
}

export function readPage(outDir: string, path: string): string {
  const file = path.endsWith('.xml') || path.endsWith('.json') || path.endsWith('.csv') ? join(outDir, path) : join(outDir, path, 'index.html');
  // Scoped-style markers (data-astro-cid-*) are noise for assertions about content.
  return readFileSync(file, 'utf8').replace(/ data-astro-cid-[a-z0-9]+/g, '');
}

/** Text of an HTML attribute or element with its character references resolved. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower]!;
  });
}

/** Every file below a folder, recursively. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/** The JSON export's index (/api/postmortems.json) and every postmortem of the files it names, in the files' order. */
export function readExport<T = { id: string }>(outDir: string): { index: { schema: string; count: number; per_file: number; files: Array<{ url: string; year: number; part: number; parts: number; count: number }> }; postmortems: T[] } {
  const index = JSON.parse(readPage(outDir, 'api/postmortems.json')) as ReturnType<typeof readExport>['index'];
  const postmortems = index.files.flatMap((f) => {
    const file = JSON.parse(readPage(outDir, f.url.slice(f.url.indexOf('api/')))) as { schema: string; postmortems: T[] };
    if (file.schema !== index.schema) throw new Error(`${f.url}: schema ${file.schema}, the index says ${index.schema}`);
    return file.postmortems;
  });
  return { index, postmortems };
}
