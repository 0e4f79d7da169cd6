import { resolveQualityConfig, runQualityPolicy, type QualityConfigOverrides, type QualityResult } from '../lib/quality';
import { parseWithFriendlyErrors } from '../schema/friendly-errors';
import type { ContentIssue } from '../schema/issues';
import type { CustomField } from '../config/options';
import { postmortemSchema, salvageFrontmatter, type PostmortemFrontmatter } from '../schema/postmortem';
import { drawArtefacts, type PostmortemArtefacts } from './artefacts';
import { readContentFile } from './files';
import { splitFrontmatter } from './frontmatter';
import type { Edition } from '../config/settings';
import { checkLineLengths, fileTooLarge, LIMITS } from './limits';
import { renderSafeBody } from './safe-mdx';
import { bodyControlCharacters, checkStrings } from './text';

export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

export interface PostmortemSource {
  id: string;
  /** Path relative to the working directory's knowledge-base root, e.g. content/postmortems/x.mdx */
  file: string;
  data: PostmortemFrontmatter;
  /** MDX body as the edition may show it (<Internal> blanked in the public edition). */
  body: string;
  bodyLine: number;
  /** HTML of the body for the requested edition (undefined when rendering was not asked for). */
  html: string | undefined;
  /** Drawn with the HTML, when rendering was asked for (see artefacts.ts). */
  artefacts?: PostmortemArtefacts;
  /** Plain text of the body as the edition shows it. */
  text: string;
  headings: string[];
  lineOf: LineOf;
  /** The quality policy's result, when the read was asked to apply it (`hindsight check`). */
  quality?: QualityResult;
}

/**
 * What is left to check in a file that cannot be published (a field failed validation, or the body
 * is not safe MDX): the fields that are valid on their own. References and the quality policy run
 * on it, so that every error and finding in the file comes out in one run.
 */
export interface PartialPostmortem {
  id: string;
  file: string;
  data: Partial<PostmortemFrontmatter>;
  /** Top-level fields that failed validation: no rule that reads them runs. */
  invalid: string[];
  /** The raw body (not rendered: it may not be safe), for the policy's text rules. */
  body: string;
  bodyLine: number;
  lineOf?: LineOf;
}

/** The top-level fields named by schema issues, e.g. `timeline` for `timeline[2].at`. */
function failedFields(issues: readonly ContentIssue[]): Set<string> {
  return new Set(issues.map((i) => /^[^.[]+/.exec(i.field)?.[0] ?? '').filter(Boolean));
}

/**
 * One postmortem file, without the file system: frontmatter, schema, safe
 * MDX (and the HTML of one edition). References to other files are checked
 * by the caller once every file is read.
 */
export function readPostmortem(
  source: string,
  id: string,
  file: string,
  opts: { edition: Edition; render: boolean; fields?: Readonly<Record<string, CustomField>> },
): { postmortem: PostmortemSource | undefined; issues: ContentIssue[]; partial?: PartialPostmortem } {
  // The limits first, before any parse: what every later step costs grows with them (src/kb/limits.ts).
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > LIMITS.fileBytes) return { postmortem: undefined, issues: [fileTooLarge(file, bytes, LIMITS.fileBytes, 'postmortem')] };
  const tooLong = checkLineLengths(source, file);
  if (tooLong.length) return { postmortem: undefined, issues: tooLong };

  const split = splitFrontmatter(source, file);
  const issues: ContentIssue[] = [...split.issues];
  let data: PostmortemFrontmatter | undefined;
  let salvaged: ReturnType<typeof salvageFrontmatter>;
  if (!split.issues.length) {
    const text = checkStrings(split.data, { file, lineOf: split.lineOf, where: 'frontmatter' });
    issues.push(...text);
    const result = parseWithFriendlyErrors(postmortemSchema(opts.fields), split.data, file);
    if (result.ok && !text.length) data = result.data;
    else if (!result.ok) {
      issues.push(...result.issues.map((i) => withLine(i, split.lineOf)));
      salvaged = salvageFrontmatter(split.data, failedFields(result.issues), opts.fields);
    }
  }
  const control = bodyControlCharacters(split.body, file, split.bodyLine);
  issues.push(...control);
  const body = renderSafeBody(split.body, { file, bodyLine: split.bodyLine, edition: opts.edition, render: opts.render });
  issues.push(...body.issues);
  if (control.length) return { postmortem: undefined, issues };
  if (data && !body.issues.length) {
    return {
      postmortem: { id, file, data, body: body.source, bodyLine: split.bodyLine, html: body.html, ...(opts.render ? { artefacts: drawArtefacts(data) } : {}), text: body.text, headings: body.headings, lineOf: split.lineOf },
      issues,
    };
  }
  const rest = data ? { data, invalid: [] } : salvaged;
  return { postmortem: undefined, issues, ...(rest ? { partial: { id, file, ...rest, body: split.body, bodyLine: split.bodyLine, lineOf: split.lineOf } } : {}) };
}

/** An unexpected failure while reading one file, reported on that file (with the fix: report it). */
function internalError(file: string, error: unknown): ContentIssue {
  const message = String((error as Error | undefined)?.message ?? error).split('\n')[0]!.slice(0, 200);
  return {
    file,
    field: '',
    level: 'error',
    rule: 'file/internal-error',
    message: `could not be read: Hindsight failed on it (${message})`,
    fix: 'this is a bug in Hindsight, not in the file: please report it with the file attached; until then, simplify the part of the file you changed last',
  };
}

/** Gives an issue the line of its field, when the field can be found in the frontmatter. */
export function withLine(issue: ContentIssue, lineOf: LineOf): ContentIssue {
  if (issue.line) return issue;
  const path = issue.field.match(/[^.[\]]+/g)?.map((p) => (/^\d+$/.test(p) ? Number(p) : p)) ?? [];
  const line = path.length ? lineOf(path) : undefined;
  return line ? { ...issue, line } : issue;
}

/** One file to read: where it is, its id, and how messages name it. */
export interface ReadJob {
  path: string;
  id: string;
  file: string;
}

/** How every file of one read is treated. Plain data, so that it can be sent to a worker thread. */
export interface ReadJobOptions {
  edition: Edition;
  render: boolean;
  /** The team's own frontmatter fields (settings.fields). */
  fields: Readonly<Record<string, CustomField>>;
  /**
   * Apply the quality policy too (as `hindsight check` does), with these settings. `lines`:
   * which findings get a line number, `all` (default; `check` prints them) or `errors` (the
   * build: only an error is shown with its line; a page shows a warning without one). A line
   * costs a positioned YAML parse of the frontmatter, several times the fast one.
   */
  quality?: { overrides: QualityConfigOverrides; strict: boolean; lines?: 'all' | 'errors' };
}

export interface ReadJobResult {
  /** Without `lineOf` when it comes from a worker thread (functions do not cross threads). */
  postmortem: (Omit<PostmortemSource, 'lineOf'> & { lineOf?: LineOf }) | undefined;
  issues: ContentIssue[];
  /** A file that cannot be published: what is still valid in it, for the reference checks. */
  partial?: PartialPostmortem;
}

let qualityConfig: { key: string; config: ReturnType<typeof resolveQualityConfig> } | undefined;

/**
 * Reads, validates and (when asked) renders one file and applies the quality
 * policy to it. Synchronous on purpose: parsing is CPU-bound, and awaiting
 * each read between parses cost ~1 ms a file. The same function runs in the
 * main thread and in the worker threads of a parallel read.
 */
export function runReadJob(job: ReadJob, opts: ReadJobOptions): ReadJobResult {
  const read = readContentFile(job.path, job.file, { maxBytes: LIMITS.fileBytes, what: 'postmortem' });
  if (read.issue) return { postmortem: undefined, issues: [read.issue] };
  try {
    const one = readPostmortem(read.text, job.id, job.file, { edition: opts.edition, render: opts.render, fields: opts.fields });
    const pm = one.postmortem;
    const issues = one.issues;
    if (opts.quality) {
      const key = JSON.stringify(opts.quality.overrides) + opts.quality.strict;
      if (qualityConfig?.key !== key) qualityConfig = { key, config: resolveQualityConfig({ ...opts.quality.overrides, strict: opts.quality.strict }) };
      const allLines = opts.quality.lines !== 'errors';
      if (pm) {
        const result = runQualityPolicy({ file: pm.file, data: pm.data, body: pm.body, bodyLineOffset: pm.bodyLine }, qualityConfig.config);
        pm.quality = { ...result, issues: result.issues.map((i) => (allLines || i.level === 'error' ? withLine(i, pm.lineOf) : i)) };
      } else if (one.partial) {
        // A file that cannot be published still gets the policy's findings on its valid fields, in this run.
        const p = one.partial;
        const result = runQualityPolicy({ file: p.file, data: p.data as PostmortemFrontmatter, body: p.body, bodyLineOffset: p.bodyLine, invalidFields: p.invalid }, qualityConfig.config);
        issues.push(...result.issues.map((i) => (p.lineOf ? withLine(i, p.lineOf) : i)));
      }
    }
    return { postmortem: pm, issues, ...(one.partial ? { partial: one.partial } : {}) };
  } catch (error) {
    // A bug, not the author's mistake; but one file must not take every other file's report down with it.
    return { postmortem: undefined, issues: [internalError(job.file, error)] };
  }
}
