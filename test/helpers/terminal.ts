import { spawn } from 'node:child_process';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', tab: '\t', ctrlC: '\u0003' } as const;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][A-Z0-9]|\u001b[=>]/g;

/**
 * A command run in a real pseudo-terminal (util-linux `script`, part of every Debian system), so
 * that it sees a TTY on stdin and stdout as it does for a person. `waitFor` reads the screen as
 * text (escape codes removed); `type` sends keys.
 */
export function terminal(argv: string[], opts: { cwd: string; env?: Record<string, string> }) {
  const command = `stty cols 120 rows 50; exec ${argv.map(quote).join(' ')}`;
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: opts.cwd,
    env: { ...process.env, TERM: 'xterm-256color', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let seen = 0;
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    screen += d.toString('utf8').replace(ANSI, '');
    for (const l of listeners) l();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    /** Waits until `what` appears in what was printed since the last wait, and returns that text. */
    waitFor(what: string | RegExp, timeoutMs = 30_000): Promise<string> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const fresh = screen.slice(seen);
          const at = typeof what === 'string' ? fresh.indexOf(what) : fresh.search(what);
          if (at < 0) return false;
          seen += at + 1;
          listeners.delete(listener);
          clearTimeout(timer);
          resolve(fresh);
          return true;
        };
        const listener = () => void check();
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`timed out waiting for ${String(what)}; the screen so far:\n${screen.slice(-3000)}`));
        }, timeoutMs);
        if (!check()) listeners.add(listener);
      });
    },
    type(keys: string): void {
      child.stdin.write(keys);
    },
    screen: () => screen,
    exit,
    kill: () => child.kill(),
  };
}
