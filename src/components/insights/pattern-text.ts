import type { RepeatPattern } from '../../lib/patterns';

/** The heading of a repeat pattern, the same on /patterns/, reviews and the home page. */
export function patternTitle(p: RepeatPattern, categoryName: string | undefined): string {
  return p.kind === 'explicit'
    ? `Recurrence chain: ${p.incidentIds.length} incidents`
    : `${p.incidentIds.length} incidents in ${p.service} shared ${categoryName ?? p.category}`;
}

/** The fragment id of a pattern on /patterns/. */
export function patternAnchor(p: RepeatPattern): string {
  return `pattern-${p.id.replace(/[^a-z0-9-]/gi, '-')}`;
}
