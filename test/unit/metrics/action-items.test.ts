import { describe, expect, it } from 'vitest';
import {
  actionItemStats,
  actionItemsAtQuarterEnd,
  isOverdue,
  overdueActionItems,
  type ActionItemInput,
  type IncidentWithActions,
} from '../../../src/lib/metrics';
import { timeline } from './helpers';

const item = (status: ActionItemInput['status'], due: string, completed?: string): ActionItemInput => ({
  title: `${status} item due ${due}`,
  owner: 'payments-oncall',
  due,
  status,
  ...(completed ? { completed } : {}),
});

describe('isOverdue', () => {
  it('open or in progress and due before today', () => {
    expect(isOverdue(item('open', '2026-03-14'), '2026-03-15')).toBe(true);
    expect(isOverdue(item('in-progress', '2026-03-14'), '2026-03-15')).toBe(true);
  });
  it('not on the due date itself', () => {
    expect(isOverdue(item('open', '2026-03-15'), '2026-03-15')).toBe(false);
  });
  it('never for done or declined items', () => {
    expect(isOverdue(item('done', '2026-01-01', '2026-03-01'), '2026-03-15')).toBe(false);
    expect(isOverdue(item('wont-do', '2026-01-01'), '2026-03-15')).toBe(false);
  });
  it('compares across a year boundary', () => {
    expect(isOverdue(item('open', '2025-12-31'), '2026-01-01')).toBe(true);
  });
});

const started = (iso: string) => timeline({ started: iso, resolved: iso });

describe('actionItemStats', () => {
  const incidents: IncidentWithActions[] = [
    {
      id: 'a',
      data: {
        timeline: started('2026-01-05T10:00Z'),
        action_items: [item('open', '2026-02-01'), item('open', '2026-04-01'), item('in-progress', '2026-03-01')],
      },
    },
    {
      id: 'b',
      data: {
        timeline: started('2026-02-05T10:00Z'),
        action_items: [item('done', '2026-03-01', '2026-02-20'), item('done', '2026-03-01', '2026-03-10'), item('wont-do', '2026-02-01')],
      },
    },
    { id: 'c', data: { timeline: started('2026-02-06T10:00Z') } },
  ];

  it('counts by status, overdue as of a date, and completion rate = done / (total − wont-do)', () => {
    expect(actionItemStats(incidents, '2026-03-15')).toEqual({
      total: 6,
      open: 2,
      inProgress: 1,
      done: 2,
      wontDo: 1,
      overdue: 2, // the open one due 02-01 and the in-progress one due 03-01
      completionRate: 0.4, // 2 / (6 − 1)
    });
  });

  it('has no completion rate when nothing is owed', () => {
    expect(actionItemStats([], '2026-03-15').completionRate).toBeUndefined();
    const declined = [{ id: 'x', data: { timeline: started('2026-01-05T10:00Z'), action_items: [item('wont-do', '2026-02-01')] } }];
    expect(actionItemStats(declined, '2026-03-15')).toMatchObject({ total: 1, wontDo: 1, completionRate: undefined });
  });

  it('lists overdue items oldest due first', () => {
    expect(overdueActionItems(incidents, '2026-03-15').map((r) => [r.incidentId, r.index, r.item.due])).toEqual([
      ['a', 0, '2026-02-01'],
      ['a', 2, '2026-03-01'],
    ]);
  });
});

describe('actionItemsAtQuarterEnd', () => {
  const incidents: IncidentWithActions[] = [
    {
      id: '2025-11-10-p', // started in 2025 Q4
      data: {
        timeline: started('2025-11-10T08:00Z'),
        action_items: [
          item('done', '2025-12-31', '2026-01-15'), // 0: completed in Q1, late but before the end
          item('open', '2026-02-01'), // 1: overdue at the end
          item('done', '2026-03-31', '2026-04-01'), // 2: completed the day after the quarter: overdue at its end
          item('wont-do', '2026-01-01'), // 3: declined: never overdue
          item('open', '2026-04-01'), // 4: due the day after the quarter: not overdue yet
          item('done', '2026-03-01', '2026-03-31'), // 5: completed on the quarter's last day
        ],
      },
    },
    {
      id: '2026-02-10-q', // started in 2026 Q1
      data: {
        timeline: started('2026-02-10T08:00Z'),
        action_items: [
          item('open', '2026-03-31'), // 0: due the last day, not done: overdue at the end
          item('done', '2026-03-01', '2026-02-20'), // 1: opened and completed in the quarter
        ],
      },
    },
    {
      id: '2026-04-05-r', // started after the quarter: its items did not exist yet
      data: { timeline: started('2026-04-05T08:00Z'), action_items: [item('open', '2026-03-01')] },
    },
  ];
  const q1 = actionItemsAtQuarterEnd(incidents, '2026-q1');
  const refs = (list: Array<{ incidentId: string; index: number }>) => list.map((r) => `${r.incidentId}#${r.index}`);

  it('judges "at the quarter\'s end" on the day after its last day', () => {
    expect(q1.asOf).toBe('2026-04-01');
  });
  it('opened: the items of incidents that started in the quarter', () => {
    expect(refs(q1.opened)).toEqual(['2026-02-10-q#1', '2026-02-10-q#0']);
  });
  it('completed: items whose completed date is within the quarter, including its last day', () => {
    expect(refs(q1.completed)).toEqual(['2025-11-10-p#0', '2025-11-10-p#5', '2026-02-10-q#1']);
  });
  it('overdue: due by the last day, not completed by then, declined items left out', () => {
    expect(refs(q1.overdue)).toEqual(['2025-11-10-p#1', '2025-11-10-p#2', '2026-02-10-q#0']);
  });
  it('a quarter later, the late completion counts as completed then', () => {
    const q2 = actionItemsAtQuarterEnd(incidents, '2026-q2');
    expect(refs(q2.completed)).toEqual(['2025-11-10-p#2']);
    expect(refs(q2.opened)).toEqual(['2026-04-05-r#0']);
    // by due date: 02-01, 03-01, 03-31, 04-01
    expect(refs(q2.overdue)).toEqual(['2025-11-10-p#1', '2026-04-05-r#0', '2026-02-10-q#0', '2025-11-10-p#4']);
  });

  describe('while the quarter runs (built on 2026-03-01)', () => {
    const so = actionItemsAtQuarterEnd(incidents, '2026-q1', '2026-03-01');
    it('is judged as of the build date and says so', () => {
      expect(so.asOf).toBe('2026-03-01');
      expect(so.ongoing).toBe(true);
    });
    it('does not count as overdue an item due later in the quarter', () => {
      // 2026-02-10-q#0 is due 2026-03-31: at the quarter's end it will be overdue if still open, not yet.
      expect(refs(so.overdue)).toEqual(['2025-11-10-p#1']);
      expect(so.overdue).toEqual(overdueActionItems(incidents.filter((i) => i.id !== '2026-04-05-r'), '2026-03-01'));
    });
    it('counts completions and the completion rate so far', () => {
      expect(refs(so.completed)).toEqual(['2025-11-10-p#0', '2026-02-10-q#1']);
      expect(refs(so.opened)).toEqual(['2026-02-10-q#1', '2026-02-10-q#0']);
      expect(so.completionRate).toBe(0.5);
    });
    it('is the quarter-end figure again once the build date has passed the quarter', () => {
      const after = actionItemsAtQuarterEnd(incidents, '2026-q1', '2026-04-01');
      expect(after.ongoing).toBe(false);
      expect(refs(after.overdue)).toEqual(refs(q1.overdue));
      expect(q1.completionRate).toBe(0.5);
    });
  });
});
