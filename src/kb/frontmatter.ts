import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import { fieldPath, type ContentIssue } from '../schema/issues';
import { checkYamlFlowNesting, LIMITS, nestingIssue, yamlValueDepth } from './limits';

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
 * document with positions. Files that use anchors or aliases, or that js-yaml
 * rejects, take the careful path, which also words the error and knows lines.
 */
function fastLoad(yamlText: string): { ok: true; data: Record<string, unknown> } | { ok: false } {
  if (/[&*]/.test(yamlText)) return { ok: false };
  try {
    const data = loadYaml(yamlText, { schema: CORE_SCHEMA, json: false });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? { ok: true, data: data as Record<string, unknown> } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** Line numbers of a file's frontmatter fields, looked up only when asked (see `lazyLineOf`). */
export function frontmatterLineOf(source: string): (path: readonly PropertyKey[]) => number | undefined {
  const match = FENCE.exec(source.replace(/^\uFEFF/, ''));
  return match ? lazyLineOf(match[1] ?? '') : () => undefined;
}

/** Line numbers are needed only when an issue must name one: the positioned document is built then, once. */
function lazyLineOf(yamlText: string): (path: readonly PropertyKey[]) => number | undefined {
  let lookup: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
  return (path) => {
    if (!lookup) {
      const lineCounter = new LineCounter();
      lookup = linesOf(parseDocument(yamlText, { lineCounter, prettyErrors: false, version: '1.2' }), lineCounter);
    }
    return lookup(path);
  };
}

/** Line numbers of a YAML document's nodes; `offset` is the file line before the document (1: a frontmatter's opening ---). */
export function linesOf(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, offset = 1): (path: readonly PropertyKey[]) => number | undefined {
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
