/**
 * Summary statistics for skewed durations. Every figure is shown with n.
 *
 * Quantiles use linear interpolation between closest ranks (Hyndman & Fan
 * type 7: the definition of d3.quantile, numpy's default and spreadsheet
 * PERCENTILE.INC). With the values sorted ascending as x[0..n−1], the
 * p-quantile is at position h = (n − 1)·p:
 *
 *     q(p) = x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋])
 *
 * so the median is the usual median (the mean of the two middle values
 * when n is even), p90 of 1..10 is 9.1, and any chart drawn with d3's
 * quantiles shows the same numbers as the tables.
 */
export interface Summary {
  n: number;
  median: number | undefined;
  p90: number | undefined;
  mean: number | undefined;
  min: number | undefined;
  max: number | undefined;
}

/** The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending; undefined when empty. */
export function quantileSorted(sorted: readonly number[], p: number): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be between 0 and 1, got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, n - 1)]!;
  return below + (h - lo) * (above - below);
}

/**
 * n, median, p90 (type-7 interpolation, see above), mean, min and max; all
 * but n are undefined when there are no values. Non-finite values (NaN, ±∞)
 * are not durations and are left out.
 */
export function summarize(values: readonly number[]): Summary {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return { n: 0, median: undefined, p90: undefined, mean: undefined, min: undefined, max: undefined };
  const sorted = [...finite].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n,
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    mean: sum / n,
    min: sorted[0],
    max: sorted[n - 1],
  };
}
