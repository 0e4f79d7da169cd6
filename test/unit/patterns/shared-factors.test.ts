import { describe, expect, it } from 'vitest';
import { sharedContributingFactors } from '../../../src/lib/patterns';

const incident = (id: string, root: string, factors: string[], services: string[], status: 'published' | 'draft' = 'published') => ({
  id,
  data: {
    timeline: [{ at: new Date(`${id.slice(0, 10)}T10:00Z`), kind: 'started' as const }],
    status,
    services,
    root_cause: { category: root },
    contributing_factors: factors.map((category) => ({ category })),
  },
});

describe('sharedContributingFactors', () => {
  it('groups published incidents by a contributing factor they share, newest first', () => {
    const groups = sharedContributingFactors([
      incident('2026-01-01-a', 'config-change', ['monitoring-gap', 'testing-gap'], ['api']),
      incident('2026-02-01-b', 'monitoring-gap', ['monitoring-gap'], ['api', 'db']),
      incident('2026-03-01-c', 'capacity', ['monitoring-gap', 'monitoring-gap'], ['db']),
      incident('2026-04-01-d', 'capacity', ['testing-gap'], ['web']),
      incident('2026-05-01-e', 'capacity', ['monitoring-gap'], ['db'], 'draft'),
      incident('2026-06-01-f', 'capacity', ['network'], ['db']),
    ]);
    expect(groups).toEqual([
      { category: 'monitoring-gap', incidentIds: ['2026-03-01-c', '2026-02-01-b', '2026-01-01-a'], alsoRootCause: 1, services: [{ id: 'api', incidents: 2 }, { id: 'db', incidents: 2 }] },
      { category: 'testing-gap', incidentIds: ['2026-04-01-d', '2026-01-01-a'], alsoRootCause: 0, services: [] },
    ]);
  });
});
