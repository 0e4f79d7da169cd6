import { describe, expect, it } from 'vitest';
import { timelineSvg } from '../../../src/lib/timeline/svg';
import type { TimelineEvent } from '../../../src/schema/timeline-event';

const at = (iso: string) => new Date(iso);
const events: TimelineEvent[] = [
  { at: at('2026-03-02T14:05Z'), kind: 'started', event: 'Config change <pool> & "max" = 5 reaches production' },
  { at: at('2026-03-02T14:10Z'), kind: 'detected', event: "Checkout's error alarm fires" },
  { at: at('2026-03-02T14:20Z'), event: 'On-call rolls back the change' },
  { at: at('2026-03-02T16:05Z'), kind: 'resolved', event: 'Error rate back to normal' },
];

describe('timelineSvg: the chart as markup', () => {
  const svg = timelineSvg(events, { id: 'tl-test' });

  it('is one titled, described <svg> with a mark per event, milestones as diamonds', () => {
    expect(svg.startsWith('<svg class="tl-svg" viewBox="0 0 ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('aria-labelledby="tl-test-title tl-test-desc"');
    expect(svg).toContain('<title id="tl-test-title">Incident timeline, times in UTC</title>');
    expect(svg.match(/data-event-index="/g)).toHaveLength(4);
    expect(svg.match(/<polygon class="tl-event tl-milestone/g)).toHaveLength(3);
    expect(svg.match(/<circle class="tl-event"/g)).toHaveLength(1);
    expect(svg).toContain('tl-phase--ttd');
  });

  it('escapes event texts, in titles and labels alike', () => {
    expect(svg).not.toMatch(/<pool>|& "max"/);
    expect(svg).toContain('Config change &lt;pool&gt; &amp; &quot;max&quot; = 5');
    expect(svg).toContain('Checkout&#39;s error alarm fires');
  });

  it('draws nothing for a timeline without events', () => {
    expect(timelineSvg([])).toBe('');
  });
});
