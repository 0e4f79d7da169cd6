import { describe, expect, it } from 'vitest';
import { periodMetrics, type PeriodMetrics } from '../../../src/lib/metrics';
import { reviewQuestions, type ReviewIncident } from '../../../src/lib/review/questions';

const at = (iso: string) => new Date(iso);
function incident(id: string, start: string, minutesToDetect: number, minutesToResolve: number) {
  const s = at(start).getTime();
  return {
    id,
    data: {
      timeline: [
        { at: new Date(s), kind: 'started' as const },
        { at: new Date(s + minutesToDetect * 60_000), kind: 'detected' as const },
        { at: new Date(s + minutesToResolve * 60_000), kind: 'resolved' as const },
      ],
    },
  };
}

const empty = (m: PeriodMetrics) => m;
const names = (id: string) => ({ 'config-change': 'Configuration change' })[id] ?? id;

describe('reviewQuestions', () => {
  it('asks about a service and cause that clustered, customer-reported incidents, slower detection and overdue items', () => {
    const cur = periodMetrics([incident('a', '2026-04-02T10:00Z', 30, 60), incident('b', '2026-05-02T10:00Z', 30, 90), incident('c', '2026-06-02T10:00Z', 30, 60)], '2026-q2');
    const prev = periodMetrics([incident('z', '2026-02-02T10:00Z', 10, 60)], '2026-q1');
    const incidents: ReviewIncident[] = [
      { id: 'a', services: ['checkout-api'], category: 'config-change', detection: 'alert', severityRank: 2 },
      { id: 'b', services: ['checkout-api', 'payments-db'], category: 'config-change', detection: 'customer-report', severityRank: 1 },
      { id: 'c', services: ['search'], category: 'capacity', detection: 'alert', severityRank: 3 },
    ];
    const q = reviewQuestions({ current: empty(cur), previous: prev, incidents, patterns: [], overdue: { count: 2, asOf: '2026-07-01', ongoing: false }, categoryName: names });
    expect(q).toContain('2 incidents in checkout-api shared the root cause "Configuration change": is one mechanism missing for all of them?');
    expect(q).toContain('1 of 3 incidents were first reported by customers: which alarm would have caught it?');
    expect(q).toContain('Median time to detect rose from 10 min to 30 min: what changed?');
    expect(q).toContain("2 action items were overdue at the quarter's end: which should be escalated, re-planned or declined with a reason?");
    expect(q).toContain('1 incident reached the highest severity: does any warrant an architecture or SLO review?');
    expect(q.some((x) => x.includes('search'))).toBe(false);
  });

  it('asks about items overdue so far, not at an end the quarter has not reached', () => {
    const cur = periodMetrics([incident('a', '2026-04-02T10:00Z', 30, 60)], '2026-q2');
    const q = reviewQuestions({ current: cur, previous: undefined, incidents: [], patterns: [], overdue: { count: 1, asOf: '2026-05-15', ongoing: true }, categoryName: names });
    expect(q).toContain('1 action item is overdue as of 2026-05-15: which should be escalated, re-planned or declined with a reason?');
    expect(q.join('\n')).not.toContain("quarter's end");
  });

  it('does not report a small change in detection time', () => {
    const cur = periodMetrics([incident('a', '2026-04-02T10:00Z', 12, 60)], '2026-q2');
    const prev = periodMetrics([incident('z', '2026-02-02T10:00Z', 10, 60)], '2026-q1');
    const q = reviewQuestions({ current: cur, previous: prev, incidents: [{ id: 'a', services: ['x'], category: 'y', detection: 'alert', severityRank: 3 }], patterns: [], overdue: { count: 0, asOf: '2026-07-01', ongoing: false }, categoryName: names });
    expect(q.join('\n')).not.toContain('rose');
  });
});
