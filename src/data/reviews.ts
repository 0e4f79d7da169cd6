import {
  actionItemsAtQuarterEnd,
  causeCounts,
  controlMix,
  countBy,
  followUpStatus,
  impactTotals,
  periodMetrics,
  previousQuarter,
  quarterLabel,
  quarterOf,
  type CauseCount,
  type ControlMix,
  type FacetCount,
  type FollowUpStatus,
  type ImpactTotals,
  type PeriodMetrics,
  type QuarterActionItems,
} from '../lib/metrics';
import type { RepeatPattern } from '../lib/patterns';
import { reviewQuestions } from '../lib/review/questions';
import type { Postmortem, Site } from './index';

export interface QuarterReview {
  key: string;
  /** "2026 Q3"; `heading` adds "so far, as of <date>" while the quarter runs. */
  label: string;
  heading: string;
  metrics: PeriodMetrics;
  previous: PeriodMetrics | undefined;
  /** In order of start. */
  incidents: Postmortem[];
  /** Action items as of the quarter's end, or as of the build date while it runs (`actions.ongoing`). */
  actions: QuarterActionItems<Postmortem['data']['action_items'][number]>;
  patterns: RepeatPattern[];
  questions: string[];
  /** The quarter has not ended on the build date: its figures will still change. */
  ongoing: boolean;
  /** Root cause and contributing factors counted apart, over the quarter's incidents. */
  causes: CauseCount[];
  /** How incidents were first noticed (the `detection` field), with how many customers reported first. */
  detection: FacetCount[];
  customerReported: number;
  types: FacetCount[];
  impact: ImpactTotals;
  /** The prevention hierarchy over the items opened in the quarter. */
  controls: ControlMix;
  /** Incidents of the quarter with a follow-up review planned or held, as of the build date. */
  followUps: Array<{ postmortem: Postmortem; status: FollowUpStatus }>;
}

const computed = new WeakMap<Site, QuarterReview[]>();

/** The review of every quarter that has published incidents, newest first (computed once per build). */
export function quarterReviews(site: Site): QuarterReview[] {
  let reviews = computed.get(site);
  if (!reviews) computed.set(site, (reviews = computeReviews(site)));
  return reviews;
}

function computeReviews(site: Site): QuarterReview[] {
  const published = site.postmortems.filter((p) => p.data.status === 'published');
  // Each quarter's figures from its own incidents: periodMetrics over every incident, twice a quarter, was O(quarters × postmortems).
  const byQuarter = new Map<string, Postmortem[]>();
  for (const pm of published) {
    const key = quarterOf(pm.metrics.startedAt).key;
    const list = byQuarter.get(key);
    if (list) list.push(pm);
    else byQuarter.set(key, [pm]);
  }
  const keys = [...byQuarter.keys()].sort().reverse();
  const metricsOf = new Map(keys.map((key) => [key, periodMetrics(byQuarter.get(key)!, key)]));
  const categoryName = (id: string) => site.categoryById.get(id)?.name ?? id;
  const withActions = published.map((p) => ({ id: p.id, data: p.data }));
  return keys.map((key) => {
    const metrics = metricsOf.get(key)!;
    const previous = metricsOf.get(previousQuarter(key).key);
    const incidents = metrics.incidentIds.map((id) => site.byId.get(id)!);
    const actions = actionItemsAtQuarterEnd(withActions, key, site.today);
    const ids = new Set(metrics.incidentIds);
    const patterns = site.patterns.filter((p) => p.incidentIds.some((id) => ids.has(id)));
    const detection = countBy(incidents, (p) => [p.data.detection]);
    const customerReported = detection.find((d) => d.id === 'customer-report')?.count ?? 0;
    return {
      key,
      label: metrics.quarter.label,
      heading: quarterLabel(metrics.quarter, site.today),
      metrics,
      previous,
      incidents,
      actions,
      patterns,
      ongoing: actions.ongoing,
      causes: causeCounts(incidents),
      detection,
      customerReported,
      types: countBy(incidents, (p) => [p.data.incident_type]),
      impact: impactTotals(incidents.map((p) => p.data.impact)),
      controls: controlMix(actions.opened.map((r) => r.item)),
      followUps: incidents
        .map((postmortem) => ({ postmortem, status: followUpStatus(postmortem.data, site.today) }))
        .filter((f) => f.status.state !== 'none'),
      questions: reviewQuestions({
        current: metrics,
        previous,
        incidents: incidents.map((p) => ({ id: p.id, services: p.data.services, category: p.category.id, detection: p.data.detection, severityRank: p.severity.rank })),
        patterns,
        overdue: { count: actions.overdue.length, asOf: actions.asOf, ongoing: actions.ongoing },
        categoryName,
      }),
    };
  });
}
