import { actionItemsAtQuarterEnd, periodMetrics, previousQuarter, quarterOf, type PeriodMetrics, type QuarterActionItems } from '../lib/metrics';
import type { RepeatPattern } from '../lib/patterns';
import { reviewQuestions } from '../lib/review/questions';
import type { Postmortem, Site } from './index';

export interface QuarterReview {
  key: string;
  label: string;
  metrics: PeriodMetrics;
  previous: PeriodMetrics | undefined;
  incidents: Postmortem[];
  actions: QuarterActionItems<Postmortem['data']['action_items'][number]>;
  /** Of the items opened in the quarter: done by its end / (opened − declined). */
  completionRate: number | undefined;
  patterns: RepeatPattern[];
  longest: Postmortem[];
  questions: string[];
  /** The quarter has not ended yet on the build date: its figures will still change. */
  inProgress: boolean;
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
  const categoryName = (id: string) => site.categories.find((c) => c.id === id)?.name ?? id;
  return keys.map((key) => {
    const metrics = metricsOf.get(key)!;
    const previous = metricsOf.get(previousQuarter(key).key);
    const incidents = metrics.incidentIds.map((id) => site.byId.get(id)!);
    const actions = actionItemsAtQuarterEnd(published.map((p) => ({ id: p.id, data: p.data })), key);
    const declined = actions.opened.filter((r) => r.item.status === 'wont-do').length;
    const doneByEnd = actions.opened.filter((r) => r.item.status === 'done' && r.item.completed !== undefined && r.item.completed < actions.asOf).length;
    const denominator = actions.opened.length - declined;
    const ids = new Set(metrics.incidentIds);
    const patterns = site.patterns.filter((p) => p.incidentIds.some((id) => ids.has(id)));
    const longest = [...incidents].filter((p) => p.metrics.ttr !== undefined).sort((a, b) => b.metrics.ttr! - a.metrics.ttr!).slice(0, 3);
    return {
      key,
      label: metrics.quarter.label,
      metrics,
      previous,
      incidents,
      actions,
      completionRate: denominator > 0 ? doneByEnd / denominator : undefined,
      patterns,
      longest,
      inProgress: site.today < actions.asOf,
      questions: reviewQuestions({
        current: metrics,
        previous,
        incidents: incidents.map((p) => ({ id: p.id, services: p.data.services, category: p.category.id, detection: p.data.detection, severityRank: p.severity.rank })),
        patterns,
        overdueAtEnd: actions.overdue.length,
        categoryName,
      }),
    };
  });
}
