import { describe, expect, it } from 'vitest';
import { wrapToWidth } from '../../../src/lib/charts/wrap';
import type { MeasureText } from '../../../src/lib/timeline/text';

/** 10 units per character. */
const mono: MeasureText = (text) => Array.from(text).length * 10;
const style = { fontSize: 10 };

describe('wrapToWidth', () => {
  it('breaks at spaces within the width', () => {
    expect(wrapToWidth('Deployment and change management', 150, style, 3, mono)).toEqual({ lines: ['Deployment and', 'change', 'management'], truncated: false, width: 140 });
  });

  it('cuts what does not fit in the last line with an ellipsis', () => {
    const w = wrapToWidth('Deployment and change management', 150, style, 2, mono);
    expect(w.truncated).toBe(true);
    expect(w.lines[0]).toBe('Deployment and');
    expect(w.lines[1]!.endsWith('…')).toBe(true);
    expect(w.width).toBeLessThanOrEqual(150);
  });

  it('cuts a single word wider than the line', () => {
    const w = wrapToWidth('Supercalifragilistic', 100, style, 2, mono);
    expect(w.lines.every((l) => mono(l, style) <= 100)).toBe(true);
    expect(w.lines[0]!.endsWith('…')).toBe(true);
  });

  it('does not break at a no-break space', () => {
    expect(wrapToWidth('Testing gap (1\u00a0+\u00a02)', 120, style, 3, mono).lines).toEqual(['Testing gap', '(1\u00a0+\u00a02)']);
  });

  it('keeps short text on one line and gives nothing for nothing', () => {
    expect(wrapToWidth('Capacity', 150, style, 2, mono).lines).toEqual(['Capacity']);
    expect(wrapToWidth('  ', 150, style, 2, mono).lines).toEqual([]);
  });
});
