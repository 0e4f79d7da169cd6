import type { PatternIncident } from '../../../src/lib/patterns';
import type { ActionItemInput } from '../../../src/lib/metrics';
import { parseInstant } from '../../../src/schema/datetime';

function at(iso: string): Date {
  const parsed = parseInstant(iso);
  if (!parsed.ok) throw new Error(`${iso}: ${parsed.message}`);
  return parsed.date;
}

/** A small published incident that started at `started`; override anything else. */
export function incident(
  id: string,
  started: string,
  more: Partial<Omit<PatternIncident['data'], 'timeline'>> = {},
): PatternIncident {
  const start = at(started);
  return {
    id,
    data: {
      timeline: [
        { at: start, kind: 'started' },
        { at: new Date(start.getTime() + 3_600_000), kind: 'resolved' },
      ],
      status: 'published',
      services: ['checkout-api'],
      root_cause: { category: 'config-change' },
      action_items: [],
      ...more,
    },
  };
}

export function action(status: ActionItemInput['status'], due: string, completed?: string, title = `${status} due ${due}`): ActionItemInput {
  return { title, owner: 'payments-oncall', due, status, ...(completed ? { completed } : {}) };
}
