/*
 * Trend charts across quarters for /reviews/: incident counts stacked by severity, and the
 * median and p90 of a duration per quarter. Plain numbers for the components to draw.
 */
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';

const MINUTE = 60_000;

export interface StackedColumns {
  width: number;
  height: number;
  baseline: number;
  max: number;
  columns: Array<{ label: string; x: number; width: number; total: number; segments: Array<{ key: string; value: number; y: number; height: number }> }>;
  xLabels: Array<{ label: string; x: number }>;
  yTicks: Array<{ value: number; y: number }>;
}

/** Columns stacked in the order of `keys` (bottom first), e.g. incidents per quarter by severity. */
export function stackedColumns(rows: ReadonlyArray<{ label: string; values: Readonly<Record<string, number>> }>, keys: readonly string[], opts: { width?: number; height?: number } = {}): StackedColumns {
  const width = opts.width ?? 480;
  const height = opts.height ?? 160;
  const left = 28, top = 10, bottom = 22;
  const totals = rows.map((r) => keys.reduce((s, k) => s + (r.values[k] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const x = scaleBand<string>().domain(rows.map((r) => r.label)).range([left, width - 4]).paddingInner(0.25).paddingOuter(0.1);
  const y = scaleLinear().domain([0, max]).range([height - bottom, top]).nice();
  const step = Math.max(1, Math.ceil(rows.length / 8));
  return {
    width,
    height,
    baseline: height - bottom,
    max,
    columns: rows.map((r, i) => {
      let acc = 0;
      const segments = keys.filter((k) => (r.values[k] ?? 0) > 0).map((key) => {
        const value = r.values[key]!;
        const y0 = y(acc), y1 = y(acc + value);
        acc += value;
        return { key, value, y: y1, height: y0 - y1 };
      });
      return { label: r.label, x: x(r.label) ?? 0, width: x.bandwidth(), total: totals[i]!, segments };
    }),
    xLabels: rows.filter((_, i) => i % step === 0 || i === rows.length - 1).map((r) => ({ label: r.label, x: (x(r.label) ?? 0) + x.bandwidth() / 2 })),
    yTicks: y.ticks(Math.min(4, max)).filter((v) => Number.isInteger(v)).map((value) => ({ value, y: y(value) })),
  };
}

export interface RangeChart {
  width: number;
  height: number;
  left: number;
  baseline: number;
  /** Per quarter: the median and p90 as points joined by a line; n below the label. Missing when n = 0. */
  columns: Array<{ label: string; x: number; n: number; median?: { y: number; value: number }; p90?: { y: number; value: number } }>;
  yTicks: Array<{ y: number; label: string }>;
  xLabels: Array<{ label: string; x: number }>;
}

function durationTick(ms: number): string {
  const m = ms / MINUTE;
  if (m < 60) return `${Math.round(m)} min`;
  if (m < 48 * 60) return `${Math.round(m / 60)} h`;
  return `${Math.round(m / 1440)} d`;
}

/** Median and p90 of a duration per quarter on a logarithmic axis (durations are skewed). */
export function rangeChart(rows: ReadonlyArray<{ label: string; n: number; median: number | undefined; p90: number | undefined }>, opts: { width?: number; height?: number } = {}): RangeChart {
  const width = opts.width ?? 480;
  const height = opts.height ?? 170;
  const left = 46, top = 10, bottom = 34;
  const values = rows.flatMap((r) => [r.median, r.p90]).filter((v): v is number => v !== undefined).map((v) => Math.max(v, MINUTE));
  const lo = Math.min(MINUTE, ...values), hi = Math.max(60 * MINUTE, ...values);
  const y = scaleLog().domain([lo, hi]).range([height - bottom, top]).nice();
  const [d0, d1] = y.domain() as [number, number];
  const candidates = [1, 5, 15, 60, 240, 1440, 4320, 10080].map((m) => m * MINUTE).filter((t) => t >= d0 && t <= d1);
  const x = scaleBand<string>().domain(rows.map((r) => r.label)).range([left, width - 4]).padding(0.2);
  const step = Math.max(1, Math.ceil(rows.length / 8));
  const point = (v: number | undefined) => (v === undefined ? undefined : { value: v, y: y(Math.max(v, MINUTE)) });
  return {
    width,
    height,
    left,
    baseline: height - bottom,
    columns: rows.map((r) => {
      const median = point(r.median), p90 = point(r.p90);
      return { label: r.label, x: (x(r.label) ?? 0) + x.bandwidth() / 2, n: r.n, ...(median ? { median } : {}), ...(p90 ? { p90 } : {}) };
    }),
    // Candidates close together on the log axis (3 d and 7 d) would print on top of each other.
    yTicks: candidates.map((t) => ({ y: y(t), label: durationTick(t) })).filter((t, i, all) => i === 0 || all.slice(0, i).every((u) => Math.abs(u.y - t.y) >= 14)),
    xLabels: rows.filter((_, i) => i % step === 0 || i === rows.length - 1).map((r) => ({ label: r.label, x: (x(r.label) ?? 0) + x.bandwidth() / 2 })),
  };
}
