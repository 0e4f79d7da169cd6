import type { Postmortem, Site } from './index';

/** The search page's facets, in the order it shows them; keys are Pagefind filter names. */
export const SEARCH_FACETS = [
  { key: 'severity', label: 'Severity' },
  { key: 'category', label: 'Root cause' },
  { key: 'factor', label: 'Contributing factor' },
  { key: 'service', label: 'Service' },
  { key: 'team', label: 'Team' },
  { key: 'tag', label: 'Tag' },
  { key: 'year', label: 'Year' },
  { key: 'type', label: 'Incident type' },
] as const;

export type FacetKey = (typeof SEARCH_FACETS)[number]['key'];
export type FacetTotals = Record<FacetKey, Record<string, number>>;

/**
 * The Pagefind filter values of one postmortem page. The page's markup and
 * the search page's facet list both come from here, so that the facet values
 * shown before any query (written into the search page at build time) are
 * exactly those in the index.
 */
export function searchFilters(pm: Postmortem): Record<FacetKey, string[]> {
  const d = pm.data;
  return {
    severity: [d.severity],
    category: [pm.category.name],
    factor: pm.factors.map((c) => c.name),
    service: [...d.services],
    team: [...(d.teams ?? [])],
    tag: [...(d.tags ?? [])],
    year: [String(pm.metrics.startedAt.getUTCFullYear())],
    type: [d.incident_type],
  };
}

/**
 * How many indexed postmortems carry each facet value: the counts the search page shows before a
 * query. Counted in Maps, because a value is an id or a tag and `constructor` is a valid one; the
 * result is built from them as null-prototype objects, for the page's JSON.
 */
export function facetTotals(postmortems: readonly Postmortem[]): FacetTotals {
  const counts = new Map<FacetKey, Map<string, number>>(SEARCH_FACETS.map((f) => [f.key, new Map()]));
  for (const pm of postmortems) {
    for (const [key, values] of Object.entries(searchFilters(pm)) as Array<[FacetKey, string[]]>) {
      const byValue = counts.get(key)!;
      for (const v of new Set(values)) byValue.set(v, (byValue.get(v) ?? 0) + 1);
    }
  }
  const totals = Object.create(null) as FacetTotals;
  for (const [key, byValue] of counts) totals[key] = Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(byValue));
  return totals;
}

/**
 * Metadata fields Pagefind searches but the search page never shows: the words a postmortem is
 * filed under. Pagefind (1.5+) searches every metadata field, so a query word found only here
 * still finds the postmortem, and `SEARCH_OPTIONS.ranking.metaWeights` ranks such a match above
 * the same word in the body; the excerpt is cut from the body text alone, so these lists never
 * show in it.
 */
export const KEYWORD_FIELDS = ['tags', 'services', 'teams', 'causes'] as const;

/**
 * How the search page asks Pagefind to rank (passed to `pagefind.options`). The weights boost a
 * query that names what a postmortem is filed under: a tag above a service, a service above a
 * team or a cause; the summary counts as body text does (it is not repeated in the record's
 * content), and the other fields a result shows (date, severity, category) add nothing. `npm run bench` measures the
 * effect (recall@5 and MRR of the relevance set against Pagefind's defaults).
 */
export const SEARCH_OPTIONS = {
  excerptLength: 26,
  ranking: {
    metaWeights: { title: 5, tags: 4, services: 3, teams: 2, causes: 2, summary: 1, category: 0, severity: 0, date: 0 },
  },
} as const;

/** What Pagefind indexes of one postmortem (Pagefind's custom record). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

const nonEmpty = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));

/** A kebab-case id as a phrase and as its parts: `data-breach` → `data-breach data breach`. */
function asWords(id: string): string {
  return id.includes('-') ? `${id} ${id.split('-').filter(Boolean).join(' ')}` : id;
}

/**
 * One postmortem's search record, from the data the page is made of rather than its HTML: the
 * words the page shows (impact, timeline events, root cause and contributing factors, 5 Whys,
 * action items, body; the summary is metadata), not its facts and timestamps, which are
 * filters; the fields the results list shows; and the keyword fields. `url` is the page's path without the site's base,
 * which the search page gives Pagefind as `baseUrl`.
 */
export function searchRecord(pm: Postmortem, site: Pick<Site, 'services' | 'teams' | 'categories'>): SearchRecord {
  const d = pm.data;
  const serviceName = (id: string) => site.services.find((s) => s.id === id)?.name;
  const teamName = (id: string) => site.teams.find((t) => t.id === id)?.name;
  // The summary and the cause names are metadata (searched, and the summary shown in results): not repeated here.
  const content = [
    d.impact.description,
    ...d.timeline.map((e) => e.event),
    d.root_cause.summary,
    ...(d.contributing_factors ?? []).map((f) => f.description),
    ...(d.five_whys ?? []).flatMap((w) => [w.why, w.because]),
    ...d.action_items.map((a) => a.title),
    d.text,
  ].filter((x): x is string => Boolean(x && x.trim())).join('\n');
  const causes = [pm.category, ...(d.contributing_factors ?? []).map((f) => site.categories.find((c) => c.id === f.category))]
    .filter((c) => c !== undefined)
    .map((c) => `${c.name} ${asWords(c.id)}`);
  const listed = (ids: readonly string[], name: (id: string) => string | undefined) => ids.map((id) => [asWords(id), name(id)].filter(Boolean).join(' ')).join(' ');
  const started = pm.metrics.startedAt.toISOString();
  return {
    url: `/postmortems/${pm.id}/`,
    content,
    language: 'en',
    meta: {
      title: d.title,
      date: started.slice(0, 10),
      severity: d.severity,
      category: pm.category.name,
      summary: d.summary,
      ...nonEmpty({
        tags: (d.tags ?? []).map(asWords).join(' '),
        services: listed(d.services, serviceName),
        teams: listed(d.teams ?? [], teamName),
        causes: [...new Set(causes)].join(' '),
      } satisfies Record<(typeof KEYWORD_FIELDS)[number], string>),
    },
    filters: searchFilters(pm),
    sort: { date: started },
  };
}
