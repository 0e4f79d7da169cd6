import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { fieldPath, type ContentIssue } from '../schema/issues';
import { lazyModule } from './lazy';
import { checkYamlFlowNesting, LIMITS, nestingIssue, yamlValueDepth } from './limits';

/** The positioned parser: for the careful path and the lines indentation does not settle (see lazy.ts). */
const yaml = lazyModule<typeof import('yaml')>('yaml');

export interface SplitSource {
  /** The parsed frontmatter (YAML 1.2 core schema: dates and times stay strings). */
  data: unknown;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** 1-based line of a frontmatter field, for messages; undefined when not found. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  issues: ContentIssue[];
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a postmortem file into frontmatter and body, keeping positions for error messages. */
export function splitFrontmatter(source: string, file: string): SplitSource {
  const text = source.replace(/^\uFEFF/, '');
  const match = FENCE.exec(text);
  if (!match) {
    return {
      data: undefined,
      body: text,
      bodyLine: 1,
      lineOf: () => undefined,
      issues: [{
        file,
        field: '',
        line: 1,
        level: 'error',
        rule: 'file/frontmatter',
        message: 'has no frontmatter block',
        fix: 'start the file with a line "---", the YAML fields, and another line "---" (run `npx hindsight new` for a template)',
      }],
    };
  }
  const yamlText = match[1] ?? '';
  const bodyLine = text.slice(0, match[0].length).split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
  const body = text.slice(match[0].length);
  // Deeply nested [ and { cost the careful parser seconds: measured before it runs.
  const flow = checkYamlFlowNesting(yamlText, file, 2);
  if (flow.length) return { data: undefined, body, bodyLine, lineOf: () => undefined, issues: flow };
  const fast = fastLoad(yamlText);
  if (fast.ok) {
    const lineOf = lazyLineOf(yamlText);
    const deep = tooDeep(fast.data, file, lineOf);
    return { data: deep ? undefined : fast.data, body, bodyLine, lineOf, issues: deep ? [deep] : [] };
  }
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const issues: ContentIssue[] = yamlProblems(doc, yamlText, lineCounter).map((p) => ({
    file,
    field: p.key ?? '',
    level: 'error' as const,
    rule: 'file/yaml',
    ...(p.line ? { line: p.line + 1 } : {}), // +1: the opening --- line
    message: `the frontmatter is not valid YAML: ${p.message}`,
    fix: p.fix,
  }));
  const lineOf = linesOf(doc, lineCounter);
  let data: unknown;

  if (!issues.length) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      // toJS throws on alias bombs ("billion laughs"); report it like any other YAML problem.
      issues.push({
        file,
        field: '',
        level: 'error',
        rule: 'file/yaml',
        message: `the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
        fix: 'write the values out instead of repeating them through &anchors and *aliases',
      });
    }
  }
  if (!issues.length) {
    const deep = tooDeep(data, file, lineOf);
    if (deep) {
      issues.push(deep);
      data = undefined;
    }
  }
  if (!issues.length && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    // An empty block (or a bare "---"), a list or a single value: no field to name, so it is the file's problem.
    issues.push({
      file,
      field: '',
      line: 2,
      level: 'error',
      rule: 'file/frontmatter',
      message: `the frontmatter is ${data == null ? 'empty' : Array.isArray(data) ? 'a list' : 'a single value'}, not a mapping of fields`,
      fix: 'write one field per line between the two --- lines, e.g. "title: …" (run `npx hindsight new` for a template)',
    });
    data = undefined;
  }
  return { data, body, bodyLine, lineOf, issues };
}

/** Block nesting (by indentation) is cheap to parse: it is measured on the parsed value, before anything walks it recursively. */
function tooDeep(data: unknown, file: string, lineOf: (path: readonly PropertyKey[]) => number | undefined): ContentIssue | undefined {
  const { depth, path } = yamlValueDepth(data);
  if (depth <= LIMITS.nesting) return undefined;
  return nestingIssue(file, fieldPath(path.slice(0, 3)), lineOf(path), depth, 'yaml');
}

/** One YAML syntax problem in the author's terms: the 1-based line in the YAML text, the key when one is at fault. */
export interface YamlProblem {
  line?: number;
  key?: string;
  message: string;
  fix: string;
}

/**
 * The errors of a parsed YAML document, each with its line and, for a duplicated key, the key's
 * name: yaml's own "Map keys must be unique" names neither.
 */
export function yamlProblems(doc: { errors: readonly YAMLError[]; warnings: readonly YAMLError[] }, text: string, lineCounter: LineCounter): YamlProblem[] {
  return [...doc.errors, ...doc.warnings].map((err) => {
    const line = err.pos ? lineCounter.linePos(err.pos[0]).line : err.linePos?.[0]?.line;
    if (err.code === 'DUPLICATE_KEY' && err.pos) {
      const rest = text.slice(err.pos[0]).split('\n', 1)[0] ?? '';
      const key = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^:#]*?))\s*:/.exec(rest.trimStart());
      // A key can hold any character: the ones a terminal or a CI log would act on are left out of the message.
      const name = key ? (key[1] ?? key[2] ?? key[3] ?? '').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').trim().slice(0, 80) : '';
      if (name) {
        return { ...(line ? { line } : {}), key: name, message: `"${name}" is written twice`, fix: `keep one "${name}:" line and remove the other` };
      }
    }
    return {
      ...(line ? { line } : {}),
      // The parser's own words, first line only and cut short: never a quotation of the file.
      message: (err.message.split('\n')[0] ?? err.message).replace(/\p{Cc}/gu, ' ').slice(0, 160),
      fix: err.code === 'DUPLICATE_KEY' ? 'remove the duplicated key' : 'check indentation and quoting on that line; quote strings that contain ": "',
    };
  });
}

/*
 * The fast path: js-yaml with the YAML 1.2 core schema (dates and times stay
 * strings, as with \`yaml\`) is about ten times faster than building a
 * document with positions. Files that may use anchors or aliases, or that
 * js-yaml rejects, take the careful path, which also words the error, knows
 * lines and limits aliases (an alias bomb). An anchor or an alias is `&` or `*`
 * at the start of a node: after a line's indentation or a space, or after `[`,
 * `{`, `,` or `:` in a flow collection, and followed by its name. So an `&` in
 * "Identity & Access" or in a URL's query (`?from=1&to=2`) cannot start one;
 * anything that might ("a *b*") takes the careful path to be safe. The old
 * test, any `&` or `*` at all, sent 87% of the benchmark's files down the slow
 * path: team names in their text and Grafana links in their timelines.
 */
export function fastYaml(yamlText: string): { ok: true; data: unknown } | { ok: false } {
  if (/(?:^|[\s[{,:])[&*]\S/.test(yamlText)) return { ok: false };
  try {
    return { ok: true, data: loadYaml(yamlText, { schema: CORE_SCHEMA, json: false }) };
  } catch {
    return { ok: false };
  }
}

function fastLoad(yamlText: string): { ok: true; data: Record<string, unknown> } | { ok: false } {
  const fast = fastYaml(yamlText);
  return fast.ok && fast.data !== null && typeof fast.data === 'object' && !Array.isArray(fast.data) ? { ok: true, data: fast.data as Record<string, unknown> } : { ok: false };
}

/** The careful parser of YAML text (catalogs), loaded on first use. */

/** Line numbers of a file's frontmatter fields, looked up only when asked (see `lazyLineOf`). */
export function frontmatterLineOf(source: string): (path: readonly PropertyKey[]) => number | undefined {
  const match = FENCE.exec(source.replace(/^\uFEFF/, ''));
  return match ? lazyLineOf(match[1] ?? '') : () => undefined;
}

/**
 * Line numbers are needed only when an issue must name one. Most frontmatter is plain block-style
 * YAML, where a field's line can be read off the indentation (blockLineOf); anything else builds
 * the positioned document, once.
 */
function lazyLineOf(yamlText: string): (path: readonly PropertyKey[]) => number | undefined {
  let lookup: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
  let rows: BlockRow[] | null | undefined;
  return (path) => {
    if (rows === undefined) rows = blockRows(yamlText);
    const fast = rows ? blockLineOf(rows, path) : null;
    if (fast !== null) return fast;
    lookup ??= positionedLineOf(yamlText);
    return lookup(path);
  };
}

/** Lines of fields from the positioned document: exact for any YAML, several times slower to build than the fast parse. */
export function positionedLineOf(yamlText: string, offset = 1): (path: readonly PropertyKey[]) => number | undefined {
  const { doc, lineCounter } = parsePositioned(yamlText);
  return linesOf(doc, lineCounter, offset);
}

/** The positioned document of a YAML text (the careful parser: duplicate keys are errors, positions are kept). */
export function parsePositioned(yamlText: string): { doc: Document; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  return { doc: parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' }), lineCounter };
}

/*
 * A field's line in block-style YAML, read from indentation alone. Hand-written on purpose: a
 * `check` names a line for every finding, and building the positioned document for that cost
 * 27% of its CPU time (0.7 ms a file, several times the fast parse). It answers only what the
 * indentation settles (plain `key:` mappings and `- ` sequences, as `npx hindsight new` writes
 * them), the same answer as linesOf (the line of the deepest part of the path that exists), and
 * null otherwise, so that the positioned document decides. test/fuzz/frontmatter.test.ts checks
 * that the two agree.
 */
interface BlockRow {
  /** 0-based line in the YAML text. */
  line: number;
  indent: number;
  dash: boolean;
  /** The plain key that starts the row (after `- ` on an item row), if any. */
  key: string | undefined;
  /** Column of the key, or of an item's content. */
  col: number;
  /** What follows `key:` on the row (a scalar, a flow collection, a block scalar's header), if anything. */
  value: string;
  /** An item row with nothing after the dash: its content starts on the next row. */
  bare: boolean;
}

const ROW = /^( *)(-(?: +|$))?(?:([A-Za-z_][\w-]*) *:(?= |$) *)?/;

/** The text's content rows, or null when it has something blockLineOf does not read (tabs, explicit or quoted keys on their own, a flow collection over several lines, a directive). */
function blockRows(yamlText: string): BlockRow[] | null {
  const rows: BlockRow[] = [];
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/\r$/, '');
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (text.includes('\t') || /^(\?|%|---|\.\.\.)/.test(trimmed)) return null;
    // A flow collection opened and not closed on the same row spans rows: not for this reader.
    const unquoted = trimmed.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
    if ((unquoted.match(/[[{]/g)?.length ?? 0) !== (unquoted.match(/[\]}]/g)?.length ?? 0)) return null;
    const m = ROW.exec(text)!;
    const indent = m[1]!.length;
    const dash = m[2] !== undefined;
    const col = indent + (m[2]?.length ?? 0);
    const rest = text.slice(m[0].length).trimEnd();
    rows.push({ line: i, indent, dash, key: m[3], col, value: m[3] !== undefined && !rest.startsWith('#') ? rest : '', bare: dash && text.length === col });
  }
  return rows;
}

/** The 1-based line of a path, undefined when none of it exists, null when the rows cannot tell. */
function blockLineOf(rows: readonly BlockRow[], path: readonly PropertyKey[]): number | undefined | null {
  let lo = 0;
  let hi = rows.length;
  let col = 0;
  let line: number | undefined;
  const answer = () => (line === undefined ? undefined : line + 2); // 1-based, and +1 for the opening --- line
  for (const [depth, part] of path.entries()) {
    if (typeof part === 'string') {
      // The rows of this mapping: its keys at `col`, each with its value below it.
      let at = -1;
      for (let r = lo; r < hi; r++) {
        const row = rows[r]!;
        if (row.col !== col || (row.dash && r !== lo)) continue;
        if (row.key === undefined) return null; // a key this reader does not know how to read
        if (row.key === part) {
          at = r;
          break;
        }
      }
      if (at < 0) return lo < hi ? answer() : null;
      line = rows[at]!.line;
      const keyCol = rows[at]!.col;
      let end = at + 1;
      while (end < hi && (rows[end]!.indent > keyCol || (rows[end]!.indent === keyCol && rows[end]!.dash))) end++;
      if (rows[at]!.value !== '') {
        // A scalar, a flow collection or a block scalar on the key's row: nothing this reader can go into.
        if (depth < path.length - 1) return null;
        lo = hi = at + 1;
      } else {
        lo = at + 1;
        hi = end;
      }
      col = lo < hi ? (rows[lo]!.dash ? rows[lo]!.indent : rows[lo]!.col) : -1;
    } else if (typeof part === 'number') {
      if (lo >= hi || !rows[lo]!.dash || rows[lo]!.indent !== col) return null;
      const items: number[] = [];
      for (let r = lo; r < hi; r++) if (rows[r]!.dash && rows[r]!.indent === col) items.push(r);
      const at = items[part];
      if (at === undefined) return answer();
      const next = items[part + 1] ?? hi;
      if (rows[at]!.bare) {
        if (at + 1 >= next) return null;
        lo = at + 1;
        col = rows[lo]!.dash ? rows[lo]!.indent : rows[lo]!.col;
      } else {
        lo = at;
        col = rows[at]!.col;
      }
      line = rows[lo]!.line;
      hi = next;
    } else return null;
  }
  return answer();
}

/** Line numbers of a YAML document's nodes; `offset` is the file line before the document (1: a frontmatter's opening ---). */
export function linesOf(doc: Document, lineCounter: LineCounter, offset = 1): (path: readonly PropertyKey[]) => number | undefined {
  const { isMap, isSeq } = yaml();
  return (path) => {
    let node: unknown = doc.contents;
    let last: number | undefined;
    const lineOfNode = (n: unknown) => {
      const range = (n as Node | undefined)?.range;
      return range ? lineCounter.linePos(range[0]).line : undefined;
    };
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
        if (!pair) break;
        last = lineOfNode(pair.key) ?? last;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part];
        if (!item) break;
        last = lineOfNode(item) ?? last;
        node = item;
      } else break;
    }
    return last === undefined ? undefined : last + offset;
  };
}
