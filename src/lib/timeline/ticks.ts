/*
 * Axis ticks for an incident timeline. d3's automatic ticks would give a
 * 4-minute incident 30-second ticks and a 3-day one 12-hour ticks with
 * "Tue 03"-style labels; postmortem timestamps are minute-precise and readers
 * think in clock times and days, so the interval is chosen here from a fixed
 * ladder: the finest interval whose labels fit side by side without touching.
 */
import { utcDay, utcHour, utcMinute, utcMonday, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { estimateTextWidth, type MeasureText } from './text';

type LabelStyle = 'clock' | 'day' | 'month' | 'year';

interface Rung {
  /** Human name of the interval, e.g. "1 min", "6 h". */
  name: string;
  interval: TimeInterval;
  /** Typical length in ms; used to skip rungs that would produce thousands of ticks. */
  approxMs: number;
  style: LabelStyle;
}

const MIN = 60_000, HOUR = 60 * MIN, DAY = 24 * HOUR;

function every(interval: CountableTimeInterval, step: number): TimeInterval {
  const stepped = interval.every(step);
  if (!stepped) throw new Error(`no ${step}-step interval`); // only for steps ≤ 0 or non-integers, never here
  return stepped;
}

const LADDER: readonly Rung[] = [
  ...[1, 2, 5, 10, 15, 30].map((n): Rung => ({ name: `${n} min`, interval: every(utcMinute, n), approxMs: n * MIN, style: 'clock' })),
  ...[1, 2, 3, 6, 12].map((n): Rung => ({ name: `${n} h`, interval: every(utcHour, n), approxMs: n * HOUR, style: 'clock' })),
  { name: '1 d', interval: utcDay, approxMs: DAY, style: 'day' },
  { name: '2 d', interval: every(utcDay, 2), approxMs: 2 * DAY, style: 'day' },
  { name: '1 wk', interval: utcMonday, approxMs: 7 * DAY, style: 'day' },
  { name: '1 mo', interval: utcMonth, approxMs: 30 * DAY, style: 'month' },
  { name: '3 mo', interval: every(utcMonth, 3), approxMs: 91 * DAY, style: 'month' },
  { name: '1 y', interval: utcYear, approxMs: 365 * DAY, style: 'year' },
];

const clock = utcFormat('%H:%M');
const dayOfMonth = utcFormat('%b %-d');
const monthOfYear = utcFormat('%b %Y');
const year = utcFormat('%Y');

function labelFor(at: Date, style: LabelStyle): { label: string; major: boolean } {
  switch (style) {
    case 'clock':
      // Midnight opens a new day: name the day instead of writing "00:00".
      return +utcDay.floor(at) === +at ? { label: dayOfMonth(at), major: true } : { label: clock(at), major: false };
    case 'day':
      return { label: dayOfMonth(at), major: +utcMonth.floor(at) === +at };
    case 'month':
      return { label: monthOfYear(at), major: +utcYear.floor(at) === +at };
    case 'year':
      return { label: year(at), major: true };
  }
}

export interface AxisTick {
  at: Date;
  /** x of the tick mark. */
  x: number;
  /** UTC label: "14:05" within a day, "Mar 3" at midnight or for day ticks. */
  label: string;
  /** x of the label's centre: the tick's x, pulled inwards if the label would leave the drawing. */
  labelX: number;
  labelWidth: number;
  /** Midnight (or month, year) boundary: a new calendar unit starts here. */
  major: boolean;
}

export interface TickOptions {
  /** Domain of the time scale. */
  start: Date;
  end: Date;
  /** Maps an instant to x. */
  x: (at: Date) => number;
  /** Labels must stay within [minX, maxX]. */
  minX: number;
  maxX: number;
  fontSize: number;
  /** Least space between two neighbouring labels. Default 10. */
  gap?: number;
  /** Least distance between two ticks, so that the axis does not turn into a comb. Default 50. */
  minSpacing?: number;
  measure?: MeasureText;
}

export interface TickSet {
  /** Name of the chosen interval, e.g. "1 min", "6 h". */
  interval: string;
  ticks: AxisTick[];
}

function ticksOf(rung: Rung, o: TickOptions, measure: MeasureText): AxisTick[] {
  // range() stops before its end, so ask for one millisecond more to include a tick on the end itself.
  return rung.interval.range(o.start, new Date(+o.end + 1)).map((at) => {
    const { label, major } = labelFor(at, rung.style);
    const labelWidth = measure(label, { fontSize: o.fontSize, bold: major });
    const x = o.x(at);
    const half = labelWidth / 2;
    const labelX = Math.min(Math.max(x, o.minX + half), o.maxX - half);
    return { at, x, label, labelX, labelWidth, major };
  });
}

function fits(ticks: readonly AxisTick[], gap: number): boolean {
  for (let i = 1; i < ticks.length; i++) {
    const a = ticks[i - 1]!, b = ticks[i]!;
    if (a.labelX + a.labelWidth / 2 + gap > b.labelX - b.labelWidth / 2) return false;
  }
  return true;
}

/**
 * Ticks for the axis, in order of preference:
 *   1. the finest interval whose ticks are at least minSpacing apart, whose
 *      labels do not overlap, and which gives at least two ticks;
 *   2. failing that (a narrow drawing), the coarsest interval that gives two
 *      ticks, its labels thinned left to right if they touch;
 *   3. failing that, the coarsest interval with any tick.
 * So labels never overlap, and the axis has a tick whenever the domain holds a minute boundary.
 */
export function chooseTicks(options: TickOptions): TickSet {
  const measure = options.measure ?? estimateTextWidth;
  const gap = options.gap ?? 10;
  const minSpacing = options.minSpacing ?? 50;
  const span = Math.max(+options.end - +options.start, 1);
  const pxPerMs = Math.abs(options.x(options.end) - options.x(options.start)) / span;
  for (const rung of LADDER) {
    if (rung.approxMs * pxPerMs < minSpacing) continue; // also spares computing thousands of ticks
    const ticks = ticksOf(rung, options, measure);
    if (ticks.length >= 2 && fits(ticks, gap)) return { interval: rung.name, ticks };
  }
  const coarseFirst = [...LADDER].reverse();
  for (const rung of coarseFirst) {
    const ticks = ticksOf(rung, options, measure);
    if (ticks.length < 2) continue;
    if (fits(ticks, gap)) return { interval: rung.name, ticks };
    const kept = thin(ticks, gap);
    if (kept.length >= 2) return { interval: rung.name, ticks: kept };
    break;
  }
  for (const rung of coarseFirst) {
    const ticks = ticksOf(rung, options, measure);
    if (ticks.length > 0) return { interval: rung.name, ticks: thin(ticks, gap) };
  }
  return { interval: LADDER[0]!.name, ticks: [] };
}

/** Keeps ticks left to right, skipping any whose label would touch the last one kept. */
function thin(ticks: readonly AxisTick[], gap: number): AxisTick[] {
  const kept: AxisTick[] = [];
  for (const tick of ticks) {
    const last = kept[kept.length - 1];
    if (!last || fits([last, tick], gap)) kept.push(tick);
  }
  return kept;
}
