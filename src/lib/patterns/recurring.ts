import type { RepeatPattern } from './types';

/** How often one category or service recurs across patterns. */
export interface RecurrenceCount {
  id: string;
  /** Patterns in which it recurs. */
  patterns: number;
  /** Distinct incidents of those patterns (an incident in two patterns counts once). */
  incidents: number;
}

function tally(patterns: readonly RepeatPattern[], keysOf: (p: RepeatPattern) => readonly string[]): RecurrenceCount[] {
  const byKey = new Map<string, { patterns: number; incidents: Set<string> }>();
  for (const pattern of patterns) {
    for (const key of new Set(keysOf(pattern))) {
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { patterns: 0, incidents: new Set() }));
      entry.patterns++;
      for (const id of pattern.incidentIds) entry.incidents.add(id);
    }
  }
  return [...byKey]
    .map(([id, e]) => ({ id, patterns: e.patterns, incidents: e.incidents.size }))
    .sort((a, b) => b.patterns - a.patterns || b.incidents - a.incidents || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Root-cause categories that recur most: a pattern counts for its category
 * when all its incidents share one (always for shared-service-category
 * patterns; for explicit chains only when they agree). Most patterns first.
 */
export function recurringCategories(patterns: readonly RepeatPattern[]): RecurrenceCount[] {
  return tally(patterns, (p) => (p.category === undefined ? [] : [p.category]));
}

/** Services that recur most: a pattern counts for every service all its incidents name. Most patterns first. */
export function recurringServices(patterns: readonly RepeatPattern[]): RecurrenceCount[] {
  return tally(patterns, (p) => p.services);
}
