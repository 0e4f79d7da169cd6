/*
 * The stacked bar of MTTR = TTD + TTA + TTDiag + TTF for one incident: which share of the
 * incident went to noticing, to answering the page, to finding the cause and to fixing it.
 * Parts come from the metrics library (one definition); this file only turns them into shares
 * of the bar and words for what is missing.
 */
import { DURATION_LABELS, milestones, timeToDiagnoseFrom, timeToFixFrom, type DecompositionPart, type TimelineInput } from '../metrics';
import type { Milestone } from '../../schema/timeline-event';
import { formatDuration } from '../time/duration';
import { estimateTextWidth } from '../timeline/text';

/** The bar's width at its widest (48rem) and on a 320 px phone, and its label font (0.78rem), in px. */
export const BAR_WIDE_PX = 768;
export const BAR_NARROW_PX = 288;
const LABEL_PX = 12.5;
/** Padding either side of a label, in px. */
const PAD_PX = 4.5;
const labelPx = (text: string) => estimateTextWidth(text, { fontSize: LABEL_PX }) + 2 * PAD_PX;

function fit(segmentPx: number, full: string, abbr: string): LabelFit {
  return labelPx(full) <= segmentPx ? 'full' : labelPx(abbr) <= segmentPx ? 'abbr' : 'none';
}

interface DecompositionSegment {
  /** The part, or the parts this segment could not split ("ttdiag+ttf" when no diagnosis is marked). */
  parts: DecompositionPart[];
  /** "TTD", or "TTDiag + TTF" for an unsplit segment. */
  abbr: string;
  ms: number;
  /** Share of the bar in percent, at least MIN_SHARE so that a one-minute part stays visible. */
  share: number;
  /** The segment spans parts that the timeline does not tell apart. */
  unsplit: boolean;
  /**
   * Which label fits the segment: "TTF 42 min" (`full`), "TTF" (`abbr`) or none, rather than a
   * clipped word, on a wide screen (the bar at its widest) and on a phone (the bar at its narrowest).
   */
  label: { wide: LabelFit; narrow: LabelFit };
}

type LabelFit = 'full' | 'abbr' | 'none';

interface DecompositionRow {
  part: DecompositionPart;
  abbr: string;
  name: string;
  ms: number | undefined;
  /** Why the part is missing, in words. */
  missing: string | undefined;
}

export interface DecompositionBar {
  /** TTR, the whole bar; undefined (and no segments) without started and resolved. */
  ttr: number | undefined;
  segments: DecompositionSegment[];
  rows: DecompositionRow[];
}

const MIN_SHARE = 1.5;

/** The milestone each part ends on, and the one it starts from. */
const CHAIN: ReadonlyArray<{ part: DecompositionPart; from: Milestone; to: Milestone }> = [
  { part: 'ttd', from: 'started', to: 'detected' },
  { part: 'tta', from: 'detected', to: 'acknowledged' },
  { part: 'ttdiag', from: 'acknowledged', to: 'diagnosed' },
  { part: 'ttf', from: 'diagnosed', to: 'resolved' },
];

export function decompositionBar(timeline: TimelineInput): DecompositionBar {
  const times = milestones(timeline);
  const diagnosisFirst = times.acknowledged !== undefined && times.diagnosed !== undefined && times.diagnosed.getTime() < times.acknowledged.getTime();
  const values: Record<DecompositionPart, number | undefined> = {
    ttd: times.started && times.detected ? times.detected.getTime() - times.started.getTime() : undefined,
    tta: times.detected && times.acknowledged ? times.acknowledged.getTime() - times.detected.getTime() : undefined,
    ttdiag: timeToDiagnoseFrom(times),
    ttf: timeToFixFrom(times),
  };
  const why = (part: DecompositionPart): string | undefined => {
    if (values[part] !== undefined) return undefined;
    if (part === 'tta' && !times.acknowledged) return 'no acknowledged milestone: diagnosis is measured from detection';
    if ((part === 'ttdiag' || part === 'ttf') && diagnosisFirst) return 'diagnosed before acknowledged: the phases overlap';
    const absent = CHAIN.find((c) => c.part === part)!;
    const lacking = [absent.from, absent.to].filter((m) => !times[m] && !(part === 'ttdiag' && m === 'acknowledged' && times.detected));
    return lacking.length ? `no ${lacking.join(' or ')} milestone` : 'not recorded';
  };
  const rows: DecompositionRow[] = CHAIN.map(({ part }) => ({ part, ...DURATION_LABELS[part], ms: values[part], missing: why(part) }));
  const ttr = times.started && times.resolved ? times.resolved.getTime() - times.started.getTime() : undefined;
  if (ttr === undefined || ttr <= 0) return { ttr, segments: [], rows };

  // Walk started → detected → (acknowledged) → (diagnosed) → resolved over the milestones that
  // exist; a part between two milestones that are not both there joins the next segment unsplit.
  // Without an acknowledgement TTA does not exist (diagnosis counts from detection), so it joins nothing.
  const stops: Array<{ at: number; parts: DecompositionPart[] }> = [];
  let pending: DecompositionPart[] = [];
  for (const { part, to } of CHAIN) {
    if (!(part === 'tta' && !times.acknowledged)) pending.push(part);
    const instant = to === 'diagnosed' && diagnosisFirst ? undefined : times[to];
    if (instant) {
      stops.push({ at: instant.getTime(), parts: pending });
      pending = [];
    }
  }
  const start = times.started!.getTime();
  const raw = stops.map((stop, i) => {
    const from = i === 0 ? start : stops[i - 1]!.at;
    return { parts: stop.parts, ms: stop.at - from };
  });
  // Shares with a floor: widen the tiny segments, shrink the others in proportion.
  const tiny = raw.filter((s) => (s.ms / ttr) * 100 < MIN_SHARE);
  const restMs = raw.reduce((sum, s) => sum + (tiny.includes(s) ? 0 : s.ms), 0);
  const restShare = 100 - tiny.length * MIN_SHARE;
  const segments = raw.map((s): DecompositionSegment => {
    const abbr = s.parts.map((p) => DURATION_LABELS[p].abbr).join(' + ');
    const share = Math.round((tiny.includes(s) ? MIN_SHARE : restMs > 0 ? (s.ms / restMs) * restShare : restShare / (raw.length - tiny.length)) * 100) / 100;
    const full = `${abbr} ${formatDuration(s.ms)}`;
    return {
      parts: s.parts,
      abbr,
      ms: s.ms,
      share,
      unsplit: s.parts.length > 1,
      label: { wide: fit((share / 100) * BAR_WIDE_PX, full, abbr), narrow: fit((share / 100) * BAR_NARROW_PX, full, abbr) },
    };
  });
  return { ttr, segments, rows };
}
