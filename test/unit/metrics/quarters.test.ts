import { describe, expect, it } from 'vitest';
import { isInQuarter, nextQuarter, parseQuarterKey, previousQuarter, quarterKeysBetween, quarterOf } from '../../../src/lib/metrics';
import { at } from './helpers';

describe('quarterOf', () => {
  it('gives key, label and the half-open UTC interval', () => {
    expect(quarterOf(at('2026-03-02T14:05Z'))).toEqual({
      year: 2026,
      quarter: 1,
      key: '2026-q1',
      label: '2026 Q1',
      start: at('2026-01-01T00:00Z'),
      end: at('2026-04-01T00:00Z'),
    });
    expect(quarterOf(at('2026-11-30T12:00Z')).key).toBe('2026-q4');
    expect(quarterOf(at('2026-11-30T12:00Z')).end).toEqual(at('2027-01-01T00:00Z'));
  });

  it('puts the boundaries in the right quarter', () => {
    expect(quarterOf(at('2026-03-31T23:59:59.999Z')).key).toBe('2026-q1');
    expect(quarterOf(at('2026-04-01T00:00Z')).key).toBe('2026-q2');
    expect(quarterOf(at('2025-12-31T23:59:59Z')).key).toBe('2025-q4');
    expect(quarterOf(at('2026-01-01T00:00Z')).key).toBe('2026-q1');
  });

  it('takes the quarter in UTC, not in the offset the time was written in', () => {
    // Local date 2026-04-01 in India, but 2026-03-31T20:30Z: the first quarter.
    expect(quarterOf(at('2026-04-01T02:00+05:30')).key).toBe('2026-q1');
    // Local date 2025-12-31 in New York, but 2026-01-01T03:00Z.
    expect(quarterOf(at('2025-12-31T22:00-05:00')).key).toBe('2026-q1');
  });

  it('works before 1970', () => {
    const q = quarterOf(at('1969-07-20T20:17Z'));
    expect(q.key).toBe('1969-q3');
    expect(q.start).toEqual(at('1969-07-01T00:00Z'));
    expect(q.start.getTime()).toBeLessThan(0);
    expect(quarterOf(new Date(-1)).key).toBe('1969-q4');
    expect(quarterOf(new Date(-1)).end.getTime()).toBe(0);
    expect(quarterOf(new Date(0)).key).toBe('1970-q1');
  });

  it('rejects an invalid date', () => {
    expect(() => quarterOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('quarter keys', () => {
  it('parses keys in either case and rejects others with the expected form', () => {
    expect(parseQuarterKey('2026-Q3').key).toBe('2026-q3');
    expect(() => parseQuarterKey('2026-q5')).toThrow(/YYYY-qN/);
    expect(() => parseQuarterKey('2026 Q1')).toThrow(RangeError);
  });

  it('steps across a year boundary both ways', () => {
    expect(previousQuarter('2026-q1').key).toBe('2025-q4');
    expect(previousQuarter('2026-q3').key).toBe('2026-q2');
    expect(nextQuarter('2025-q4').key).toBe('2026-q1');
    expect(previousQuarter('1970-q1')).toMatchObject({ key: '1969-q4', label: '1969 Q4' });
    expect(previousQuarter(quarterOf(at('2026-02-01T00:00Z'))).key).toBe('2025-q4');
  });

  it('lists the keys between two quarters, both included', () => {
    expect(quarterKeysBetween('2025-q3', '2026-q2')).toEqual(['2025-q3', '2025-q4', '2026-q1', '2026-q2']);
    expect(quarterKeysBetween('2026-q1', '2026-q1')).toEqual(['2026-q1']);
    expect(quarterKeysBetween('2026-q2', '2026-q1')).toEqual([]);
    expect(quarterKeysBetween('1969-q4', '1970-q1')).toEqual(['1969-q4', '1970-q1']);
  });

  it('isInQuarter is start-inclusive and end-exclusive', () => {
    const q1 = parseQuarterKey('2026-q1');
    expect(isInQuarter(at('2026-01-01T00:00Z'), q1)).toBe(true);
    expect(isInQuarter(at('2026-04-01T00:00Z'), q1)).toBe(false);
  });
});
