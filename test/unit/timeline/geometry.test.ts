import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutTimeline, type Rect, type TimelineLayout } from '../../../src/lib/timeline/geometry';
import type { MeasureText } from '../../../src/lib/timeline/text';
import { MILESTONES, type Milestone, type TimelineEvent } from '../../../src/schema/timeline-event';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T14:05Z');
const at = (minutes: number) => new Date(T0 + minutes * MIN);
const ev = (minutes: number, event: string, kind?: Milestone): TimelineEvent => (kind ? { at: at(minutes), kind, event } : { at: at(minutes), event });

/** 6 units per character, bold or not: hand-checkable widths. */
const mono: MeasureText = (text) => Array.from(text).length * 6;

const POOL: TimelineEvent[] = [
  ev(0, 'Deploy of config v2.3.1 set the pool size to 10', 'started'),
  { ...ev(5, 'Error-rate alarm on checkout fired and paged the on-call', 'detected'), source: 'https://grafana.example/d/checkout' },
  ev(9, 'On-call acknowledged the page', 'acknowledged'),
  ev(75, 'Pool saturation found in the payments-db dashboard', 'diagnosed'),
  ev(95, 'Config v2.3.0 redeployed', 'mitigated'),
  ev(120, 'Error rate back under 0.1% for 30 minutes', 'resolved'),
];

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Everything that must hold for every timeline, whatever its events. */
function expectWellFormed(layout: TimelineLayout, events: readonly TimelineEvent[]) {
  // exactly one mark per event, in input order
  expect(layout.events.map((e) => e.index)).toEqual(events.map((_, i) => i));
  layout.events.forEach((mark, i) => {
    expect(mark.at).toBe(events[i]!.at);
    expect(mark.kind).toBe(events[i]!.kind);
    expect(mark.shape).toBe(events[i]!.kind ? 'diamond' : 'circle');
  });
  // marks follow time (events a second apart in a long incident may share an x)
  for (let i = 0; i < events.length; i++) {
    for (let j = 0; j < events.length; j++) {
      if (+events[i]!.at < +events[j]!.at) expect(layout.events[i]!.x).toBeLessThanOrEqual(layout.events[j]!.x);
      if (+events[i]!.at === +events[j]!.at) expect(layout.events[i]!.x).toBe(layout.events[j]!.x);
    }
  }
  for (const a of layout.events) {
    const box = a.label.box;
    // inside the drawing, above the axis
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThan(layout.axis.y);
    // the label starts at its event and the leader ends inside the label's row
    expect(box.x).toBe(a.x);
    expect(a.leader.x).toBe(a.x);
    expect(a.leader.y2).toBeGreaterThan(box.y);
    expect(a.leader.y2).toBeLessThan(box.y + box.height);
    expect(a.leader.y1).toBeLessThanOrEqual(layout.axis.y);
    // a cut label says so
    if (a.label.truncated) expect(`${a.label.prefix}${a.label.text}`.endsWith('…')).toBe(true);
    for (const b of layout.events) {
      if (a === b) continue;
      // no two labels overlap
      expect(intersects(a.label.box, b.label.box), `labels ${a.index} and ${b.index} overlap`).toBe(false);
      // no leader passes through another label
      const crossesX = b.label.box.x < a.leader.x && a.leader.x < b.label.box.x + b.label.box.width;
      const crossesY = a.leader.y2 < b.label.box.y + b.label.box.height && b.label.box.y < a.leader.y1;
      expect(crossesX && crossesY, `leader ${a.index} crosses label ${b.index}`).toBe(false);
    }
  }
  // ticks inside the domain and the plot, labels apart
  expect(layout.ticks.length).toBeGreaterThanOrEqual(1);
  for (const [i, t] of layout.ticks.entries()) {
    expect(+t.at).toBeGreaterThanOrEqual(+layout.domain.start);
    expect(+t.at).toBeLessThanOrEqual(+layout.domain.end);
    expect(t.x).toBeGreaterThanOrEqual(layout.plot.left - 1e-9);
    expect(t.x).toBeLessThanOrEqual(layout.plot.right + 1e-9);
    const prev = layout.ticks[i - 1];
    if (prev) expect(prev.labelX + prev.labelWidth / 2).toBeLessThan(t.labelX - t.labelWidth / 2);
  }
  // phases in order, visible, below the axis
  const ends = layout.phases.map((p) => p.rect.x + p.rect.width);
  for (let i = 1; i < ends.length; i++) expect(ends[i - 1]!).toBeLessThanOrEqual(ends[i]! + 1e-9);
  for (const p of layout.phases) {
    expect(p.rect.width).toBeGreaterThan(0);
    expect(p.rect.y).toBeGreaterThan(layout.axis.labelY);
    expect(p.rect.y + p.rect.height).toBeLessThanOrEqual(layout.height);
  }
}

describe('layoutTimeline: hand-worked layouts', () => {
  it('places two events, the phase and the minute ticks of a 4-minute incident', () => {
    const events = [ev(0, 'A', 'started'), ev(4, 'B', 'resolved')];
    const layout = layoutTimeline(events, { width: 960, measure: mono });
    // Drawing 16…952 (936 wide). The scale keeps 140 for the last label: 16…812.
    expect(layout.plot).toEqual({ left: 16, right: 812 });
    expect(layout.events.map((e) => e.x)).toEqual([16, 812]);
    expect(layout.tickInterval).toBe('1 min');
    expect(layout.ticks.map((t) => [t.label, t.x])).toEqual([['14:05', 16], ['14:06', 215], ['14:07', 414], ['14:08', 613], ['14:09', 812]]);
    // "Started: " is 9 characters, 54 units; "A" 6; plus the 5-unit pad.
    expect(layout.events[0]!.label).toMatchObject({ lane: 0, prefix: 'Started: ', text: 'A', truncated: false, box: { x: 16, width: 65 } });
    expect(layout.events[1]!.label).toMatchObject({ lane: 0, prefix: 'Resolved: ', text: 'B' });
    expect(layout.lanes).toBe(1);
    expect(layout.phases).toHaveLength(1);
    expect(layout.phases[0]).toMatchObject({ key: 'ttr', durationMs: 4 * MIN, rect: { x: 16, width: 796 }, label: { text: 'TTR 4 min', inside: true } });
    expectWellFormed(layout, events);
  });

  it('draws the TTD, TTM and TTR bands of the reference incident in order', () => {
    const layout = layoutTimeline(POOL);
    expect(layout.phases.map((p) => [p.key, p.label.text])).toEqual([
      ['ttd', 'TTD 5 min'],
      ['ttm', 'TTM 1 h 35 min'],
      ['ttr', 'TTR 2 h 00 min'],
    ]);
    const [ttd, ttm, ttr] = layout.phases;
    expect(ttd!.rect.x).toBe(layout.events[0]!.x);
    expect(ttd!.rect.x + ttd!.rect.width).toBeCloseTo(layout.events[1]!.x, 1);
    expect(ttm!.rect.x + ttm!.rect.width).toBeCloseTo(layout.events[4]!.x, 1);
    expect(ttr!.rect.x + ttr!.rect.width).toBeCloseTo(layout.events[5]!.x, 1);
    expect(layout.phases.map((p) => p.rect.y)).toEqual([...layout.phases.map((p) => p.rect.y)].sort((a, b) => a - b));
    expect(ttd!.title).toBe('Time to detect: 5 min (started → detected)');
    expect(layout.events.every((e) => e.shape === 'diamond')).toBe(true);
    expectWellFormed(layout, POOL);
  });

  it('is deterministic and leaves its input alone', () => {
    const copy = structuredClone(POOL);
    expect(layoutTimeline(POOL)).toEqual(layoutTimeline(POOL));
    expect(POOL).toEqual(copy);
  });
});

describe('layoutTimeline: edge cases', () => {
  it('gives events at the same minute the same x and stacks their labels, earliest on top', () => {
    const events = [ev(0, 'Start', 'started'), ev(1, 'one'), ev(1, 'two', 'detected'), ev(1, 'three'), ev(1, 'four'), ev(3, 'end', 'resolved')];
    const layout = layoutTimeline(events);
    const same = layout.events.slice(1, 5);
    expect(new Set(same.map((e) => e.x)).size).toBe(1);
    const lanes = same.map((e) => e.label.lane);
    expect(lanes).toEqual([...lanes].sort((a, b) => b - a)); // strictly higher for earlier events
    expect(new Set(lanes).size).toBe(4);
    expectWellFormed(layout, events);
  });

  it('handles a timeline whose events all share one instant', () => {
    const events = [ev(0, 'Bad deploy', 'started'), ev(0, 'Canary alarm', 'detected'), ev(0, 'Automatic rollback', 'mitigated'), ev(0, 'Verified', 'resolved')];
    const layout = layoutTimeline(events);
    expect(+layout.domain.end - +layout.domain.start).toBe(MIN); // widened to one minute
    expect(layout.phases.map((p) => p.rect.width)).toEqual([3, 3, 3]);
    expectWellFormed(layout, events);
  });

  it('keeps a zero-length phase visible', () => {
    const events = [ev(0, 'Deploy', 'started'), ev(0, 'Canary alarm', 'detected'), ev(45, 'Verified', 'resolved')];
    const layout = layoutTimeline(events);
    const ttd = layout.phases.find((p) => p.key === 'ttd')!;
    expect(ttd.durationMs).toBe(0);
    expect(ttd.rect.width).toBe(3);
    expect(ttd.widened).toBe(true);
    expect(layout.phases.find((p) => p.key === 'ttr')!.widened).toBe(false);
    expect(ttd.label.text).toBe('TTD 0 min');
    expect(ttd.label.inside).toBe(false);
    expect(ttd.label.x).toBeGreaterThan(ttd.rect.x + ttd.rect.width);
    expect(layoutTimeline(events, { minPhaseWidth: 6 }).phases[0]!.rect.width).toBe(6);
  });

  it('draws no band for a phase whose milestones are missing', () => {
    const noStart = [ev(0, 'Odd log line'), ev(10, 'Alarm', 'detected'), ev(30, 'Fixed', 'resolved')];
    expect(layoutTimeline(noStart).phases).toEqual([]);
    const noMitigation = [ev(0, 'Deploy', 'started'), ev(10, 'Alarm', 'detected'), ev(30, 'Fixed', 'resolved')];
    expect(layoutTimeline(noMitigation).phases.map((p) => p.key)).toEqual(['ttd', 'ttr']);
    const open = [ev(0, 'Deploy', 'started'), ev(10, 'Alarm', 'detected')];
    const layout = layoutTimeline(open);
    expect(layout.phases.map((p) => p.key)).toEqual(['ttd']);
    expect(layout.grid).toBeDefined();
    const plain = [ev(0, 'Something odd in the logs'), ev(30, 'It went away')];
    const bare = layoutTimeline(plain);
    expect(bare.phases).toEqual([]);
    expect(bare.grid).toBeUndefined();
    expect(bare.events.map((e) => e.shape)).toEqual(['circle', 'circle']);
    expectWellFormed(bare, plain);
  });

  it('cuts a very long event text with an ellipsis, within the label width limit', () => {
    const long = 'Firmware bug in the RAID controller identified with the vendor, who confirmed it affects every controller running 4.2.1 and shipped since January. '.repeat(4);
    const events = [ev(0, long, 'started'), ev(30, long), ev(60, 'Done', 'resolved')];
    const layout = layoutTimeline(events, { maxLabelWidth: 300 });
    for (const e of layout.events.slice(0, 2)) {
      expect(e.label.truncated).toBe(true);
      expect(e.label.text.endsWith('…')).toBe(true);
      expect(long.startsWith(e.label.text.slice(0, -1).trimEnd())).toBe(true);
      expect(e.label.box.width).toBeLessThanOrEqual(300);
      expect(e.title).toContain(long.trim().slice(-40)); // the tooltip keeps the full text
    }
    expect(layout.events[2]!.label.truncated).toBe(false);
    expectWellFormed(layout, events);
  });

  it('stays tidy with 40 events in 4 minutes', () => {
    const events = Array.from({ length: 40 }, (_, i) =>
      ({ at: new Date(T0 + Math.round((i / 39) * 240) * 1000), event: `Step ${i}: operator ran the next command of the runbook`, ...(i === 0 ? { kind: 'started' as const } : i === 39 ? { kind: 'resolved' as const } : {}) }),
    );
    const layout = layoutTimeline(events);
    expect(layout.tickInterval).toBe('1 min');
    expect(layout.ticks.map((t) => t.label)).toEqual(['14:05', '14:06', '14:07', '14:08', '14:09']);
    expect(layout.lanes).toBeLessThanOrEqual(40);
    expect(layout.height).toBeLessThan(40 * 18 + 150);
    expectWellFormed(layout, events);
  });

  it('gives a 3-day incident 6-hour ticks with the days named', () => {
    const events = [
      { at: new Date('2026-03-02T14:05Z'), kind: 'started' as const, event: 'Firmware upgrade began' },
      { at: new Date('2026-03-02T20:40Z'), kind: 'detected' as const, event: 'Customer reports escalated' },
      { at: new Date('2026-03-04T09:30Z'), kind: 'mitigated' as const, event: 'Firmware rolled back' },
      { at: new Date('2026-03-05T14:05Z'), kind: 'resolved' as const, event: 'Arrays rebuilt' },
    ];
    const layout = layoutTimeline(events);
    expect(layout.tickInterval).toBe('6 h');
    expect(layout.ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['Mar 3', 'Mar 4', 'Mar 5']);
    expect(layout.ticks.map((t) => t.label)).toContain('06:00');
    expect(layout.phases.map((p) => p.label.text)).toEqual(['TTD 6 h 35 min', 'TTM 1 d 19 h 25 min', 'TTR 3 d 0 h 00 min']);
    expectWellFormed(layout, events);
  });

  it('survives a single event and no events at all', () => {
    const one = [ev(0, 'Only event', 'started')];
    expectWellFormed(layoutTimeline(one), one);
    const none = layoutTimeline([]);
    expect(none.events).toEqual([]);
    expect(none.lanes).toBe(0);
  });

  it('scales to the width it is given, down to 240', () => {
    for (const width of [480, 640, 1400]) {
      const layout = layoutTimeline(POOL, { width });
      expect(layout.width).toBe(width);
      expectWellFormed(layout, POOL);
    }
    const tiny = layoutTimeline(POOL, { width: 100 });
    expect(tiny.width).toBe(240);
    expectWellFormed(tiny, POOL);
  });
});

describe('layoutTimeline: properties over generated timelines', () => {
  const STEP_MS = [0, 0, 1_000, 15_000, MIN, 5 * MIN, 47 * MIN, 6 * 3_600_000, 26 * 3_600_000];
  const timeline = fc
    .record({
      steps: fc.array(fc.tuple(fc.constantFrom(...STEP_MS), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 59 }),
      texts: fc.array(fc.string({ minLength: 1, maxLength: 240 }), { minLength: 60, maxLength: 60 }),
      marks: fc.subarray([...MILESTONES]),
      width: fc.integer({ min: 240, max: 1600 }),
    })
    .map(({ steps, texts, marks, width }) => {
      let t = T0 + 37_000;
      const times = [t, ...steps.map(([ms, k]) => (t += ms * k))];
      // Milestones go on distinct events in schema order (started ≤ detected ≤ … ≤ resolved).
      const slots = marks.map((_, i) => Math.floor(((i + 1) * (times.length - 1)) / (marks.length + 1)));
      const events: TimelineEvent[] = times.map((ms, i) => ({ at: new Date(ms), event: texts[i]!.trim() || 'x' }));
      marks.forEach((kind, i) => {
        const slot = slots[i]!;
        if (events[slot] && !events[slot].kind) events[slot] = { ...events[slot], kind };
      });
      return { events, width };
    });

  it('never overlaps labels, crosses leaders or loses a mark, whatever the events', () => {
    fc.assert(
      fc.property(timeline, ({ events, width }) => {
        expectWellFormed(layoutTimeline(events, { width }), events);
      }),
      { numRuns: 250 },
    );
  });
});
