/*
 * The phases a timeline shows as bands and the words for milestones. The
 * durations come from the metrics library, so the band on a page and the
 * figure in the index are the same number by construction.
 */
import { between, incidentStart, milestones, type MilestoneTimes } from '../metrics/milestones';
import type { Milestone, TimelineEvent } from '../../schema/timeline-event';
import { count } from '../text/plural';
import { formatDuration } from '../time/duration';

/** Display names of the milestones. */
export const MILESTONE_LABELS: Readonly<Record<Milestone, string>> = {
  started: 'Started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  diagnosed: 'Diagnosed',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

type PhaseKey = 'ttd' | 'ttm' | 'ttr';

interface PhaseDefinition {
  key: PhaseKey;
  /** "TTD" */
  abbr: string;
  /** "Time to detect" */
  name: string;
  from: Milestone;
  to: Milestone;
}

/** Phases drawn as bands, each measured from the start (content-model.md, "Derived metrics"). */
const PHASES: readonly PhaseDefinition[] = [
  { key: 'ttd', abbr: 'TTD', name: 'Time to detect', from: 'started', to: 'detected' },
  { key: 'ttm', abbr: 'TTM', name: 'Time to mitigate', from: 'started', to: 'mitigated' },
  { key: 'ttr', abbr: 'TTR', name: 'Time to resolve', from: 'started', to: 'resolved' },
];

export interface Phase extends PhaseDefinition {
  start: Date;
  end: Date;
  /** end − start, ms. */
  durationMs: number;
}

/** The phases that can be computed: a phase whose milestones are not both marked is left out. */
export function phasesOf(events: readonly Pick<TimelineEvent, 'at' | 'kind'>[], times: MilestoneTimes = milestones(events)): Phase[] {
  const out: Phase[] = [];
  for (const def of PHASES) {
    const start = times[def.from], end = times[def.to];
    const durationMs = between(times, def.from, def.to);
    if (start && end && durationMs !== undefined) out.push({ ...def, start, end, durationMs });
  }
  return out;
}

/**
 * One sentence for screen readers and the SVG's <desc>:
 * "6 events over 2 h 00 min; detected after 5 min, mitigated after 1 h 35 min, resolved after 2 h 00 min."
 */
export function describeTimeline(events: readonly Pick<TimelineEvent, 'at' | 'kind'>[]): string {
  if (events.length === 0) return 'No events.';
  const times = events.map((e) => e.at.getTime());
  const first = Math.min(...times), last = Math.max(...times);
  const head = events.length === 1 ? '1 event' : `${count(events.length, 'event')} over ${formatDuration(last - first)}`;
  const marks = milestones(events);
  if (!marks.started) return `${head}; the start of the incident is not marked, so no phases are shown.`;
  const clauses = phasesOf(events, marks).map((p) => `${p.to} after ${formatDuration(p.durationMs)}`);
  if (!marks.resolved) clauses.push('not marked resolved');
  return `${head}; ${clauses.join(', ')}.`;
}

/** The reference point for "time since start": the started milestone, or the first event (see incidentStart). */
export function timelineOrigin(events: readonly Pick<TimelineEvent, 'at' | 'kind'>[]): Date | undefined {
  return incidentStart(events);
}
