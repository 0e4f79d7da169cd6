/** How many incidents carry one value of a facet (a severity, a category, a service, a team). */
export interface FacetCount {
  id: string;
  count: number;
}

/** Counts by key, most frequent first, ties by id, so that every page lists them in the same order. */
export function countBy<T>(items: Iterable<T>, keysOf: (item: T) => Iterable<string>): FacetCount[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    // An incident naming a service twice is still one incident of that service.
    for (const key of new Set(keysOf(item))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count })).sort(byCountThenId);
}

function byCountThenId(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
