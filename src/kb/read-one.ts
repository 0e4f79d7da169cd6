import { readFileSync } from 'node:fs';
import { resolveQualityConfig, runQualityPolicy, type QualityConfigOverrides, type QualityResult } from '../lib/quality';
import { parseWithFriendlyErrors } from '../schema/friendly-errors';
import type { ContentIssue } from '../schema/issues';
import type { CustomField } from '../config/options';
import { postmortemSchema, type PostmortemFrontmatter } from '../schema/postmortem';
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
 * One postmortem file, without the file system: frontmatter, schema, safe
 * MDX (and the HTML of one edition). References to other files are checked
 * by the caller once every file is read.
 */
export function readPostmortem(
  source: string,
  id: string,
  file: string,
  opts: { edition: Edition; render: boolean; fields?: Readonly<Record<string, CustomField>> },
): { postmortem: PostmortemSource | undefined; issues: ContentIssue[] } {
  const split = splitFrontmatter(source, file);
  const issues: ContentIssue[] = [...split.issues];
  let data: PostmortemFrontmatter | undefined;
  if (!split.issues.length) {
    const result = parseWithFriendlyErrors(postmortemSchema(opts.fields), split.data, file);
    if (result.ok) data = result.data;
    else issues.push(...result.issues.map((i) => withLine(i, split.lineOf)));
  }
  const body = renderSafeBody(split.body, { file, bodyLine: split.bodyLine, edition: opts.edition, render: opts.render });
  issues.push(...body.issues);
  const postmortem = data && !body.issues.length
    ? { id, file, data, body: body.source, bodyLine: split.bodyLine, html: body.html, text: body.text, headings: body.headings, lineOf: split.lineOf }
    : undefined;
  return { postmortem, issues };
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
  if (pm && opts.quality && job.wanted) {
    const key = JSON.stringify(opts.quality.overrides) + opts.quality.strict;
    if (qualityConfig?.key !== key) qualityConfig = { key, config: resolveQualityConfig({ ...opts.quality.overrides, strict: opts.quality.strict }) };
    const result = runQualityPolicy({ file: pm.file, data: pm.data, body: pm.body, bodyLineOffset: pm.bodyLine }, qualityConfig.config);
    pm.quality = { ...result, issues: result.issues.map((i) => withLine(i, pm.lineOf)) };
  }
  return { postmortem: pm, issues: job.wanted ? one.issues : [] };
}
