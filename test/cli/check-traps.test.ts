/*
 * The traps a new author met in `hindsight check` (issue 11), each as the author meets it: the
 * real CLI as a process on a real knowledge base.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/build';
import { hindsight } from '../helpers/cli';

const EXAMPLE = join(REPO, 'content');

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
