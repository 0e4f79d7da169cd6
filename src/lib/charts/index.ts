/*
 * Chart geometry: d3-scale as pure maths at build time. Each function takes
 * data and returns plain numbers; the components in src/components/charts
 * draw them as SVG with a title, a description and the same data as a table.
 */
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { summarize } from '../metrics';
import { truncateToWidth } from '../timeline/text';

/** Font size of chart labels (the components' CSS sets the same). */
export const CHART_FONT = 11;

export interface Datum {
  label: string;
  value: number;
}

export interface ColumnChart {
  width: number;
  height: number;
  baseline: number;
  columns: Array<{ label: string; value: number; x: number; y: number; width: number; height: number }>;
  /** Labels for the x axis: every column when few, a subset when many. */
  xLabels: Array<{ label: string; x: number }>;
  max: number;
}

/** Vertical columns, e.g. incidents per quarter. */
export function columnChart(data: readonly Datum[], opts: { width?: number; height?: number; labelEvery?: number } = {}): ColumnChart {
  const width = opts.width ?? 480;
  const height = opts.height ?? 120;
  const top = 14, bottom = 22;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleBand<string>().domain(data.map((d) => d.label)).range([4, width - 4]).paddingInner(0.2).paddingOuter(0.1);
  const y = scaleLinear().domain([0, max]).range([height - bottom, top]);
  const step = opts.labelEvery ?? Math.max(1, Math.ceil(data.length / 8));
  return {
    width,
    height,
    baseline: height - bottom,
    max,
    columns: data.map((d) => ({
      label: d.label,
      value: d.value,
      x: x(d.label) ?? 0,
      width: x.bandwidth(),
      y: y(d.value),
      height: height - bottom - y(d.value),
    })),
    xLabels: data.filter((_, i) => i % step === 0 || i === data.length - 1).map((d) => ({ label: d.label, x: (x(d.label) ?? 0) + x.bandwidth() / 2 })),
  };
}

export interface BarChart {
  width: number;
  height: number;
  labelWidth: number;
  /** `text` is the label as drawn: cut with an ellipsis to fit left of the bar (the table has it whole). */
  bars: Array<{ label: string; text: string; value: number; y: number; width: number; height: number }>;
}

/** Horizontal bars with room for labels, e.g. incidents by category. */
export function barChart(data: readonly Datum[], opts: { width?: number; barHeight?: number; labelWidth?: number } = {}): BarChart {
  const width = opts.width ?? 560;
  const barHeight = opts.barHeight ?? 18;
  const labelWidth = opts.labelWidth ?? 170;
  const gap = 6;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleLinear().domain([0, max]).range([0, width - labelWidth - 40]);
  return {
    width,
    height: data.length * (barHeight + gap) + gap,
    labelWidth,
    bars: data.map((d, i) => ({
      label: d.label,
      // Right-aligned 6 units left of the bar: it must fit between 0 and there, or it is clipped at the edge.
      text: truncateToWidth(d.label, labelWidth - 8, { fontSize: CHART_FONT }).text,
      value: d.value,
      y: gap + i * (barHeight + gap),
      height: barHeight,
      width: Math.max(d.value > 0 ? 2 : 0, x(d.value)),
    })),
  };
}

export interface StripChart {
  width: number;
  height: number;
  rows: Array<{ label: string; y: number; n: number; median?: number | undefined; medianX?: number | undefined }>;
  points: Array<{ id: string; row: string; x: number; y: number; value: number }>;
  ticks: Array<{ x: number; label: string }>;
  left: number;
}

const MINUTE = 60_000;

function durationTick(ms: number): string {
  const m = ms / MINUTE;
  if (m < 60) return `${Math.round(m)} min`;
  if (m < 48 * 60) return `${Math.round(m / 60)} h`;
  return `${Math.round(m / 1440)} d`;
}

/**
 * Every incident as a point on a log-time axis, one row per group: durations
 * are heavily skewed, so the spread is shown rather than a mean alone.
 * Points that would overlap are nudged vertically (a simple beeswarm).
 */
export function stripChart(
  groups: ReadonlyArray<{ label: string; points: ReadonlyArray<{ id: string; value: number }> }>,
  opts: { width?: number; rowHeight?: number; left?: number } = {},
): StripChart {
  const width = opts.width ?? 640;
  const rowHeight = opts.rowHeight ?? 44;
  const left = opts.left ?? 90;
  const all = groups.flatMap((g) => g.points.map((p) => Math.max(p.value, MINUTE)));
  const lo = Math.min(MINUTE, ...all), hi = Math.max(60 * MINUTE, ...all);
  const x = scaleLog().domain([lo, hi]).range([left, width - 16]).nice();
  const candidates = [1, 5, 15, 60, 240, 720, 1440, 4320, 10080, 43200].map((m) => m * MINUTE);
  const [d0, d1] = x.domain() as [number, number];
  const ticks = candidates.filter((t) => t >= d0 && t <= d1).map((t) => ({ x: x(t), label: durationTick(t) }));
  const rows: StripChart['rows'] = [];
  const points: StripChart['points'] = [];
  groups.forEach((g, i) => {
    const cy = 10 + i * rowHeight + rowHeight / 2;
    const sorted = [...g.points].sort((a, b) => a.value - b.value || a.id.localeCompare(b.id));
    const placed: Array<{ x: number; y: number }> = [];
    for (const p of sorted) {
      const px = x(Math.max(p.value, MINUTE));
      let offset = 0;
      for (let k = 1; placed.some((q) => Math.abs(q.x - px) < 7 && Math.abs(q.y - (cy + offset)) < 7) && k < 12; k++) {
        offset = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 6;
      }
      placed.push({ x: px, y: cy + offset });
      points.push({ id: p.id, row: g.label, x: px, y: cy + offset, value: p.value });
    }
    const { n, median } = summarize(sorted.map((p) => p.value));
    rows.push({ label: g.label, y: cy, n, median, medianX: median === undefined ? undefined : x(Math.max(median, MINUTE)) });
  });
  return { width, height: 10 + groups.length * rowHeight + 28, rows, points, ticks, left };
}
