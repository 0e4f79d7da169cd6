import { IMPACT_NUMBERS } from '../../../schema/impact';
import type { QualityRule } from '../types';

export const impactQuantified: QualityRule = {
  id: 'quality/impact-quantified',
  level: 'warning',
  family: 'impact',
  description: `Impact carries at least one number (${IMPACT_NUMBERS.join(', ')}) above 0; a near-miss is exempt.`,
  check({ data, nearMiss }) {
    if (nearMiss) return [];
    const present = IMPACT_NUMBERS.filter((k) => typeof data.impact[k] === 'number');
    if (!present.length) {
      return [{
        field: 'impact',
        message: 'has no number: impact in words only ("many users") cannot be compared across incidents',
        fix: `add at least one of ${IMPACT_NUMBERS.join(', ')} (an estimate is fine; say so in impact.description); if nothing reached customers, set incident_type: near-miss`,
      }];
    }
    if (present.every((k) => data.impact[k] === 0)) {
      return [{
        field: `impact.${present[0]}`,
        message: `every impact number is 0 (${present.map((k) => `${k}: 0`).join(', ')})`,
        fix: 'if nothing reached customers, set incident_type: near-miss; otherwise give the number affected (an estimate is fine)',
      }];
    }
    return [];
  },
};
