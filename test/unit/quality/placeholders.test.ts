import { describe, expect, it } from 'vitest';
import { postmortemTemplate } from '../../../src/cli/template';
import { splitFrontmatter } from '../../../src/kb/frontmatter';
import { isPlaceholder, resolveQualityConfig, runQualityPolicy, type QualityConfigOverrides } from '../../../src/lib/quality';
import { postmortemFrontmatter } from '../../../src/schema/postmortem';
import { check, GOOD, GOOD_BODY, issuesOf } from './make-postmortem';

/** What `hindsight new` writes, parsed as the build parses it, with the edits an author made. */
function scaffold(edit: (text: string) => string = (t) => t, answers: { severity?: string; type?: string; light?: boolean } = {}) {
  const text = edit(postmortemTemplate({
    id: '2026-11-02-checkout-errors',
    title: 'Checkout errors after a pool-size change',
    startedAt: '2026-11-02T10:00Z',
    startedDate: new Date('2026-11-02T10:00Z'),
    severity: answers.severity ?? 'SEV2',
    services: ['checkout-api'],
    teams: ['payments'],
    type: answers.type ?? 'outage',
    author: 'alex-kim',
    category: 'config-change',
    ...(answers.light ? { lightSections: resolveQualityConfig().light.sections } : {}),
  }));
  const split = splitFrontmatter(text, 'x.mdx');
  expect(split.issues).toEqual([]);
  return { data: postmortemFrontmatter.parse(split.data), body: split.body, bodyLine: split.bodyLine };
}

const policy = (pm: ReturnType<typeof scaffold>, config: QualityConfigOverrides = {}) =>
  runQualityPolicy({ file: 'x.mdx', data: pm.data, body: pm.body, bodyLineOffset: pm.bodyLine }, resolveQualityConfig(config));

/** The trap: a fresh scaffold, published with one number filled in and a resolved event. */
const publishedTemplate = (t: string) =>
  t.replace('status: draft', 'status: published')
    .replace('users_affected: 0 ', 'users_affected: 5 ')
    .replace('    # source: https', '  - at: "2026-11-02T11:00Z"\n    kind: resolved\n    event: "TODO what ended the impact"\n    # source: https');

describe('placeholders', () => {
  it('are the marker words outside code, the template\'s "Why …?" and its guidance', () => {
    for (const t of ['TODO', 'TODO: later', 'The pool was TBD', 'FIXME', 'Why …?', 'why the system allowed this (not who did what)', 'One to three sentences on what customers experienced and for how long.']) {
      expect(isPlaceholder(t), t).toBe(true);
    }
    for (const t of ['Why?', 'What made it worse or slower was the retry storm.', 'The todo list service timed out', 'The `TODO` column was empty', 'Checkout failed for 2 hours', 'TODOS-42 was the ticket']) {
      expect(isPlaceholder(t), t).toBe(false);
    }
  });
});

describe('a postmortem that is still the template', () => {
  it('scores 0 and is an error once published, on every field and section still holding a placeholder', () => {
    const r = policy(scaffold(publishedTemplate));
    expect(r.score).toBe(0);
    const still = issuesOf(r, 'still-template');
    expect(still).toHaveLength(1);
    expect(still[0]!.level).toBe('error');
    const fields = issuesOf(r, 'placeholder-text').map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['summary', 'timeline[0].event', 'impact.description', 'root_cause.summary', 'five_whys[2].because', 'action_items[0].title', 'body']));
    expect(issuesOf(r, 'placeholder-text').every((i) => i.level === 'error')).toBe(true);
    // Nine body sections, each a TODO line with its own file line.
    const lines = issuesOf(r, 'placeholder-text').filter((i) => i.field === 'body').map((i) => i.line);
    expect(new Set(lines).size).toBe(9);
  });

  it('is only a warning while it is a draft, and the rules it would fool still fire', () => {
    const r = policy(scaffold());
    expect(r.issues.filter((i) => i.rule === 'quality/placeholder-text' || i.rule === 'quality/still-template').every((i) => i.level === 'warning')).toBe(true);
    expect(r.score).toBe(0);
    // The template's one action item, three whys and nine sections do not count.
    expect(issuesOf(r, 'action-items-present')).toHaveLength(1);
    expect(issuesOf(r, 'whys-depth')[0]!.message).toContain('is missing');
    expect(issuesOf(r, 'body-sections')[0]!.message).toContain('is missing 9 of the 9 sections');
  });

  it('is in review: an error too', () => {
    const r = policy(scaffold((t) => t.replace('status: draft', 'status: in-review')));
    expect(issuesOf(r, 'placeholder-text').every((i) => i.level === 'error')).toBe(true);
  });

  it('stops being the template as soon as one section is written, but each placeholder left is still reported', () => {
    const r = policy(scaffold((t) => t.replace(/## Summary\n\nTODO:[^\n]*/, '## Summary\n\nThe pool was cut from 100 to 10 connections.')));
    expect(issuesOf(r, 'still-template')).toEqual([]);
    expect(issuesOf(r, 'placeholder-text').length).toBeGreaterThan(5);
  });

  it('passes none of the baseline postmortem\'s rules when its answers are written', () => {
    expect(issuesOf(check(), 'placeholder-text')).toEqual([]);
    expect(issuesOf(check(), 'still-template')).toEqual([]);
  });

  it('does not let a placeholder why count toward the three', () => {
    const whys = [...GOOD.five_whys!.slice(0, 2), { why: 'Why …?', because: 'TODO' }];
    expect(issuesOf(check({ five_whys: whys }), 'whys-depth')[0]!.message).toContain('has 2 whys');
  });

  it('does not let a section that holds only its TODO count', () => {
    const body = GOOD_BODY.replace('Config values need bounds checked by the pipeline.', 'TODO: technical, process and communication lessons.');
    const [issue] = issuesOf(check({}, { body }), 'body-sections');
    expect(issue!.message).toMatch(/: Lessons learned$/);
    expect(issue!.fix).toContain('still holds only the template');
  });
});

describe('quality/sign-off', () => {
  it('asks a published SEV1 or SEV2 for reviewers and an approval date', () => {
    const [issue] = issuesOf(check({ reviewers: undefined, approved: undefined }), 'sign-off');
    expect(issue).toMatchObject({ field: 'reviewers', level: 'warning' });
    expect(issue!.message).toContain('missing: reviewers and approved');
    expect(issuesOf(check({ approved: undefined }), 'sign-off')[0]!.fix).toContain('approved: YYYY-MM-DD');
  });

  it('asks nothing of a draft, an in-review postmortem, a SEV3, or a team that configured other severities', () => {
    const none = { reviewers: undefined, approved: undefined };
    expect(issuesOf(check({ ...none, status: 'in-review' }), 'sign-off')).toEqual([]);
    expect(issuesOf(check({ ...none, severity: 'SEV3' }), 'sign-off')).toEqual([]);
    expect(issuesOf(check(none, { config: { signOffSeverities: ['SEV0'] } }), 'sign-off')).toEqual([]);
  });
});

describe('light postmortems', () => {
  it('a SEV3 is expected to have the light sections only, and the light template writes exactly those', () => {
    const body = '## Summary\n\nA.\n\n## Customer impact\n\nB.\n\n## How we noticed\n\nC.\n\n## Root cause analysis\n\nD.\n\n## Lessons learned\n\nE.\n';
    expect(issuesOf(check({ severity: 'SEV3' }, { body }), 'body-sections')).toEqual([]);
    expect(issuesOf(check({ severity: 'SEV2' }, { body }), 'body-sections')[0]!.message).toContain('is missing 4 of the 9 sections');
    const light = scaffold((t) => t, { severity: 'SEV3', light: true });
    expect(light.body.match(/^## .+$/gm)).toEqual(['## Summary', '## Customer impact', '## How we noticed', '## Root cause analysis', '## Lessons learned']);
    expect(issuesOf(policy(light), 'body-sections')[0]!.message).toContain('is missing 5 of the 5 sections a reviewer expects of a light postmortem');
  });

  it('a near-miss template leaves out Customer impact', () => {
    const light = scaffold((t) => t, { severity: 'SEV4', type: 'near-miss', light: true });
    expect(light.body.match(/^## .+$/gm)).toEqual(['## Summary', '## How we noticed', '## Root cause analysis', '## Lessons learned']);
  });

  it('is configuration: which severities, which sections, which rule settings', () => {
    const body = '## Summary\n\nA.\n\n## Lessons learned\n\nE.\n';
    const config = { light: { severities: ['SEV2'], sections: ['Summary', 'Lessons learned'], rules: { 'whys-depth': 'off' as const } } };
    const r = check({ severity: 'SEV2', five_whys: undefined }, { body, config });
    expect(issuesOf(r, 'body-sections')).toEqual([]);
    expect(issuesOf(r, 'whys-depth')).toEqual([]);
    expect(issuesOf(check({ severity: 'SEV1', five_whys: undefined }, { body, config }), 'whys-depth')).toHaveLength(1);
  });
});
