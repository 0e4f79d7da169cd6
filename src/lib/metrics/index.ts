/*
 * Derived metrics (content-model.md, "Derived metrics"): one definition of
 * TTD/TTA/TTM/TTR, of the quarter an incident belongs to, of the summary
 * statistics and of overdue action items, used by every page, the JSON
 * export and the CLI.
 */
export type { ActionItemInput, IncidentInput, TimelineInput,  } from './types';
export {
  DURATION_LABELS,
  
  
  mttrDecomposition,
  timeToDiagnoseFrom,
  timeToFixFrom,
  incidentMetrics,
  incidentStart,
  milestones,
  timeToAcknowledge,
  timeToDetect,
  timeToMitigate,
  timeToResolve,
  type DecompositionPart,
  type DurationMetric,
  type IncidentMetrics,
  
  
} from './milestones';
export { isInQuarter, isOngoing, nextQuarter, quarterLabel, parseQuarterKey, previousQuarter,  quarterKeysBetween, quarterOf,  } from './quarters';
export { quantileSorted, summarize, type Summary } from './summary';
export { countBy, type FacetCount } from './counts';
export { periodMetrics,  type PeriodMetrics,  } from './period';
export {
  actionItemStats,
  actionItemsAtQuarterEnd,
  isOverdue,
  overdueActionItems,
  
  
  type IncidentWithActions,
  type QuarterActionItems,
} from './action-items';
export { causeCategories, causeCounts, type CauseCount } from './causes';
export { impactTotals, type ImpactTotals } from './impact';
export { controlMix, type ControlMix } from './controls';
export { FOLLOW_UP_HORIZON_DAYS, followUpStatus, followUpsNeedingAttention, type FollowUpStatus } from './follow-ups';
