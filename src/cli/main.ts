import { HindsightConfigError } from '../config/errors';
import { closestIds } from '../lib/text/did-you-mean';
import { UsageError } from './io';

const COMMANDS = ['init', 'new', 'check'];

export const HELP = `hindsight: write and check blameless postmortems

Usage:
  hindsight init [dir]               write a new knowledge-base repository from the starter
  hindsight new [options]            scaffold content/postmortems/<id>.mdx
  hindsight check [files…] [options] validate postmortems and apply the quality policy
  hindsight <command> --help         help for one command

Exit codes: 0 clean, 1 findings at error level, 2 usage or I/O error.
`;

/** Runs the CLI and returns its exit code (the process is left to the caller). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `hindsight check | head`: once the reader is gone there is no one to tell; end quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    // Each command is imported when it runs: `--help` must not pay for the reader, zod and unified.
    switch (command) {
      case 'init': {
        const { runInit, INIT_HELP } = await import('./init');
        if (rest.includes('--help') || rest.includes('-h')) return print(INIT_HELP);
        return runInit(rest);
      }
      case 'new': {
        const { runNew, NEW_HELP } = await import('./new');
        if (rest.includes('--help') || rest.includes('-h')) return print(NEW_HELP);
        return await runNew(rest);
      }
      case 'check': {
        const { runCheck, CHECK_HELP } = await import('./check');
        if (rest.includes('--help') || rest.includes('-h')) return print(CHECK_HELP);
        return await runCheck(rest);
      }
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return print(HELP);
      default: {
        const close = closestIds(command, COMMANDS, 1);
        throw new UsageError(`unknown command "${command}"${close.length ? `; did you mean "${close[0]}"?` : `; the commands are ${COMMANDS.join(', ')}`}`);
      }
    }
  } catch (error) {
    if (error instanceof HindsightConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`hindsight: ${error.message}\nRun "hindsight ${command && COMMANDS.includes(command) ? `${command} ` : ''}--help" for usage.\n`);
      return 2;
    }
    process.stderr.write(`hindsight: ${(error as Error).message}\n`);
    return 2;
  }
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}
