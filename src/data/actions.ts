import { isOverdue } from '../lib/metrics';
import type { ActionItem } from '../schema/action-item';
import { exportFiles } from './exports';
import type { Postmortem, Site } from './index';

export interface TrackedAction {
  item: ActionItem;
  index: number;
  postmortem: Postmortem;
  overdue: boolean;
  /** Teams of the postmortem, so a team finds the items of its incidents. */
  teams: string[];
}

/** Every action item of every published postmortem: overdue first, then by due date. */
export function trackedActions(site: Site): TrackedAction[] {
  const rows: TrackedAction[] = [];
  for (const pm of site.postmortems) {
    if (pm.data.status !== 'published') continue;
    pm.data.action_items.forEach((item, index) => {
      rows.push({ item, index, postmortem: pm, overdue: isOverdue(item, site.today), teams: pm.data.teams ?? [] });
    });
  }
  const rank = (r: TrackedAction) => (r.overdue ? 0 : r.item.status === 'open' || r.item.status === 'in-progress' ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || a.item.due.localeCompare(b.item.due) || a.postmortem.id.localeCompare(b.postmortem.id) || a.index - b.index);
}

const CSV_HEADER = ['postmortem', 'title', 'owner', 'due', 'priority', 'type', 'status', 'completed', 'overdue', 'tracker', 'severity', 'teams', 'control'];

/** Action items as CSV (RFC 4180, CRLF), one row each, for spreadsheets and trackers. */
export function actionsCsv(rows: readonly TrackedAction[]): string {
  const lines = rows.map((r) =>
    [r.postmortem.id, r.item.title, r.item.owner, r.item.due, r.item.priority, r.item.type, r.item.status, r.item.completed, r.overdue ? 'yes' : 'no', r.item.tracker, r.postmortem.data.severity, r.teams.join(' '), r.item.control].map(csvField).join(','),
  );
  return `${CSV_HEADER.join(',')}\r\n${lines.map((l) => `${l}\r\n`).join('')}`;
}

/** An item still to be done: open or in progress (overdue or not). */
export const isUnfinished = (r: TrackedAction) => r.item.status === 'open' || r.item.status === 'in-progress';

/**
 * Every action item, in files of the JSON export's shape (src/data/exports.ts): one per year in
 * which incidents started, split past `perFile` postmortems, each postmortem's items in the order
 * the incidents started. No file grows with the knowledge base, and a new incident only changes
 * the last file of its year.
 */
export function actionCsvFiles(site: Site, perFile: number): Array<{ name: string; year: number; rows: TrackedAction[] }> {
  const byPostmortem = new Map<string, TrackedAction[]>();
  for (const r of trackedActions(site)) {
    const list = byPostmortem.get(r.postmortem.id) ?? [];
    list.push(r);
    byPostmortem.set(r.postmortem.id, list);
  }
  const published = site.postmortems.filter((pm) => pm.data.status === 'published');
  return exportFiles(published, perFile).map((f) => ({
    name: f.name,
    year: f.year,
    rows: f.postmortems.flatMap((pm) => (byPostmortem.get(pm.id) ?? []).sort((a, b) => a.index - b.index)),
  }));
}

/** Quotes a CSV field (RFC 4180), and defuses spreadsheet formulas. */
function csvField(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export type ActionGroupKind = 'owners' | 'teams';

/** The open action items of one owner or one team: what /actions/owners/<slug>/ and /actions/teams/<slug>/ list. */
export interface ActionGroup {
  kind: ActionGroupKind;
  /** The owner's handle or the team id, as written in the postmortems. */
  name: string;
  /** The URL segment: the name in lowercase without "@", other characters as "-"; unique within the kind. */
  slug: string;
  /** Open and in-progress items, overdue first, then by due date. */
  open: TrackedAction[];
  overdue: number;
}

const isOpen = (r: TrackedAction) => r.item.status === 'open' || r.item.status === 'in-progress';

/**
 * Open items grouped by owner and by team (an item counts under each team of
 * its postmortem). Owners with the most overdue items come first; teams by name.
 * Every open item is in exactly one owner's group, so the owner pages reach all of them.
 */
export function openActionGroups(rows: readonly TrackedAction[]): Record<ActionGroupKind, ActionGroup[]> {
  const group = (kind: ActionGroupKind, keysOf: (r: TrackedAction) => readonly string[]) => {
    const by = new Map<string, TrackedAction[]>();
    for (const r of rows) {
      if (!isOpen(r)) continue;
      for (const key of keysOf(r)) {
        const list = by.get(key);
        if (list) list.push(r);
        else by.set(key, [r]);
      }
    }
    const taken = new Set<string>();
    return [...by.keys()].sort((a, b) => a.localeCompare(b)).map((name): ActionGroup => {
      const base = name.replace(/^@/, '').toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
      let slug = base;
      for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
      taken.add(slug);
      const open = by.get(name)!;
      return { kind, name, slug, open, overdue: open.filter((r) => r.overdue).length };
    });
  };
  const owners = group('owners', (r) => [r.item.owner]).sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name));
  return { owners, teams: group('teams', (r) => r.teams) };
}
