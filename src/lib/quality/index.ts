/**
 * The quality policy of content-model.md ("The quality policy"): rules that
 * speak the COE practice (blameless, mechanisms not intentions), a runner,
 * one config and a 0–5 score. Pure TypeScript: the CLI and the site call it
 * with parsed postmortems.
 */
export { runFollowThrough, runQualityPolicy } from './run';
export { DEFAULT_QUALITY_CONFIG, QualityConfigError, isLight, resolveQualityConfig, type QualityConfigOverrides } from './config';
export { TEMPLATE_TEXT, isPlaceholder } from './placeholders';
export { FOLLOW_THROUGH_RULES, QUALITY_RULES,   } from './registry';
export {  MAX_SCORE, SCORE_WEIGHTS,  } from './score';
export { NEAR_MISS_EXEMPTIONS, NEAR_MISS_OPTIONAL_SECTIONS,  } from './near-miss';
;
;
;
export { BODY_SECTIONS, sectionHeadings } from './rules/body-sections';
;
export type {
  
  
  
  QualityResult,
  
  
  
  
  
  
} from './types';
