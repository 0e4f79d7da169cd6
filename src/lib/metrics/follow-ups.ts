/**
 * The 30/60-day follow-up review of a postmortem's action items (content model: follow_up_review,
 * and v1.1 follow_up_held): is it held, overdue, due soon, or further off?
 */

/** How far ahead "due soon" looks, in days. */
export const FOLLOW_UP_HORIZON_DAYS = 14;

type FollowUpState = 'held' | 'overdue' | 'due' | 'scheduled' | 'none';

export interface FollowUpStatus {
  state: FollowUpState;
  /** The planned date (follow_up_review), when there is one. */
  due?: string | undefined;
  /** The date it was held (follow_up_held). */
  held?: string | undefined;
  /** Days from `today` to the planned date: negative when overdue. */
  daysLeft?: number | undefined;
}

const DAY = 86_400_000;
const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY;

/**
 * held: follow_up_held is set (whatever the plan said); overdue: planned before `today` and not
 * held; due: planned from today to FOLLOW_UP_HORIZON_DAYS ahead; scheduled: later; none: no date.
 */
export function followUpStatus(data: { follow_up_review?: string | undefined; follow_up_held?: string | undefined }, today: string): FollowUpStatus {
  const due = data.follow_up_review;
  if (data.follow_up_held !== undefined) return { state: 'held', due, held: data.follow_up_held };
  if (due === undefined) return { state: 'none' };
  const daysLeft = Math.round(dayNumber(due) - dayNumber(today));
  const state: FollowUpState = daysLeft < 0 ? 'overdue' : daysLeft <= FOLLOW_UP_HORIZON_DAYS ? 'due' : 'scheduled';
  return { state, due, daysLeft };
}

/** The postmortems whose follow-up needs attention: overdue first (oldest first), then due soon (soonest first). */
export function followUpsNeedingAttention<T extends { id: string; data: { follow_up_review?: string | undefined; follow_up_held?: string | undefined } }>(
  postmortems: readonly T[],
  today: string,
): Array<{ postmortem: T; status: FollowUpStatus }> {
  return postmortems
    .map((postmortem) => ({ postmortem, status: followUpStatus(postmortem.data, today) }))
    .filter((x) => x.status.state === 'overdue' || x.status.state === 'due')
    .sort((a, b) => a.status.daysLeft! - b.status.daysLeft! || (a.postmortem.id < b.postmortem.id ? -1 : 1));
}
