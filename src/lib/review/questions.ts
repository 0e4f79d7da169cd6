import type { PeriodMetrics } from '../metrics';
import type { RepeatPattern } from '../patterns';
import { count } from '../text/plural';
import { formatDuration } from '../time/duration';

export interface ReviewIncident {
  id: string;
  services: readonly string[];
  category: string;
  detection: string;
  severityRank: number;
}

export interface ReviewInput {
  current: PeriodMetrics;
  previous: PeriodMetrics | undefined;
  incidents: readonly ReviewIncident[];
  /** Patterns with at least one incident in the quarter. */
  patterns: readonly RepeatPattern[];
  /** Action items overdue at the quarter's end, or, while the quarter runs, as of the build date. */
  overdue: { count: number; asOf: string; ongoing: boolean };
  categoryName: (id: string) => string;
}

/**
 * Questions for the quarterly review meeting, drawn from the data: where
 * incidents cluster, what came back, what customers told us first, and which
 * numbers moved. Ordered by how much they ask of the room.
 */
export function reviewQuestions(input: ReviewInput): string[] {
  const out: string[] = [];
  const clusters = new Map<string, string[]>();
  for (const i of input.incidents) for (const s of i.services) {
    const key = `${s}\u0000${i.category}`;
    clusters.set(key, [...(clusters.get(key) ?? []), i.id]);
  }
  for (const [key, ids] of [...clusters].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    if (ids.length < 2) continue;
    const [service, category] = key.split('\u0000') as [string, string];
    out.push(`${ids.length} incidents in ${service} shared the root cause "${input.categoryName(category)}": is one mechanism missing for all of them?`);
  }
  for (const p of input.patterns) {
    if (!p.missedMechanisms.length) continue;
    const owners = [...new Set(p.missedMechanisms.map((m) => m.owner))].join(', ');
    out.push(`${count(p.missedMechanisms.length, 'action item')} from earlier incidents had not landed when ${p.incidentIds.at(-1)} recurred (owners: ${owners}): what stopped them?`);
  }
  const byCustomers = input.incidents.filter((i) => i.detection === 'customer-report');
  if (byCustomers.length) {
    out.push(`${byCustomers.length} of ${input.incidents.length} incidents were first reported by customers: which alarm would have caught ${byCustomers.length === 1 ? 'it' : 'them'}?`);
  }
  const move = (label: string, cur: number | undefined, prev: number | undefined) => {
    if (cur === undefined || prev === undefined || prev === 0) return;
    if (cur >= prev * 1.5 && cur - prev >= 5 * 60_000) out.push(`Median ${label} rose from ${formatDuration(prev)} to ${formatDuration(cur)}: what changed?`);
  };
  if (input.previous) {
    move('time to detect', input.current.ttd.median, input.previous.ttd.median);
    move('time to resolve', input.current.ttr.median, input.previous.ttr.median);
  }
  const { count: overdue, asOf, ongoing } = input.overdue;
  if (overdue > 0) {
    const when = ongoing ? `${overdue === 1 ? 'is' : 'are'} overdue as of ${asOf}` : `${overdue === 1 ? 'was' : 'were'} overdue at the quarter's end`;
    out.push(`${count(overdue, 'action item')} ${when}: which should be escalated, re-planned or declined with a reason?`);
  }
  const sev1 = input.incidents.filter((i) => i.severityRank === 1).length;
  if (sev1) out.push(`${count(sev1, 'incident')} reached the highest severity: does any warrant an architecture or SLO review?`);
  if (!out.length && input.incidents.length) out.push('No cluster or repeat stands out this quarter: which near-misses should we look at before they become incidents?');
  return out;
}
