import { actionItemConcrete, actionItemsPresent } from './rules/action-items';
import { blamelessLanguage } from './rules/blameless-language';
import { bodySections } from './rules/body-sections';
import { followUpReview } from './rules/follow-up-review';
import { impactQuantified } from './rules/impact-quantified';
import { overdueActions } from './rules/overdue-actions';
import { secretsAndPersonalData } from './rules/secrets';
import { whysDepth, whysLastAnswer } from './rules/whys';
import type { QualityRule } from './types';

/**
 * Every quality rule, in the order findings are reported. To add a rule: write
 * it under rules/, list it here, give it a weight in score.ts, and add its
 * must-fire and must-pass cases under test/unit/quality/.
 */
export const QUALITY_RULES: readonly QualityRule[] = [
  actionItemsPresent,
  actionItemConcrete,
  whysDepth,
  whysLastAnswer,
  blamelessLanguage,
  impactQuantified,
  secretsAndPersonalData,
  overdueActions,
  bodySections,
  followUpReview,
];

export const RULE_IDS: readonly string[] = QUALITY_RULES.map((r) => r.id);

export function ruleById(id: string): QualityRule | undefined {
  return QUALITY_RULES.find((r) => r.id === id);
}
