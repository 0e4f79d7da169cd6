import { incidentStart } from '../metrics';
import type { PatternIncident } from './types';

/** Incidents that share a contributing factor's category (content-model.md keeps factors apart from the root cause). */
interface SharedFactor {
  /** Canonical category id. */
  category: string;
  /** Published incidents listing it among their contributing factors, newest first. */
  incidentIds: string[];
  /** Of those, the ones whose root cause is the same category too. */
  alsoRootCause: number;
  /** Services named by at least two of those incidents, most named first. */
  services: Array<{ id: string; incidents: number }>;
}

type FactorIncident = PatternIncident & { data: { contributing_factors?: ReadonlyArray<{ category: string }> | undefined } };

/**
 * The patterns report grouped by a shared contributing factor: every category that contributed to
 * at least `min` published incidents (default 2). Most incidents first.
 */
export function sharedContributingFactors(incidents: readonly FactorIncident[], resolve: (id: string) => string = (id) => id, min = 2): SharedFactor[] {
  const groups = new Map<string, Array<{ incident: FactorIncident; start: number }>>();
  for (const incident of incidents) {
    if (incident.data.status !== 'published') continue;
    const start = incidentStart(incident.data.timeline)?.getTime() ?? 0;
    for (const category of new Set((incident.data.contributing_factors ?? []).map((f) => resolve(f.category)))) {
      const list = groups.get(category) ?? [];
      list.push({ incident, start });
      groups.set(category, list);
    }
  }
  const out: SharedFactor[] = [];
  for (const [category, list] of groups) {
    if (list.length < min) continue;
    list.sort((a, b) => b.start - a.start || (a.incident.id < b.incident.id ? -1 : 1));
    const services = new Map<string, number>();
    for (const { incident } of list) for (const s of new Set(incident.data.services)) services.set(s, (services.get(s) ?? 0) + 1);
    out.push({
      category,
      incidentIds: list.map((x) => x.incident.id),
      alsoRootCause: list.filter((x) => resolve(x.incident.data.root_cause.category) === category).length,
      services: [...services].filter(([, n]) => n >= 2).map(([id, n]) => ({ id, incidents: n })).sort((a, b) => b.incidents - a.incidents || (a.id < b.id ? -1 : 1)),
    });
  }
  return out.sort((a, b) => b.incidentIds.length - a.incidentIds.length || (a.category < b.category ? -1 : 1));
}
