import { describe, expect, it } from 'vitest';
import { parseQuarterKey, periodMetrics, type IncidentInput } from '../../../src/lib/metrics';
import { MINUTE, timeline } from './helpers';

const incidents: IncidentInput[] = [
  {
    id: '2026-04-01-search-outage', // started 02:00 in India, 20:30Z the day before: first quarter
    data: {
      timeline: timeline({ started: '2026-04-01T02:00+05:30', detected: '2026-04-01T02:00+05:30', resolved: '2026-03-31T22:30Z' }),
      severity: 'SEV1',
      services: ['search'],
      root_cause: { category: 'config-change' },
    },
  },
  {
    id: '2026-01-10-checkout-pool',
    data: {
      timeline: timeline({ started: '2026-01-10T10:00Z', detected: '2026-01-10T10:10Z', resolved: '2026-01-10T11:00Z' }),
      severity: 'SEV1',
      services: ['checkout-api', 'payments-db'],
      teams: ['payments'],
      root_cause: { category: 'config-change' },
    },
  },
  {
    id: '2026-02-01-sms-provider',
    data: {
      timeline: timeline({ started: '2026-02-01T00:00Z', detected: '2026-02-01T00:30Z', acknowledged: '2026-02-01T00:35Z', resolved: '2026-02-01T03:00Z' }),
      severity: 'SEV2',
      services: ['checkout-api', 'checkout-api'],
      root_cause: { category: 'third-party-outage' }, // an alias of dependency-failure
    },
  },
  {
    id: '2025-12-31-new-year', // crosses into 2026 but started in 2025 Q4
    data: {
      timeline: timeline({ started: '2025-12-31T23:00Z', detected: '2025-12-31T23:05Z', resolved: '2026-01-01T03:00Z' }),
      severity: 'SEV3',
      services: ['search'],
      root_cause: { category: 'capacity' },
    },
  },
  {
    id: '2026-04-01-second-quarter',
    data: {
      timeline: timeline({ started: '2026-04-01T00:00Z', detected: '2026-04-01T00:01Z', resolved: '2026-04-01T01:00Z' }),
      severity: 'SEV4',
      services: ['search'],
      root_cause: { category: 'capacity' },
    },
  },
];

const resolveCategory = (id: string) => (id === 'third-party-outage' ? 'dependency-failure' : id);

describe('periodMetrics', () => {
  const q1 = periodMetrics(incidents, '2026-q1', { resolveCategory });

  it('takes the incidents that started in the quarter (UTC), in order of start', () => {
    expect(q1.quarter.key).toBe('2026-q1');
    expect(q1.incidentIds).toEqual(['2026-01-10-checkout-pool', '2026-02-01-sms-provider', '2026-04-01-search-outage']);
  });

  it('summarises each duration over the incidents that have both milestones', () => {
    // TTD: 10, 30, 0 minutes → sorted [0, 10, 30]; median 10; p90 at h = 1.8: 10 + 0.8 · 20 = 26; mean 40 / 3
    expect(q1.ttd.n).toBe(3);
    expect(q1.ttd.median).toBe(10 * MINUTE);
    expect(q1.ttd.p90).toBeCloseTo(26 * MINUTE, 6);
    expect(q1.ttd.mean).toBeCloseTo((40 / 3) * MINUTE, 6);
    expect(q1.ttd.min).toBe(0);
    // TTA: only the SMS incident has acknowledged: 5 minutes.
    expect(q1.tta).toEqual({ n: 1, median: 5 * MINUTE, p90: 5 * MINUTE, mean: 5 * MINUTE, min: 5 * MINUTE, max: 5 * MINUTE });
    // TTM: nobody marked mitigated.
    expect(q1.ttm.n).toBe(0);
    expect(q1.ttm.median).toBeUndefined();
    // TTR: 60, 180, 120 minutes → median 120, p90 120 + 0.8 · 60 = 168, mean 120
    expect(q1.ttr.median).toBe(120 * MINUTE);
    expect(q1.ttr.p90).toBeCloseTo(168 * MINUTE, 6);
    expect(q1.ttr.mean).toBe(120 * MINUTE);
  });

  it('keeps the points behind each summary for charts', () => {
    expect(q1.points.ttd).toEqual([
      { id: '2026-01-10-checkout-pool', ms: 10 * MINUTE },
      { id: '2026-02-01-sms-provider', ms: 30 * MINUTE },
      { id: '2026-04-01-search-outage', ms: 0 },
    ]);
    expect(q1.points.ttm).toEqual([]);
  });

  it('counts by severity, canonical category, service and team, most first then by id', () => {
    expect(q1.bySeverity).toEqual([{ id: 'SEV1', count: 2 }, { id: 'SEV2', count: 1 }]);
    expect(q1.byCategory).toEqual([{ id: 'config-change', count: 2 }, { id: 'dependency-failure', count: 1 }]);
    // checkout-api is named twice by one incident: still one incident.
    expect(q1.byService).toEqual([{ id: 'checkout-api', count: 2 }, { id: 'payments-db', count: 1 }, { id: 'search', count: 1 }]);
    expect(q1.byTeam).toEqual([{ id: 'payments', count: 1 }]);
  });

  it('without a resolver, categories are counted as written', () => {
    expect(periodMetrics(incidents, '2026-q1').byCategory.map((c) => c.id)).toEqual(['config-change', 'third-party-outage']);
  });

  it('puts an incident crossing a year boundary in the quarter it started', () => {
    const q4 = periodMetrics(incidents, parseQuarterKey('2025-q4'));
    expect(q4.incidentIds).toEqual(['2025-12-31-new-year']);
    expect(q4.ttr.median).toBe(240 * MINUTE);
    expect(periodMetrics(incidents, '2026-q2').incidentIds).toEqual(['2026-04-01-second-quarter']);
  });

  it('an empty quarter has n = 0 everywhere', () => {
    const empty = periodMetrics(incidents, '2019-q2');
    expect(empty.incidentIds).toEqual([]);
    expect(empty.ttr).toEqual({ n: 0, median: undefined, p90: undefined, mean: undefined, min: undefined, max: undefined });
    expect(empty.bySeverity).toEqual([]);
  });

  it('works for quarters before 1970', () => {
    const old: IncidentInput[] = [
      { id: '1969-07-20-a', data: { timeline: timeline({ started: '1969-07-20T20:17Z', resolved: '1969-07-21T02:56Z' }) } },
      { id: '1969-12-31-b', data: { timeline: timeline({ started: '1969-12-31T23:00Z', resolved: '1970-01-01T01:00Z' }) } },
    ];
    expect(periodMetrics(old, '1969-q3').ttr.median).toBe(399 * MINUTE);
    expect(periodMetrics(old, '1969-q4').incidentIds).toEqual(['1969-12-31-b']);
    expect(periodMetrics(old, '1970-q1').incidentIds).toEqual([]);
  });
});
