/*
 * Incident timeline: pure geometry (d3-scale, d3-time) for the SVG drawn by
 * components/timeline/Timeline.astro, plus the rows of its table twin.
 */
export {
  layoutTimeline,
  
  
  
  
  
  
  
} from './geometry';
export { assignLanes,   } from './lanes';
;
export { timelineRows,  } from './table';
;
;
;
export { timelineSvg } from './svg';
