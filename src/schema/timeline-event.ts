import { withFix } from './issues';
import { z } from 'zod';
import { instant } from './datetime';
import { LIMITS } from './limits';
import { httpUrl } from './url';

/** Milestones in the order an incident normally passes them. */
export const MILESTONES = ['started', 'detected', 'acknowledged', 'diagnosed', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];

/**
 * Pairs that must be in order (earlier ≤ later). `diagnosed` sits on its own
 * branch: it may come before or after acknowledgement or mitigation.
 */
export const MILESTONE_ORDER: ReadonlyArray<readonly [Milestone, Milestone]> = [
  ['started', 'detected'],
  ['detected', 'acknowledged'],
  ['acknowledged', 'mitigated'],
  ['mitigated', 'resolved'],
  ['started', 'mitigated'],
  ['started', 'resolved'],
  ['detected', 'mitigated'],
  ['detected', 'resolved'],
  ['detected', 'diagnosed'],
  ['diagnosed', 'resolved'],
];

const timelineEvent = z.strictObject({
  /** When it happened: ISO 8601 with an explicit offset (`Z` or `±hh:mm`). Naive times are errors. */
  at: instant,
  /** Optional milestone this event marks; each kind appears at most once per timeline. */
  kind: z.enum(MILESTONES).optional(),
  /** What happened, in one line. */
  event: z.string({ error: 'must be a sentence describing what happened' }).trim().min(1, {
    error: withFix('is empty', 'describe what happened in one line', 'schema/required'),
  }),
  /** Optional evidence link (dashboard, log query, chat message): http or https only. */
  source: httpUrl.optional(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

function when(value: unknown): number | undefined {
  return value instanceof Date ? value.getTime() : undefined;
}

/**
 * Ordering rules that need the whole timeline: chronological events, each
 * milestone at most once, milestones in causal order.
 */
export const timeline = z
  .array(timelineEvent, { error: 'must be a list of events' })
  .min(2, {
    error: withFix('needs at least 2 events', 'add at least the events that started and resolved the incident', 'timeline/too-short'),
  })
  .max(LIMITS.timelineEvents, {
    error: (issue) =>
      withFix(
        `has ${String((issue.input as unknown[] | undefined)?.length ?? 'too many')} events; a timeline may have at most ${LIMITS.timelineEvents}`,
        'keep the events that explain the incident (detection, decisions, mitigation, recovery) and link to the full log or chat history',
        'limit/timeline',
      ),
  })
  .superRefine((events, ctx) => {
    // Runs even when the type check failed (`when` below), so `events` may be anything.
    if (!Array.isArray(events)) return;
    for (let i = 1; i < events.length; i++) {
      const prev = when(events[i - 1]?.at), curr = when(events[i]?.at);
      if (prev !== undefined && curr !== undefined && curr < prev) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'at'],
          message: `is earlier than timeline[${i - 1}].at; events must be in chronological order`,
          params: { fix: `move this event before timeline[${i - 1}], or correct its time`, rule: 'timeline/order' },
        });
      }
    }
    const seen = new Map<Milestone, number>();
    events.forEach((e, i) => {
      if (!e?.kind) return;
      const first = seen.get(e.kind);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'kind'],
          message: `milestone "${e.kind}" appears twice (first at timeline[${first}])`,
          params: { fix: `keep kind: ${e.kind} on one event and remove it from the other`, rule: 'timeline/duplicate-milestone' },
        });
      } else seen.set(e.kind, i);
    });
    for (const [earlier, later] of MILESTONE_ORDER) {
      const a = seen.get(earlier), b = seen.get(later);
      if (a === undefined || b === undefined) continue;
      const ta = when(events[a]?.at), tb = when(events[b]?.at);
      if (ta !== undefined && tb !== undefined && tb < ta) {
        ctx.addIssue({
          code: 'custom',
          path: [b, 'at'],
          message: `"${later}" (timeline[${b}]) is before "${earlier}" (timeline[${a}])`,
          params: { fix: `milestones run started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved and detected ≤ diagnosed ≤ resolved; correct one of the two times`, rule: 'timeline/milestone-order' },
        });
      }
    }
  }, { when: () => true });
