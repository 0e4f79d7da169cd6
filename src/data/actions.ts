import { isOverdue } from '../lib/metrics';
import type { ActionItem } from '../schema/action-item';
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

/** Quotes a CSV field (RFC 4180), and defuses spreadsheet formulas. */
export function csvField(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
