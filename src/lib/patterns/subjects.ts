import { incidentStart } from '../metrics';
import type { PatternIncident, PatternSubject } from './types';

/**
 * Prepares incidents for the rules. Incidents whose timeline has no event at
 * all cannot be placed in time and are left out.
 */
export function patternSubjects(
  incidents: readonly PatternIncident[],
  resolveCategory: (id: string) => string | undefined = (id) => id,
): PatternSubject[] {
  const subjects: PatternSubject[] = [];
  for (const incident of incidents) {
    const start = incidentStart(incident.data.timeline);
    if (!start) continue;
    const raw = incident.data.root_cause.category;
    subjects.push({
      id: incident.id,
      startMs: start.getTime(),
      startDay: start.toISOString().slice(0, 10),
      status: incident.data.status,
      services: incident.data.services,
      category: resolveCategory(raw) ?? raw,
      recurrenceOf: incident.data.recurrence_of,
      actionItems: incident.data.action_items ?? [],
    });
  }
  return subjects;
}

/** Chronological order; ties by id so that every run orders them the same way. */
export function chronological(a: PatternSubject, b: PatternSubject): number {
  return a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The services every subject names, in the order the first one lists them. */
export function commonServices(subjects: readonly PatternSubject[]): string[] {
  const [first, ...rest] = subjects;
  if (!first) return [];
  return [...new Set(first.services)].filter((s) => rest.every((r) => r.services.includes(s)));
}

/** The category all subjects share, if they share one. */
export function commonCategory(subjects: readonly PatternSubject[]): string | undefined {
  const category = subjects[0]?.category;
  return category !== undefined && subjects.every((s) => s.category === category) ? category : undefined;
}
