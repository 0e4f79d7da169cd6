import { describe, expect, it } from 'vitest';
import { check, GOOD, issuesOf } from './make-postmortem';

type Item = NonNullable<typeof GOOD.action_items>[number];
const items = (...controls: Array<Item['control'] | 'none'>): Item[] =>
  controls.map((control, i) => ({
    title: `Add a CI check that rejects pool sizes under 50, step ${i}`,
    owner: 'payments-oncall',
    due: '2026-04-15',
    priority: 'P2' as const,
    type: 'prevent' as const,
    status: 'open' as const,
    ...(control === 'none' ? {} : { control }),
  }));

describe('quality/prevention-hierarchy', () => {
  it('warns when every action of a SEV1 is administrative or training', () => {
    const [issue] = issuesOf(check({ action_items: items('administrative', 'training', 'administrative') }), 'prevention-hierarchy');
    expect(issue).toMatchObject({ field: 'action_items', level: 'warning' });
    expect(issue!.message).toContain('SEV1');
    expect(issue!.message).toContain('administrative or training');
    expect(issue!.fix).toContain('control: engineering');
  });

  it('also for SEV2, and costs the score half a point', () => {
    const r = check({ severity: 'SEV2', action_items: items('training') });
    expect(issuesOf(r, 'prevention-hierarchy')).toHaveLength(1);
    expect(r.score).toBe(4.5);
  });

  it('passes when one action is a mechanism', () => {
    for (const strong of ['eliminate', 'substitute', 'engineering'] as const) {
      expect(issuesOf(check({ action_items: items('administrative', strong) }), 'prevention-hierarchy'), strong).toEqual([]);
    }
  });

  it('says nothing for SEV3 or with an unclassified item, and does count a declined mechanism out', () => {
    expect(issuesOf(check({ severity: 'SEV3', action_items: items('training') }), 'prevention-hierarchy')).toEqual([]);
    expect(issuesOf(check({ action_items: items('training', 'none') }), 'prevention-hierarchy')).toEqual([]);
    const declined = items('training', 'engineering');
    declined[1] = { ...declined[1]!, status: 'wont-do' };
    expect(issuesOf(check({ action_items: declined }), 'prevention-hierarchy')).toHaveLength(1);
  });

  it('follows the configured severities', () => {
    const r = check({ severity: 'P1', action_items: items('training') }, { config: { followUpReviewSeverities: ['P1'] } });
    expect(issuesOf(r, 'prevention-hierarchy')).toHaveLength(1);
  });
});
