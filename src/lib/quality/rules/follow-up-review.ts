import { utcDate } from '../../../schema/datetime';
import type { QualityRule } from '../types';

const DAY = 86_400_000;

export const followUpReview: QualityRule = {
  id: 'quality/follow-up-review',
  level: 'warning',
  family: 'follow-up',
  description: 'A published postmortem of a severity that needs one (SEV1, SEV2 by default) has a follow_up_review date.',
  check({ data, config }) {
    if (data.status !== 'published' || data.follow_up_review !== undefined) return [];
    const needs = config.followUpReviewSeverities.some((s) => s.toLowerCase() === data.severity.toLowerCase());
    if (!needs) return [];
    const started = data.timeline.find((e) => e.kind === 'started')?.at ?? data.timeline[0]?.at;
    const suggested = started ? ` (30 days after it started: ${utcDate(new Date(started.getTime() + 30 * DAY))})` : '';
    return [{
      field: 'follow_up_review',
      message: `is missing: a ${data.severity} postmortem needs a 30/60-day review that checks its action items landed`,
      fix: `add follow_up_review: YYYY-MM-DD${suggested}`,
    }];
  },
};
