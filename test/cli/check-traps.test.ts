/*
 * The traps a new author met in `hindsight check` (issue 11), each as the author meets it: the
 * real CLI as a process on a real knowledge base.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/build';
import { markdownReport } from '../../src/cli/markdown';
import { BIN, copyOf, hindsight } from '../helpers/cli';
import { FIXTURES } from '../helpers/kb';

const EXAMPLE = join(REPO, 'content');
const BASIC = join(FIXTURES, 'sites/basic/content');

interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  issues: Array<{ file: string; rule: string; field: string; level: string; line?: number; message: string }>;
  scores: Record<string, number>;
}

const json = (args: string[]) => JSON.parse(hindsight(['check', ...args, '--format', 'json']).stdout) as JsonReport;

describe('the score measures the document, not the calendar', () => {
  it('gives every example postmortem the same score whatever the date; overdue items are reported beside it', () => {
    const early = json(['--root', EXAMPLE, '--today', '2025-01-01']);
    const late = json(['--root', EXAMPLE, '--today', '2030-01-01']);
    expect(late.issues.filter((i) => i.rule === 'quality/overdue-actions').length).toBeGreaterThan(early.issues.filter((i) => i.rule === 'quality/overdue-actions').length);
    expect(late.scores).toEqual(early.scores);
  });
});

describe('the template is not content', () => {
  it('a scaffold set to published with one number filled in fails check --strict and scores 0', () => {
    const root = copyOf(BASIC);
    const made = hindsight(['new', '--root', root, '--title', 'Checkout errors', '--start', '2026-11-02T10:00Z', '--severity', 'SEV2', '--services', 'checkout-api', '--author', 'alex-kim', '--category', 'config-change']);
    expect(made.code, made.stderr).toBe(0);
    const file = join(root, 'postmortems', readdirSync(join(root, 'postmortems')).find((f) => f.startsWith('2026-11-02'))!);
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace('status: draft', 'status: published')
      .replace('users_affected: 0 ', 'users_affected: 5 ')
      .replace('    # source: https', '  - at: 2026-11-02T11:00Z\n    kind: resolved\n    event: TODO what ended the impact\n    # source: https'));
    const r = json([file, '--root', root, '--strict', '--today', '2026-11-03']);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.scores['2026-11-02-checkout-errors']).toBe(0);
    expect(r.issues.map((i) => i.rule)).toEqual(expect.arrayContaining(['quality/still-template', 'quality/placeholder-text']));
    // Without --strict too: a placeholder in a published postmortem is an error, not a warning.
    expect(hindsight(['check', file, '--root', root, '--today', '2026-11-03']).code).toBe(1);
  });
});

describe('all errors in one pass', () => {
  const THREE = join(FIXTURES, 'cli/three-errors.mdx');
  const NAME = '2026-06-11-search-three-errors.mdx';

  /** A bad date, a bad priority, an unknown service and a blaming root cause, in one file. */
  function kbWithThreeErrors(): { root: string; file: string } {
    const root = copyOf(BASIC);
    const file = join(root, 'postmortems', NAME);
    writeFileSync(file, readFileSync(THREE, 'utf8'));
    return { root, file };
  }

  it('check reports the schema errors, the unknown service and the policy finding in one run', () => {
    const { root, file } = kbWithThreeErrors();
    const r = json([file, '--root', root]);
    const found = (rule: string, field: string) => r.issues.find((i) => i.rule === rule && i.field === field);
    expect(found('schema/date-time', 'timeline[1].at'), JSON.stringify(r.issues, null, 1)).toBeDefined();
    expect(found('schema/invalid-enum', 'action_items[0].priority')).toBeDefined();
    expect(found('reference/service', 'services[0]')?.line).toBe(10);
    expect(found('quality/blameless-language', 'root_cause.summary')).toBeDefined();
    // What it cannot see, it does not guess: no "missing" finding for the fields that are broken.
    expect(r.issues.filter((i) => i.rule === 'quality/action-items-present')).toEqual([]);
    expect(r.errors).toBe(3);
  });
});

describe('one bad catalog entry is one error', () => {
  const refs = (r: JsonReport) => r.issues.filter((i) => i.rule.startsWith('reference/'));

  it('a services.yml that is not YAML is reported once, with its line, not again in every postmortem', () => {
    const root = copyOf(BASIC);
    writeFileSync(join(root, 'services.yml'), '- id: checkout-api\n  name: [Checkout\n');
    const r = json(['--root', root]);
    expect(r.issues.filter((i) => i.file.endsWith('services.yml'))).toEqual([expect.objectContaining({ rule: 'file/yaml', line: 3 })]);
    expect(refs(r)).toEqual([]);
  });

  it('an entry with an id that is not kebab-case is one error at its line; postmortems that meant it are not', () => {
    const root = copyOf(BASIC);
    const services = readFileSync(join(root, 'services.yml'), 'utf8');
    writeFileSync(join(root, 'services.yml'), services.replace('- id: checkout-api', '- id: Checkout-API'));
    const r = json(['--root', root]);
    expect(r.issues.filter((i) => i.level === 'error')).toEqual([expect.objectContaining({ rule: 'schema/id', field: '[0].id', line: 1 })]);
  });

  it('a duplicated key names the key and its line, in a postmortem and in a catalog', () => {
    const root = copyOf(BASIC);
    const file = join(root, 'postmortems/2026-03-02-checkout-pool-exhaustion.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: SEV1\n', 'severity: SEV1\nseverity: SEV2\n'));
    writeFileSync(join(root, 'teams.yml'), '- id: payments\n  name: Payments\n  name: Pay\n- id: discovery\n  name: Discovery\n');
    const r = json(['--root', root]);
    const dupes = r.issues.filter((i) => i.rule === 'file/yaml');
    expect(dupes).toHaveLength(2);
    const pm = dupes.find((i) => i.file.endsWith('.mdx'))!;
    expect(pm).toMatchObject({ field: 'severity', message: 'the frontmatter is not valid YAML: "severity" is written twice' });
    expect(readFileSync(file, 'utf8').split('\n')[pm.line! - 1]).toBe('severity: SEV2');
    expect(dupes.find((i) => i.file.endsWith('teams.yml'))).toMatchObject({ field: 'name', line: 3 });
  });
});

describe('check cannot be fooled by a path', () => {
  const pm = '2026-03-02-checkout-pool-exhaustion.mdx';

  it('a path that does not exist is a usage error, with a did-you-mean', () => {
    const root = copyOf(BASIC);
    const r = hindsight(['check', join(root, 'postmortems/2026-03-02-checkout-pool-exhaustio.mdx'), '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist; did you mean');
    expect(r.stderr).toContain(pm);
    expect(r.stdout).toBe('');
    expect(hindsight(['check', 'missing.mdx', '--root', root]).code).toBe(2);
  });

  it('a file that is not a postmortem, or lies outside the knowledge base, is a usage error', () => {
    const root = copyOf(BASIC);
    const catalog = hindsight(['check', join(root, 'services.yml'), '--root', root]);
    expect(catalog.code).toBe(2);
    expect(catalog.stderr).toContain('is not a postmortem');
    writeFileSync(join(root, 'postmortems/2026-07-01-notes.md'), '# notes\n');
    expect(hindsight(['check', join(root, 'postmortems/2026-07-01-notes.md'), '--root', root]).stderr).toContain('rename it to 2026-07-01-notes.mdx');
    const outside = hindsight(['check', join(REPO, 'content/postmortems/2025-01-21-event-bus-consumer-rebalance-storm.mdx'), '--root', root]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is outside the knowledge base');
  });

  it('a path relative to --root is found there, and a folder checks the postmortems in it', () => {
    const root = copyOf(BASIC);
    const one = json([`postmortems/${pm}`, '--root', root, '--today', '2026-11-21']);
    expect(one.files).toBe(1);
    const folder = json(['postmortems', '--root', root, '--today', '2026-11-21']);
    expect(folder.files).toBe(3);
    expect(json([root, '--root', root, '--today', '2026-11-21']).files).toBe(3);
  });

  it('a folder with no postmortems in it is a usage error, not "0 files checked"', () => {
    const root = copyOf(BASIC);
    mkdirSync(join(root, 'notes'));
    const r = hindsight(['check', join(root, 'notes'), '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds no postmortems');
    expect(r.stdout).not.toContain('0 files checked');
  });

  it('--today must be a real date', () => {
    const r = hindsight(['check', '--root', BASIC, '--today', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--today is "2026-02-30", not a real date');
  });

  it('an unknown command gets a did-you-mean', () => {
    const r = hindsight(['chekc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "chekc"; did you mean "check"?');
  });

  it('ends quietly when the reader of its output goes away (check | head)', () => {
    // Enough findings to fill the pipe: 200 copies of a postmortem with several each.
    const root = copyOf(join(FIXTURES, 'cli/bad'));
    const source = readFileSync(join(root, 'postmortems/2026-04-09-search-outage-blame.mdx'), 'utf8');
    for (let i = 0; i < 200; i++) writeFileSync(join(root, `postmortems/2026-04-09-search-outage-blame-${i}.mdx`), source);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check --root "${root}" --today 2026-11-21 | head -1; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('exit 0\n');
  });
});

describe('a pull request shows the author\'s findings', () => {
  const NEW = '2026-11-24-tracking-web-map-tiles-blank.mdx';
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  /** The example knowledge base on main, and a branch that adds one postmortem. */
  function pullRequest(): string {
    const repo = mkdtempSync(join(tmpdir(), 'hindsight-pr-'));
    cpSync(EXAMPLE, join(repo, 'content'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'knowledge base');
    git(repo, 'checkout', '-q', '-b', 'add-postmortem');
    cpSync(join(FIXTURES, 'cli/pr', NEW), join(repo, 'content/postmortems', NEW));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'postmortem');
    return repo;
  }

  it('annotates only the postmortem the pull request adds', () => {
    const repo = pullRequest();
    const r = hindsight(['check', '--changed-since', 'main', '--format', 'github', '--root', 'content', '--today', '2026-12-01'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) expect(a).toContain(`file=content/postmortems/${NEW}`);
    expect(r.stdout).toContain('quality/action-item-concrete');
    // The whole knowledge base still has its overdue items; they are not the author's.
    expect(r.stdout).not.toContain('overdue since 2025');
  });

  it('also checks a postmortem whose reference the change breaks, and nothing when no postmortem changed', () => {
    const repo = pullRequest();
    // Remove a service from the catalog: the postmortems that name it are affected.
    const services = readFileSync(join(repo, 'content/services.yml'), 'utf8');
    writeFileSync(join(repo, 'content/services.yml'), services.replace(/- id: billing\n(?: {2}.*\n)*/, ''));
    const r = json(['--changed-since', 'main', '--root', join(repo, 'content'), '--today', '2026-12-01']);
    expect(r.issues.filter((i) => i.rule === 'reference/service').map((i) => i.file)).toEqual(expect.arrayContaining([expect.stringContaining('billing')]));
    git(repo, 'checkout', '-q', '.');
    const none = hindsight(['check', '--changed-since', 'HEAD', '--root', join(repo, 'content')]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('0 postmortems changed since HEAD');
  });

  it('writes the whole knowledge base\'s report as a Markdown table for the step summary', () => {
    const repo = pullRequest();
    const r = hindsight(['check', '--format', 'markdown', '--root', join(repo, 'content'), '--today', '2026-12-01'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Hindsight check\n\n27 files checked: \*\*0 errors\*\*, \d+ warnings\./);
    expect(r.stdout).toContain('| level | file | rule | finding | fix |');
    expect(r.stdout).toContain(NEW);
    expect(r.stdout.match(/quality\/overdue-actions/g)!.length).toBeGreaterThanOrEqual(13);
    expect(r.stdout).toContain('### Writing quality, lowest first');
  });

  it('keeps the summary under GitHub\'s 1 MiB however many findings there are, and says what it left out', () => {
    const issue = { file: 'content/postmortems/x|<b>.mdx', field: 'body', message: 'm'.repeat(300), fix: 'f'.repeat(300), rule: 'quality/x', level: 'warning' as const };
    const report = { files: 5000, errors: 0, warnings: 5000, issues: Array.from({ length: 5000 }, () => issue), scores: {} };
    const text = markdownReport(report);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
    expect(text).toMatch(/_\d+ more rows did not fit in the step summary/);
    expect(text).toContain('x\\|&lt;b&gt;.mdx');
  });
});
