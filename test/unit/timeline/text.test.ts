import { describe, expect, it } from 'vitest';
import { ELLIPSIS, estimateTextWidth, truncateToWidth, type MeasureText } from '../../../src/lib/timeline/text';

/** 10 units per character: easy to work out by hand. */
const mono: MeasureText = (text, style) => Array.from(text).length * 10 * (style.bold ? 1.5 : 1);

describe('estimateTextWidth', () => {
  it('scales with the font size and is wider in bold', () => {
    const a = estimateTextWidth('Error-rate alarm fired', { fontSize: 12 });
    expect(estimateTextWidth('Error-rate alarm fired', { fontSize: 24 })).toBeCloseTo(2 * a);
    expect(estimateTextWidth('Error-rate alarm fired', { fontSize: 12, bold: true })).toBeGreaterThan(a);
  });

  it('knows that W is wide, i is narrow and CJK takes a full em', () => {
    expect(estimateTextWidth('WWWW', { fontSize: 10 })).toBeGreaterThan(estimateTextWidth('iiii', { fontSize: 10 }) * 3);
    expect(estimateTextWidth('日本', { fontSize: 10 })).toBeCloseTo(20.4);
    expect(estimateTextWidth('', { fontSize: 10 })).toBe(0);
  });

  it('errs on the wide side for ordinary sentences (about 0.45–0.65 em per character)', () => {
    const text = 'Deploy of config v2.3.1 set the pool size to 10';
    const perChar = estimateTextWidth(text, { fontSize: 1 }) / text.length;
    expect(perChar).toBeGreaterThan(0.45);
    expect(perChar).toBeLessThan(0.7);
  });
});

describe('truncateToWidth', () => {
  const style = { fontSize: 12 };

  it('leaves text that fits alone, apart from collapsing whitespace', () => {
    expect(truncateToWidth('  all   good ', 200, style, mono)).toEqual({ text: 'all good', truncated: false });
  });

  it('cuts at a word boundary near the end and adds an ellipsis', () => {
    // 14 units of room: "database pool…" would be 14 characters, 140 units.
    const out = truncateToWidth('database pool exhausted', 140, style, mono);
    expect(out).toEqual({ text: `database pool${ELLIPSIS}`, truncated: true });
    expect(mono(out.text, style)).toBeLessThanOrEqual(140);
  });

  it('cuts inside a long word when there is no space near the end', () => {
    const out = truncateToWidth('https://grafana.example/d/checkout-errors', 100, style, mono);
    expect(out).toEqual({ text: `https://g${ELLIPSIS}`, truncated: true });
  });

  it('never splits a surrogate pair', () => {
    const out = truncateToWidth('🔥🔥🔥🔥🔥🔥', 40, style, mono);
    expect(out.text).toBe(`🔥🔥🔥${ELLIPSIS}`);
  });

  it('gives up gracefully when nothing fits', () => {
    expect(truncateToWidth('abc def', 10, style, mono)).toEqual({ text: ELLIPSIS, truncated: true });
    expect(truncateToWidth('abc def', 5, style, mono)).toEqual({ text: '', truncated: true });
  });

  it('always fits the estimate it was given', () => {
    const long = 'Firmware bug in the RAID controller identified with the vendor, who confirmed it affects every controller';
    for (let width = 0; width <= 400; width += 7) {
      const out = truncateToWidth(long, width, style);
      expect(estimateTextWidth(out.text, style)).toBeLessThanOrEqual(width);
    }
  });
});
