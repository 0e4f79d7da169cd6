import { loadSite } from '../data';
import { actionsCsv, isUnfinished, trackedActions } from '../data/actions';

/**
 * The action items still to be done (open and in progress), overdue first: the working list for
 * spreadsheets and trackers. Every item, done and declined too, is in /actions/<year>.csv.
 */
export async function GET() {
  const site = await loadSite();
  return new Response(actionsCsv(trackedActions(site).filter(isUnfinished)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
