import { describe, expect, it } from 'vitest';
import {
  incidentMetrics,
  mttrDecomposition,
  incidentStart,
  milestones,
  timeToAcknowledge,
  timeToDetect,
  timeToMitigate,
  timeToResolve,
} from '../../../src/lib/metrics';
import { HOUR, MINUTE, at, timeline } from './helpers';

const full = timeline({
  started: '2026-03-02T14:05Z',
  detected: '2026-03-02T14:10Z',
  acknowledged: '2026-03-02T14:12Z',
  diagnosed: '2026-03-02T14:40Z',
  mitigated: '2026-03-02T15:00Z',
  resolved: '2026-03-02T16:05Z',
});

describe('milestones', () => {
  it('maps each milestone kind to its instant and ignores plain events', () => {
    const m = milestones([...full, { at: at('2026-03-02T14:30Z') }]);
    expect(m.started).toEqual(at('2026-03-02T14:05Z'));
    expect(m.resolved).toEqual(at('2026-03-02T16:05Z'));
    expect(Object.keys(m).sort()).toEqual(['acknowledged', 'detected', 'diagnosed', 'mitigated', 'resolved', 'started']);
  });

  it('keeps the first when an unvalidated timeline repeats a kind', () => {
    const m = milestones([
      { at: at('2026-01-01T00:00Z'), kind: 'started' },
      { at: at('2026-01-01T01:00Z'), kind: 'started' },
    ]);
    expect(m.started).toEqual(at('2026-01-01T00:00Z'));
  });
});

describe('TTD, TTA, TTM, TTR', () => {
  it('are the differences content-model.md defines, in ms', () => {
    expect(timeToDetect(full)).toBe(5 * MINUTE); // 14:10 − 14:05
    expect(timeToAcknowledge(full)).toBe(2 * MINUTE); // 14:12 − 14:10 (from detected, not started)
    expect(timeToMitigate(full)).toBe(55 * MINUTE); // 15:00 − 14:05
    expect(timeToResolve(full)).toBe(2 * HOUR); // 16:05 − 14:05
  });

  it('are undefined when either milestone is missing', () => {
    const noAck = timeline({ started: '2026-03-02T14:05Z', detected: '2026-03-02T14:10Z', resolved: '2026-03-02T15:05Z' });
    expect(timeToAcknowledge(noAck)).toBeUndefined();
    expect(timeToMitigate(noAck)).toBeUndefined();
    expect(timeToDetect(noAck)).toBe(5 * MINUTE);

    const noStart = timeline({ detected: '2026-03-02T14:10Z', acknowledged: '2026-03-02T14:20Z', resolved: '2026-03-02T15:05Z' });
    expect(timeToDetect(noStart)).toBeUndefined();
    expect(timeToResolve(noStart)).toBeUndefined();
    expect(timeToAcknowledge(noStart)).toBe(10 * MINUTE);
    expect(timeToResolve([])).toBeUndefined();
  });

  it('are 0, not undefined, when two milestones share an instant', () => {
    const instant = timeline({ started: '2026-03-02T14:05Z', detected: '2026-03-02T14:05Z', acknowledged: '2026-03-02T14:05Z', resolved: '2026-03-02T14:05Z' });
    expect(timeToDetect(instant)).toBe(0);
    expect(timeToAcknowledge(instant)).toBe(0);
    expect(timeToResolve(instant)).toBe(0);
  });

  it('compare absolute instants whatever offset each time was written in', () => {
    // 19:35+05:30 is 14:05Z; 09:10-05:00 is 14:10Z; 16:05+00:00 is 16:05Z.
    const mixed = [
      { at: at('2026-03-02T19:35+05:30'), kind: 'started' as const },
      { at: at('2026-03-02T09:10-05:00'), kind: 'detected' as const },
      { at: at('2026-03-02T16:05+00:00'), kind: 'resolved' as const },
    ];
    expect(timeToDetect(mixed)).toBe(5 * MINUTE);
    expect(timeToResolve(mixed)).toBe(2 * HOUR);
  });

  it('work across midnight, a year boundary and the 1970 epoch', () => {
    const newYear = timeline({ started: '2025-12-31T23:30Z', resolved: '2026-01-01T01:00Z' });
    expect(timeToResolve(newYear)).toBe(90 * MINUTE);
    // Before 1970 the epoch values are negative; the differences are not.
    const apollo = timeline({ started: '1969-07-20T20:17Z', detected: '1969-07-20T20:18Z', resolved: '1969-07-21T02:56Z' });
    expect(at('1969-07-20T20:17Z').getTime()).toBeLessThan(0);
    expect(timeToDetect(apollo)).toBe(MINUTE);
    expect(timeToResolve(apollo)).toBe(6 * HOUR + 39 * MINUTE);
    const epoch = timeline({ started: '1969-12-31T23:00Z', resolved: '1970-01-01T01:00Z' });
    expect(timeToResolve(epoch)).toBe(2 * HOUR);
  });
});

describe('incidentMetrics', () => {
  it('returns the four durations and the start', () => {
    expect(incidentMetrics(full)).toEqual({
      startedAt: at('2026-03-02T14:05Z'),
      ttd: 5 * MINUTE,
      tta: 2 * MINUTE,
      ttdiag: 28 * MINUTE,
      ttm: 55 * MINUTE,
      ttf: 85 * MINUTE,
      ttr: 2 * HOUR,
    });
  });

  it('accepts a timeline, frontmatter or an entry with data', () => {
    const expected = incidentMetrics(full);
    expect(incidentMetrics({ timeline: full })).toEqual(expected);
    expect(incidentMetrics({ data: { timeline: full } })).toEqual(expected);
  });

  it('falls back to the earliest event for the start of a timeline without `started` (drafts)', () => {
    const draft = [
      { at: at('2026-03-02T14:20Z'), kind: 'detected' as const },
      { at: at('2026-03-02T14:10Z') },
    ];
    expect(incidentStart(draft)).toEqual(at('2026-03-02T14:10Z'));
    expect(incidentMetrics(draft)).toEqual({ startedAt: at('2026-03-02T14:10Z'), ttd: undefined, tta: undefined, ttdiag: undefined, ttm: undefined, ttf: undefined, ttr: undefined });
    expect(incidentMetrics([]).startedAt).toBeUndefined();
  });
});

describe('MTTR decomposed: TTD + TTA + TTDiag + TTF', () => {
  it('splits TTR into parts that add up to it', () => {
    // 14:05 started, 14:10 detected, 14:12 acknowledged, 14:40 diagnosed, 16:05 resolved.
    const parts = mttrDecomposition(full);
    expect(parts).toEqual({ ttd: 5 * MINUTE, tta: 2 * MINUTE, ttdiag: 28 * MINUTE, ttf: 85 * MINUTE, ttr: 2 * HOUR, complete: true });
    expect(parts.ttd! + parts.tta! + parts.ttdiag! + parts.ttf!).toBe(parts.ttr);
  });

  it('measures diagnosis from detection when nothing was acknowledged, and leaves TTA missing, not zero', () => {
    const parts = mttrDecomposition(timeline({ started: '2026-03-02T14:05Z', detected: '2026-03-02T14:10Z', diagnosed: '2026-03-02T14:40Z', resolved: '2026-03-02T15:05Z' }));
    expect(parts).toEqual({ ttd: 5 * MINUTE, tta: undefined, ttdiag: 30 * MINUTE, ttf: 25 * MINUTE, ttr: HOUR, complete: true });
  });

  it('leaves TTDiag and TTF missing without a diagnosis', () => {
    const parts = mttrDecomposition(timeline({ started: '2026-03-02T14:05Z', detected: '2026-03-02T14:10Z', acknowledged: '2026-03-02T14:12Z', resolved: '2026-03-02T15:05Z' }));
    expect(parts).toEqual({ ttd: 5 * MINUTE, tta: 2 * MINUTE, ttdiag: undefined, ttf: undefined, ttr: HOUR, complete: false });
  });

  it('gives no TTDiag or TTF when the diagnosis came before the acknowledgement, rather than a negative part', () => {
    const parts = mttrDecomposition(timeline({ started: '2026-03-02T14:05Z', detected: '2026-03-02T14:10Z', diagnosed: '2026-03-02T14:11Z', acknowledged: '2026-03-02T14:20Z', resolved: '2026-03-02T15:05Z' }));
    expect(parts).toMatchObject({ ttd: 5 * MINUTE, tta: 10 * MINUTE, ttdiag: undefined, ttf: undefined, complete: false });
  });

  it('counts a diagnosis after mitigation: the fix is then measured from the diagnosis', () => {
    const parts = mttrDecomposition(timeline({ started: '2026-03-02T14:00Z', detected: '2026-03-02T14:05Z', acknowledged: '2026-03-02T14:06Z', mitigated: '2026-03-02T14:20Z', diagnosed: '2026-03-02T14:50Z', resolved: '2026-03-02T15:00Z' }));
    expect(parts).toEqual({ ttd: 5 * MINUTE, tta: MINUTE, ttdiag: 44 * MINUTE, ttf: 10 * MINUTE, ttr: HOUR, complete: true });
  });
});
