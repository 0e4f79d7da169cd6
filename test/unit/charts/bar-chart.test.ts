import { describe, expect, it } from 'vitest';
import { barChart, CHART_FONT } from '../../../src/lib/charts';
import { estimateTextWidth } from '../../../src/lib/timeline/text';

describe('barChart', () => {
  it('fits every label between the left edge and its bar', () => {
    // "Deployment and change management" was cut at 25 characters, still too wide: it lost its first letter at the edge.
    const chart = barChart([
      { label: 'Deployment and change management', value: 3 },
      { label: 'Third-party dependency failure', value: 2 },
      { label: 'Capacity and load', value: 1 },
    ]);
    for (const bar of chart.bars) {
      const width = estimateTextWidth(bar.text, { fontSize: CHART_FONT });
      expect(chart.labelWidth - 6 - width, bar.text).toBeGreaterThanOrEqual(0);
    }
    expect(chart.bars[0]!.text).toMatch(/^Deployment and .*…$/);
    expect(chart.bars[2]!.text).toBe('Capacity and load');
  });
});
