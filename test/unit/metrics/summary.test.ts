import { quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { quantileSorted, summarize } from '../../../src/lib/metrics';

describe('summarize', () => {
  it('median of [5, 1, 3] is 3', () => {
    // sorted [1, 3, 5]; p90 at h = 2 · 0.9 = 1.8: 3 + 0.8 · (5 − 3) = 4.6
    expect(summarize([5, 1, 3])).toEqual({ n: 3, median: 3, p90: 4.6, mean: 3, min: 1, max: 5 });
  });

  it('p90 of 1..10 is 9.1 (linear interpolation: h = 9 · 0.9 = 8.1 → 9 + 0.1 · (10 − 9))', () => {
    const s = summarize([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(s.n).toBe(10);
    expect(s.median).toBe(5.5); // the two middle values 5 and 6
    expect(s.p90).toBeCloseTo(9.1, 12);
    expect(s.mean).toBe(5.5);
    expect(s.min).toBe(1);
    expect(s.max).toBe(10);
  });

  it('median of an even count is the mean of the two middle values', () => {
    expect(summarize([1, 2, 3, 4]).median).toBe(2.5);
    // h = 3 · 0.9 = 2.7: 3 + 0.7 · (4 − 3)
    expect(summarize([1, 2, 3, 4]).p90).toBeCloseTo(3.7, 12);
  });

  it('a single value is every statistic', () => {
    expect(summarize([7])).toEqual({ n: 1, median: 7, p90: 7, mean: 7, min: 7, max: 7 });
  });

  it('no values: n = 0 and every statistic undefined', () => {
    expect(summarize([])).toEqual({ n: 0, median: undefined, p90: undefined, mean: undefined, min: undefined, max: undefined });
  });

  it('zero durations count as values', () => {
    expect(summarize([0, 0, 60_000])).toEqual({ n: 3, median: 0, p90: 48_000, mean: 20_000, min: 0, max: 60_000 });
  });

  it('leaves out values that are not finite', () => {
    expect(summarize([Number.NaN, 4, Number.POSITIVE_INFINITY, 2]).n).toBe(2);
    expect(summarize([Number.NaN]).median).toBeUndefined();
  });

  it('skewed durations: mean far above the median, as content-model.md warns', () => {
    // sorted [1, 1, 2, 2, 100] minutes: median 2; p90 at h = 3.6: 2 + 0.6 · 98 = 60.8; mean 106 / 5 = 21.2
    const s = summarize([2, 1, 100, 2, 1]);
    expect(s.median).toBe(2);
    expect(s.p90).toBeCloseTo(60.8, 12);
    expect(s.mean).toBeCloseTo(21.2, 12);
  });

  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    summarize(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('quantileSorted', () => {
  it('is the same definition as d3.quantile, so charts and tables agree', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 50; trial++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 10_000));
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 0.1, 0.5, 0.9, 0.99, 1]) expect(quantileSorted(sorted, p)).toBeCloseTo(quantile(values, p)!, 9);
    }
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => quantileSorted([1, 2], 1.5)).toThrow(RangeError);
  });
});
