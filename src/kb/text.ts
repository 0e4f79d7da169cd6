/*
 * Text that is text: every string an author writes in frontmatter or a catalog reaches pages, the
 * feed, the JSON export, the CSV and the search index as written, so it must be characters a reader
 * can see. Control characters make /rss.xml invalid XML for every subscriber; an unpaired surrogate
 * (from a YAML escape such as "\ud800") cannot be encoded; a title made of a zero-width space shows
 * an empty heading. And an <Internal> tag only hides anything in the body: anywhere else it is
 * published as written.
 */
import { fieldPath, type ContentIssue } from '../schema/issues';

/** C0 and C1 controls and DEL, except tab, line feed and carriage return (prose and block scalars use them). */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

/*
 * Characters that draw nothing: white space, format characters (zero-width space and joiners, the
 * byte-order mark, direction marks, soft hyphen), and the fillers and blanks that fonts render empty.
 * Hand-written: no maintained package lists "renders as nothing", and \p{…} classes cover most of it.
 */
const INVISIBLE = /[\s\p{Cf}\p{Zs}\p{Zl}\p{Zp}\u115f\u1160\u180e\u2800\u3164\uffa0]|\p{Variation_Selector}|\u034f|\u17b4|\u17b5/gu;

/** An <Internal> or </Internal> tag, as an author would write it, in any case. */
export const INTERNAL_TAG = /<\s*\/?\s*internal\b/i;

/** "U+0007" for "\u0007". */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with one string, if anything. */
function textProblem(value: string): { message: string; fix: string; rule: string } | undefined {
  const control = CONTROL.exec(value);
  if (control) {
    return {
      message: `contains the control character ${codePoint(control[0])} (character ${control.index + 1}), which no page, feed or export can show`,
      fix: 'delete it (it is often pasted in with terminal output); write a line break as a real one',
      rule: 'text/control-character',
    };
  }
  if (!value.isWellFormed()) {
    return {
      message: 'contains a broken character (half of a surrogate pair, e.g. from an escape such as "\\ud800")',
      fix: 'remove the escape and type the character itself',
      rule: 'text/encoding',
    };
  }
  if (value.length && !value.replace(INVISIBLE, '')) {
    return {
      message: 'is empty once invisible characters (zero-width spaces, joiners, blanks) are removed',
      fix: 'write the text with visible characters, or remove the field if it is optional',
      rule: 'text/invisible',
    };
  }
  return undefined;
}

/**
 * Every string in a parsed YAML value (frontmatter, or one catalog entry), walked without
 * recursion: a text problem, or an <Internal> tag where it cannot hide anything.
 */
export function checkStrings(
  value: unknown,
  opts: { file: string; prefix?: readonly PropertyKey[]; lineOf?: (path: readonly PropertyKey[]) => number | undefined; where: 'frontmatter' | 'catalog' },
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [...(opts.prefix ?? [])] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const at = () => {
        const line = opts.lineOf?.(path.slice(opts.prefix?.length ?? 0));
        return { file: opts.file, field: fieldPath(path), level: 'error' as const, ...(line ? { line } : {}) };
      };
      const problem = textProblem(v);
      if (problem) issues.push({ ...at(), ...problem });
      if (INTERNAL_TAG.test(v)) {
        issues.push({
          ...at(),
          rule: 'mdx/internal-placement',
          message: opts.where === 'frontmatter'
            ? 'contains <Internal>, which only hides text in the body: frontmatter is published as written, in both editions'
            : 'contains <Internal>, which only hides text in a postmortem body: catalogs are published as written',
          fix: opts.where === 'frontmatter'
            ? 'keep this field free of internal detail and move it into the body as its own block: <Internal> on a line of its own, the text, then </Internal> on a line of its own'
            : 'remove the tag and keep internal detail out of the catalog',
        });
      }
    } else if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
    }
  }
  return issues;
}

/** The first control character in a body, by line: prose may hold tabs and line breaks, nothing else. */
export function bodyControlCharacters(body: string, file: string, bodyLine: number): ContentIssue[] {
  const control = CONTROL.exec(body);
  if (!control) return [];
  let line = bodyLine;
  for (let i = body.indexOf('\n'); i !== -1 && i < control.index; i = body.indexOf('\n', i + 1)) line++;
  return [{
    file,
    field: 'body',
    line,
    level: 'error',
    rule: 'text/control-character',
    message: `contains the control character ${codePoint(control[0])}, which no page, feed or export can show`,
    fix: 'delete it (it is often pasted in with terminal output)',
  }];
}
