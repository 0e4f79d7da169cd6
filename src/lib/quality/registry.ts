import { actionItemConcrete, actionItemsPresent } from './rules/action-items';
import { blamelessLanguage } from './rules/blameless-language';
import { bodySections } from './rules/body-sections';
import { followUpReview } from './rules/follow-up-review';
import { impactQuantified } from './rules/impact-quantified';
import { overdueActions } from './rules/overdue-actions';
import { placeholderText, stillTemplate } from './rules/placeholder-text';
import { signOff } from './rules/sign-off';
import { preventionHierarchy } from './rules/prevention-hierarchy';
import { secretsAndPersonalData } from './rules/secrets';
import { whysDepth, whysLastAnswer } from './rules/whys';
import type { FollowThroughRule, QualityRule } from './types';

/**
 * Every writing-quality rule, in the order findings are reported. To add a rule: write
 * it under rules/, list it here, give it a weight in score.ts, and add its
 * must-fire and must-pass cases under test/unit/quality/. A rule whose answer
 * depends on the date belongs in FOLLOW_THROUGH_RULES instead.
 */
export const QUALITY_RULES: readonly QualityRule[] = [
  actionItemsPresent,
  actionItemConcrete,
  whysDepth,
  whysLastAnswer,
  blamelessLanguage,
  impactQuantified,
  secretsAndPersonalData,
  bodySections,
  followUpReview,
  placeholderText,
  stillTemplate,
  signOff,
  preventionHierarchy,
];

/** Rules judged on a date (runFollowThrough): reported by `check` and shown beside the score, never scored or stored. */
export const FOLLOW_THROUGH_RULES: readonly FollowThroughRule[] = [overdueActions];

/** Every rule id a configuration may name. */
export const RULE_IDS: readonly string[] = [...QUALITY_RULES, ...FOLLOW_THROUGH_RULES].map((r) => r.id);

export function ruleById(id: string): QualityRule | FollowThroughRule | undefined {
  return QUALITY_RULES.find((r) => r.id === id) ?? FOLLOW_THROUGH_RULES.find((r) => r.id === id);
}
