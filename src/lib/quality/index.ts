/**
 * The quality policy of content-model.md ("The quality policy"): rules that
 * speak the COE practice (blameless, mechanisms not intentions), a runner,
 * one config and a 0–5 score. Pure TypeScript: the CLI and the site call it
 * with parsed postmortems.
 */
export { runFollowThrough, runQualityPolicy } from './run';
export { DEFAULT_QUALITY_CONFIG, QualityConfigError, isLight, resolveQualityConfig, type QualityConfigOverrides } from './config';
export { TEMPLATE_TEXT, isPlaceholder } from './placeholders';
export { FOLLOW_THROUGH_RULES, QUALITY_RULES, RULE_IDS, ruleById } from './registry';
export { FAMILY_LABELS, MAX_SCORE, SCORE_WEIGHTS, scoreIssues } from './score';
export { NEAR_MISS_EXEMPTIONS, NEAR_MISS_OPTIONAL_SECTIONS, isNearMiss } from './near-miss';
export { BLAMELESS_PATTERNS, PERSON_AS_CAUSE, type BlamelessPattern } from './blameless-patterns';
export { SENSITIVE_PATTERNS, type SensitivePattern } from './sensitive-patterns';
export { VAGUE_ACTIONS, hasMeasurableObject, vagueAction, type VagueAction } from './vague-actions';
export { BODY_SECTIONS, sectionHeadings } from './rules/body-sections';
export { findSensitive } from './rules/secrets';
export type {
  Finding,
  QualityConfig,
  QualityInput,
  QualityResult,
  QualityRule,
  RuleContext,
  RuleSetting,
  ScoreDeduction,
  ScoreFamily,
  TextField,
} from './types';
