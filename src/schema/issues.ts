/**
 * The one shape every finding takes, whether it comes from the schema, a
 * cross-file reference check, the safe-MDX check or the quality policy.
 * The build, the CLI and the tests all print it with the same words.
 */
export type IssueLevel = 'error' | 'warning';

export interface ContentIssue {
  /** Path of the file, relative to the knowledge-base root when known. */
  file: string;
  /** Field path in the author's terms, e.g. `timeline[2].at`; `body` for the MDX body; `` for the file itself. */
  field: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** Stable id of the rule that produced it, e.g. `schema/invalid-enum`, `timeline/order`. */
  rule: string;
  level: IssueLevel;
  /** 1-based line in the file where the source has one. */
  line?: number;
}

/** `timeline[2].at` from `['timeline', 2, 'at']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    // A key that is empty (YAML `~: x`), blank or full of path punctuation would be an unnamed or ambiguous field: quote it.
    else if (typeof part === 'string' && (part === '' || /[\s.[\]"\p{Cc}\p{Cf}]/u.test(part))) out += `[${JSON.stringify(part)}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Groups issues by file, in file order, for a report that reads top to bottom. */
export function formatIssueReport(issues: readonly ContentIssue[]): string {
  const byFile = new Map<string, ContentIssue[]>();
  for (const issue of issues) {
    const list = byFile.get(issue.file) ?? [];
    list.push(issue);
    byFile.set(issue.file, list);
  }
  const parts: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    parts.push(
      `${file}\n` +
        list
          .map((i) => {
            const loc = i.line ? `  line ${i.line}` : '  ';
            const field = i.field ? ` ${i.field}:` : '';
            return `${loc}${field} ${i.message}\n      fix: ${i.fix}  [${i.level} ${i.rule}]`;
          })
          .join('\n'),
    );
  }
  return parts.join('\n\n');
}

/*
 * zod 4 carries `params` only on custom issues, so built-in checks (min, max,
 * regex, …) carry their fix and rule inside the message, joined by a unit
 * separator that no author text contains. friendly-errors splits them again.
 */
const SEP = '\u001f';

/** A zod error message that also carries the fix and the rule id. */
export function withFix(message: string, fix: string, rule: string): string {
  return `${message}${SEP}${fix}${SEP}${rule}`;
}

export function splitFix(message: string): { message: string; fix?: string; rule?: string } {
  // From the right: the message may quote author text, and that text may contain the separator.
  const parts = message.split(SEP);
  if (parts.length < 3) return { message };
  const rule = parts.pop()!;
  const fix = parts.pop()!;
  return { message: parts.join(SEP), fix, ...(rule ? { rule } : {}) };
}

/**
 * A value received, quoted briefly for a message: enough to recognise it, never a whole file (CI
 * logs of public repositories are public), with control and invisible characters escaped so that
 * a message stays one line and shows what is really there.
 */
export function quote(value: unknown, max = 40): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (typeof value !== 'string') return Array.isArray(value) ? 'a list' : value instanceof Date ? 'a date' : 'a mapping';
  const cut = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
