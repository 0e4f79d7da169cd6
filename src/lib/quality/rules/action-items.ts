import type { QualityRule } from '../types';
import { excerpt } from '../text';
import { isPlaceholder } from '../placeholders';
import { vagueAction } from '../vague-actions';

export const actionItemsPresent: QualityRule = {
  id: 'quality/action-items-present',
  level: 'warning',
  family: 'action-items',
  description: 'At least one action item the team will do (not wont-do); a near-miss needs one too.',
  check({ data, nearMiss }) {
    // The template's placeholder item is not an action the team will take.
    const items = data.action_items.filter((i) => !isPlaceholder(i.title));
    if (!items.length) {
      const unwritten = data.action_items.length > 0 ? ' (the template\'s placeholder does not count)' : '';
      return [{
        field: 'action_items',
        message: nearMiss
          ? `has no action item${unwritten}; a near-miss needs one too: it is a lesson that cost nothing yet`
          : `has no action item${unwritten}, so nothing stops this class of failure from happening again`,
        fix: 'add at least one mechanism with owner, due, priority, type and status, e.g. title: "Add a CI check that rejects pool sizes under 50"',
      }];
    }
    if (items.every((i) => i.status === 'wont-do')) {
      return [{
        field: 'action_items',
        message: `every action item (${items.length}) is wont-do, so nothing will change`,
        fix: 'add at least one action item the team will do; keep the wont-do items with their reason in the tracker',
      }];
    }
    return [];
  },
};

export const actionItemConcrete: QualityRule = {
  id: 'quality/action-item-concrete',
  level: 'warning',
  family: 'action-items',
  description: 'Each action item is a mechanism with a measurable object, not an intention ("improve monitoring", "be more careful").',
  check({ data }) {
    return data.action_items.flatMap((item, i) => {
      // A placeholder is reported as one (quality/placeholder-text), not as a vague action.
      const vague = isPlaceholder(item.title) ? undefined : vagueAction(item.title);
      if (!vague) return [];
      return [{
        field: `action_items[${i}].title`,
        message: vague.always
          ? `"${excerpt(item.title)}" is an intention, not a mechanism: it relies on people remembering`
          : `"${excerpt(item.title)}" is an intention, not a mechanism: it names nothing measurable (a number, a metric, an alarm, a test, a runbook)`,
        fix: `name the mechanism and what it measures, e.g. "${vague.example}"`,
      }];
    });
  },
};
