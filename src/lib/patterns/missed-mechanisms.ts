import type { MissedMechanism, PatternSubject } from './types';

/**
 * The action items of earlier incidents that had not landed when a later
 * incident of the same pattern started: the mechanisms that did not land in
 * time (content-model.md, "Repeat-incident patterns").
 *
 * Action items carry calendar dates, starts are instants. An item landed
 * before a later incident only if it was completed on an earlier UTC day
 * than the day that incident started: a completion dated the same day cannot
 * be shown to precede the incident (and is often the reaction to it), so it
 * counts as missed. Declined (wont-do) items never land.
 *
 * `chain` must be in chronological order. Each item is reported once, against
 * the first later incident it missed, with the number of later incidents it
 * missed; the work is O(items · log(incidents)), so a pattern of thousands of
 * incidents stays cheap.
 */
export function missedMechanisms(chain: readonly PatternSubject[]): MissedMechanism[] {
  const missed: MissedMechanism[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const earlier = chain[i]!;
    const next = chain[i + 1]!;
    earlier.actionItems.forEach((item, actionIndex) => {
      const landedOn = item.status === 'done' ? item.completed : undefined;
      if (landedOn !== undefined && landedOn < next.startDay) return;
      // Later incidents that started on or before the landing day missed it; starts are sorted, so they form a prefix.
      const missedUpTo = landedOn === undefined ? chain.length : firstStartAfter(chain, i + 1, landedOn);
      missed.push({
        incidentId: earlier.id,
        actionIndex,
        title: item.title,
        owner: item.owner,
        due: item.due,
        status: item.status,
        ...(item.completed !== undefined ? { completed: item.completed } : {}),
        reason: item.status === 'done' ? 'completed-late' : item.status,
        laterIncidentId: next.id,
        laterStarted: new Date(next.startMs),
        laterIncidentsMissed: missedUpTo - (i + 1),
        overdueAtLaterStart: item.due < next.startDay,
      });
    });
  }
  return missed;
}

/** Index of the first subject from `from` on whose start day is after `day` (chain.length if none). */
function firstStartAfter(chain: readonly PatternSubject[], from: number, day: string): number {
  let lo = from, hi = chain.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chain[mid]!.startDay <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
