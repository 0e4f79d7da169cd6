import type { ActionStatus } from '../../schema';
import { incidentStart } from './milestones';
import { parseQuarterKey, type Quarter } from './quarters';
import type { ActionItemInput, TimelineInput } from './types';

/** An incident as far as its action items are concerned. */
export interface IncidentWithActions<T extends ActionItemInput = ActionItemInput> {
  id: string;
  data: { timeline: TimelineInput; action_items?: readonly T[] | undefined };
}

/** An action item together with where it lives: the incident and its position in action_items. */
export interface ActionItemRef<T extends ActionItemInput = ActionItemInput> {
  incidentId: string;
  index: number;
  item: T;
}

/** Statuses that still owe work: the item is neither done nor declined. */
const PENDING: ReadonlySet<ActionStatus> = new Set(['open', 'in-progress']);

/**
 * Overdue: still open or in progress and due before `today` (YYYY-MM-DD).
 * An item due today is not overdue yet. Declined (wont-do) items are never
 * overdue; they are reported as such elsewhere.
 */
export function isOverdue(item: Pick<ActionItemInput, 'status' | 'due'>, today: string): boolean {
  return PENDING.has(item.status) && item.due < today;
}

export interface ActionItemStats {
  total: number;
  open: number;
  inProgress: number;
  done: number;
  wontDo: number;
  /** Open or in progress and due before the as-of date. */
  overdue: number;
  /** done / (total − wontDo): declined items are neither done nor owed. Undefined when nothing is owed. */
  completionRate: number | undefined;
}

/** Counts of the action items of the given incidents by status, and how many are overdue as of `asOf`. */
export function actionItemStats(incidents: readonly IncidentWithActions[], asOf: string): ActionItemStats {
  const stats = { total: 0, open: 0, inProgress: 0, done: 0, wontDo: 0, overdue: 0 };
  for (const incident of incidents) {
    for (const item of incident.data.action_items ?? []) {
      stats.total++;
      if (item.status === 'open') stats.open++;
      else if (item.status === 'in-progress') stats.inProgress++;
      else if (item.status === 'done') stats.done++;
      else stats.wontDo++;
      if (isOverdue(item, asOf)) stats.overdue++;
    }
  }
  const owed = stats.total - stats.wontDo;
  return { ...stats, completionRate: owed === 0 ? undefined : stats.done / owed };
}

function byDueThenPlace(a: ActionItemRef, b: ActionItemRef): number {
  return compare(a.item.due, b.item.due) || compare(a.incidentId, b.incidentId) || a.index - b.index;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The overdue action items as of `today`, oldest due date first. */
export function overdueActionItems<T extends ActionItemInput>(incidents: readonly IncidentWithActions<T>[], today: string): ActionItemRef<T>[] {
  const refs: ActionItemRef<T>[] = [];
  for (const incident of incidents) {
    (incident.data.action_items ?? []).forEach((item, index) => {
      if (isOverdue(item, today)) refs.push({ incidentId: incident.id, index, item });
    });
  }
  return refs.sort(byDueThenPlace);
}

export interface QuarterActionItems<T extends ActionItemInput = ActionItemInput> {
  quarter: Quarter;
  /**
   * The day the figures are judged on (YYYY-MM-DD): the day after the quarter's last day once the
   * quarter has ended; while it runs, the build date, so that nothing is stated about days to come.
   */
  asOf: string;
  /** The quarter had not ended on the build date: its figures are as of `asOf` and will change. */
  ongoing: boolean;
  /** Items of the incidents that started in the quarter (so far). */
  opened: ActionItemRef<T>[];
  /** Items whose completed date falls in the quarter (so far), whichever incident they belong to. */
  completed: ActionItemRef<T>[];
  /**
   * Items overdue as of `asOf`. At the quarter's end: their incident had started by then, they were
   * due on or before the quarter's last day, and they were not completed by that day; an item still
   * open today is taken to have been open then too (the files keep no status history). While the
   * quarter runs: exactly the items isOverdue reports on the build date, as the home page and
   * /actions/ count them. Declined (wont-do) items are never overdue.
   */
  overdue: ActionItemRef<T>[];
  /** Of the opened items: done by `asOf` ÷ (opened − declined); undefined when nothing is owed. */
  completionRate: number | undefined;
}

function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * What happened to action items during one quarter, for the quarterly review page. With `today`
 * (the build date) before the quarter's end, every figure is taken as of today instead: an
 * unfinished quarter must not count as overdue items that are due later in the quarter.
 */
export function actionItemsAtQuarterEnd<T extends ActionItemInput>(
  incidents: readonly IncidentWithActions<T>[],
  quarterKey: string | Quarter,
  today?: string,
): QuarterActionItems<T> {
  const quarter = typeof quarterKey === 'string' ? parseQuarterKey(quarterKey) : quarterKey;
  const firstDay = utcDay(quarter.start);
  const endDay = utcDay(quarter.end);
  const ongoing = today !== undefined && today < endDay;
  const asOf = ongoing ? today : endDay;
  const startMs = quarter.start.getTime(), endMs = quarter.end.getTime();
  const opened: ActionItemRef<T>[] = [], completed: ActionItemRef<T>[] = [], overdue: ActionItemRef<T>[] = [];
  // At the end: completed before the first day after it. While running: completed by today, as the status says.
  const landed = (item: T) => item.status === 'done' && item.completed !== undefined && (ongoing ? item.completed <= asOf : item.completed < asOf);
  let declined = 0, doneOfOpened = 0;

  for (const incident of incidents) {
    const started = incidentStart(incident.data.timeline)?.getTime();
    const startedInQuarter = started !== undefined && started >= startMs && started < endMs;
    const existedAtEnd = started !== undefined && started < endMs;
    (incident.data.action_items ?? []).forEach((item, index) => {
      const ref = { incidentId: incident.id, index, item };
      if (startedInQuarter) {
        opened.push(ref);
        if (item.status === 'wont-do') declined++;
        else if (landed(item)) doneOfOpened++;
      }
      if (landed(item) && item.completed! >= firstDay) completed.push(ref);
      const isLate = ongoing ? isOverdue(item, asOf) : item.status !== 'wont-do' && item.due < asOf && !landed(item);
      if (existedAtEnd && isLate) overdue.push(ref);
    });
  }
  const owed = opened.length - declined;
  return {
    quarter,
    asOf,
    ongoing,
    opened: opened.sort(byDueThenPlace),
    completed: completed.sort(byDueThenPlace),
    overdue: overdue.sort(byDueThenPlace),
    completionRate: owed > 0 ? doneOfOpened / owed : undefined,
  };
}
