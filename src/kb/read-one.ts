import { readFileSync } from 'node:fs';
import { resolveQualityConfig, runQualityPolicy, type QualityConfigOverrides, type QualityResult } from '../lib/quality';
import { parseWithFriendlyErrors } from '../schema/friendly-errors';
import type { ContentIssue } from '../schema/issues';
import type { CustomField } from '../config/options';
import { postmortemSchema, salvageFrontmatter, type PostmortemFrontmatter } from '../schema/postmortem';
import { splitFrontmatter } from './frontmatter';
import type { Edition } from '../config/settings';
import { renderSafeBody } from './safe-mdx';

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
  const split = splitFrontmatter(source, file);
  const issues: ContentIssue[] = [...split.issues];
  let data: PostmortemFrontmatter | undefined;
  let salvaged: ReturnType<typeof salvageFrontmatter>;
  if (!split.issues.length) {
    const result = parseWithFriendlyErrors(postmortemSchema(opts.fields), split.data, file);
    if (result.ok) data = result.data;
    else {
      issues.push(...result.issues.map((i) => withLine(i, split.lineOf)));
      salvaged = salvageFrontmatter(split.data, failedFields(result.issues), opts.fields);
    }
  }
  const body = renderSafeBody(split.body, { file, bodyLine: split.bodyLine, edition: opts.edition, render: opts.render });
  issues.push(...body.issues);
  if (data && !body.issues.length) {
    return { postmortem: { id, file, data, body: body.source, bodyLine: split.bodyLine, html: body.html, text: body.text, headings: body.headings, lineOf: split.lineOf }, issues };
  }
  const rest = data ? { data, invalid: [] } : salvaged;
  return { postmortem: undefined, issues, ...(rest ? { partial: { id, file, ...rest, body: split.body, bodyLine: split.bodyLine, lineOf: split.lineOf } } : {}) };
}

/** Gives an issue the line of its field, when the field can be found in the frontmatter. */
export function withLine(issue: ContentIssue, lineOf: LineOf): ContentIssue {
  if (issue.line) return issue;
  const path = issue.field.match(/[^.[\]]+/g)?.map((p) => (/^\d+$/.test(p) ? Number(p) : p)) ?? [];
  const line = path.length ? lineOf(path) : undefined;
  return line ? { ...issue, line } : issue;
}

/** One file to read: where it is, its id, how messages name it, and whether its issues are wanted. */
export interface ReadJob {
  path: string;
  id: string;
  file: string;
  /** False for files read only so that references to them resolve (`check <file>`): no rendering, no policy. */
  wanted: boolean;
}

/** How every file of one read is treated. Plain data, so that it can be sent to a worker thread. */
export interface ReadJobOptions {
  edition: Edition;
  render: boolean;
  /** The team's own frontmatter fields (settings.fields). */
  fields: Readonly<Record<string, CustomField>>;
  /** Apply the quality policy too (as `hindsight check` does), with these settings. */
  quality?: { overrides: QualityConfigOverrides; strict: boolean };
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
  const source = readFileSync(job.path, 'utf8');
  const one = readPostmortem(source, job.id, job.file, { edition: opts.edition, render: opts.render && job.wanted, fields: opts.fields });
  const pm = one.postmortem;
  const issues = job.wanted ? one.issues : [];
  if (opts.quality && job.wanted) {
    const key = JSON.stringify(opts.quality.overrides) + opts.quality.strict;
    if (qualityConfig?.key !== key) qualityConfig = { key, config: resolveQualityConfig({ ...opts.quality.overrides, strict: opts.quality.strict }) };
    if (pm) {
      const result = runQualityPolicy({ file: pm.file, data: pm.data, body: pm.body, bodyLineOffset: pm.bodyLine }, qualityConfig.config);
      pm.quality = { ...result, issues: result.issues.map((i) => withLine(i, pm.lineOf)) };
    } else if (one.partial) {
      // A file that cannot be published still gets the policy's findings on its valid fields, in this run.
      const p = one.partial;
      const result = runQualityPolicy({ file: p.file, data: p.data as PostmortemFrontmatter, body: p.body, bodyLineOffset: p.bodyLine, invalidFields: p.invalid }, qualityConfig.config);
      issues.push(...result.issues.map((i) => (p.lineOf ? withLine(i, p.lineOf) : i)));
    }
  }
  return { postmortem: pm, issues, ...(one.partial ? { partial: one.partial } : {}) };
}
