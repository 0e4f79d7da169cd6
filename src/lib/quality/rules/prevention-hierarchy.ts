import type { QualityRule } from '../types';

const INTENTIONS = new Set(['administrative', 'training']);

/**
 * The prevention hierarchy (COE practice): eliminate > substitute > engineering control >
 * administrative control > training. A serious incident answered only with runbooks, reviews and
 * training relies on people remembering; reviewers ask for at least one mechanism. Severities are
 * the configured ones that need a follow-up review (SEV1 and SEV2 by default). Items without a
 * `control` say nothing either way, so the rule fires only when every item that will act
 * (declined ones left out) is classified, and all as intentions.
 */
export const preventionHierarchy: QualityRule = {
  id: 'quality/prevention-hierarchy',
  level: 'warning',
  family: 'action-items',
  description: 'A SEV1 or SEV2 postmortem (the severities needing a follow-up review) has a mechanism among its actions, not only administrative controls and training.',
  check({ data, config }) {
    const serious = config.followUpReviewSeverities.some((s) => s.toLowerCase() === data.severity.toLowerCase());
    if (!serious) return [];
    const acting = data.action_items.filter((i) => i.status !== 'wont-do');
    if (!acting.length || !acting.every((i) => i.control !== undefined && INTENTIONS.has(i.control))) return [];
    const kinds = [...new Set(acting.map((i) => i.control))].join(' or ');
    return [{
      field: 'action_items',
      message: `every action item of this ${data.severity} postmortem is ${kinds}: intentions that rely on people remembering, and they fade`,
      fix: 'add at least one mechanism: eliminate the hazard, substitute a safer alternative, or an engineering control (a guard, a limit, an automated check), and mark it control: engineering (or stronger)',
    }];
  },
};
