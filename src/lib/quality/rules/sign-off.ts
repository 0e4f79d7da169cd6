import type { QualityRule } from '../types';

export const signOff: QualityRule = {
  id: 'quality/sign-off',
  level: 'warning',
  family: 'sign-off',
  description: 'A published postmortem of a severity that needs sign-off (SEV1, SEV2 by default: quality.signOffSeverities) names its reviewers and the date they approved it.',
  check({ data, config }) {
    if (data.status !== 'published') return [];
    const severity = data.severity.toLowerCase();
    if (!config.signOffSeverities.some((s) => s.toLowerCase() === severity)) return [];
    const missing = [
      ...(data.reviewers?.length ? [] : ['reviewers']),
      ...(data.approved ? [] : ['approved']),
    ];
    if (!missing.length) return [];
    return [{
      field: missing[0]!,
      message: `is missing: a published ${data.severity} postmortem is signed off by named reviewers on a date (missing: ${missing.join(' and ')})`,
      fix: `add ${missing.map((m) => (m === 'reviewers' ? 'reviewers: [handle, …]' : 'approved: YYYY-MM-DD')).join(' and ')}, or set status: in-review until the review is done`,
    }];
  },
};
