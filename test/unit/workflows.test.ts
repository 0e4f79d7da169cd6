import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

/*
 * The CI workflows are part of the product's safety story: a postmortem
 * arrives by pull request, so the PR workflow must not be able to leak
 * anything. These tests pin that structure. The knowledge-base workflows
 * ship in the starter (`hindsight init` writes them into a team's
 * repository); the repository's own CI is held to the same general rules.
 */
const STARTER = resolve(import.meta.dirname, '../../starter/.github/workflows');
const OWN = resolve(import.meta.dirname, '../../.github/workflows');

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }
interface Job { permissions?: unknown; steps?: Step[]; needs?: unknown; environment?: { name?: string } }
interface Workflow { name?: string; on: Record<string, unknown>; permissions?: unknown; concurrency?: { group?: string }; jobs: Record<string, Job> }

function load(file: string, dir = STARTER): Workflow {
  const doc = parseDocument(readFileSync(join(dir, file), 'utf8'));
  expect(doc.errors, `${file}: ${doc.errors.map((e) => e.message).join('; ')}`).toEqual([]);
  return doc.toJS() as Workflow;
}

const yaml = (dir: string) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const files = yaml(STARTER);
/** Every workflow of both: [label, file, folder]. */
const everyWorkflow = [...files.map((f) => [`starter/${f}`, f, STARTER] as const), ...yaml(OWN).map((f) => [`.github/${f}`, f, OWN] as const)];
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
const stepIndex = (all: Step[], test: (s: Step) => boolean) => all.findIndex(test);

describe('every workflow', () => {
  it('exists: check.yml and deploy.yml in the starter, and the repository\'s own CI', () => {
    expect(files).toEqual(expect.arrayContaining(['check.yml', 'deploy.yml']));
    expect(yaml(OWN)).toEqual(['ci.yml']);
  });

  it.each(everyWorkflow)('%s is valid YAML with a trigger and jobs', (_label, file, dir) => {
    const wf = load(file, dir);
    expect(wf.on).toBeTypeOf('object');
    expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
  });

  it.each(everyWorkflow)('%s never triggers on pull_request_target', (_label, file, dir) => {
    expect(Object.keys(load(file, dir).on)).not.toContain('pull_request_target');
  });

  it.each(everyWorkflow)('%s pins every action by a major version tag', (_label, file, dir) => {
    for (const s of steps(load(file, dir))) {
      if (s.uses) expect(s.uses, `${file}: ${s.uses}`).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    }
  });
});

describe('ci.yml (this repository)', () => {
  it('runs .ci/run, read-only, on pushes to main and on pull requests', () => {
    const wf = load('ci.yml', OWN);
    expect(wf.permissions).toEqual({ contents: 'read' });
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

  it('has read-only permissions, at the top and in every job', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(wf.jobs)) {
      if (job.permissions === undefined) continue;
      for (const level of Object.values(job.permissions as Record<string, string>)) expect(['read', 'none']).toContain(level);
    }
  });

  it('references no secret', () => {
    const text = JSON.stringify(wf);
    expect(text).not.toMatch(/secrets\./);
    expect(text).not.toMatch(/"secrets"\s*:\s*"inherit"/);
  });

  it('checks out, sets up Node from .nvmrc and installs with npm ci', () => {
    expect(all.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(true);
    const node = all.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version-file']).toBe('.nvmrc');
    expect(all.some((s) => /^npm ci\b/.test(s.run ?? ''))).toBe(true);
  });

  it('runs hindsight check with GitHub annotations, then the build, then uploads dist/', () => {
    const check = stepIndex(all, (s) => (s.run ?? '').includes('hindsight check --format github'));
    const build = stepIndex(all, (s) => /\bnpm run build\b/.test(s.run ?? ''));
    const upload = stepIndex(all, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(check).toBeGreaterThan(-1);
    expect(build).toBeGreaterThan(check);
    expect(upload).toBeGreaterThan(build);
    const artifact = all[upload]!.with!;
    expect(artifact['name']).toBe('site-preview');
    expect(String(artifact['path'])).toMatch(/^dist\/?$/);
  });
});

describe('deploy.yml (GitHub Pages)', () => {
  const wf = load('deploy.yml');
  const all = steps(wf);

  it('runs on push to main and by hand', () => {
    expect((wf.on['push'] as { branches: string[] }).branches).toContain('main');
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.on).not.toHaveProperty('pull_request');
  });

  it('has exactly the Pages permissions', () => {
    expect(wf.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('deploys one at a time', () => {
    expect(wf.concurrency?.group).toBeTruthy();
  });

  it('configures Pages, builds, uploads the Pages artifact and deploys it', () => {
    const order = ['actions/configure-pages@', 'npm run build', 'actions/upload-pages-artifact@', 'actions/deploy-pages@'].map((needle) =>
      stepIndex(all, (s) => (s.uses ?? s.run ?? '').includes(needle)),
    );
    expect(order.every((i) => i > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const deploy = Object.values(wf.jobs).find((j) => j.steps?.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.needs).toBeTruthy();
  });

  it('publishes the public edition unless asked otherwise', () => {
    const build = all.find((s) => (s.run ?? '').includes('npm run build'));
    expect(String(build?.env?.['HINDSIGHT_EDITION'])).toContain("'public'");
  });
});
