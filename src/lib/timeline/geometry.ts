/*
 * Timeline geometry: events in, plain numbers out. The component turns the
 * result into SVG elements one to one and decides nothing itself.
 *
 * Layout, top to bottom:
 *   event labels in lanes (lane 0 nearest the axis), each joined to its mark
 *   by a leader line; the time axis with one mark per event; tick labels;
 *   the phase bands TTD, TTM, TTR (only those that can be computed).
 *
 * The time scale does not always span the full width: it leaves room on the
 * right for the labels of the last events, so every label can start at its
 * own event and run to the right (see lanes.ts for why that matters).
 *
 * The incident never squashes: when events lie far outside its window (a
 * warning nine days before `started`, a clean-up a week after `resolved`),
 * each far side gets a short segment of its own, set off by a break in the
 * axis, and the window from started to resolved keeps at least half of the
 * plot (see timeAxis below).
 */
import { scaleLinear } from 'd3-scale';
import { utcMinute } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import type { Milestone, TimelineEvent } from '../../schema/timeline-event';
import { formatDuration, formatUtc } from '../time/duration';
import { assignLanes } from './lanes';
import { milestones } from '../metrics/milestones';
import { MILESTONE_LABELS, phasesOf, type Phase } from './phases';
import { estimateTextWidth, truncateToWidth, type MeasureText, type TextStyle } from './text';
import { chooseTicks, type AxisTick } from './ticks';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineOptions {
  /** Width of the drawing (the SVG viewBox); the SVG itself scales to its container. Default 960, at least 240. */
  width?: number;
  /** Font size of event labels, in viewBox units. Default 12. */
  fontSize?: number;
  /** Font size of tick and band labels. Default 11. */
  axisFontSize?: number;
  /** Widest an event label may be before it is cut with an ellipsis. Default 360. */
  maxLabelWidth?: number;
  /** Narrowest a phase band is drawn, so that a zero-length phase stays visible. Default 3. */
  minPhaseWidth?: number;
  /** Text measurement; defaults to the per-character estimate of text.ts. */
  measure?: MeasureText;
}

interface EventLabel {
  /** 0 is the lane nearest the axis. */
  lane: number;
  /** The space the label occupies; no two label boxes overlap. */
  box: Rect;
  /** Text position (start anchor) and baseline. */
  x: number;
  y: number;
  /** Bold milestone name that opens the label ("Detected: "), or "" for a plain event. */
  prefix: string;
  /** The event text, cut with "…" when it does not fit. */
  text: string;
  truncated: boolean;
}

/** A leader from the mark up to the label: (x, y1) → (x, y2) → (x2, y2). */
interface EventLeader {
  x: number;
  y1: number;
  y2: number;
  x2: number;
}

interface EventMark {
  /** Position of the event in the input. */
  index: number;
  at: Date;
  kind: Milestone | undefined;
  /** Centre of the mark, on the axis. */
  x: number;
  y: number;
  /** Milestones are diamonds, other events circles. */
  shape: 'circle' | 'diamond';
  /** Circle radius or half the diamond's diagonal. */
  size: number;
  label: EventLabel;
  leader: EventLeader;
  /** Full description for a tooltip: "14:10 UTC · Detected: Error-rate alarm fired". */
  title: string;
}

interface PhaseBand extends Phase {
  /** At least minPhaseWidth wide. */
  rect: Rect;
  /** The phase is shorter than minPhaseWidth and was widened to stay visible (e.g. a zero-length TTD). */
  widened: boolean;
  label: { text: string; x: number; y: number; anchor: 'start' | 'end'; inside: boolean };
  /** "Time to detect: 5 min (started → detected)" */
  title: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  fontSize: number;
  axisFontSize: number;
  /** Domain of the time scale: the first and last event, widened to whole minutes (at least one). */
  domain: { start: Date; end: Date };
  /** Where the time scale maps the domain. */
  plot: { left: number; right: number };
  /**
   * The incident's window (started to resolved, widened to whole minutes; the first or last event
   * when a milestone is missing) and where it is drawn: always at least half the plot's width.
   */
  window: { start: Date; end: Date; x1: number; x2: number };
  /** The axis in pieces: one for a continuous scale, more when far events got segments of their own. */
  segments: AxisSegment[];
  /** Where the axis is broken between two segments: the x of the break mark. */
  breaks: number[];
  axis: {
    y: number;
    tickSize: number;
    /** Baseline of the tick labels. */
    labelY: number;
    /** "UTC", right-aligned at the end of the tick-label row. */
    caption: { text: string; x: number; y: number };
  };
  /** Chosen tick interval, e.g. "1 min", "6 h". */
  tickInterval: string;
  ticks: AxisTick[];
  /** Vertical extent of the grid lines behind the bands (undefined when there are no bands). */
  grid: { y1: number; y2: number } | undefined;
  phases: PhaseBand[];
  /** One per input event, in input order. */
  events: EventMark[];
  lanes: number;
}

interface AxisSegment {
  start: Date;
  end: Date;
  x1: number;
  x2: number;
  /** Events before or after the incident's window, compressed into a segment of their own. */
  outside: boolean;
}

const MINUTE = 60_000;
const round = (v: number) => Math.round(v * 100) / 100;

/** Pixels between the leader and the start of the text. */
const TEXT_PAD = 5;
/** Smallest room kept right of the scale for the labels of the last events. */
const MIN_RESERVE = 140;
/** Narrower drawings are laid out at this width (the SVG still scales to its container). */
const MIN_WIDTH = 240;
/** The scale keeps at least this share of the width, even if that cuts the last labels short. */
const MIN_PLOT_SHARE = 0.6;

/** A continuous scale is kept while the window takes at least this share of it. */
const CONTINUOUS_WINDOW_SHARE = 0.6;
/** Events within this share of the window's length of its edge stay beside it, on its scale. */
const NEAR_SHARE = 0.15;
/** An outside segment's share of the plot, and a break's. */
const OUTSIDE_SHARE = 0.12;
const BREAK_SHARE = 0.035;

interface TimeSegment {
  t0: number;
  t1: number;
  /** Share of the plot, 0–1. */
  u0: number;
  u1: number;
  outside: boolean;
}

/**
 * The time axis as pieces of the plot (shares 0–1): one continuous piece when the incident's
 * window would take at least CONTINUOUS_WINDOW_SHARE of it anyway; otherwise the window (with
 * the events near it) in the middle and one short piece for each side that has far events.
 * With both sides broken the core keeps 1 − 2·(0.12 + 0.035) = 0.69 of the plot, and the window
 * at least 1 / (1 + 2·NEAR_SHARE) of the core: 0.53 of the plot.
 */
function timeAxis(times: readonly number[], window: { start: number; end: number }, domain: { start: number; end: number }): TimeSegment[] {
  const span = domain.end - domain.start;
  const windowSpan = window.end - window.start;
  if (windowSpan / span >= CONTINUOUS_WINDOW_SHARE) return [{ t0: domain.start, t1: domain.end, u0: 0, u1: 1, outside: false }];
  // Near is judged on whole minutes, as the axis will be drawn: the core's ends are minute-aligned.
  const near = NEAR_SHARE * windowSpan;
  const floor = (t: number) => utcMinute.floor(new Date(t)).getTime();
  const ceil = (t: number) => utcMinute.ceil(new Date(t)).getTime();
  const coreStart = Math.min(window.start, ...times.filter((t) => t < window.start && window.start - floor(t) <= near).map(floor));
  const coreEnd = Math.max(window.end, ...times.filter((t) => t > window.end && ceil(t) - window.end <= near).map(ceil));
  const before = times.filter((t) => t < coreStart);
  const after = times.filter((t) => t > coreEnd);
  const segments: TimeSegment[] = [];
  let u = 0;
  const coreShare = 1 - (before.length ? OUTSIDE_SHARE + BREAK_SHARE : 0) - (after.length ? OUTSIDE_SHARE + BREAK_SHARE : 0);
  if (before.length) {
    segments.push({ ...minuteSpan(Math.min(...before), Math.max(...before)), u0: 0, u1: OUTSIDE_SHARE, outside: true });
    u = OUTSIDE_SHARE + BREAK_SHARE;
  }
  segments.push({ ...minuteSpan(coreStart, coreEnd), u0: u, u1: u + coreShare, outside: false });
  if (after.length) {
    segments.push({ ...minuteSpan(Math.min(...after), Math.max(...after)), u0: 1 - OUTSIDE_SHARE, u1: 1, outside: true });
  }
  return segments;
}

/** [t0, t1] widened to whole minutes, at least one. */
function minuteSpan(t0: number, t1: number): { t0: number; t1: number } {
  const a = utcMinute.floor(new Date(t0)).getTime();
  return { t0: a, t1: Math.max(utcMinute.ceil(new Date(t1)).getTime(), a + MINUTE) };
}

const formatDay = utcFormat('%b %-d');
const formatClock = utcFormat('%H:%M');

/**
 * Share of the plot (0–1) at an instant: a piecewise-linear d3 scale over the segments (the
 * stretch between two segments holds no event; it is where the break is drawn).
 */
function shareScale(segments: readonly TimeSegment[]): (t: number) => number {
  const scale = scaleLinear()
    .domain(segments.flatMap((seg) => [seg.t0, seg.t1]))
    .range(segments.flatMap((seg) => [seg.u0, seg.u1]))
    .clamp(true);
  return (t) => scale(t);
}

/** Lays out a timeline: see the file comment. Pure; the same events and options give the same numbers. */
export function layoutTimeline(events: readonly TimelineEvent[], options: TimelineOptions = {}): TimelineLayout {
  const width = Math.max(options.width ?? 960, MIN_WIDTH);
  const fontSize = options.fontSize ?? 12;
  const axisFontSize = options.axisFontSize ?? 11;
  const minPhaseWidth = options.minPhaseWidth ?? 3;
  const measure = options.measure ?? estimateTextWidth;
  const labelStyle: TextStyle = { fontSize };
  const boldStyle: TextStyle = { fontSize, bold: true };
  const axisStyle: TextStyle = { fontSize: axisFontSize };

  const left = 16;
  const right = width - 8;
  const maxLabelWidth = Math.min(options.maxLabelWidth ?? 360, right - left);

  // Domain: whole minutes, at least one, so that ticks land on clock times.
  const times = events.map((e) => e.at.getTime());
  const first = times.length ? Math.min(...times) : 0;
  const last = times.length ? Math.max(...times) : 0;
  const start = utcMinute.floor(new Date(first));
  let end = utcMinute.ceil(new Date(last));
  if (+end <= +start) end = new Date(+start + MINUTE);

  // The incident's window: started to resolved, or the first and last event for a missing milestone.
  const marks = milestones(events);
  const windowStart = utcMinute.floor(marks.started ?? start);
  let windowEnd = utcMinute.ceil(marks.resolved ?? end);
  if (+windowEnd <= +windowStart) windowEnd = new Date(+windowStart + MINUTE);
  const axis = timeAxis(times, { start: +windowStart, end: +windowEnd }, { start: +start, end: +end });
  const shareAt = shareScale(axis);

  // Labels as they would be without a width limit.
  const drafts = events.map((e) => {
    const prefix = e.kind ? `${MILESTONE_LABELS[e.kind]}: ` : '';
    const prefixWidth = prefix ? measure(prefix, boldStyle) : 0;
    const text = e.event.replace(/\s+/g, ' ').trim();
    const natural = TEXT_PAD + prefixWidth + measure(text, labelStyle);
    return { e, prefix, prefixWidth, text, wanted: Math.min(natural, maxLabelWidth), frac: shareAt(e.at.getTime()) };
  });

  // Room on the right: enough for each label to start at its event, within limits.
  const full = right - left;
  const reserve = Math.min(MIN_RESERVE, full * (1 - MIN_PLOT_SHARE));
  let plotWidth = full - reserve;
  for (const d of drafts) if (d.frac > 0) plotWidth = Math.min(plotWidth, (full - d.wanted) / d.frac);
  plotWidth = Math.max(plotWidth, full * MIN_PLOT_SHARE);
  const plotRight = round(left + plotWidth);
  const xOf = (at: Date) => round(left + shareAt(at.getTime()) * plotWidth);
  const segments: AxisSegment[] = axis.map((a) => ({ start: new Date(a.t0), end: new Date(a.t1), x1: round(left + a.u0 * plotWidth), x2: round(left + a.u1 * plotWidth), outside: a.outside }));
  const breaks = segments.slice(1).map((seg, i) => round((segments[i]!.x2 + seg.x1) / 2));

  // Fit each label into the room right of its event.
  const fitted = drafts.map((d) => {
    const x = xOf(d.e.at);
    const room = Math.min(maxLabelWidth, right - x) - TEXT_PAD;
    let prefix = d.prefix;
    // eslint-disable-next-line prefer-const -- `truncated` is reassigned below, and `text` is destructured with it.
    let { text, truncated } = truncateToWidth(d.text, room - d.prefixWidth, labelStyle, measure);
    if (!text && prefix) {
      // Not even an ellipsis fits after the milestone name (a very narrow drawing): cut the whole label as one.
      ({ text: prefix, truncated } = truncateToWidth(`${d.prefix}${d.text}`, room, boldStyle, measure));
    }
    const textWidth = (prefix ? measure(prefix, boldStyle) : 0) + (text ? measure(text, labelStyle) : 0);
    return { e: d.e, fullText: d.text, x, prefix, text, truncated, boxWidth: round(TEXT_PAD + textWidth) };
  });

  const laneOf = assignLanes(fitted.map((f) => ({ x: f.x, width: f.boxWidth })));
  const lanes = laneOf.length ? Math.max(...laneOf) + 1 : 0;

  // Vertical rhythm.
  const laneHeight = Math.round(fontSize * 1.5);
  const boxHeight = laneHeight - 2;
  const markClear = 10; // between the lowest label and the axis: room for the marks
  const padTop = 4;
  const axisY = padTop + lanes * laneHeight + markClear;
  const tickSize = 5;
  const tickLabelY = axisY + tickSize + axisFontSize + 1;
  const bandTop = tickLabelY + 10;
  const bandHeight = 16;
  const bandStep = bandHeight + 4;

  const eventMarks: EventMark[] = fitted.map((f, index) => {
    const lane = laneOf[index]!;
    const top = axisY - markClear - (lane + 1) * laneHeight;
    const midY = top + boxHeight / 2;
    const size = f.e.kind ? 6.5 : 4.5;
    const stamp = formatUtc(f.e.at);
    return {
      index,
      at: f.e.at,
      kind: f.e.kind,
      x: f.x,
      y: axisY,
      shape: f.e.kind ? 'diamond' : 'circle',
      size,
      label: {
        lane,
        box: { x: f.x, y: top, width: f.boxWidth, height: boxHeight },
        x: round(f.x + TEXT_PAD),
        y: round(midY + fontSize * 0.35),
        prefix: f.prefix,
        text: f.text,
        truncated: f.truncated,
      },
      leader: { x: f.x, y1: axisY - size, y2: midY, x2: round(f.x + TEXT_PAD - 2) },
      title: `${stamp} · ${f.e.kind ? `${MILESTONE_LABELS[f.e.kind]}: ` : ''}${f.fullText}`,
    };
  });

  // Axis ticks: the incident's segment gets clock ticks chosen as before; a far segment names its
  // first (and, when there is room, its last) event's day, or its time on the incident's own day. The "UTC" caption owns the right end of the tick-label row.
  const caption = 'UTC';
  const captionWidth = measure(caption, axisStyle);
  const minXOf = (i: number) => (i === 0 ? 0 : breaks[i - 1]! + 4);
  const maxXOf = (i: number) => (i === segments.length - 1 ? right - captionWidth - 10 : breaks[i]! - 4);
  const core = segments.findIndex((seg) => !seg.outside);
  const coreTicks = chooseTicks({ start: segments[core]!.start, end: segments[core]!.end, x: xOf, minX: minXOf(core), maxX: maxXOf(core), fontSize: axisFontSize, measure });
  // A far event on the incident's own day is named by its clock time, one on another day by the day.
  const coreDays = new Set([formatDay(segments[core]!.start), formatDay(segments[core]!.end)]);
  const dayTick = (at: Date, i: number): AxisTick => {
    const label = coreDays.has(formatDay(at)) ? formatClock(at) : formatDay(at);
    const labelWidth = measure(label, axisStyle);
    const x = xOf(at);
    return { at, x, label, labelX: round(Math.min(Math.max(x, minXOf(i) + labelWidth / 2), maxXOf(i) - labelWidth / 2)), labelWidth, major: false };
  };
  const farTicks = (i: number): AxisTick[] => {
    const seg = segments[i]!;
    const inside = events.filter((e) => +e.at >= +seg.start && +e.at <= +seg.end).map((e) => e.at);
    const firstAt = new Date(Math.min(...inside.map(Number))), lastAt = new Date(Math.max(...inside.map(Number)));
    const opening = dayTick(firstAt, i);
    // A segment too narrow for its day (a very small drawing) goes without: the table has the date.
    if (opening.labelWidth > maxXOf(i) - minXOf(i)) return [];
    const closing = dayTick(lastAt, i);
    const room = closing.labelX - closing.labelWidth / 2 > opening.labelX + opening.labelWidth / 2 + 6;
    return closing.label !== opening.label && room ? [opening, closing] : [opening];
  };
  const tickSet = {
    interval: coreTicks.interval,
    ticks: segments.flatMap((seg, i) => (seg.outside ? farTicks(i) : coreTicks.ticks)),
  };

  // Phase bands, one row each, in the order TTD, TTM, TTR.
  const phases: PhaseBand[] = phasesOf(events).map((phase, row) => {
    const x0 = xOf(phase.start), x1 = xOf(phase.end);
    const widened = Math.abs(x1 - x0) < minPhaseWidth;
    const rect: Rect = { x: Math.min(x0, x1), y: bandTop + row * bandStep, width: round(Math.max(Math.abs(x1 - x0), minPhaseWidth)), height: bandHeight };
    const duration = formatDuration(phase.durationMs);
    const text = `${phase.abbr} ${duration}`;
    const tw = measure(text, axisStyle);
    const y = round(rect.y + bandHeight / 2 + axisFontSize * 0.35);
    let label: PhaseBand['label'];
    if (rect.width >= tw + 8) label = { text, x: round(rect.x + 4), y, anchor: 'start', inside: true };
    else if (rect.x + rect.width + 4 + tw <= right || rect.x - 4 - tw < 0) label = { text, x: round(rect.x + rect.width + 4), y, anchor: 'start', inside: false };
    else label = { text, x: round(rect.x - 4), y, anchor: 'end', inside: false };
    return { ...phase, rect, widened, label, title: `${phase.name}: ${duration} (${phase.from} → ${phase.to})` };
  });

  const bandsBottom = bandTop + phases.length * bandStep - 4;
  const height = Math.ceil((phases.length ? bandsBottom : tickLabelY + 4) + 6);

  return {
    width,
    height,
    fontSize,
    axisFontSize,
    domain: { start, end },
    plot: { left, right: plotRight },
    window: { start: windowStart, end: windowEnd, x1: xOf(windowStart), x2: xOf(windowEnd) },
    segments,
    breaks,
    axis: { y: axisY, tickSize, labelY: tickLabelY, caption: { text: caption, x: right, y: tickLabelY } },
    tickInterval: tickSet.interval,
    ticks: tickSet.ticks,
    grid: phases.length ? { y1: bandTop - 3, y2: bandsBottom + 1 } : undefined,
    phases,
    events: eventMarks,
    lanes,
  };
}
