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

/** The four durations of one incident (ms; undefined when a milestone is missing) and when it started. */
export interface IncidentMetrics {
  startedAt: Date | undefined;
  ttd: number | undefined;
  tta: number | undefined;
  ttm: number | undefined;
  ttr: number | undefined;
}

export type DurationMetric = 'ttd' | 'tta' | 'ttm' | 'ttr';
export const DURATION_METRICS: readonly DurationMetric[] = ['ttd', 'tta', 'ttm', 'ttr'];

/** Where a timeline can be found: the timeline itself, frontmatter, or an entry with `data`. */
export type TimelineSource = TimelineInput | { timeline: TimelineInput } | { data: { timeline: TimelineInput } };

function timelineOf(source: TimelineSource): TimelineInput {
  if (Array.isArray(source)) return source as TimelineInput;
  if ('timeline' in source) return source.timeline;
  if ('data' in source) return source.data.timeline;
  return [];
}

/** TTD, TTA, TTM and TTR of one incident, plus its start (see incidentStart). */
export function incidentMetrics(source: TimelineSource): IncidentMetrics {
  const timeline = timelineOf(source);
  const times = milestones(timeline);
  return {
    startedAt: incidentStart(timeline),
    ttd: between(times, 'started', 'detected'),
    tta: between(times, 'detected', 'acknowledged'),
    ttm: between(times, 'started', 'mitigated'),
    ttr: between(times, 'started', 'resolved'),
  };
}
