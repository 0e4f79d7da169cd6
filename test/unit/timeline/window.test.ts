/*
 * "A timeline that never squashes": events far outside the incident (a warning days before
 * `started`, a clean-up after `resolved`) get a segment of their own behind a break in the axis,
 * and the incident's window keeps at least half of the plot, for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutTimeline, type TimelineLayout } from '../../../src/lib/timeline/geometry';
import type { TimelineEvent } from '../../../src/schema/timeline-event';

const MIN = 60_000, HOUR = 60 * MIN, DAY = 24 * HOUR;
const plotWidth = (l: TimelineLayout) => l.plot.right - l.plot.left;
const xOfKind = (l: TimelineLayout, kind: string) => l.events.find((e) => e.kind === kind)!.x;

/** The example's 2026-09-03 incident: a maintenance notice a week before a 50-minute incident. */
const NOTICE: TimelineEvent[] = [
  { at: new Date('2026-08-27T10:00Z'), event: 'Maintenance notice for 3 September 05:30 UTC posted in the platform announcements channel' },
  { at: new Date('2026-09-03T05:30Z'), kind: 'started', event: 'Cutover begins; parcel-db set to default_transaction_read_only on' },
  { at: new Date('2026-09-03T05:32Z'), kind: 'detected', event: 'Merchant API 5xx alarm pages merchant on-call' },
  { at: new Date('2026-09-03T05:35Z'), kind: 'acknowledged', event: 'Merchant on-call acknowledges' },
  { at: new Date('2026-09-03T05:38Z'), kind: 'diagnosed', event: 'Errors read "cannot execute INSERT in a read-only transaction"' },
  { at: new Date('2026-09-03T05:56Z'), kind: 'mitigated', event: 'Cutover complete on PostgreSQL 17; writes accepted' },
  { at: new Date('2026-09-03T06:20Z'), kind: 'resolved', event: 'Merchant retries drained and label error rate back to baseline' },
];

describe('the incident window on the time axis', () => {
  it('keeps a 50-minute incident wide when a notice came a week before it', () => {
    const layout = layoutTimeline(NOTICE);
    // From started to resolved: at least half the plot (on one continuous scale it was about 0.5 %).
    expect(xOfKind(layout, 'resolved') - xOfKind(layout, 'started')).toBeGreaterThanOrEqual(0.5 * plotWidth(layout));
    // The notice sits in its own segment before a break, named by its day.
    expect(layout.segments.map((s) => s.outside)).toEqual([true, false]);
    expect(layout.breaks).toHaveLength(1);
    expect(layout.events[0]!.x).toBeLessThan(layout.breaks[0]!);
    expect(xOfKind(layout, 'started')).toBeGreaterThan(layout.breaks[0]!);
    expect(layout.ticks.map((t) => t.label)).toContain('Aug 27');
    // The incident's own ticks are clock times again, minutes apart.
    expect(layout.tickInterval).toMatch(/min$/);
  });

  it('keeps one continuous axis when the events around the incident are close to it', () => {
    const events: TimelineEvent[] = [
      { at: new Date('2026-03-02T13:55Z'), event: 'Config change merged' },
      { at: new Date('2026-03-02T14:05Z'), kind: 'started', event: 'Errors begin' },
      { at: new Date('2026-03-02T16:05Z'), kind: 'resolved', event: 'Back to normal' },
    ];
    const layout = layoutTimeline(events);
    expect(layout.segments).toHaveLength(1);
    expect(layout.breaks).toEqual([]);
    expect(layout.window.x2 - layout.window.x1).toBeGreaterThanOrEqual(0.5 * plotWidth(layout));
  });

  it('breaks both sides when far events lie before and after', () => {
    const events: TimelineEvent[] = [
      { at: new Date('2026-03-01T09:00Z'), event: 'Certificate expiry warning e-mailed' },
      { at: new Date('2026-03-10T14:05Z'), kind: 'started', event: 'Certificate expired' },
      { at: new Date('2026-03-10T14:50Z'), kind: 'resolved', event: 'New certificate deployed' },
      { at: new Date('2026-03-24T10:00Z'), event: 'Old certificate revoked' },
    ];
    const layout = layoutTimeline(events);
    expect(layout.segments.map((s) => s.outside)).toEqual([true, false, true]);
    expect(layout.breaks).toHaveLength(2);
    expect(layout.window.x2 - layout.window.x1).toBeGreaterThanOrEqual(0.5 * plotWidth(layout));
  });

  const timelines = fc
    .record({
      duration: fc.integer({ min: 0, max: 4 * DAY }),
      inside: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
      before: fc.array(fc.integer({ min: 1, max: 40 * DAY }), { maxLength: 5 }),
      after: fc.array(fc.integer({ min: 1, max: 40 * DAY }), { maxLength: 5 }),
      width: fc.integer({ min: 240, max: 1600 }),
    })
    .map(({ duration, inside, before, after, width }) => {
      const t0 = Date.parse('2026-05-19T03:10:20Z');
      const times: Array<{ t: number; kind?: 'started' | 'resolved' }> = [
        ...before.map((d) => ({ t: t0 - d })),
        { t: t0, kind: 'started' as const },
        ...inside.map((f) => ({ t: t0 + Math.round(f * duration) })),
        { t: t0 + duration, kind: 'resolved' as const },
        ...after.map((d) => ({ t: t0 + duration + d })),
      ].sort((a, b) => a.t - b.t);
      const events: TimelineEvent[] = times.map((x, i) => ({ at: new Date(x.t), event: `Event ${i} with a label of some length`, ...(x.kind ? { kind: x.kind } : {}) }));
      return { events, width };
    });

  it('gives the window at least half the plot width for any input, in time order, with readable ticks', () => {
    fc.assert(
      fc.property(timelines, ({ events, width }) => {
        const layout = layoutTimeline(events, { width });
        expect(layout.window.x2 - layout.window.x1).toBeGreaterThanOrEqual(0.5 * plotWidth(layout) - 0.02);
        // Marks stay on the plot and in time order.
        for (let i = 0; i < events.length; i++) {
          const x = layout.events[i]!.x;
          expect(x).toBeGreaterThanOrEqual(layout.plot.left - 0.01);
          expect(x).toBeLessThanOrEqual(layout.plot.right + 0.01);
          if (i > 0 && +events[i]!.at > +events[i - 1]!.at) expect(x).toBeGreaterThanOrEqual(layout.events[i - 1]!.x);
        }
        // No mark falls into a break; tick labels stay apart and inside the drawing.
        for (const b of layout.breaks) for (const e of layout.events) expect(Math.abs(e.x - b)).toBeGreaterThan(1);
        const ticks = [...layout.ticks].sort((a, b) => a.labelX - b.labelX);
        ticks.forEach((t, i) => {
          expect(t.labelX - t.labelWidth / 2).toBeGreaterThanOrEqual(-0.01);
          expect(t.labelX + t.labelWidth / 2).toBeLessThanOrEqual(layout.width + 0.01);
          if (i > 0) expect(t.labelX - t.labelWidth / 2).toBeGreaterThanOrEqual(ticks[i - 1]!.labelX + ticks[i - 1]!.labelWidth / 2);
        });
      }),
      { numRuns: 300 },
    );
  });
});
