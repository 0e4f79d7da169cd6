/*
 * Repeat-incident patterns (content-model.md, "Repeat-incident patterns"):
 * one file per detection rule, the registry that runs them, and the missed
 * mechanisms every rule reports.
 */
export type {
  
  
  PatternIncident,
  
  
  
  
  RepeatPattern,
  
} from './types';
;
export {  detectPatterns } from './registry';
export {  explicitRecurrence } from './explicit-recurrence';
export { sharedServiceCategory } from './shared-service-category';
;
;
export { recurringCategories, recurringServices,  } from './recurring';
export { sharedContributingFactors } from './shared-factors';
