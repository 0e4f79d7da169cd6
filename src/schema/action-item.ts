import { quote, withFix } from './issues';
import { z } from 'zod';
import { calendarDate } from './datetime';
import { handle } from './ids';
import { httpUrl } from './url';

const ACTION_PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
/** prevent: stop the recurrence; detect: notice sooner; mitigate: shorten the impact; process: change how we work. */
const ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process'] as const;
const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/**
 * The prevention hierarchy (content model v1.1), strongest first: remove the hazard, substitute a
 * safer alternative, an engineering control (a guard, a limit, an automated check), an
 * administrative control (a runbook, a checklist, a review), training.
 */
export const ACTION_CONTROLS = ['eliminate', 'substitute', 'engineering', 'administrative', 'training'] as const;
export type ActionControl = (typeof ACTION_CONTROLS)[number];
/** Controls that are mechanisms: they work without anyone remembering. The rest are intentions. */
export const MECHANISM_CONTROLS: ReadonlySet<ActionControl> = new Set(['eliminate', 'substitute', 'engineering']);

export const actionItem = z
  .strictObject({
    /** A concrete mechanism with a measurable object, not an intention. */
    title: z.string({ error: 'must say what will be done' }).trim().min(1, {
      error: withFix('is empty', 'name the mechanism, e.g. "Add a CI check that rejects pool sizes under 50"', 'schema/required'),
    }),
    /** A person or team handle that owns it. */
    owner: handle,
    /** When it is due (YYYY-MM-DD). */
    due: calendarDate,
    priority: z.enum(ACTION_PRIORITIES),
    type: z.enum(ACTION_TYPES),
    status: z.enum(ACTION_STATUSES),
    /** Completion date: present exactly when status is done. */
    completed: calendarDate.optional(),
    /** Link to the ticket: http or https only. */
    tracker: httpUrl.optional(),
    /**
     * (v1.1) Where the item sits in the prevention hierarchy, strongest first: eliminate | substitute |
     * engineering | administrative | training. Engineering or stronger is a mechanism; administrative
     * and training are intentions that fade.
     */
    control: z.enum(ACTION_CONTROLS).optional(),
  })
  .superRefine((item, ctx) => {
    // Runs even when the type check failed (`when` below), so `item` may be null or a scalar.
    if (typeof item !== 'object' || item === null) return;
    if (item.status === 'done' && item.completed === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['completed'],
        message: 'is missing: the item is done, so it needs the date it was completed',
        params: { fix: 'add completed: YYYY-MM-DD, or set status to open or in-progress', rule: 'action/completed' },
      });
    }
    // A status that is not a string is reported at status; String() of a YAML mapping can throw.
    if (item.completed !== undefined && typeof item.status === 'string' && item.status !== 'done') {
      ctx.addIssue({
        code: 'custom',
        path: ['completed'],
        message: `is set but status is ${quote(item.status)}`,
        params: { fix: 'set status: done, or remove completed', rule: 'action/completed' },
      });
    }
  }, { when: () => true });
export type ActionItem = z.infer<typeof actionItem>;
