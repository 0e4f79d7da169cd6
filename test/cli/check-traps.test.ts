/*
 * The traps a new author met in `hindsight check` (issue 11), each as the author meets it: the
 * real CLI as a process on a real knowledge base.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/build';
import { copyOf, hindsight } from '../helpers/cli';
import { FIXTURES } from '../helpers/kb';

const EXAMPLE = join(REPO, 'content');
const BASIC = join(FIXTURES, 'sites/basic/content');

interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  issues: Array<{ file: string; rule: string; field: string; level: string; line?: number; message: string }>;
  scores: Record<string, number>;
}

const json = (args: string[]) => JSON.parse(hindsight(['check', ...args, '--format', 'json']).stdout) as JsonReport;

describe('the score measures the document, not the calendar', () => {
  it('gives every example postmortem the same score whatever the date; overdue items are reported beside it', () => {
    const early = json(['--root', EXAMPLE, '--today', '2025-01-01']);
    const late = json(['--root', EXAMPLE, '--today', '2030-01-01']);
    expect(late.issues.filter((i) => i.rule === 'quality/overdue-actions').length).toBeGreaterThan(early.issues.filter((i) => i.rule === 'quality/overdue-actions').length);
    expect(late.scores).toEqual(early.scores);
  });
});

describe('the template is not content', () => {
  it('a scaffold set to published with one number filled in fails check --strict and scores 0', () => {
    const root = copyOf(BASIC);
    const made = hindsight(['new', '--root', root, '--title', 'Checkout errors', '--start', '2026-11-02T10:00Z', '--severity', 'SEV2', '--services', 'checkout-api', '--author', 'alex-kim', '--category', 'config-change']);
    expect(made.code, made.stderr).toBe(0);
    const file = join(root, 'postmortems', readdirSync(join(root, 'postmortems')).find((f) => f.startsWith('2026-11-02'))!);
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace('status: draft', 'status: published')
      .replace('users_affected: 0 ', 'users_affected: 5 ')
      .replace('    # source: https', '  - at: 2026-11-02T11:00Z\n    kind: resolved\n    event: TODO what ended the impact\n    # source: https'));
    const r = json([file, '--root', root, '--strict', '--today', '2026-11-03']);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.scores['2026-11-02-checkout-errors']).toBe(0);
    expect(r.issues.map((i) => i.rule)).toEqual(expect.arrayContaining(['quality/still-template', 'quality/placeholder-text']));
    // Without --strict too: a placeholder in a published postmortem is an error, not a warning.
    expect(hindsight(['check', file, '--root', root, '--today', '2026-11-03']).code).toBe(1);
  });
});
