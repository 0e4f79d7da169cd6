import type { z } from 'zod';
import { closestIds } from '../lib/text/did-you-mean';
import { fieldPath, quote, splitFix, type ContentIssue } from './issues';

type ZodIssue = z.core.$ZodIssue;

function describeReceived(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (input instanceof Date) return 'a date';
  return typeof input === 'object' ? 'an object' : quote(input);
}

/**
 * Turns one zod issue into a message an author can act on. Our own refinements
 * carry `params.fix` and `params.rule`; zod's built-in issues get a fix here.
 */
function toContentIssue(issue: ZodIssue, file: string, knownKeysAt: (path: readonly PropertyKey[]) => string[]): ContentIssue[] {
  const base = { file, level: 'error' as const };
  const field = fieldPath(issue.path);
  const own = (issue as { params?: { fix?: string; rule?: string } }).params;
  // Custom issues carry fix and rule in params; their message is plain text (which may quote anything the author wrote).
  const carried = own ? { message: issue.message } : splitFix(issue.message);
  const params = own ?? carried;
  const text = carried.message;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(issue.path);
      return issue.keys.map((key) => {
        const close = closestIds(key, known, 1);
        return {
          ...base,
          field: fieldPath([...issue.path, key]),
          message: `is not a field the content model knows`,
          fix: close.length ? `did you mean "${close[0]}"? Rename the field` : `remove it; known fields here: ${known.join(', ')}`,
          rule: 'schema/unknown-field',
        };
      });
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const input = (issue as { input?: unknown }).input;
      const close = typeof input === 'string' ? closestIds(input, values, 1) : [];
      return [{
        ...base,
        field,
        message: input === undefined ? 'is missing' : `${describeReceived(input)} is not one of: ${values.join(', ')}`,
        fix: close.length ? `did you mean "${close[0]}"?` : `use one of: ${values.join(', ')}`,
        rule: input === undefined ? 'schema/required' : 'schema/invalid-enum',
      }];
    }
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) {
        return [{ ...base, field, message: 'is missing', fix: `add ${field}: (it ${text.replace(/^Invalid input: /, '')})`, rule: 'schema/required' }];
      }
      const custom = !text.startsWith('Invalid input');
      return [{
        ...base,
        field,
        message: `${custom ? text : `should be ${issue.expected}`}, but is ${describeReceived(input)}`,
        fix: `write ${field} as ${issue.expected === 'array' ? 'a list, e.g. [a, b]' : issue.expected === 'object' ? 'a mapping of fields' : `a ${issue.expected}`}`,
        rule: 'schema/type',
      }];
    }
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
    default:
      return [{
        ...base,
        field,
        message: text.replace(/^Invalid input: /, ''),
        fix: params?.fix ?? fallbackFix(issue),
        rule: params?.rule ?? `schema/${issue.code}`,
      }];
  }
}

function fallbackFix(issue: ZodIssue): string {
  if (issue.code === 'too_small') return `use a value of at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `use a value of at most ${String(issue.maximum)}`;
  return 'correct the value as the content model describes (see CONTRIBUTING.md)';
}

/** The keys an object schema accepts at a given path, for did-you-mean on unknown keys. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  const unwrap = (n: unknown): unknown => {
    let cur = n as { def?: { type?: string; innerType?: unknown; element?: unknown; in?: unknown; schema?: unknown } };
    for (let guard = 0; guard < 10 && cur?.def; guard++) {
      const t = cur.def.type;
      if (t === 'optional' || t === 'default' || t === 'nullable' || t === 'readonly' || t === 'prefault') cur = cur.def.innerType as typeof cur;
      else if (t === 'pipe') cur = cur.def.in as typeof cur;
      else break;
    }
    return cur;
  };
  node = unwrap(node);
  for (const part of path) {
    const def = (node as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } }).def;
    if (typeof part === 'number' && def?.type === 'array') node = unwrap(def.element);
    else if (def?.type === 'object' && def.shape) node = unwrap(def.shape[String(part)]);
    else return [];
  }
  const def = (node as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

export type FriendlyResult<T> = { ok: true; data: T; issues: [] } | { ok: false; data?: undefined; issues: ContentIssue[] };

/**
 * The one entry point the build and the CLI use to validate anything: every
 * issue, each naming the file, the field and the fix.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(schema: S, input: unknown, file: string): FriendlyResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data, issues: [] };
  const issues = result.error.issues.flatMap((issue) => toContentIssue(issue, file, (p) => keysAt(schema, p)));
  return { ok: false, issues };
}
