import type { Postmortem } from './index';

/** The search page's facets, in the order it shows them; keys are Pagefind filter names. */
export const SEARCH_FACETS = [
  { key: 'severity', label: 'Severity' },
  { key: 'category', label: 'Root cause' },
  { key: 'factor', label: 'Contributing factor' },
  { key: 'service', label: 'Service' },
  { key: 'team', label: 'Team' },
  { key: 'tag', label: 'Tag' },
  { key: 'year', label: 'Year' },
  { key: 'type', label: 'Incident type' },
] as const;

export type FacetKey = (typeof SEARCH_FACETS)[number]['key'];
export type FacetTotals = Record<FacetKey, Record<string, number>>;

/**
 * The Pagefind filter values of one postmortem page. The page's markup and
 * the search page's facet list both come from here, so that the facet values
 * shown before any query (written into the search page at build time) are
 * exactly those in the index.
 */
export function searchFilters(pm: Postmortem): Record<FacetKey, string[]> {
  const d = pm.data;
  return {
    severity: [d.severity],
    category: [pm.category.name],
    factor: pm.factors.map((c) => c.name),
    service: [...d.services],
    team: [...(d.teams ?? [])],
    tag: [...(d.tags ?? [])],
    year: [String(pm.metrics.startedAt.getUTCFullYear())],
    type: [d.incident_type],
  };
}

/**
 * How many indexed postmortems carry each facet value: the counts the search page shows before a
 * query. Counted in Maps, because a value is an id or a tag and `constructor` is a valid one; the
 * result is built from them as null-prototype objects, for the page's JSON.
 */
export function facetTotals(postmortems: readonly Postmortem[]): FacetTotals {
  const counts = new Map<FacetKey, Map<string, number>>(SEARCH_FACETS.map((f) => [f.key, new Map()]));
  for (const pm of postmortems) {
    for (const [key, values] of Object.entries(searchFilters(pm)) as Array<[FacetKey, string[]]>) {
      const byValue = counts.get(key)!;
      for (const v of new Set(values)) byValue.set(v, (byValue.get(v) ?? 0) + 1);
    }
  }
  const totals = Object.create(null) as FacetTotals;
  for (const [key, byValue] of counts) totals[key] = Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(byValue));
  return totals;
}
