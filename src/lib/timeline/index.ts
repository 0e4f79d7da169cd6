/*
 * Incident timeline: pure geometry (d3-scale, d3-time) for the SVG drawn by
 * components/timeline/Timeline.astro, plus the rows of its table twin.
 */
export {
  layoutTimeline,
  type EventLabel,
  type EventLeader,
  type EventMark,
  type PhaseBand,
  type Rect,
  type TimelineLayout,
  type TimelineOptions,
} from './geometry';
export { assignLanes, type LaneOptions, type LaneRequest } from './lanes';
export { MILESTONE_LABELS, PHASES, describeTimeline, phasesOf, timelineOrigin, type Phase, type PhaseDefinition, type PhaseKey } from './phases';
export { timelineRows, type TimelineRow } from './table';
export { chooseTicks, type AxisTick, type TickOptions, type TickSet } from './ticks';
export { ELLIPSIS, estimateTextWidth, truncateToWidth, type MeasureText, type TextStyle, type Truncated } from './text';
export { timelineId } from './id';
export { timelineSvg } from './svg';
