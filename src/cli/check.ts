import type { Settings } from '../config/settings';
import { readKnowledgeBase } from '../kb/read';
import { withLine } from '../kb/read-one';
import { resolveQualityConfig, runFollowThrough } from '../lib/quality';
import { isCalendarDate } from '../schema/datetime';
import { formatIssueReport, type ContentIssue } from '../schema/issues';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, UsageError } from './io';
import { changedSince } from './changed';
import { markdownReport } from './markdown';
import { postmortemPaths } from './paths';

const FORMATS = ['human', 'github', 'markdown', 'json'];
import { cliSettings } from './settings';


export interface CheckReport {
  files: number;
  errors: number;
  warnings: number;
  issues: ContentIssue[];
  scores: Record<string, number>;
}

/** Everything `check` finds, without printing: the tests and the benchmark call this too. */
export async function checkKnowledgeBase(settings: Settings, opts: { files?: string[]; strict?: boolean } = {}): Promise<CheckReport> {
  // The policy runs inside the read, on the same threads, while each file is at hand.
  const kb = await readKnowledgeBase({
    root: settings.content,
    render: false,
    fields: settings.fields,
    threads: settings.threads,
    quality: { overrides: settings.quality, strict: opts.strict ?? false },
    ...(opts.files?.length ? { only: opts.files } : {}),
  });
  const config = resolveQualityConfig({ ...settings.quality, strict: opts.strict ?? false });
  const issues: ContentIssue[] = kb.issues.map((i) => (opts.strict && i.level === 'warning' ? { ...i, level: 'error' as const } : i));
  const scores: Record<string, number> = {};
  for (const pm of kb.postmortems) {
    if (!pm.quality) continue;
    scores[pm.id] = pm.quality.score;
    issues.push(...pm.quality.issues);
    issues.push(...runFollowThrough({ file: pm.file, data: pm.data, today: settings.today }, config).map((i) => withLine(i, pm.lineOf)));
  }
  const files = new Set([...kb.postmortems.map((p) => p.file), ...issues.map((i) => i.file)]).size;
  return {
    files,
    errors: issues.filter((i) => i.level === 'error').length,
    warnings: issues.filter((i) => i.level === 'warning').length,
    issues,
    scores,
  };
}

/** GitHub Actions workflow command: one annotation per finding. */
export function toGithubAnnotation(issue: ContentIssue): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const line = issue.line ? `,line=${issue.line}` : '';
  const cmd = issue.level === 'error' ? 'error' : 'warning';
  return `::${cmd} file=${prop(issue.file)}${line},title=${prop(`${issue.rule}${issue.field ? ` (${issue.field})` : ''}`)}::${esc(`${issue.field ? `${issue.field}: ` : ''}${issue.message}. Fix: ${issue.fix}`)}`;
}

export async function runCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    root: { type: 'string' },
    format: { type: 'string', default: 'human' },
    strict: { type: 'boolean', default: false },
    today: { type: 'string' },
    'changed-since': { type: 'string' },
  }, true);
  const format = values.format ?? 'human';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}, not "${format}"`);
  const since = values['changed-since'];
  if (since !== undefined && positionals.length) throw new UsageError('give files or --changed-since, not both');
  if (values.today !== undefined && !isCalendarDate(values.today)) throw new UsageError(`--today is "${values.today.slice(0, 20)}", not a real date: write it as YYYY-MM-DD`);
  const settings = await cliSettings({ root: values.root, env: values.today ? { ...process.env, HINDSIGHT_TODAY: values.today } : process.env });
  const root = settings.content;
  // No postmortems folder at all is a usage problem (exit 2), not a finding.
  if (!existsSync(join(root, 'postmortems'))) {
    throw new UsageError(`there is no knowledge base at ${relative(process.cwd(), root) || '.'}: it has no postmortems/ folder (give --root, or set the \`content\` option)`);
  }
  const changes = since === undefined ? undefined : changedSince(since, root);
  const files = positionals.length ? postmortemPaths(positionals, root) : changes?.files;
  const report: CheckReport = files?.length === 0
    ? { files: 0, errors: 0, warnings: 0, issues: [], scores: {} } // a pull request that touches no postmortem
    : await checkKnowledgeBase(settings, { ...(files ? { files } : {}), strict: values.strict ?? false });
  if (changes && format === 'human') {
    process.stdout.write(`${changes.changed} postmortem${changes.changed === 1 ? '' : 's'} changed since ${since}, ${changes.files.length - changes.changed} more affected through a reference.\n`);
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (format === 'github') {
    // Errors first: GitHub shows only the first few annotations of each level in a step.
    const ordered = [...report.issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
    for (const issue of ordered) process.stdout.write(`${toGithubAnnotation(issue)}\n`);
    process.stdout.write(summary(report));
  } else if (format === 'markdown') {
    process.stdout.write(markdownReport(report));
  } else {
    if (report.issues.length) process.stdout.write(`${formatIssueReport(report.issues)}\n\n`);
    process.stdout.write(summary(report));
  }
  return report.errors > 0 ? 1 : 0;
}

function summary(r: CheckReport): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(r.files, 'file')} checked: ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}.\n`;
}
