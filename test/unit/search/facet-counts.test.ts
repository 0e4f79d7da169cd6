import { describe, expect, it } from 'vitest';
import { countOf } from '../../../src/components/search/search-client';
import type { Postmortem } from '../../../src/data';
import { facetTotals } from '../../../src/data/search';

/*
 * Facet values are ids and tags, and `constructor`, `prototype`, `to-string` or `has-own-property`
 * are valid kebab-case ids: the search page showed "function Object() { [native code] }" as the
 * count of a tag named `constructor`.
 */
const OBJECT_NAMES = ['constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty', 'isprototypeof', 'to-string'];

function postmortem(tags: string[], services: string[]): Postmortem {
  return {
    id: '2026-06-11-x',
    data: { severity: 'SEV3', services, teams: [], tags, incident_type: 'outage' },
    category: { name: 'Capacity' },
    factors: [{ name: 'Constructor' }],
    metrics: { startedAt: new Date('2026-06-11T08:00Z') },
  } as unknown as Postmortem;
}

describe('facet counts treat ids as data', () => {
  it('counts a tag or service named like an Object property as a number', () => {
    const totals = facetTotals([postmortem(OBJECT_NAMES, ['constructor']), postmortem(['constructor'], ['prototype'])]);
    expect(totals.tag.constructor).toBe(2);
    for (const name of OBJECT_NAMES.slice(1)) expect(totals.tag[name], name).toBe(1);
    expect(totals.service.constructor).toBe(1);
    expect(totals.service.prototype).toBe(1);
    expect(totals.factor.Constructor).toBe(2);
    // What the page embeds, read back as the browser does.
    const page = JSON.parse(JSON.stringify(totals)) as Record<string, Record<string, number>>;
    expect(page.tag).toEqual({ constructor: 2, prototype: 1, tostring: 1, valueof: 1, hasownproperty: 1, isprototypeof: 1, 'to-string': 1 });
  });

  it('reads a count only from an object\'s own properties, as the search page does', () => {
    const fromPagefind = JSON.parse('{"tag":{"database":3},"service":{}}') as Record<string, Record<string, number>>;
    expect(countOf(fromPagefind, 'tag', 'database')).toBe(3);
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      expect(countOf(fromPagefind, 'tag', name), name).toBe(0);
      expect(countOf(fromPagefind, name, 'x'), name).toBe(0);
    }
  });
});
