import type { z } from 'zod';
import { closestIds } from '../lib/text/did-you-mean';

/**
 * A mistake in Hindsight's configuration or environment: an author's or a maintainer's mistake, not
 * a bug. It carries one line per problem and no stack trace, so that Astro and the CLI print the
 * words alone.
 */
export class HindsightConfigError extends Error {
  override name = 'HindsightConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? `Hindsight configuration: ${problems[0]}` : `Hindsight configuration, ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
    // Astro prints a stack trace and a code frame when an error has a stack; this one needs neither.
    this.stack = '';
  }
}

/** A value received, quoted briefly: enough to recognise it, never a whole file. */
export function excerpt(value: unknown, max = 40): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) return 'nothing';
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  // Control characters are shown escaped (JSON.stringify did that for strings); a long value is cut.
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `listings.pageSize` from `['listings', 'pageSize']`. */
function optionPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
}

/** One line per zod issue: the option, what is wrong, and what was received. */
export function describeOptionIssues(issues: readonly z.core.$ZodIssue[], where: string, input: unknown, knownKeysAt: (path: readonly PropertyKey[]) => string[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(issue.path);
      return issue.keys.map((key) => {
        const close = closestIds(key, known, 1);
        const hint = close.length ? `; did you mean "${close[0]}"?` : known.length ? `; the options here are ${known.join(', ')}` : '';
        return `${where}: ${optionPath([...issue.path, key])} is not an option${hint}`;
      });
    }
    if (issue.code === 'invalid_key') {
      const reason = issue.issues[0]?.message ?? 'is not allowed';
      return [`${where}: ${optionPath(issue.path)} is not a valid name: it ${reason}`];
    }
    const received = valueAt(input, issue.path);
    const got = received === undefined ? '' : ` (got ${excerpt(received)})`;
    const subject = optionPath(issue.path) || 'the options';
    let message: string;
    if (issue.code === 'invalid_value') message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (issue.code === 'invalid_type' && /^Invalid input/.test(issue.message)) message = `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    else message = issue.message;
    return [`${where}: ${subject} ${message}${got}`];
  });
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object of options',
  array: 'a list',
  record: 'an object',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}
