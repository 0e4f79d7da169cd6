/*
 * The per-incident table of a quarterly review, and its orders: the review page shows it by
 * severity; /reviews/<quarter>/by/<column>/ shows the same rows by another column, so the table
 * sorts by any column without JavaScript.
 */
import type { Postmortem } from './index';

export type IncidentSortKey = 'severity' | 'type' | 'ttd' | 'tta' | 'ttdiag' | 'ttm' | 'ttr' | 'cause' | 'open';

export interface IncidentSort {
  key: IncidentSortKey;
  /** Column header. */
  label: string;
  /** Spelled out for titles and for screen readers. */
  name: string;
  /** Durations and open items list the largest first: what a review looks at first. */
  direction: 'ascending' | 'descending';
}

export const INCIDENT_SORTS: readonly IncidentSort[] = [
  { key: 'severity', label: 'Severity', name: 'severity', direction: 'ascending' },
  { key: 'type', label: 'Type', name: 'incident type', direction: 'ascending' },
  { key: 'ttd', label: 'TTD', name: 'time to detect', direction: 'descending' },
  { key: 'tta', label: 'TTA', name: 'time to acknowledge', direction: 'descending' },
  { key: 'ttdiag', label: 'TTDiag', name: 'time to diagnose', direction: 'descending' },
  { key: 'ttm', label: 'TTM', name: 'time to mitigate', direction: 'descending' },
  { key: 'ttr', label: 'TTR', name: 'time to resolve', direction: 'descending' },
  { key: 'cause', label: 'Root cause', name: 'root cause', direction: 'ascending' },
  { key: 'open', label: 'Open items', name: 'open action items', direction: 'descending' },
];

export const DEFAULT_INCIDENT_SORT: IncidentSortKey = 'severity';

/** Open or in-progress action items of a postmortem, as its status says today. */
export function openItems(pm: Postmortem): number {
  return pm.data.action_items.filter((i) => i.status === 'open' || i.status === 'in-progress').length;
}

const byStart = (a: Postmortem, b: Postmortem) => a.metrics.startedAt.getTime() - b.metrics.startedAt.getTime() || (a.id < b.id ? -1 : 1);
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Largest first; a missing duration sorts last whatever the direction. */
const largest = (a: number | undefined, b: number | undefined) => (a === undefined ? (b === undefined ? 0 : 1) : b === undefined ? -1 : b - a);

/** The incidents in the order of one column; ties in start order. */
export function sortIncidents(incidents: readonly Postmortem[], key: IncidentSortKey): Postmortem[] {
  const compare: Record<IncidentSortKey, (a: Postmortem, b: Postmortem) => number> = {
    severity: (a, b) => a.severity.rank - b.severity.rank,
    type: (a, b) => text(a.data.incident_type, b.data.incident_type) || a.severity.rank - b.severity.rank,
    ttd: (a, b) => largest(a.metrics.ttd, b.metrics.ttd),
    tta: (a, b) => largest(a.metrics.tta, b.metrics.tta),
    ttdiag: (a, b) => largest(a.metrics.ttdiag, b.metrics.ttdiag),
    ttm: (a, b) => largest(a.metrics.ttm, b.metrics.ttm),
    ttr: (a, b) => largest(a.metrics.ttr, b.metrics.ttr),
    cause: (a, b) => text(a.category.name, b.category.name) || a.severity.rank - b.severity.rank,
    open: (a, b) => openItems(b) - openItems(a),
  };
  return [...incidents].sort((a, b) => compare[key](a, b) || byStart(a, b));
}
