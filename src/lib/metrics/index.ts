/*
 * Derived metrics (content-model.md, "Derived metrics"): one definition of
 * TTD/TTA/TTM/TTR, of the quarter an incident belongs to, of the summary
 * statistics and of overdue action items, used by every page, the JSON
 * export and the CLI.
 */
export type { ActionItemInput, IncidentInput, TimelineInput, TimelineMoment } from './types';
export {
  DURATION_LABELS,
  DURATION_METRICS,
  between,
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
  type MilestoneTimes,
  type TimelineSource,
} from './milestones';
export { isInQuarter, isOngoing, nextQuarter, quarterLabel, parseQuarterKey, previousQuarter, quarterFrom, quarterKeysBetween, quarterOf, type Quarter } from './quarters';
export { quantileSorted, summarize, type Summary } from './summary';
export { countBy, type FacetCount } from './counts';
export { periodMetrics, type DurationPoint, type PeriodMetrics, type PeriodOptions } from './period';
export {
  actionItemStats,
  actionItemsAtQuarterEnd,
  isOverdue,
  overdueActionItems,
  type ActionItemRef,
  type ActionItemStats,
  type IncidentWithActions,
  type QuarterActionItems,
} from './action-items';
export { causeCategories, causeCounts, type CauseCount } from './causes';
export { impactTotals, type ImpactTotals } from './impact';
export { controlMix, type ControlMix } from './controls';
export { FOLLOW_UP_HORIZON_DAYS, followUpStatus, followUpsNeedingAttention, type FollowUpStatus } from './follow-ups';
