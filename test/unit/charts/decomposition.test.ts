import { describe, expect, it } from 'vitest';
import { BAR_NARROW_PX, BAR_WIDE_PX, decompositionBar } from '../../../src/lib/charts/decomposition';
import { formatDuration } from '../../../src/lib/time/duration';
import { estimateTextWidth } from '../../../src/lib/timeline/text';
import { MINUTE, timeline } from '../metrics/helpers';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('decompositionBar', () => {
  it('splits TTR into TTD | TTA | TTDiag | TTF, whose durations add up to TTR', () => {
    // 05:30 started, 05:32 detected, 05:35 acknowledged, 05:38 diagnosed, 06:20 resolved (the example's 2026-09-03 incident).
    const bar = decompositionBar(timeline({ started: '2026-09-03T05:30Z', detected: '2026-09-03T05:32Z', acknowledged: '2026-09-03T05:35Z', diagnosed: '2026-09-03T05:38Z', mitigated: '2026-09-03T05:56Z', resolved: '2026-09-03T06:20Z' }));
    expect(bar.ttr).toBe(50 * MINUTE);
    expect(bar.segments.map((s) => [s.abbr, s.ms / MINUTE])).toEqual([['TTD', 2], ['TTA', 3], ['TTDiag', 3], ['TTF', 42]]);
    expect(sum(bar.segments.map((s) => s.ms))).toBe(bar.ttr);
    expect(sum(bar.segments.map((s) => s.share))).toBeCloseTo(100, 1);
    // Shares follow the durations: 2/50 = 4 %, 42/50 = 84 %.
    expect(bar.segments[0]!.share).toBeCloseTo(4, 1);
    expect(bar.segments[3]!.share).toBeCloseTo(84, 1);
    expect(bar.rows.every((r) => r.missing === undefined)).toBe(true);
  });

  it('shows a part the timeline does not split as one unsplit segment, and says why', () => {
    const bar = decompositionBar(timeline({ started: '2026-01-01T10:00Z', detected: '2026-01-01T10:10Z', acknowledged: '2026-01-01T10:20Z', resolved: '2026-01-01T11:00Z' }));
    expect(bar.segments.map((s) => [s.abbr, s.ms / MINUTE, s.unsplit])).toEqual([['TTD', 10, false], ['TTA', 10, false], ['TTDiag + TTF', 40, true]]);
    expect(bar.rows.find((r) => r.part === 'ttdiag')).toMatchObject({ ms: undefined, missing: 'no diagnosed milestone' });
    expect(bar.rows.find((r) => r.part === 'ttf')).toMatchObject({ ms: undefined, missing: 'no diagnosed milestone' });
  });

  it('without an acknowledgement, has no TTA (missing, not zero) and measures diagnosis from detection', () => {
    const bar = decompositionBar(timeline({ started: '2026-01-01T10:00Z', detected: '2026-01-01T10:10Z', diagnosed: '2026-01-01T10:30Z', resolved: '2026-01-01T11:00Z' }));
    expect(bar.segments.map((s) => [s.abbr, s.ms / MINUTE])).toEqual([['TTD', 10], ['TTDiag', 20], ['TTF', 30]]);
    const tta = bar.rows.find((r) => r.part === 'tta')!;
    expect(tta.ms).toBeUndefined();
    expect(tta.missing).toContain('no acknowledged milestone');
  });

  it('keeps a one-minute part of a three-day incident visible, and labels only what fits', () => {
    const bar = decompositionBar(timeline({ started: '2026-02-09T07:40Z', detected: '2026-02-09T07:41Z', acknowledged: '2026-02-09T07:42Z', diagnosed: '2026-02-10T09:00Z', resolved: '2026-02-12T08:55Z' }));
    expect(Math.min(...bar.segments.map((s) => s.share))).toBeGreaterThanOrEqual(1.5);
    expect(sum(bar.segments.map((s) => s.share))).toBeCloseTo(100, 1);
    expect(bar.segments.map((s) => [s.abbr, s.label.wide, s.label.narrow])).toEqual([
      ['TTD', 'none', 'none'],
      ['TTA', 'none', 'none'],
      ['TTDiag', 'full', 'abbr'],
      ['TTF', 'full', 'full'],
    ]);
    // Whatever is shown fits its segment (with the label's padding), wide and narrow.
    for (const s of bar.segments) {
      for (const [fit, px] of [[s.label.wide, BAR_WIDE_PX], [s.label.narrow, BAR_NARROW_PX]] as const) {
        const text = fit === 'full' ? `${s.abbr} ${formatDuration(s.ms)}` : fit === 'abbr' ? s.abbr : '';
        if (text) expect(estimateTextWidth(text, { fontSize: 12.5 }) + 9).toBeLessThanOrEqual((s.share / 100) * px);
      }
    }
  });

  it('draws nothing without a resolution, and still names the parts', () => {
    const bar = decompositionBar(timeline({ started: '2026-01-01T10:00Z', detected: '2026-01-01T10:10Z' }));
    expect(bar.ttr).toBeUndefined();
    expect(bar.segments).toEqual([]);
    expect(bar.rows.map((r) => r.abbr)).toEqual(['TTD', 'TTA', 'TTDiag', 'TTF']);
  });
});
