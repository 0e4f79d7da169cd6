import { describe, expect, it } from 'vitest';
import type { Postmortem } from '../../../src/data';
import { KEYWORD_FIELDS, searchFilters, searchRecord } from '../../../src/data/search';

const site = {
  services: [{ id: 'route-planner', name: 'Route Planner' }],
  teams: [{ id: 'dispatch', name: 'Dispatch' }],
  categories: [{ id: 'capacity', name: 'Capacity' }, { id: 'testing-gap', name: 'Testing gap' }],
} as unknown as Parameters<typeof searchRecord>[1];

/** The fields searchRecord reads. */
const pm = {
  id: '2025-11-28-solver-oom',
  data: {
    title: 'Routes published late after the solver ran out of memory',
    summary: 'The solver was killed at its memory limit.',
    severity: 'SEV2',
    incident_type: 'outage',
    services: ['route-planner'],
    teams: ['dispatch'],
    tags: ['peak-season', 'kubernetes'],
    timeline: [{ at: new Date('2025-11-28T02:00:00Z'), kind: 'started', event: 'Nightly solve starts' }],
    impact: { description: 'Routes were two hours late.' },
    root_cause: { category: 'capacity', summary: 'Memory limit sized for an average night.' },
    contributing_factors: [{ category: 'testing-gap', description: 'No load test at peak volume.' }],
    five_whys: [{ why: 'Why was it killed?', because: 'It used more than its limit.' }],
    action_items: [{ title: 'Load-test the solver at twice the peak' }],
    text: 'The body of the postmortem.',
  },
  metrics: { startedAt: new Date('2025-11-28T02:00:00Z') },
  category: { id: 'capacity', name: 'Capacity' },
  factors: [{ id: 'testing-gap', name: 'Testing gap' }],
} as unknown as Postmortem;

describe('searchRecord: what Pagefind indexes of a postmortem', () => {
  const record = searchRecord(pm, site);

  it('indexes the words the page shows, without its tags, services, teams or causes, and the summary once, as metadata', () => {
    for (const words of ['two hours late', 'Nightly solve starts', 'average night', 'No load test', 'more than its limit', 'twice the peak', 'The body of the postmortem']) {
      expect(record.content).toContain(words);
    }
    expect(record.content).not.toMatch(/season|kubernetes|Route Planner|Dispatch|Capacity|Testing gap|killed at its memory limit/);
    expect(record.meta.summary).toBe(pm.data.summary);
  });

  it('files the postmortem under its tags, services, teams and causes as searchable words, kebab-case ids also as their parts', () => {
    expect(Object.keys(record.meta)).toEqual(expect.arrayContaining([...KEYWORD_FIELDS]));
    expect(record.meta.tags).toBe('peak-season peak season kubernetes');
    expect(record.meta.services).toBe('route-planner route planner Route Planner');
    expect(record.meta.teams).toBe('dispatch Dispatch');
    expect(record.meta.causes).toBe('Capacity capacity Testing gap testing-gap testing gap');
  });

  it('carries what a result shows, its filters and its sort key, under the page URL without the base', () => {
    expect(record).toMatchObject({
      url: '/postmortems/2025-11-28-solver-oom/',
      language: 'en',
      meta: { title: pm.data.title, date: '2025-11-28', severity: 'SEV2', category: 'Capacity', summary: pm.data.summary },
      sort: { date: '2025-11-28T02:00:00.000Z' },
    });
    expect(record.filters).toEqual(searchFilters(pm));
    expect(record.filters).toMatchObject({ category: ['Capacity'], factor: ['Testing gap'], service: ['route-planner'], tag: ['peak-season', 'kubernetes'] });
  });

  it('leaves out a keyword field the postmortem does not have', () => {
    const bare = searchRecord({ ...pm, data: { ...pm.data, tags: [], teams: undefined } }, site);
    expect(bare.meta).not.toHaveProperty('tags');
    expect(bare.meta).not.toHaveProperty('teams');
  });
});
