import { scaleUtc } from 'd3-scale';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseTicks, type TickSet } from '../../../src/lib/timeline/ticks';

function ticksFor(start: string, end: string, width = 800): TickSet {
  const s = new Date(start), e = new Date(end);
  const scale = scaleUtc().domain([s, e]).range([0, width]);
  return chooseTicks({ start: s, end: e, x: (d) => scale(d), minX: 0, maxX: width, fontSize: 11 });
}

function labelsDoNotOverlap({ ticks }: TickSet, gap = 10) {
  for (let i = 1; i < ticks.length; i++) {
    const a = ticks[i - 1]!, b = ticks[i]!;
    expect(a.labelX + a.labelWidth / 2 + gap).toBeLessThanOrEqual(b.labelX - b.labelWidth / 2 + 1e-9);
  }
}

describe('chooseTicks', () => {
  it('gives a 4-minute incident one tick per minute, on the minute', () => {
    const set = ticksFor('2026-03-02T14:05Z', '2026-03-02T14:09Z');
    expect(set.interval).toBe('1 min');
    expect(set.ticks.map((t) => t.label)).toEqual(['14:05', '14:06', '14:07', '14:08', '14:09']);
    expect(set.ticks.map((t) => t.x)).toEqual([0, 200, 400, 600, 800]);
  });

  it('gives a 3-day incident 6-hour ticks and names each day at midnight', () => {
    const set = ticksFor('2026-03-02T14:05Z', '2026-03-05T14:05Z');
    expect(set.interval).toBe('6 h');
    expect(set.ticks.map((t) => t.label)).toEqual([
      '18:00', 'Mar 3', '06:00', '12:00', '18:00', 'Mar 4', '06:00', '12:00', '18:00', 'Mar 5', '06:00', '12:00',
    ]);
    expect(set.ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['Mar 3', 'Mar 4', 'Mar 5']);
  });

  it('falls back to day ticks for a 3-day incident in a narrow drawing', () => {
    const set = ticksFor('2026-03-02T14:05Z', '2026-03-05T14:05Z', 300);
    expect(set.interval).toBe('1 d');
    expect(set.ticks.map((t) => t.label)).toEqual(['Mar 3', 'Mar 4', 'Mar 5']);
  });

  it('keeps ticks at least 50 px apart and between 2 and ~16 ticks for common incident lengths', () => {
    const start = Date.parse('2026-03-02T14:05Z');
    for (const minutes of [1, 4, 10, 45, 125, 300, 720, 1440, 4320, 10_080]) {
      for (const width of [480, 800, 1200]) {
        const set = ticksFor(new Date(start).toISOString(), new Date(start + minutes * 60_000).toISOString(), width);
        expect(set.ticks.length, `${minutes} min at ${width}`).toBeGreaterThanOrEqual(2);
        expect(set.ticks.length, `${minutes} min at ${width}`).toBeLessThanOrEqual(Math.floor(width / 50) + 1);
        for (let i = 1; i < set.ticks.length; i++) expect(set.ticks[i]!.x - set.ticks[i - 1]!.x).toBeGreaterThanOrEqual(50 * 0.9);
        labelsDoNotOverlap(set);
      }
    }
  });

  it('puts every tick inside the domain and every label inside the drawing', () => {
    const set = ticksFor('2026-03-02T22:47:13Z', '2026-03-03T03:12:59Z', 640);
    for (const t of set.ticks) {
      expect(+t.at).toBeGreaterThanOrEqual(Date.parse('2026-03-02T22:47:13Z'));
      expect(+t.at).toBeLessThanOrEqual(Date.parse('2026-03-03T03:12:59Z'));
      expect(t.labelX - t.labelWidth / 2).toBeGreaterThanOrEqual(0);
      expect(t.labelX + t.labelWidth / 2).toBeLessThanOrEqual(640);
    }
    expect(set.ticks.map((t) => t.label)).toContain('Mar 3');
  });

  it('thins the coarsest ticks rather than let labels overlap in a tiny drawing', () => {
    const set = ticksFor('2026-03-02T14:05Z', '2036-03-02T14:05Z', 60);
    expect(set.ticks.length).toBeGreaterThanOrEqual(1);
    labelsDoNotOverlap(set);
  });

  describe('in any time zone of the build machine', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    });
    it('labels ticks in UTC', () => {
      process.env.TZ = 'Asia/Kolkata';
      expect(ticksFor('2026-03-02T14:05Z', '2026-03-02T14:09Z').ticks[0]!.label).toBe('14:05');
      expect(ticksFor('2026-03-02T14:05Z', '2026-03-05T14:05Z').ticks[1]!.label).toBe('Mar 3');
    });
  });
});
