/*
 * The `hindsight new` examples an author copies from the help, the README, docs/content-model.md
 * and the starter's guide run against the catalogs that ship: the demo's in content/, and the one a
 * new team starts with in starter/content/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEW_HELP } from '../../src/cli/help';
import { REPO } from '../helpers/build';
import { copyOf, hindsight } from '../helpers/cli';

/** Words of a shell command line: quotes group, `\` at a line's end continues it. */
function words(command: string): string[] {
  return [...command.replace(/\\\n\s*/g, ' ').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const EXAMPLE = join(REPO, 'content');
const STARTER = join(REPO, 'starter/content');
/** Where each example is documented, and the catalog its reader has: the demo's, or a new team's (the starter's). */
const sources: Record<string, { text: string; catalog: string }> = {
  'hindsight new --help': { text: NEW_HELP, catalog: EXAMPLE },
  'README.md': { text: readFileSync(join(REPO, 'README.md'), 'utf8'), catalog: EXAMPLE },
  'docs/content-model.md': { text: readFileSync(join(REPO, 'docs/content-model.md'), 'utf8'), catalog: EXAMPLE },
  'starter/CONTRIBUTING.md': { text: readFileSync(join(REPO, 'starter/CONTRIBUTING.md'), 'utf8'), catalog: STARTER },
  'starter/README.md': { text: readFileSync(join(REPO, 'starter/README.md'), 'utf8'), catalog: STARTER },
};
const examples = Object.entries(sources).flatMap(([where, { text, catalog }]) =>
  [...text.matchAll(/npx hindsight new (--title (?:[^\n\\]|\\\n)+)/g)].map((m) => ({ where, catalog, args: words(m[1]!).filter((w) => !w.startsWith('#')) })),
);

describe('the documented `hindsight new` examples', () => {
  it('are found in every place that documents the command', () => {
    expect(new Set(examples.map((e) => e.where))).toEqual(new Set(['hindsight new --help', 'starter/CONTRIBUTING.md', 'docs/content-model.md']));
  });

  it.each(examples)('$where: $args.1', ({ args, catalog }) => {
    const root = copyOf(catalog);
    const r = hindsight(['new', ...args, '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    const file = /Created (\S+\.mdx)/.exec(r.stdout)![1]!;
    const check = hindsight(['check', join(REPO, file), '--root', root]);
    expect(check.code, check.stdout).toBe(0);
  }, 60_000);
});
