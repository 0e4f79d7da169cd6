import { describe, expect, it } from 'vitest';
import { count, noun } from '../../../src/lib/text/plural';

describe('count', () => {
  it('agrees the noun with the number', () => {
    expect(count(1, 'incident')).toBe('1 incident');
    expect(count(0, 'incident')).toBe('0 incidents');
    expect(count(2, 'action item')).toBe('2 action items');
    expect(count(1204, 'postmortem')).toBe('1,204 postmortems');
    expect(count(3, 'was', 'were')).toBe('3 were');
  });

  it('gives the noun alone', () => {
    expect(noun(1, 'item')).toBe('item');
    expect(noun(5, 'item')).toBe('items');
  });
});
