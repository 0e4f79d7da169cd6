import { describe, expect, it } from 'vitest';
import { FOLLOW_THROUGH_RULES, NEAR_MISS_EXEMPTIONS, QUALITY_RULES, sectionHeadings } from '../../../src/lib/quality';
import { check, followThrough, GOOD, GOOD_BODY, issuesOf } from './make-postmortem';

describe('the registry', () => {
  it('has stable, unique quality/ ids, every one documented and a warning by default', () => {
    expect(QUALITY_RULES.map((r) => r.id)).toEqual([
      'quality/action-items-present',
      'quality/action-item-concrete',
      'quality/whys-depth',
      'quality/whys-last-answer',
      'quality/blameless-language',
      'quality/impact-quantified',
      'quality/secrets-and-personal-data',
      'quality/body-sections',
      'quality/follow-up-review',
      'quality/placeholder-text',
      'quality/still-template',
      'quality/sign-off',
      'quality/prevention-hierarchy',
    ]);
    expect(FOLLOW_THROUGH_RULES.map((r) => r.id)).toEqual(['quality/overdue-actions']);
    for (const r of [...QUALITY_RULES, ...FOLLOW_THROUGH_RULES]) {
      expect(r.level, r.id).toBe('warning');
      expect(r.description.length, r.id).toBeGreaterThan(20);
    }
  });

  it('passes the baseline postmortem with no finding', () => {
    expect(check().issues).toEqual([]);
  });

  it('fills in file, rule and level on every finding, and each has a fix', () => {
    const r = check({ action_items: [], five_whys: undefined, impact: { description: 'Many users' } }, { body: '' });
    expect(r.issues.length).toBeGreaterThan(3);
    for (const i of r.issues) {
      expect(i.file).toBe('postmortems/2026-03-02-checkout-pool.mdx');
      expect(i.rule).toMatch(/^quality\//);
      expect(i.level).toBe('warning');
      expect(i.fix.length).toBeGreaterThan(10);
    }
  });
});

describe('quality/impact-quantified', () => {
  it('fires when impact has words only', () => {
    const [issue] = issuesOf(check({ impact: { description: 'Many users could not check out' } }), 'impact-quantified');
    expect(issue).toMatchObject({ field: 'impact', level: 'warning' });
    expect(issue!.fix).toContain('users_affected');
  });

  it('fires when every number is 0 on an incident that is not a near-miss', () => {
    const [issue] = issuesOf(check({ impact: { description: 'Checkout failed', users_affected: 0, support_tickets: 0 } }), 'impact-quantified');
    expect(issue).toMatchObject({ field: 'impact.users_affected' });
    expect(issue!.fix).toContain('near-miss');
  });

  it('passes with one number above 0', () => {
    expect(issuesOf(check({ impact: { description: 'Budget burn', slo_budget_consumed_pct: 12 } }), 'impact-quantified')).toEqual([]);
    expect(issuesOf(check({ impact: { description: 'x', users_affected: 0, revenue_usd: 300 } }), 'impact-quantified')).toEqual([]);
  });

  it('does not count data_loss or customer_facing as numbers', () => {
    expect(issuesOf(check({ impact: { description: 'x', data_loss: true, customer_facing: true } }), 'impact-quantified')).toHaveLength(1);
  });
});

describe('quality/overdue-actions', () => {
  const items = [
    { title: 'Validate pool-size bounds in the deploy pipeline', owner: 'payments-oncall', due: '2026-03-15', priority: 'P1', type: 'prevent', status: 'done', completed: '2026-03-14' },
    { title: 'Add an alarm on pool wait time over 200 ms', owner: 'payments-oncall', due: '2026-03-31', priority: 'P1', type: 'detect', status: 'open' },
    { title: 'Cap checkout retries at 3', owner: 'payments-oncall', due: '2026-03-20', priority: 'P2', type: 'mitigate', status: 'in-progress' },
    { title: 'Move to ZGC to keep pauses under 500 ms', owner: 'platform', due: '2026-01-01', priority: 'P3', type: 'prevent', status: 'wont-do' },
    { title: 'Add a runbook entry for PoolExhausted', owner: 'payments-oncall', due: '2026-04-01', priority: 'P2', type: 'process', status: 'open' },
  ] as const;

  it('reports each open or in-progress item past its due date, naming the owner', () => {
    const found = issuesOf(followThrough({ action_items: items.map((i) => ({ ...i })) }, { today: '2026-04-01' }), 'overdue-actions');
    expect(found.map((i) => i.field)).toEqual(['action_items[1].due', 'action_items[2].due']);
    expect(found[0]!.message).toMatch(/^action_items\[1\] is overdue since 2026-03-31 \(owner: payments-oncall\)/);
    expect(found[0]!.fix).toContain('status: done');
  });

  it('does not report done, wont-do, or items due today', () => {
    const found = issuesOf(followThrough({ action_items: items.map((i) => ({ ...i })) }, { today: '2026-03-19' }), 'overdue-actions');
    expect(found).toEqual([]);
  });
});

describe('quality/body-sections', () => {
  it('reports every missing section in one finding', () => {
    const body = '## Summary\n\ntext\n\n## customer IMPACT\n\ntext\n\n## How we noticed:\n';
    const [issue, ...rest] = issuesOf(check({}, { body, bodyLineOffset: 50 }), 'body-sections');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ field: 'body', line: 50 });
    expect(issue!.message).toBe(
      'is missing 6 of the 9 sections a reviewer expects: How we mitigated, Root cause analysis, What went well, What went poorly, Where we got lucky, Lessons learned',
    );
    expect(issue!.fix).toContain('"## How we mitigated"');
  });

  it('matches headings case-insensitively and points out near misses', () => {
    const body = GOOD_BODY.replace('## Lessons learned', '## Lesson learnt');
    const [issue] = issuesOf(check({}, { body }), 'body-sections');
    expect(issue!.message).toMatch(/: Lessons learned$/);
    expect(issue!.fix).toContain('"## lesson learnt" looks like "Lessons learned"');
  });

  it('counts only ## headings outside code fences', () => {
    expect(sectionHeadings('# Summary\n### Customer impact\n```\n## How we noticed\n```\n## What went well ##\n')).toEqual(['what went well']);
  });

  it('passes the full template', () => {
    expect(issuesOf(check(), 'body-sections')).toEqual([]);
  });
});

describe('near-miss exemptions', () => {
  const nearMiss = { incident_type: 'near-miss' as const, impact: { description: 'Nothing reached customers' } };
  const withoutOptional = GOOD_BODY.replace(/## Customer impact[\s\S]*?(?=## How we noticed)/, '').replace(/## How we mitigated[\s\S]*?(?=## Root cause)/, '');

  it('are listed explicitly, and only for impact numbers and two body sections', () => {
    expect(Object.keys(NEAR_MISS_EXEMPTIONS).sort()).toEqual(['quality/body-sections', 'quality/impact-quantified']);
  });

  it('a near-miss may leave impact numbers out or at 0', () => {
    expect(issuesOf(check(nearMiss), 'impact-quantified')).toEqual([]);
    expect(issuesOf(check({ ...nearMiss, impact: { description: 'none', users_affected: 0 } }), 'impact-quantified')).toEqual([]);
  });

  it('a near-miss may leave out Customer impact and How we mitigated, but not the rest', () => {
    // Not written light (by default a near-miss is: see "light postmortems"), a near-miss still needs the other seven.
    const full = { light: { incidentTypes: [] } };
    expect(issuesOf(check(nearMiss, { body: withoutOptional, config: full }), 'body-sections')).toEqual([]);
    const [issue] = issuesOf(check(nearMiss, { body: withoutOptional.replace('## Where we got lucky', ''), config: full }), 'body-sections');
    expect(issue!.message).toMatch(/: Where we got lucky$/);
  });

  it('an outage may not', () => {
    const [issue] = issuesOf(check({}, { body: withoutOptional }), 'body-sections');
    expect(issue!.message).toMatch(/: Customer impact, How we mitigated$/);
    expect(issue!.fix).toContain('near-miss');
  });

  it('every other rule still applies to a near-miss', () => {
    const r = check({ ...nearMiss, action_items: [], five_whys: undefined, summary: 'Human error, nearly.' });
    expect(new Set(r.issues.map((i) => i.rule))).toEqual(new Set(['quality/action-items-present', 'quality/whys-depth', 'quality/blameless-language']));
  });
});

describe('quality/follow-up-review', () => {
  it('fires for a published SEV1 or SEV2 without a follow-up review, suggesting a date', () => {
    const [issue] = issuesOf(check({ follow_up_review: undefined }), 'follow-up-review');
    expect(issue).toMatchObject({ field: 'follow_up_review', level: 'warning' });
    expect(issue!.fix).toBe('add follow_up_review: YYYY-MM-DD (30 days after it started: 2026-04-01)');
    expect(issuesOf(check({ follow_up_review: undefined, severity: 'SEV2' }), 'follow-up-review')).toHaveLength(1);
  });

  it('does not fire for lower severities, drafts, or when the date is set', () => {
    expect(issuesOf(check({ follow_up_review: undefined, severity: 'SEV3' }), 'follow-up-review')).toEqual([]);
    expect(issuesOf(check({ follow_up_review: undefined, status: 'in-review' }), 'follow-up-review')).toEqual([]);
    expect(issuesOf(check({ follow_up_review: '2026-04-15' }), 'follow-up-review')).toEqual([]);
  });

  it('follows a team’s own severities from the config', () => {
    const config = { followUpReviewSeverities: ['critical'] };
    expect(issuesOf(check({ follow_up_review: undefined, severity: 'critical' }, { config }), 'follow-up-review')).toHaveLength(1);
    expect(issuesOf(check({ follow_up_review: undefined, severity: GOOD.severity }, { config }), 'follow-up-review')).toEqual([]);
  });
});
