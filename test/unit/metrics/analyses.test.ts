import { describe, expect, it } from 'vitest';
import { causeCategories, causeCounts, controlMix, followUpStatus, followUpsNeedingAttention, impactTotals } from '../../../src/lib/metrics';

describe('causeCounts: root cause and contributing factors apart', () => {
  const incidents = [
    { data: { root_cause: { category: 'config-change' }, contributing_factors: [{ category: 'monitoring-gap' }, { category: 'testing-gap' }] } },
    { data: { root_cause: { category: 'monitoring-gap' }, contributing_factors: [{ category: 'monitoring-gap' }] } },
    { data: { root_cause: { category: 'capacity' }, contributing_factors: [{ category: 'monitoring-gap' }, { category: 'monitoring-gap' }] } },
    { data: { root_cause: { category: 'capacity' } } },
  ];

  it('counts each incident once per role, and once in "any role"', () => {
    const byId = Object.fromEntries(causeCounts(incidents).map((c) => [c.id, c]));
    // monitoring-gap: root in #2; a factor in #1, #2 and #3 (listed twice in #3); any role in #1, #2, #3.
    expect(byId['monitoring-gap']).toEqual({ id: 'monitoring-gap', root: 1, contributing: 3, any: 3 });
    expect(byId['capacity']).toEqual({ id: 'capacity', root: 2, contributing: 0, any: 2 });
    expect(byId['testing-gap']).toEqual({ id: 'testing-gap', root: 0, contributing: 1, any: 1 });
    expect(causeCounts(incidents).map((c) => c.id)).toEqual(['monitoring-gap', 'capacity', 'config-change', 'testing-gap']);
  });

  it('resolves aliases before counting', () => {
    const counts = causeCounts([{ data: { root_cause: { category: 'old' }, contributing_factors: [{ category: 'new' }] } }], (id) => (id === 'old' ? 'new' : id));
    expect(counts).toEqual([{ id: 'new', root: 1, contributing: 1, any: 1 }]);
    expect(causeCategories(incidents[0]!.data)).toEqual(['config-change', 'monitoring-gap', 'testing-gap']);
  });
});

describe('impactTotals', () => {
  it('sums each number over the incidents that state it, with n', () => {
    const t = impactTotals([
      { description: 'a', users_affected: 100, revenue_usd: 500, customer_facing: true },
      { description: 'b', users_affected: 50, support_tickets: 7, customer_facing: false, data_loss: false },
      { description: 'c', slo_budget_consumed_pct: 12.5, customer_facing: true },
    ]);
    expect(t.incidents).toBe(3);
    expect(t.users).toEqual({ total: 150, n: 2 });
    expect(t.revenueUsd).toEqual({ total: 500, n: 1 });
    expect(t.sloBudgetPct).toEqual({ total: 12.5, n: 1 });
    expect(t.tickets).toEqual({ total: 7, n: 1 });
    expect(t.customerFacing).toEqual({ total: 2, n: 3 });
    expect(t.dataLoss).toEqual({ total: 0, n: 1 });
  });
});

describe('controlMix: the prevention hierarchy', () => {
  it('splits mechanisms from intentions, leaves declined items out and counts the unclassified', () => {
    const mix = controlMix([
      { control: 'engineering', status: 'done' },
      { control: 'eliminate', status: 'open' },
      { control: 'training', status: 'open' },
      { control: 'administrative', status: 'in-progress' },
      { control: 'administrative', status: 'open' },
      { control: 'substitute', status: 'wont-do' },
      { status: 'open' },
    ]);
    expect(mix.mechanisms).toBe(2);
    expect(mix.intentions).toBe(3);
    expect(mix.unclassified).toBe(1);
    expect(mix.mechanismShare).toBe(0.4);
    expect(mix.byControl).toEqual([
      { control: 'eliminate', count: 1 },
      { control: 'substitute', count: 0 },
      { control: 'engineering', count: 1 },
      { control: 'administrative', count: 2 },
      { control: 'training', count: 1 },
    ]);
    expect(controlMix([{ status: 'open' }]).mechanismShare).toBeUndefined();
  });
});

describe('followUpStatus', () => {
  const today = '2026-11-21';
  it.each([
    [{ follow_up_review: '2026-10-01', follow_up_held: '2026-10-03' }, 'held'],
    [{ follow_up_held: '2026-10-03' }, 'held'],
    [{ follow_up_review: '2026-11-20' }, 'overdue'],
    [{ follow_up_review: '2026-11-21' }, 'due'],
    [{ follow_up_review: '2026-12-05' }, 'due'], // 14 days ahead
    [{ follow_up_review: '2026-12-06' }, 'scheduled'],
    [{}, 'none'],
  ] as const)('%o → %s', (data, state) => {
    expect(followUpStatus(data, today).state).toBe(state);
  });

  it('lists the overdue oldest first, then the due soonest first', () => {
    const list = followUpsNeedingAttention(
      [
        { id: 'a', data: { follow_up_review: '2026-11-30' } },
        { id: 'b', data: { follow_up_review: '2026-09-01' } },
        { id: 'c', data: { follow_up_review: '2026-09-01', follow_up_held: '2026-09-02' } },
        { id: 'd', data: { follow_up_review: '2027-01-01' } },
        { id: 'e', data: { follow_up_review: '2026-11-01' } },
      ],
      today,
    );
    expect(list.map((x) => [x.postmortem.id, x.status.state, x.status.daysLeft])).toEqual([
      ['b', 'overdue', -81],
      ['e', 'overdue', -20],
      ['a', 'due', 9],
    ]);
  });
});
