/**
 * Root causes and contributing factors, counted apart (content-model.md keeps them apart): a
 * monitoring gap that contributed to nine incidents and caused one is not "1 monitoring gap".
 */

/** The cause fields of one incident, as far as counting is concerned. */
export interface CauseInput {
  root_cause?: { category: string } | undefined;
  contributing_factors?: ReadonlyArray<{ category: string }> | undefined;
}

export interface CauseCount {
  /** Canonical category id. */
  id: string;
  /** Incidents with this category as their root cause. */
  root: number;
  /** Incidents that list it among their contributing factors (once each, however often listed). */
  contributing: number;
  /** Incidents where it plays either role: what a single number of "incidents it was part of" must be. */
  any: number;
}

/**
 * Per category: how many incidents had it as root cause, as a contributing factor, and in any
 * role. Most incidents in any role first, then most as root cause, then by id.
 */
export function causeCounts(incidents: Iterable<{ data: CauseInput }>, resolve: (id: string) => string = (id) => id): CauseCount[] {
  const counts = new Map<string, CauseCount>();
  const entry = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { id, root: 0, contributing: 0, any: 0 }));
    return c;
  };
  for (const { data } of incidents) {
    const root = data.root_cause ? resolve(data.root_cause.category) : undefined;
    const factors = new Set((data.contributing_factors ?? []).map((f) => resolve(f.category)));
    if (root !== undefined) entry(root).root++;
    for (const id of factors) entry(id).contributing++;
    for (const id of new Set([...(root === undefined ? [] : [root]), ...factors])) entry(id).any++;
  }
  return [...counts.values()].sort((a, b) => b.any - a.any || b.root - a.root || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The categories an incident names in any role: root cause first, then its contributing factors. */
export function causeCategories(data: CauseInput, resolve: (id: string) => string = (id) => id): string[] {
  return [...new Set([...(data.root_cause ? [resolve(data.root_cause.category)] : []), ...(data.contributing_factors ?? []).map((f) => resolve(f.category))])];
}
