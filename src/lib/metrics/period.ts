import { countBy, type FacetCount } from './counts';
import { DURATION_METRICS, incidentMetrics, type DurationMetric } from './milestones';
import { isInQuarter, parseQuarterKey, type Quarter } from './quarters';
import { summarize, type Summary } from './summary';
import type { IncidentInput } from './types';

/** One incident's value of one duration, for charts that show every incident as a point. */
interface DurationPoint {
  id: string;
  ms: number;
}

export interface PeriodMetrics {
  quarter: Quarter;
  /** Ids of the incidents that started in the quarter, in order of start. */
  incidentIds: string[];
  /** Per duration: the summary over the incidents that have both of its milestones. */
  ttd: Summary;
  tta: Summary;
  /** Time to diagnose and time to fix (content model v1.1). */
  ttdiag: Summary;
  ttm: Summary;
  ttf: Summary;
  ttr: Summary;
  /** The values behind each summary, in order of start. */
  points: Record<DurationMetric, DurationPoint[]>;
  bySeverity: FacetCount[];
  byCategory: FacetCount[];
  byService: FacetCount[];
  /** Incidents without teams are not counted here. */
  byTeam: FacetCount[];
}

export interface PeriodOptions {
  /** Maps a category id or alias to its canonical id (e.g. categoryResolver from the schema); unknown ids stay as they are. */
  resolveCategory?: ((id: string) => string | undefined) | undefined;
}

/**
 * The figures of one quarter over the incidents the caller passes (the
 * caller decides which statuses count). An incident belongs to the quarter
 * in which it started, in UTC, even when it ended in the next one.
 */
export function periodMetrics(incidents: readonly IncidentInput[], quarterKey: string | Quarter, options: PeriodOptions = {}): PeriodMetrics {
  const quarter = typeof quarterKey === 'string' ? parseQuarterKey(quarterKey) : quarterKey;
  const canonical = (id: string) => options.resolveCategory?.(id) ?? id;

  const inQuarter = incidents
    .map((incident) => ({ incident, metrics: incidentMetrics(incident.data.timeline) }))
    .filter((x): x is typeof x & { metrics: { startedAt: Date } } => x.metrics.startedAt !== undefined && isInQuarter(x.metrics.startedAt, quarter))
    .sort((a, b) => a.metrics.startedAt.getTime() - b.metrics.startedAt.getTime() || compareIds(a.incident.id, b.incident.id));

  const points = {} as Record<DurationMetric, DurationPoint[]>;
  for (const metric of DURATION_METRICS) {
    points[metric] = [];
    for (const { incident, metrics } of inQuarter) {
      const ms = metrics[metric];
      if (ms !== undefined) points[metric].push({ id: incident.id, ms });
    }
  }
  const summaryOf = (metric: DurationMetric) => summarize(points[metric].map((p) => p.ms));
  const list = inQuarter.map((x) => x.incident);

  return {
    quarter,
    incidentIds: list.map((i) => i.id),
    ttd: summaryOf('ttd'),
    tta: summaryOf('tta'),
    ttdiag: summaryOf('ttdiag'),
    ttm: summaryOf('ttm'),
    ttf: summaryOf('ttf'),
    ttr: summaryOf('ttr'),
    points,
    bySeverity: countBy(list, (i) => (i.data.severity === undefined ? [] : [i.data.severity])),
    byCategory: countBy(list, (i) => (i.data.root_cause === undefined ? [] : [canonical(i.data.root_cause.category)])),
    byService: countBy(list, (i) => i.data.services ?? []),
    byTeam: countBy(list, (i) => i.data.teams ?? []),
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
