/*
 * The timeline as table rows: the accessible, complete twin of the SVG
 * (full event texts, exact times, evidence links).
 */
import type { Milestone, TimelineEvent } from '../../schema/timeline-event';
import { formatElapsed, formatUtc } from '../time/duration';
import { MILESTONE_LABELS, timelineOrigin } from './phases';

export interface TimelineRow {
  index: number;
  at: Date;
  /** "2026-03-02 14:05" (UTC; seconds on every row when any event has them). */
  time: string;
  /** ISO 8601, for <time datetime>. */
  iso: string;
  /** Since the start of the incident: "+0 min", "+1 h 35 min", "−25 min". */
  elapsed: string;
  kind: Milestone | undefined;
  /** "Detected", or "" for a plain event. */
  milestone: string;
  event: string;
  source: string | undefined;
  /** Short link text for the evidence: the host name ("grafana.example"). */
  sourceLabel: string | undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

export function timelineRows(events: readonly TimelineEvent[]): TimelineRow[] {
  const origin = timelineOrigin(events);
  const seconds = events.some((e) => e.at.getUTCSeconds() !== 0) ? 'always' : 'never';
  return events.map((e, index) => ({
    index,
    at: e.at,
    time: formatUtc(e.at, { seconds, zone: false }),
    iso: e.at.toISOString(),
    elapsed: origin ? formatElapsed(e.at.getTime() - origin.getTime()) : '',
    kind: e.kind,
    milestone: e.kind ? MILESTONE_LABELS[e.kind] : '',
    event: e.event,
    source: e.source,
    sourceLabel: e.source === undefined ? undefined : hostOf(e.source),
  }));
}
