import { parseQuarterKey, quarterKeysBetween, quarterOf } from '../lib/metrics';
import type { Postmortem, Site } from './index';

export type FacetKind = 'tags' | 'categories' | 'services' | 'teams';

export interface FacetValue {
  id: string;
  name: string;
  description?: string | undefined;
  /** For a category: the postmortems with it as root cause. */
  postmortems: Postmortem[];
  /** Categories only: the postmortems that list it among their contributing factors. */
  contributing?: Postmortem[] | undefined;
  /** Facet-specific details from the catalog, shown on the detail page. */
  details: Array<[string, string]>;
  /** Links to other facet pages, e.g. a team's services. */
  links: Array<{ label: string; kind: FacetKind; id: string }>;
}

export const FACETS: Record<FacetKind, { singular: string; plural: string; multi: boolean; intro: string }> = {
  categories: { singular: 'Cause category', plural: 'Cause categories', multi: false, intro: 'Each postmortem has one root cause and any number of contributing factors, each in a category. Both are counted, apart: "any role" counts a postmortem once, whichever role the category plays in it.' },
  services: { singular: 'Service', plural: 'Services', multi: true, intro: 'A postmortem that touched several services is counted once under each.' },
  teams: { singular: 'Team', plural: 'Teams', multi: true, intro: 'A postmortem involving several teams is counted once under each.' },
  tags: { singular: 'Tag', plural: 'Tags', multi: true, intro: 'A postmortem with several tags is counted once under each.' },
};

/**
 * The values of one facet with their postmortems. Catalog entries (services,
 * teams, categories) are listed even with no postmortem, so the catalog is
 * browsable; tags exist only where used.
 */
export function facetValues(site: Site, kind: FacetKind): FacetValue[] {
  const by = new Map<string, Postmortem[]>();
  const factors = new Map<string, Postmortem[]>();
  const add = (key: string, pm: Postmortem, into = by) => {
    const list = into.get(key) ?? [];
    if (!list.includes(pm)) list.push(pm);
    into.set(key, list);
  };
  for (const pm of site.postmortems) {
    if (kind === 'tags') (pm.data.tags ?? []).forEach((t) => add(t, pm));
    if (kind === 'categories') {
      add(pm.category.id, pm);
      (pm.data.contributing_factors ?? []).forEach((f) => add(f.category, pm, factors));
    }
    if (kind === 'services') pm.data.services.forEach((s) => add(s, pm));
    if (kind === 'teams') (pm.data.teams ?? []).forEach((t) => add(t, pm));
  }
  const list = (id: string) => by.get(id) ?? [];
  let values: FacetValue[];
  switch (kind) {
    case 'tags':
      values = [...by.keys()].map((id) => ({ id, name: id, postmortems: list(id), details: [], links: [] }));
      break;
    case 'categories':
      values = site.categories.map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        postmortems: list(c.id),
        contributing: factors.get(c.id) ?? [],
        details: [['Fishbone group', c.group], ...(c.aliases?.length ? [['Also known as', c.aliases.join(', ')] as [string, string]] : []), ...(c.deprecated ? [['Status', 'deprecated'] as [string, string]] : [])],
        links: [],
      }));
      break;
    case 'services':
      values = site.services.map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        postmortems: list(s.id),
        details: [...(s.tier !== undefined ? [['Tier', String(s.tier)] as [string, string]] : [])],
        links: s.team ? [{ label: 'Owning team', kind: 'teams' as const, id: s.team }] : [],
      }));
      break;
    case 'teams':
      values = site.teams.map((t) => ({
        id: t.id,
        name: t.name,
        postmortems: list(t.id),
        details: t.contact ? [['Contact', t.contact]] : [],
        links: site.services.filter((s) => s.team === t.id).map((s) => ({ label: 'Services', kind: 'services' as const, id: s.id })),
      }));
      break;
  }
  return values.sort((a, b) => anyRole(b) - anyRole(a) || b.postmortems.length - a.postmortems.length || a.name.localeCompare(b.name));
}

/** Postmortems in which a facet value plays any role: for a category, as root cause or as a contributing factor. */
export function anyRole(value: FacetValue): number {
  if (!value.contributing?.length) return value.postmortems.length;
  return new Set([...value.postmortems, ...value.contributing]).size;
}

/** Every quarter from the first incident to the last (for trends that show gaps as zeros). */
export function siteQuarters(site: Site): string[] {
  if (!site.postmortems.length) return [];
  const first = quarterOf(site.postmortems[site.postmortems.length - 1]!.metrics.startedAt);
  const last = quarterOf(site.postmortems[0]!.metrics.startedAt);
  return quarterKeysBetween(first, last);
}

/** Incidents per quarter, over the site's whole range. */
export function quarterTrend(site: Site, postmortems: readonly Postmortem[]): Array<{ label: string; value: number }> {
  const counts = new Map<string, number>();
  for (const pm of postmortems) {
    const key = quarterOf(pm.metrics.startedAt).key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return siteQuarters(site).map((key) => ({ label: parseQuarterKey(key).label, value: counts.get(key) ?? 0 }));
}
