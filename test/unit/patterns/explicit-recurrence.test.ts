import { describe, expect, it } from 'vitest';
import { detectPatterns, explicitRecurrence } from '../../../src/lib/patterns';
import { incident } from './helpers';

const only = { rules: [explicitRecurrence] };

describe('explicit recurrence chains', () => {
  it('A ← B ← C is one chain [A, B, C], in order of start whatever the input order', () => {
    const a = incident('2025-01-10-a', '2025-01-10T09:00Z');
    const b = incident('2025-06-01-b', '2025-06-01T09:00Z', { recurrence_of: '2025-01-10-a' });
    const c = incident('2025-09-01-c', '2025-09-01T09:00Z', { recurrence_of: '2025-06-01-b' });
    const patterns = detectPatterns([c, a, b], only);
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({
      id: 'explicit:2025-01-10-a',
      kind: 'explicit',
      incidentIds: ['2025-01-10-a', '2025-06-01-b', '2025-09-01-c'],
      category: 'config-change',
      services: ['checkout-api'],
      firstStarted: new Date('2025-01-10T09:00Z'),
      lastStarted: new Date('2025-09-01T09:00Z'),
      explicitOverlap: [],
    });
    expect(patterns[0]!.service).toBeUndefined();
  });

  it('two incidents recurring the same one join its chain', () => {
    const a = incident('2025-01-10-a', '2025-01-10T09:00Z');
    const b = incident('2025-06-01-b', '2025-06-01T09:00Z', { recurrence_of: '2025-01-10-a' });
    const c = incident('2025-03-01-c', '2025-03-01T09:00Z', { recurrence_of: '2025-01-10-a' });
    expect(detectPatterns([a, b, c], only).map((p) => p.incidentIds)).toEqual([['2025-01-10-a', '2025-03-01-c', '2025-06-01-b']]);
  });

  it('ignores references to ids that are not among the incidents', () => {
    const d = incident('2025-02-01-d', '2025-02-01T09:00Z', { recurrence_of: '2024-12-01-unpublished' });
    const e = incident('2025-04-01-e', '2025-04-01T09:00Z', { recurrence_of: '2025-02-01-d' });
    const lonely = incident('2025-05-01-f', '2025-05-01T09:00Z', { recurrence_of: '2024-01-01-gone' });
    const patterns = detectPatterns([d, e, lonely], only);
    expect(patterns.map((p) => p.incidentIds)).toEqual([['2025-02-01-d', '2025-04-01-e']]);
  });

  it('terminates on cycles and self-references', () => {
    const x = incident('2025-02-01-x', '2025-02-01T09:00Z', { recurrence_of: '2025-03-01-y' });
    const y = incident('2025-03-01-y', '2025-03-01T09:00Z', { recurrence_of: '2025-02-01-x' });
    const self = incident('2025-04-01-s', '2025-04-01T09:00Z', { recurrence_of: '2025-04-01-s' });
    const patterns = detectPatterns([x, y, self], only);
    expect(patterns.map((p) => p.incidentIds)).toEqual([['2025-02-01-x', '2025-03-01-y']]);
  });

  it('separate chains are separate patterns, most recent first', () => {
    const patterns = detectPatterns(
      [
        incident('2025-01-01-a', '2025-01-01T00:00Z'),
        incident('2025-02-01-b', '2025-02-01T00:00Z', { recurrence_of: '2025-01-01-a' }),
        incident('2024-01-01-c', '2024-01-01T00:00Z'),
        incident('2025-03-01-d', '2025-03-01T00:00Z', { recurrence_of: '2024-01-01-c' }),
      ],
      only,
    );
    expect(patterns.map((p) => p.id)).toEqual(['explicit:2024-01-01-c', 'explicit:2025-01-01-a']);
  });

  it('links incidents of any status and of different categories and services', () => {
    const a = incident('2025-01-10-a', '2025-01-10T09:00Z', { services: ['checkout-api', 'payments-db'], root_cause: { category: 'capacity' } });
    const b = incident('2025-06-01-b', '2025-06-01T09:00Z', { status: 'draft', services: ['payments-db'], recurrence_of: '2025-01-10-a' });
    const [pattern] = detectPatterns([a, b], only);
    expect(pattern!.incidentIds).toEqual(['2025-01-10-a', '2025-06-01-b']);
    expect(pattern!.category).toBeUndefined();
    expect(pattern!.services).toEqual(['payments-db']);
  });

  it('orders a chain by UTC start even when the times were written in other offsets', () => {
    // 2025-06-01T03:00+05:30 is 2025-05-31T21:30Z: before the second one.
    const a = incident('2025-05-31-a', '2025-06-01T03:00+05:30');
    const b = incident('2025-05-31-b', '2025-05-31T22:00Z', { recurrence_of: '2025-05-31-a' });
    expect(detectPatterns([b, a], only)[0]!.incidentIds).toEqual(['2025-05-31-a', '2025-05-31-b']);
  });
});
