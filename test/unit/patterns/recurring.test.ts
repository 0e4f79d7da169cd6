import { describe, expect, it } from 'vitest';
import { detectPatterns, recurringCategories, recurringServices } from '../../../src/lib/patterns';
import { incident } from './helpers';

describe('recurring categories and services', () => {
  const patterns = detectPatterns([
    // checkout-api / config-change: an implicit pattern of 3
    incident('2025-01-01-a', '2025-01-01T00:00Z', { services: ['checkout-api', 'payments-db'] }),
    incident('2025-02-01-b', '2025-02-01T00:00Z'),
    incident('2025-03-01-c', '2025-03-01T00:00Z'),
    // search / capacity: an implicit pattern of 2
    incident('2025-01-05-d', '2025-01-05T00:00Z', { services: ['search'], root_cause: { category: 'capacity' } }),
    incident('2025-01-06-e', '2025-01-06T00:00Z', { services: ['search'], root_cause: { category: 'capacity' } }),
    // an explicit chain with mixed categories on payments-db
    incident('2024-01-01-f', '2024-01-01T00:00Z', { services: ['payments-db'], root_cause: { category: 'capacity' } }),
    incident('2024-02-01-g', '2024-02-01T00:00Z', { services: ['payments-db', 'search'], root_cause: { category: 'deployment' }, recurrence_of: '2024-01-01-f' }),
  ]);

  it('finds the three patterns', () => {
    expect(patterns.map((p) => p.id)).toEqual([
      'service-category:checkout-api:config-change:2025-01-01-a',
      'service-category:search:capacity:2025-01-05-d',
      'explicit:2024-01-01-f',
    ]);
  });

  it('categories: only patterns whose incidents share one count', () => {
    expect(recurringCategories(patterns)).toEqual([
      { id: 'config-change', patterns: 1, incidents: 3 },
      { id: 'capacity', patterns: 1, incidents: 2 },
    ]);
  });

  it('services: every service all incidents of a pattern name', () => {
    expect(recurringServices(patterns)).toEqual([
      { id: 'checkout-api', patterns: 1, incidents: 3 },
      { id: 'payments-db', patterns: 1, incidents: 2 },
      { id: 'search', patterns: 1, incidents: 2 },
    ]);
  });

  it('counts an incident in two patterns once in the incidents figure', () => {
    const more = detectPatterns([
      incident('2025-01-01-a', '2025-01-01T00:00Z'),
      incident('2025-02-01-b', '2025-02-01T00:00Z', { recurrence_of: '2025-01-01-a' }),
      incident('2025-03-01-c', '2025-03-01T00:00Z'),
    ]);
    expect(more).toHaveLength(2);
    expect(recurringServices(more)).toEqual([{ id: 'checkout-api', patterns: 2, incidents: 3 }]);
  });
});
