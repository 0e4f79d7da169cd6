import type { Milestone } from '../../schema';
import type { TimelineInput } from './types';

/** The instant of each milestone the timeline marks (kind → Date); absent kinds are absent keys. */
export type MilestoneTimes = Partial<Record<Milestone, Date>>;

/**
 * The milestones of a timeline. The schema allows each kind at most once;
 * should a kind appear twice anyway (an unvalidated input), the first wins.
 */
export function milestones(timeline: TimelineInput): MilestoneTimes {
  const times: MilestoneTimes = {};
  for (const event of timeline) {
    if (event.kind !== undefined && times[event.kind] === undefined) times[event.kind] = event.at;
  }
  return times;
}

/** later − earlier in milliseconds, or undefined when either milestone is missing. */
export function between(times: MilestoneTimes, earlier: Milestone, later: Milestone): number | undefined {
  const a = times[earlier], b = times[later];
  return a === undefined || b === undefined ? undefined : b.getTime() - a.getTime();
}

/** Time to detect: detected − started, in ms. */
export function timeToDetect(timeline: TimelineInput): number | undefined {
  return between(milestones(timeline), 'started', 'detected');
}

/** Time to acknowledge: acknowledged − detected, in ms. */
export function timeToAcknowledge(timeline: TimelineInput): number | undefined {
  return between(milestones(timeline), 'detected', 'acknowledged');
}

/** Time to mitigate: mitigated − started, in ms. */
export function timeToMitigate(timeline: TimelineInput): number | undefined {
  return between(milestones(timeline), 'started', 'mitigated');
}

/** Time to resolve: resolved − started, in ms (the incident's duration). */
export function timeToResolve(timeline: TimelineInput): number | undefined {
  return between(milestones(timeline), 'started', 'resolved');
}

/**
 * Time to diagnose (content model v1.1): diagnosed − acknowledged, or diagnosed − detected when
 * nothing was acknowledged, in ms. Undefined when a milestone is missing, and when the diagnosis
 * came before the acknowledgement (the schema allows it): the two phases then overlap, and a
 * negative duration would be a number nobody can read.
 */
export function timeToDiagnoseFrom(times: MilestoneTimes): number | undefined {
  const from = times.acknowledged ? 'acknowledged' : 'detected';
  const ms = between(times, from, 'diagnosed');
  return ms !== undefined && ms >= 0 ? ms : undefined;
}

/**
 * Time to fix (content model v1.1): resolved − diagnosed, in ms. Undefined when a milestone is
 * missing, or when TTDiag is undefined because the diagnosis preceded the acknowledgement: the
 * four parts then would not add up to TTR.
 */
export function timeToFixFrom(times: MilestoneTimes): number | undefined {
  if (times.acknowledged && times.diagnosed && times.diagnosed.getTime() < times.acknowledged.getTime()) return undefined;
  return between(times, 'diagnosed', 'resolved');
}

/** The parts of TTR in the order an incident passes them: TTD | TTA | TTDiag | TTF. */
export type DecompositionPart = 'ttd' | 'tta' | 'ttdiag' | 'ttf';

/**
 * MTTR = TTD + TTA + TTDiag + TTF for one incident. When every part is known they add up to TTR
 * exactly (each part ends where the next begins). A missing milestone leaves its parts undefined,
 * never zero; an incident without an acknowledgement has no TTA and measures TTDiag from detection,
 * so its known parts still add up to TTR.
 */
export interface MttrDecomposition {
  ttd: number | undefined;
  tta: number | undefined;
  ttdiag: number | undefined;
  ttf: number | undefined;
  ttr: number | undefined;
  /** True when the known parts add up to TTR (TTA may be absent when nothing was acknowledged). */
  complete: boolean;
}

export function mttrDecomposition(source: TimelineSource): MttrDecomposition {
  const times = milestones(timelineOf(source));
  const ttd = between(times, 'started', 'detected');
  const tta = between(times, 'detected', 'acknowledged');
  const ttdiag = timeToDiagnoseFrom(times);
  const ttf = timeToFixFrom(times);
  const ttr = between(times, 'started', 'resolved');
  const complete = ttd !== undefined && ttdiag !== undefined && ttf !== undefined && ttr !== undefined && (tta !== undefined || times.acknowledged === undefined);
  return { ttd, tta, ttdiag, ttf, ttr, complete };
}

/**
 * When the incident started: the `started` milestone, or, for a timeline
 * that does not mark one (a draft), its earliest event. A published
 * postmortem always has `started`, so the fallback never changes published
 * figures; it only keeps drafts in preview builds placeable in a quarter.
 */
export function incidentStart(timeline: TimelineInput): Date | undefined {
  const started = milestones(timeline).started;
  if (started) return started;
  let earliest: Date | undefined;
  for (const event of timeline) if (!earliest || event.at.getTime() < earliest.getTime()) earliest = event.at;
  return earliest;
}

/** The durations of one incident (ms; undefined when a milestone is missing) and when it started. */
export interface IncidentMetrics {
  startedAt: Date | undefined;
  ttd: number | undefined;
  tta: number | undefined;
  /** Time to diagnose (see timeToDiagnoseFrom). */
  ttdiag: number | undefined;
  ttm: number | undefined;
  /** Time to fix (see timeToFixFrom). */
  ttf: number | undefined;
  ttr: number | undefined;
}

export type DurationMetric = 'ttd' | 'tta' | 'ttdiag' | 'ttm' | 'ttf' | 'ttr';
export const DURATION_METRICS: readonly DurationMetric[] = ['ttd', 'tta', 'ttdiag', 'ttm', 'ttf', 'ttr'];

/** Names for tables and charts. */
export const DURATION_LABELS: Readonly<Record<DurationMetric, { abbr: string; name: string }>> = {
  ttd: { abbr: 'TTD', name: 'Time to detect' },
  tta: { abbr: 'TTA', name: 'Time to acknowledge' },
  ttdiag: { abbr: 'TTDiag', name: 'Time to diagnose' },
  ttm: { abbr: 'TTM', name: 'Time to mitigate' },
  ttf: { abbr: 'TTF', name: 'Time to fix' },
  ttr: { abbr: 'TTR', name: 'Time to resolve' },
};

/** Where a timeline can be found: the timeline itself, frontmatter, or an entry with `data`. */
export type TimelineSource = TimelineInput | { timeline: TimelineInput } | { data: { timeline: TimelineInput } };

function timelineOf(source: TimelineSource): TimelineInput {
  if (Array.isArray(source)) return source as TimelineInput;
  if ('timeline' in source) return source.timeline;
  if ('data' in source) return source.data.timeline;
  return [];
}

/** TTD, TTA, TTDiag, TTM, TTF and TTR of one incident, plus its start (see incidentStart). */
export function incidentMetrics(source: TimelineSource): IncidentMetrics {
  const timeline = timelineOf(source);
  const times = milestones(timeline);
  return {
    startedAt: incidentStart(timeline),
    ttd: between(times, 'started', 'detected'),
    tta: between(times, 'detected', 'acknowledged'),
    ttdiag: timeToDiagnoseFrom(times),
    ttm: between(times, 'started', 'mitigated'),
    ttf: timeToFixFrom(times),
    ttr: between(times, 'started', 'resolved'),
  };
}
