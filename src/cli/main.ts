import { HindsightConfigError } from '../config/errors';
import { closestIds } from '../lib/text/did-you-mean';
import { CHECK_HELP, HELP, IMPORT_HELP, NEW_HELP, SCHEMA_HELP } from './help';
import { UsageError } from './io';

/*
 * Each command's code is imported when it runs: `hindsight --help` and a mistyped command stay
 * fast, and `check` does not load the prompts `new` needs.
 */
const COMMANDS: Record<string, { help: () => Promise<string>; run: (argv: string[]) => Promise<number> }> = {
  init: { help: async () => (await import('./init')).INIT_HELP, run: async (argv) => (await import('./init')).runInit(argv) },
  new: { help: () => Promise.resolve(NEW_HELP), run: async (argv) => (await import('./new')).runNew(argv) },
  check: { help: () => Promise.resolve(CHECK_HELP), run: async (argv) => (await import('./check')).runCheck(argv) },
  import: { help: () => Promise.resolve(IMPORT_HELP), run: async (argv) => (await import('./import')).runImport(argv) },
  schema: { help: () => Promise.resolve(SCHEMA_HELP), run: async (argv) => (await import('./schema')).runSchema(argv) },
};

/** Runs the CLI and returns its exit code (the process is left to the caller). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `hindsight check | head`: once the reader is gone there is no one to tell; end quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const known = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') return print(HELP);
    if (!known) {
      const close = closestIds(command, Object.keys(COMMANDS), 1);
      throw new UsageError(`unknown command "${command}"${close.length ? `; did you mean "${close[0]}"?` : `; the commands are ${Object.keys(COMMANDS).join(', ')}`}`);
    }
    if (rest.includes('--help') || rest.includes('-h')) return print(await known.help());
    return await known.run(rest);
  } catch (error) {
    if (error instanceof HindsightConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`hindsight: ${error.message}\nRun "hindsight ${known ? `${command} ` : ''}--help" for usage.\n`);
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
