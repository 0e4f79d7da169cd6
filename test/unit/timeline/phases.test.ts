import { describe, expect, it } from 'vitest';
import { timelineId } from '../../../src/lib/timeline/id';
import { describeTimeline, phasesOf } from '../../../src/lib/timeline/phases';
import { timelineRows } from '../../../src/lib/timeline/table';
import type { Milestone, TimelineEvent } from '../../../src/schema/timeline-event';

const T0 = Date.parse('2026-03-02T14:05Z');
const ev = (minutes: number, event: string, kind?: Milestone, source?: string): TimelineEvent => ({
  at: new Date(T0 + minutes * 60_000),
  event,
  ...(kind ? { kind } : {}),
  ...(source ? { source } : {}),
});

const POOL = [
  ev(0, 'Deploy of config v2.3.1 set the pool size to 10', 'started'),
  ev(5, 'Error-rate alarm on checkout fired and paged the on-call', 'detected', 'https://www.grafana.example/d/checkout?from=1'),
  ev(9, 'On-call acknowledged the page', 'acknowledged'),
  ev(75, 'Pool saturation found in the payments-db dashboard', 'diagnosed'),
  ev(95, 'Config v2.3.0 redeployed', 'mitigated'),
  ev(120, 'Error rate back under 0.1% for 30 minutes', 'resolved'),
];

describe('phasesOf', () => {
  it('measures TTD, TTM and TTR from the start, in that order', () => {
    expect(phasesOf(POOL).map((p) => [p.key, p.durationMs / 60_000])).toEqual([['ttd', 5], ['ttm', 95], ['ttr', 120]]);
  });
  it('leaves out what cannot be computed', () => {
    expect(phasesOf([ev(0, 'a', 'detected'), ev(5, 'b', 'resolved')])).toEqual([]);
    expect(phasesOf([ev(0, 'a', 'started'), ev(5, 'b', 'mitigated')]).map((p) => p.key)).toEqual(['ttm']);
  });
});

describe('describeTimeline', () => {
  it('summarises the reference incident in one sentence', () => {
    expect(describeTimeline(POOL)).toBe('6 events over 2 h 00 min; detected after 5 min, mitigated after 1 h 35 min, resolved after 2 h 00 min.');
  });
  it('says what is missing', () => {
    expect(describeTimeline([ev(0, 'a', 'started'), ev(12, 'b', 'detected')])).toBe('2 events over 12 min; detected after 12 min, not marked resolved.');
    expect(describeTimeline([ev(0, 'a'), ev(30, 'b')])).toBe('2 events over 30 min; the start of the incident is not marked, so no phases are shown.');
    expect(describeTimeline([ev(0, 'a', 'started')])).toBe('1 event; not marked resolved.');
    expect(describeTimeline([])).toBe('No events.');
  });
});

describe('timelineRows', () => {
  it('gives every event a row with UTC time, time since start, milestone and evidence', () => {
    const rows = timelineRows(POOL);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatchObject({
      index: 1,
      time: '2026-03-02 14:10',
      iso: '2026-03-02T14:10:00.000Z',
      elapsed: '+5 min',
      milestone: 'Detected',
      event: 'Error-rate alarm on checkout fired and paged the on-call',
      source: 'https://www.grafana.example/d/checkout?from=1',
      sourceLabel: 'grafana.example',
    });
    expect(rows[0]!.elapsed).toBe('+0 min');
    expect(rows[2]!.source).toBeUndefined();
    expect(rows[2]!.sourceLabel).toBeUndefined();
    expect(rows[3]!.milestone).toBe('Diagnosed');
    expect(rows.map((r) => r.elapsed)).toEqual(['+0 min', '+5 min', '+9 min', '+1 h 15 min', '+1 h 35 min', '+2 h 00 min']);
  });
  it('counts from the started milestone, so earlier events are negative', () => {
    const rows = timelineRows([ev(-25, 'Config change merged'), ev(0, 'Deploy', 'started'), ev(10, 'Alarm', 'detected')]);
    expect(rows.map((r) => r.elapsed)).toEqual(['\u221225 min', '+0 min', '+10 min']);
  });
  it('shows seconds on every row when any event has them', () => {
    const rows = timelineRows([ev(0, 'a', 'started'), { at: new Date(T0 + 30_000), event: 'b' }]);
    expect(rows.map((r) => r.time)).toEqual(['2026-03-02 14:05:00', '2026-03-02 14:05:30']);
    expect(rows[1]!.elapsed).toBe('+30 s');
  });
  it('writes times in UTC whatever offset the author used', () => {
    const rows = timelineRows([{ at: new Date('2026-03-02T19:35+05:30'), kind: 'started', event: 'a' }]);
    expect(rows[0]!.time).toBe('2026-03-02 14:05');
  });
});

describe('timelineId', () => {
  it('is stable, differs between timelines and is a valid id', () => {
    expect(timelineId(POOL)).toBe(timelineId(structuredClone(POOL)));
    expect(timelineId(POOL)).not.toBe(timelineId(POOL.slice(1)));
    expect(timelineId(POOL)).toMatch(/^tl-[0-9a-z]+$/);
  });
});
