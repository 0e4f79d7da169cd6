import { describe, expect, it } from 'vitest';
import { detectPatterns, sharedServiceCategory, type PatternIncident } from '../../../src/lib/patterns';
import { incident } from './helpers';

const only = { rules: [sharedServiceCategory] };

// 2025-01-01 + 180 days = 2025-06-30 (31 + 28 + 31 + 30 + 31 + 29 days).
const p1 = incident('2025-01-01-p1', '2025-01-01T00:00Z');
const p2 = incident('2025-06-30-p2', '2025-06-30T00:00Z');
// 180 days and one minute after p2.
const p3 = incident('2025-12-27-p3', '2025-12-27T00:01Z');
const p4 = incident('2026-01-26-p4', '2026-01-26T00:01Z');

describe('shared service and category', () => {
  it('a gap of exactly 180 days links; one minute more starts a new cluster', () => {
    const patterns = detectPatterns([p4, p3, p2, p1], only);
    expect(patterns.map((p) => p.incidentIds)).toEqual([
      ['2025-12-27-p3', '2026-01-26-p4'],
      ['2025-01-01-p1', '2025-06-30-p2'],
    ]);
    expect(patterns[1]).toMatchObject({
      id: 'service-category:checkout-api:config-change:2025-01-01-p1',
      kind: 'shared-service-category',
      service: 'checkout-api',
      category: 'config-change',
      services: ['checkout-api'],
      firstStarted: new Date('2025-01-01T00:00Z'),
      lastStarted: new Date('2025-06-30T00:00Z'),
      explicitOverlap: [],
    });
  });

  it('measures the window from the previous incident, not the first', () => {
    const chain = [p1, p2, incident('2025-12-20-p3', '2025-12-20T00:00Z')]; // 173 days after p2, 353 after p1
    expect(detectPatterns(chain, only).map((p) => p.incidentIds)).toEqual([['2025-01-01-p1', '2025-06-30-p2', '2025-12-20-p3']]);
  });

  it('the window is configurable', () => {
    expect(detectPatterns([p1, p2], { ...only, windowDays: 179 })).toEqual([]);
    expect(detectPatterns([p1, p2], { ...only, windowDays: 180 })).toHaveLength(1);
    expect(detectPatterns([p3, p4], { ...only, windowDays: 0 })).toEqual([]);
    expect(() => detectPatterns([p1], { windowDays: -1 })).toThrow(RangeError);
    expect(() => detectPatterns([p1], { windowDays: Number.NaN })).toThrow(/windowDays/);
  });

  it('needs the same service and the same category', () => {
    const otherService = incident('2025-02-01-s', '2025-02-01T00:00Z', { services: ['search'] });
    const otherCategory = incident('2025-02-02-c', '2025-02-02T00:00Z', { root_cause: { category: 'capacity' } });
    expect(detectPatterns([p1, otherService, otherCategory], only)).toEqual([]);
  });

  it('counts only published incidents', () => {
    const draft = incident('2025-02-01-d', '2025-02-01T00:00Z', { status: 'draft' });
    const review = incident('2025-03-01-r', '2025-03-01T00:00Z', { status: 'in-review' });
    expect(detectPatterns([p1, draft, review], only)).toEqual([]);
  });

  it('canonicalises category aliases through resolveCategory', () => {
    const a = incident('2025-01-01-a', '2025-01-01T00:00Z', { root_cause: { category: 'third-party-outage' } });
    const b = incident('2025-02-01-b', '2025-02-01T00:00Z', { root_cause: { category: 'dependency-failure' } });
    expect(detectPatterns([a, b], only)).toEqual([]);
    const resolveCategory = (id: string) => ({ 'third-party-outage': 'dependency-failure', 'dependency-failure': 'dependency-failure' })[id];
    const [pattern] = detectPatterns([a, b], { ...only, resolveCategory });
    expect(pattern).toMatchObject({ id: 'service-category:checkout-api:dependency-failure:2025-01-01-a', category: 'dependency-failure' });
  });

  it('reports a cluster shared by several services once, under the first service, listing them all', () => {
    const a = incident('2025-01-01-a', '2025-01-01T00:00Z', { services: ['payments-db', 'checkout-api'] });
    const b = incident('2025-02-01-b', '2025-02-01T00:00Z', { services: ['checkout-api', 'payments-db', 'search'] });
    const c = incident('2025-03-01-c', '2025-03-01T00:00Z', { services: ['search'] });
    const patterns = detectPatterns([a, b, c], only);
    expect(patterns.map((p) => [p.id, p.services])).toEqual([
      ['service-category:search:config-change:2025-02-01-b', ['search']],
      ['service-category:checkout-api:config-change:2025-01-01-a', ['payments-db', 'checkout-api']],
    ]);
  });

  describe('overlap with explicit chains', () => {
    const a = incident('2025-01-01-a', '2025-01-01T00:00Z');
    const b = incident('2025-02-01-b', '2025-02-01T00:00Z', { recurrence_of: '2025-01-01-a' });

    it('a cluster that one explicit chain already links entirely is not reported again', () => {
      expect(detectPatterns([a, b], only)).toEqual([]);
      expect(detectPatterns([a, b]).map((p) => p.id)).toEqual(['explicit:2025-01-01-a']);
    });

    it('a cluster with an unlinked incident is reported and names the chain it overlaps', () => {
      const c = incident('2025-03-01-c', '2025-03-01T00:00Z');
      const patterns = detectPatterns([a, b, c]);
      expect(patterns.map((p) => [p.id, p.incidentIds, p.explicitOverlap])).toEqual([
        ['service-category:checkout-api:config-change:2025-01-01-a', ['2025-01-01-a', '2025-02-01-b', '2025-03-01-c'], ['explicit:2025-01-01-a']],
        ['explicit:2025-01-01-a', ['2025-01-01-a', '2025-02-01-b'], []],
      ]);
    });

    it('a cluster spanning two explicit chains is reported', () => {
      const c = incident('2025-03-01-c', '2025-03-01T00:00Z');
      const d = incident('2025-04-01-d', '2025-04-01T00:00Z', { recurrence_of: '2025-03-01-c' });
      const implicit = detectPatterns([a, b, c, d], only);
      expect(implicit).toHaveLength(1);
      expect(implicit[0]!.explicitOverlap).toEqual(['explicit:2025-01-01-a', 'explicit:2025-03-01-c']);
    });
  });

  it('stays linear enough for 10,000 incidents (1,000 clusters of 10)', () => {
    // Incident i: service svc-(i mod 100), category cat-(⌊i/100⌋ mod 10), one every hour.
    // A (service, category) group holds every 1,000th incident: 10 of them, 1,000 hours (≈ 42 days) apart.
    const base = Date.parse('2020-01-01T00:00Z');
    const incidents: PatternIncident[] = Array.from({ length: 10_000 }, (_, i) => {
      const start = new Date(base + i * 3_600_000);
      return {
        id: `inc-${String(i).padStart(5, '0')}`,
        data: {
          timeline: [{ at: start, kind: 'started' as const }],
          status: 'published' as const,
          services: [`svc-${i % 100}`],
          root_cause: { category: `cat-${Math.floor(i / 100) % 10}` },
        },
      };
    });
    const patterns = detectPatterns(incidents);
    expect(patterns).toHaveLength(1_000);
    expect(patterns.every((p) => p.kind === 'shared-service-category' && p.incidentIds.length === 10)).toBe(true);
    const first = patterns.find((p) => p.id === 'service-category:svc-7:cat-3:inc-00307');
    expect(first?.incidentIds).toEqual(Array.from({ length: 10 }, (_, m) => `inc-${String(307 + 1000 * m).padStart(5, '0')}`));
    // With a 40-day window no two incidents of a group are close enough.
    expect(detectPatterns(incidents, { windowDays: 40 })).toEqual([]);
  });

  it('one cluster of 10,000 incidents with action items stays correct', () => {
    // One incident a day, all on checkout-api / config-change. Each writes an open item and an item completed
    // the next day, i.e. the day the following incident starts: too late for it, in time for the one after.
    const base = Date.parse('2000-01-01T12:00Z');
    const day = (i: number) => new Date(base + i * 86_400_000).toISOString().slice(0, 10);
    const incidents = Array.from({ length: 10_000 }, (_, i) =>
      incident(`inc-${String(i).padStart(5, '0')}`, new Date(base + i * 86_400_000).toISOString(), {
        action_items: [
          { title: 'open', owner: 'o', due: day(i + 30), status: 'open' },
          { title: 'next day', owner: 'o', due: day(i + 30), status: 'done', completed: day(i + 1) },
        ],
      }),
    );
    const [pattern, ...rest] = detectPatterns(incidents);
    expect(rest).toEqual([]);
    expect(pattern!.incidentIds).toHaveLength(10_000);
    const missed = pattern!.missedMechanisms;
    expect(missed).toHaveLength(2 * 9_999);
    expect(missed.filter((m) => m.reason === 'open').map((m) => m.laterIncidentsMissed).slice(0, 3)).toEqual([9_999, 9_998, 9_997]);
    expect(missed.filter((m) => m.reason === 'completed-late').every((m) => m.laterIncidentsMissed === 1)).toBe(true);
  });
});
