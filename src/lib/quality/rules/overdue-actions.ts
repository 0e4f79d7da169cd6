import type { FollowThroughRule } from '../types';
import { excerpt } from '../text';

export const overdueActions: FollowThroughRule = {
  id: 'quality/overdue-actions',
  level: 'warning',
  description: 'Open or in-progress action items past their due date are reported as overdue.',
  check({ data, today }) {
    return data.action_items.flatMap((item, i) => {
      if ((item.status !== 'open' && item.status !== 'in-progress') || item.due >= today) return [];
      return [{
        field: `action_items[${i}].due`,
        message: `action_items[${i}] is overdue since ${item.due} (owner: ${item.owner}): "${excerpt(item.title, 50)}"`,
        fix: 'finish it and set status: done with completed: YYYY-MM-DD; or agree a new due date with the owner; or set status: wont-do and record why in the tracker',
      }];
    });
  },
};
