import { loadSite } from '../data';
import { csvField, trackedActions } from '../data/actions';

/** The /actions/ list as CSV, for spreadsheets and trackers. */
export async function GET() {
  const site = await loadSite();
  const header = ['postmortem', 'title', 'owner', 'due', 'priority', 'type', 'status', 'completed', 'overdue', 'tracker', 'severity', 'teams', 'control'];
  const lines = trackedActions(site).map((r) =>
    [r.postmortem.id, r.item.title, r.item.owner, r.item.due, r.item.priority, r.item.type, r.item.status, r.item.completed, r.overdue ? 'yes' : 'no', r.item.tracker, r.postmortem.data.severity, r.teams.join(' '), r.item.control].map(csvField).join(','),
  );
  return new Response(`${header.join(',')}\r\n${lines.join('\r\n')}\r\n`, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
