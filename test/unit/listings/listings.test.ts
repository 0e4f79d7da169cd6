import { describe, expect, it } from 'vitest';
import { pageNumbers, pagePath } from '../../../src/components/site/pagination';

describe('pageNumbers', () => {
  it('shows every page when there are few', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageNumbers(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the first, the last and two either side of the current page, with a gap for two or more left out', () => {
    expect(pageNumbers(1, 97)).toEqual([1, 2, 3, null, 97]);
    expect(pageNumbers(50, 97)).toEqual([1, null, 48, 49, 50, 51, 52, null, 97]);
    expect(pageNumbers(97, 97)).toEqual([1, null, 95, 96, 97]);
    // One page left out is shown rather than hidden behind a gap.
    expect(pageNumbers(5, 97)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 97]);
  });

  it('never repeats or skips a page it shows', () => {
    for (let last = 1; last <= 30; last++) {
      for (let current = 1; current <= last; current++) {
        const shown = pageNumbers(current, last).filter((n): n is number => n !== null);
        expect(shown).toEqual([...new Set(shown)].sort((a, b) => a - b));
        expect(shown).toContain(current);
        expect(shown[0]).toBe(1);
        expect(shown.at(-1)).toBe(last);
      }
    }
  });

  it('puts page 1 at the listing itself and later pages below it', () => {
    expect(pagePath('/postmortems/', 1)).toBe('/postmortems/');
    expect(pagePath('/postmortems/', 12)).toBe('/postmortems/12/');
  });
});
