/*
 * The incident timeline as SVG markup, from layoutTimeline. A string, not a component, so that it
 * is drawn once per postmortem where the file is read (the read worker threads) and kept in the
 * content store: a page only inserts it, and a warm build draws nothing again. Laying out the
 * labels costs about 1.5 ms a timeline, 15 s of a 10,000-postmortem build on one thread.
 *
 * Hand-written markup on purpose: every value is a number, a class name or a short escaped text,
 * and building a syntax tree to serialise it (hast-util-to-html) cost more than the layout itself.
 */
import type { Milestone, TimelineEvent } from '../../schema/timeline-event';
import { layoutTimeline, type TimelineOptions } from './geometry';
import { timelineId } from './id';
import { describeTimeline } from './phases';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or an attribute value, escaped for HTML (the SVG is inline in the page), as Astro escapes them. */
const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const diamond = (x: number, y: number, s: number) => `${x},${y - s} ${x + s},${y} ${x},${y + s} ${x - s},${y}`;
const markClass = (kind: Milestone | undefined) => (kind ? `tl-event tl-milestone tl-milestone--${kind}` : 'tl-event');

/**
 * The timeline chart: an <svg> scaled to its container, titled and described for screen readers
 * (its table twin, in the page, is the complete version). Empty for a timeline without events.
 */
export function timelineSvg(events: readonly TimelineEvent[], opts: { id?: string | undefined; width?: number | undefined } = {}): string {
  if (!events.length) return '';
  const id = opts.id ?? timelineId(events);
  const layout = layoutTimeline(events, opts.width === undefined ? {} : ({ width: opts.width } satisfies TimelineOptions));
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const summary = `${describeTimeline(events)}${layout.breaks.length ? ' Events long before or after the incident are drawn beyond a break in the axis, so the incident keeps most of the width.' : ''}`;
  const out: string[] = [];
  out.push(
    `<svg class="tl-svg" viewBox="0 0 ${layout.width} ${layout.height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="${esc(titleId)} ${esc(descId)}"`,
    ` style="--tl-font-size: ${layout.fontSize}px; --tl-axis-font-size: ${layout.axisFontSize}px; min-width: ${Math.round(layout.width * 0.75)}px">`,
    `<title id="${esc(titleId)}">Incident timeline, times in UTC</title><desc id="${esc(descId)}">${esc(summary)}</desc>`,
  );
  if (layout.grid) {
    const { y1, y2 } = layout.grid;
    out.push(`<g class="tl-grid" aria-hidden="true">${layout.ticks.map((t) => `<line x1="${t.x}" x2="${t.x}" y1="${y1}" y2="${y2}"></line>`).join('')}</g>`);
  }
  out.push('<g class="tl-phases">');
  for (const p of layout.phases) {
    out.push(
      `<g class="tl-phase tl-phase--${p.key}${p.widened ? ' tl-phase--widened' : ''}"><title>${esc(p.title)}</title>`,
      `<rect class="tl-phase__band" x="${p.rect.x}" y="${p.rect.y}" width="${p.rect.width}" height="${p.rect.height}" rx="2"></rect>`,
      `<text class="tl-phase__label" x="${p.label.x}" y="${p.label.y}" text-anchor="${p.label.anchor}">${esc(p.label.text)}</text></g>`,
    );
  }
  out.push('</g><g class="tl-axis">');
  const { axis } = layout;
  for (const seg of layout.segments) out.push(`<line class="${seg.outside ? 'tl-axis__line tl-axis__line--outside' : 'tl-axis__line'}" x1="${seg.x1}" x2="${seg.x2}" y1="${axis.y}" y2="${axis.y}"></line>`);
  for (const x of layout.breaks) out.push(`<g class="tl-break"><title>The axis is broken here: time between the two sides is left out</title><path d="M${x - 5} ${axis.y + 6}l5 -12M${x} ${axis.y + 6}l5 -12"></path></g>`);
  for (const t of layout.ticks) {
    out.push(`<g class="${t.major ? 'tl-tick tl-tick--major' : 'tl-tick'}"><line x1="${t.x}" x2="${t.x}" y1="${axis.y}" y2="${axis.y + axis.tickSize}"></line><text x="${t.labelX}" y="${axis.labelY}" text-anchor="middle">${esc(t.label)}</text></g>`);
  }
  out.push(`<text class="tl-axis__caption" x="${axis.caption.x}" y="${axis.caption.y}" text-anchor="end">${esc(axis.caption.text)}</text></g>`);
  out.push('<g class="tl-leaders" aria-hidden="true">');
  for (const e of layout.events) out.push(`<path class="${e.kind ? 'tl-leader tl-leader--milestone' : 'tl-leader'}" d="M${e.leader.x} ${e.leader.y1}V${e.leader.y2}H${e.leader.x2}"></path>`);
  out.push('</g><g class="tl-labels">');
  for (const e of layout.events) {
    const prefix = e.label.prefix ? `<tspan class="tl-label__milestone">${esc(e.label.prefix)}</tspan>` : '';
    out.push(`<text class="${e.kind ? 'tl-label tl-label--milestone' : 'tl-label'}" x="${e.label.x}" y="${e.label.y}"><title>${esc(e.title)}</title>${prefix}${esc(e.label.text)}</text>`);
  }
  out.push('</g><g class="tl-marks">');
  // Milestones are drawn last so that a plain event at the same minute cannot hide one.
  const marks = [...layout.events].sort((a, b) => Number(a.kind !== undefined) - Number(b.kind !== undefined) || a.index - b.index);
  for (const e of marks) {
    out.push(
      e.shape === 'diamond'
        ? `<polygon class="${markClass(e.kind)}" data-event-index="${e.index}" points="${diamond(e.x, e.y, e.size)}"><title>${esc(e.title)}</title></polygon>`
        : `<circle class="${markClass(e.kind)}" data-event-index="${e.index}" cx="${e.x}" cy="${e.y}" r="${e.size}"><title>${esc(e.title)}</title></circle>`,
    );
  }
  out.push('</g></svg>');
  return out.join('');
}
