/*
 * Repeat-incident patterns (content-model.md, "Repeat-incident patterns"):
 * one file per detection rule, the registry that runs them, and the missed
 * mechanisms every rule reports.
 */
export type {
  MissedMechanism,
  MissedReason,
  PatternIncident,
  PatternKind,
  PatternOptions,
  PatternRule,
  PatternSubject,
  RepeatPattern,
  ResolvedPatternOptions,
} from './types';
export { DEFAULT_WINDOW_DAYS } from './types';
export { PATTERN_RULES, detectPatterns } from './registry';
export { explicitChains, explicitRecurrence } from './explicit-recurrence';
export { sharedServiceCategory } from './shared-service-category';
export { missedMechanisms } from './missed-mechanisms';
export { patternSubjects } from './subjects';
export { recurringCategories, recurringServices, type RecurrenceCount } from './recurring';
export { sharedContributingFactors } from './shared-factors';
