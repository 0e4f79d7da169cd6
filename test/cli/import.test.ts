/*
 * `hindsight import` on hand-written Markdown postmortems of the shapes teams already have: the
 * real CLI writes drafts into a copy of the example knowledge base, and the real `check` reads them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PostmortemInput } from '../../src/schema/postmortem';
import { REPO } from '../helpers/build';
import { copyOf, hindsight } from '../helpers/cli';
import { FIXTURES } from '../helpers/kb';

const IMPORT = join(FIXTURES, 'import');
interface Draft { file: string; data: PostmortemInput; body: string; report: string }

/** Imports one fixture into a fresh copy of the example knowledge base and reads the draft back. */
function importOne(name: string): Draft & { root: string } {
  const root = copyOf(join(REPO, 'content'));
  const r = hindsight(['import', join(IMPORT, name), '--root', root, '--author', 'lena-w'], { env: { HINDSIGHT_TODAY: '2026-12-01' } });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const target = /→ (\S+\.mdx)/.exec(r.stdout)![1]!;
  const file = join(REPO, target);
  const text = readFileSync(file, 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { root, file, data: parse(yaml) as PostmortemInput, body, report: r.stdout };
}

/** `check` accepts the draft: warnings for what the author must still supply, no error. */
function accepted(d: { root: string; file: string }) {
  const r = hindsight(['check', d.file, '--root', d.root, '--format', 'json', '--today', '2026-12-01']);
  const report = JSON.parse(r.stdout) as { errors: number; warnings: number; issues: Array<{ rule: string; level: string; message: string }> };
  expect(report.issues.filter((i) => i.level === 'error')).toEqual([]);
  expect(r.code).toBe(0);
  return report;
}

const mappedCount = (report: string) => Number(/mapped \((\d+)\)/.exec(report)![1]);

describe('hindsight import', () => {
  it('the common template: metadata lines, an impact table, a timeline table, whys, an action table', () => {
    const d = importOne('classic-template.md');
    expect(d.file).toMatch(/2025-10-07-route-planner-returned-empty-routes-after-a-depot-code\.mdx$/);
    expect(d.data).toMatchObject({
      title: 'Route planner returned empty routes after a depot code change',
      status: 'draft',
      severity: 'SEV2',
      authors: ['amara-okafor', 'jonas-b'],
      services: ['route-planner'],
      impact: { users_affected: 61, support_tickets: 212, revenue_usd: 18400 },
    });
    expect(d.data.timeline.map((e) => e.kind)).toEqual(['started', 'detected', 'acknowledged', 'diagnosed', 'mitigated', 'resolved']);
    expect(d.data.timeline[0]!.at).toBe('2025-10-07T05:10Z');
    expect(d.data.five_whys).toHaveLength(4);
    expect(d.data.five_whys![0]).toEqual({ why: 'Why did drivers have no routes?', because: 'the planner found no depot for LDS-01.' });
    expect(d.data.contributing_factors).toHaveLength(2);
    expect(d.data.action_items!.map((a) => [a.status, a.owner, a.priority])).toEqual([['done', 'dispatch', 'P1'], ['in-progress', 'jonas-b', 'P2'], ['open', 'platform', 'P2']]);
    // The original prose stays, under the headings the quality policy expects.
    expect(d.body).toContain('Identifiers that people can edit are not identifiers.');
    expect(d.body).toMatch(/^## What went poorly\n\n- Nobody knew that the sync could rename codes\./m);
    expect(d.body).not.toContain('**Severity:**');
    expect(mappedCount(d.report)).toBeGreaterThanOrEqual(14);
    accepted(d);
  });

  it('a timeline in 12-hour Pacific time with extra columns, and an action table in another order', () => {
    const d = importOne('extra-columns-12h.md');
    // 4:52 PM PST on 18 November is 00:52 UTC on the 19th: the file takes the UTC date.
    expect(d.file).toMatch(/2025-11-19-merchant-api-502s-during-the-evening-label-rush\.mdx$/);
    expect(d.data.timeline[0]).toMatchObject({ at: '2025-11-18T16:52-08:00', kind: 'started', event: 'Health-check change rolled out to the load balancers' });
    expect(d.data.timeline[1]).toMatchObject({ kind: 'detected', source: 'https://grafana.example/d/merchant-api' });
    expect(d.data.severity).toBe('SEV1');
    expect(d.data.impact).toMatchObject({ users_affected: 1900, support_tickets: 310 });
    expect(d.data.action_items![0]).toMatchObject({ title: 'Set the health-check timeout from the measured p99.9 GC pause plus margin', owner: 'platform', priority: 'P1', due: '2025-12-05', tracker: 'https://tracker.example/PLAT-881' });
    expect(d.data.action_items![1]!.priority).toBe('P2');
    expect(d.report).toMatch(/missing, marked TODO \(\d+\): five_whys/);
    accepted(d);
  });

  it('loose YAML frontmatter: title, date, severity word, duration, tags; missing sections become TODO', () => {
    const d = importOne('frontmatter-loose.md');
    expect(d.data).toMatchObject({ title: 'Event bus consumer lag delayed tracking updates', severity: 'SEV2', tags: ['kafka', 'consumer-lag', 'tracking'], authors: ['lena-w'], incident_type: 'degradation' });
    // No timeline: a started placeholder and the end from the duration (45 minutes).
    expect(d.data.timeline.map((e) => e.kind)).toEqual(['started', 'resolved']);
    expect(Date.parse(d.data.timeline[1]!.at) - Date.parse(d.data.timeline[0]!.at)).toBe(45 * 60_000);
    expect(d.body.trimStart()).toMatch(/^## Summary\n\nThe tracking consumers fell 40 minutes behind/);
    expect(d.report).toMatch(/missing, marked TODO \(\d+\): timeline, five_whys, action_items/);
    const check = accepted(d);
    expect(check.issues.some((i) => i.rule === 'quality/placeholder-text')).toBe(true);
  });

  it('action items as a bullet list (checkboxes, owners, due dates), a timeline list in CET', () => {
    const d = importOne('bullet-actions.md');
    expect(d.data.timeline[0]!.at).toBe('2026-03-09T07:05+01:00');
    expect(d.data.timeline.at(-1)).toMatchObject({ kind: 'resolved', at: '2026-03-09T09:15+01:00' });
    expect(d.data.detection).toBe('customer-report');
    expect(d.data.action_items).toHaveLength(3);
    expect(d.data.action_items![0]).toMatchObject({ title: 'Halt the rollout automatically when the crash rate on any Android version exceeds 1%', owner: 'lena-w', due: '2026-03-20', priority: 'P1', status: 'done', type: 'prevent' });
    expect(d.data.action_items![1]).toMatchObject({ owner: 'mobile', due: '2026-04-15', priority: 'P2', status: 'open' });
    expect(d.data.action_items![2]).toMatchObject({ owner: 'tomasz-n', due: '2026-04-01' });
    expect(d.data.five_whys).toHaveLength(3);
    expect(d.data.impact).toMatchObject({ users_affected: 412 });
    accepted(d);
  });

  it('a document with a title and a paragraph only: everything else is a TODO, and it is still a valid draft', () => {
    const d = importOne('minimal.md');
    expect(d.file).toMatch(/2026-12-01-billing-export-ran-twice\.mdx$/);
    expect(d.data.services).toEqual(['billing']);
    expect(d.body).toContain('We should make sure only one scheduler can run the export.');
    expect(d.report).toContain('date (none given; set to 2026-12-01');
    accepted(d);
  });

  it('a wiki export: a metadata table, ### headings, a timeline past midnight in UTC+1, HTML and braces made literal', () => {
    const d = importOne('wiki-export.md');
    expect(d.data.severity).toBe('SEV1');
    expect(d.data.authors).toEqual(['priya-raman']);
    expect(d.data.timeline.map((e) => e.at)).toEqual(['2025-12-31T23:50+01:00', '2026-01-01T00:02+01:00', '2026-01-01T00:09+01:00', '2026-01-01T00:25+01:00', '2026-01-01T00:52+01:00']);
    expect(d.data.summary).not.toContain('<br>');
    expect(d.body).toContain('Recipients could not see \\{their\\} slot');
    expect(d.body).toContain('[https://wiki.example/notifications/sms-contract](https://wiki.example/notifications/sms-contract)');
    expect(d.body).not.toContain('| Incident date |');
    expect(d.body).toMatch(/^## Where we got lucky$/m);
    accepted(d);
  });

  it('never overwrites a file', () => {
    const d = importOne('classic-template.md');
    writeFileSync(d.file, 'edited by the author\n');
    const again = hindsight(['import', join(IMPORT, 'classic-template.md'), '--root', d.root]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('already exists (import never overwrites');
    expect(readFileSync(d.file, 'utf8')).toBe('edited by the author\n');
  });
});
