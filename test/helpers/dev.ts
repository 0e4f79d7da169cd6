import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO, withoutViteEnv } from './build';

const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');

export interface DevServer {
  /** e.g. http://localhost:43121 */
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** The server's process: the same one for the whole test, which is what "without a restart" means. */
  process: ChildProcess;
  /** The page's HTML, or the status when it is not 200. */
  get(path: string): Promise<{ status: number; html: string }>;
  stop(): Promise<void>;
}

/**
 * Starts a dev server and resolves once it serves: `command` is spawned in its own process group
 * (so `stop()` ends npm and the Astro process under it), with Astro told to take a free port.
 */
export function startServer(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<DevServer> {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: { ...withoutViteEnv(process.env), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        done();
      }
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the dev server did not start within ${opts.timeoutMs ?? 120_000} ms:\n${output}`));
    }, opts.timeoutMs ?? 120_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const port = output.match(/Local\s+http:\/\/localhost:(\d+)\//)?.[1];
      if (!port) return;
      child.stdout.off('data', onData);
      child.stdout.on('data', (more: Buffer) => (output += more.toString()));
      clearTimeout(timer);
      const url = `http://localhost:${port}`;
      resolve({
        url,
        output: () => output,
        process: child,
        get: async (path) => {
          const res = await fetch(url + path);
          return { status: res.status, html: await res.text() };
        },
        stop,
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the dev server exited (${code}) before serving:\n${output}`));
    });
  });
}

/** `astro dev` of the repository's project over another knowledge-base folder, on a free port. */
export function startDev(opts: { content: string; cacheDir: string; env?: Record<string, string> }): Promise<DevServer> {
  return startServer(process.execPath, [ASTRO, 'dev', '--root', REPO, '--port', '0'], {
    cwd: REPO,
    env: { HINDSIGHT_CONTENT: opts.content, HINDSIGHT_CACHE_DIR: opts.cacheDir, HINDSIGHT_TODAY: '2026-11-21', ...opts.env },
  });
}

/**
 * Polls `probe` until it returns a value (not undefined) and says how long that took; throws
 * with the last value seen when `timeoutMs` passes.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return { value, ms: performance.now() - started };
    } catch (error) {
      last = error;
    }
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
