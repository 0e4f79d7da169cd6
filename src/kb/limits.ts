/*
 * The limits a knowledge-base file must keep, and the checks that run before a file is parsed.
 *
 * A postmortem arrives by pull request and the deploy builds whatever was merged, so no file may
 * be able to stall or crash the build. Each limit is far above what real postmortems need (see
 * README, "Limits", for the measurements) and low enough that the worst file within all of them
 * renders its page in well under two seconds (`npm run bench -- --limits`). `hindsight check` and
 * the build read every file through the same functions, so they enforce the same limits with the
 * same words.
 */
import { CST, Lexer } from 'yaml';
import type { ContentIssue } from '../schema/issues';
import { LIMITS } from '../schema/limits';

export { LIMITS } from '../schema/limits';

const KIB = 1024;

/** "128 KB" for 131072. */
function formatBytes(bytes: number): string {
  return bytes >= KIB * KIB ? `${+(bytes / KIB / KIB).toFixed(1)} MB` : bytes >= KIB ? `${+(bytes / KIB).toFixed(1)} KB` : `${bytes} bytes`;
}

/** The file-size issue, for a file that is not even read. */
export function fileTooLarge(file: string, bytes: number, limit: number, what: 'postmortem' | 'catalog'): ContentIssue {
  return {
    file,
    field: '',
    level: 'error',
    rule: 'limit/file-size',
    message: `is ${formatBytes(bytes)}; a ${what} file may be at most ${formatBytes(limit)}`,
    fix: what === 'postmortem'
      ? 'shorten it: link to long logs, dumps and attachments instead of pasting them (see README, "Limits")'
      : 'split the catalog or shorten its descriptions (see README, "Limits")',
  };
}

/**
 * Lines longer than the limit, reported once per file (the first such line, and how many there are):
 * every later step's cost grows with a line's length, and no prose needs such a line.
 */
export function checkLineLengths(source: string, file: string, firstLine = 1): ContentIssue[] {
  let line = firstLine;
  let start = 0;
  let first: { line: number; length: number } | undefined;
  let count = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    const length = end - start - (source.charCodeAt(end - 1) === 13 ? 1 : 0);
    if (length > LIMITS.lineChars) {
      count++;
      first ??= { line, length };
    }
    start = end + 1;
    line++;
  }
  if (!first) return [];
  return [{
    file,
    field: '',
    line: first.line,
    level: 'error',
    rule: 'limit/line-length',
    message: `has a line of ${first.length.toLocaleString('en')} characters${count > 1 ? ` (and ${count - 1} more such line${count > 2 ? 's' : ''})` : ''}; a line may be at most ${LIMITS.lineChars.toLocaleString('en')}`,
    fix: 'break the line (Markdown joins the lines of a paragraph), or link to long logs and dumps instead of pasting them',
  }];
}

/**
 * The deepest nesting of YAML flow collections (`[…]`, `{…}`) in a text, and where it first goes
 * past the limit, from the YAML lexer, so that brackets inside quoted strings do not count. Only called when the text has more brackets
 * than the limit: a parse of deeply nested flow collections costs seconds, and their depth cannot
 * exceed their number.
 */
function yamlFlowDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let offset = 0;
  let at = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // The lexer also yields markers of its own (document mode, scalar start, flow error end) that are not in the text.
    if (type === 'doc-mode' || type === 'scalar' || type === 'flow-error-end') continue;
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      depth++;
      if (depth > max) max = depth;
      if (depth === LIMITS.nesting + 1) offset = at;
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') depth = Math.max(0, depth - 1);
    at += token.length;
  }
  return { depth: max, offset };
}

/** A YAML text (frontmatter or catalog) whose flow collections nest beyond the limit, before it is parsed. */
export function checkYamlFlowNesting(text: string, file: string, firstLine: number): ContentIssue[] {
  let brackets = 0;
  for (let i = 0; i < text.length && brackets <= LIMITS.nesting; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets <= LIMITS.nesting) return [];
  const { depth, offset } = yamlFlowDepth(text);
  if (depth <= LIMITS.nesting) return [];
  return [nestingIssue(file, '', firstLine + lineAt(text, offset) - 1, depth, 'yaml')];
}

/**
 * The deepest nesting of a parsed YAML value, walked without recursion. Block nesting (by
 * indentation) is cheap to parse, so it is measured here, after the parse and before anything
 * walks the value recursively.
 */
export function yamlValueDepth(value: unknown): { depth: number; path: PropertyKey[] } {
  let max = 0;
  let deepest: PropertyKey[] = [];
  const stack: Array<{ value: unknown; depth: number; path: PropertyKey[] }> = [{ value, depth: 0, path: [] }];
  while (stack.length) {
    const { value: v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object' || v instanceof Date) continue;
    if (depth + 1 > max) {
      max = depth + 1;
      deepest = path;
    }
    // Past the limit the exact depth no longer matters; stop rather than walk a pathological value.
    if (max > LIMITS.nesting + 1) break;
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    for (const [k, x] of entries) stack.push({ value: x, depth: depth + 1, path: [...path, k] });
  }
  return { depth: max, path: deepest };
}

export function nestingIssue(file: string, field: string, line: number | undefined, depth: number, where: 'yaml' | 'body'): ContentIssue {
  const over = depth > LIMITS.nesting + 1 ? `more than ${LIMITS.nesting}` : String(depth);
  return {
    file,
    field,
    ...(line ? { line } : {}),
    level: 'error',
    rule: 'limit/nesting',
    message: where === 'yaml'
      ? `nests lists and mappings ${over} levels deep; the limit is ${LIMITS.nesting}`
      : `nests ${over} levels deep (block quotes, lists, <Internal>, emphasis and links inside one another); the limit is ${LIMITS.nesting}`,
    fix: where === 'yaml'
      ? 'write the fields as the content model shows them (see CONTRIBUTING.md); no field needs more than four levels'
      : 'flatten the structure: a list inside a list inside a quote is as deep as a postmortem needs',
  };
}

/** 1-based line of an offset in a text. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
