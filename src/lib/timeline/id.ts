import type { TimelineEvent } from '../../schema/timeline-event';

/**
 * A stable id prefix for one timeline's SVG (<title>, <desc>), derived from its
 * events so that two timelines on one page never share ids and a rebuild
 * gives the same markup. FNV-1a, 32 bits, base 36.
 */
export function timelineId(events: readonly Pick<TimelineEvent, 'at' | 'event'>[]): string {
  let hash = 0x811c9dc5;
  for (const e of events) {
    for (const ch of `${e.at.toISOString()}|${e.event}\n`) {
      hash ^= ch.codePointAt(0)!;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return `tl-${hash.toString(36)}`;
}
