/*
 * The one module that loads content collections. Pages ask it for typed,
 * sorted lists; the pure libraries in src/lib compute everything derived.
 */
import { getCollection } from 'astro:content';
import { readRendered, type RenderedPostmortem } from '../kb/artefacts';
import { isProblem, type PostmortemEntry, type ProblemEntry } from '../kb/entry';
import { categoryResolver } from '../schema/references';
import { incidentMetrics, type IncidentMetrics } from '../lib/metrics';
import { detectPatterns, type RepeatPattern } from '../lib/patterns';
import type { QualityResult } from '../lib/quality';
import { incidentDocument, similarIncidents, type SimilarIncident } from '../lib/similarity';
import type { Category, Service, Severity, Team } from '../schema/catalog';
import { settings } from '../settings';

export interface Postmortem {
  id: string;
  data: PostmortemEntry;
  /**
   * The body as HTML and the drawings (the timeline), made once where the file was read and kept
   * beside the content store (src/kb/artefacts.ts): read from there each time it is called, by the
   * page that shows them, so that they are never all in memory at once.
   */
  rendered: () => RenderedPostmortem;
  /** The incident's durations (src/lib/metrics), with a start always known: the first event when `started` is missing. */
  metrics: IncidentMetrics & { startedAt: Date };
  severity: Severity;
  category: Category;
  /** The distinct categories of its contributing factors (aliases resolved), in the order first listed. */
  factors: Category[];
  /** Ids of later postmortems whose recurrence_of points here. */
  recurredAs: string[];
  /** The quality policy's score (0–5) and the findings that lowered it, as `hindsight check` computes them. */
  quality: QualityResult;
}

export interface Site {
  /** Every postmortem this build publishes, newest first. */
  postmortems: Postmortem[];
  byId: ReadonlyMap<string, Postmortem>;
  services: Service[];
  teams: Team[];
  categories: Category[];
  /** Categories by canonical id. */
  categoryById: ReadonlyMap<string, Category>;
  severities: Severity[];
  today: string;
  /** Repeat-incident patterns over the published postmortems, newest first. */
  patterns: RepeatPattern[];
  /** "Similar incidents" per postmortem id. */
  similar: ReadonlyMap<string, SimilarIncident[]>;
  /** In `astro dev`: files that cannot be published, with what to fix (a build fails instead). */
  problems: Array<ProblemEntry & { id: string }>;
}

let cached: Promise<Site> | undefined;

/** Everything the pages need, loaded once per build. */
export function loadSite(): Promise<Site> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Site> {
  const [entries, services, teams, categories, severities] = await Promise.all([
    getCollection('postmortems'),
    getCollection('services'),
    getCollection('teams'),
    getCollection('taxonomy'),
    getCollection('severities'),
  ]);
  const severityList = severities.map((s) => s.data).sort((a, b) => a.rank - b.rank);
  const categoryList = categories.map((c) => c.data);
  const severityById = new Map(severityList.map((s) => [s.id, s]));
  const categoryById = new Map(categoryList.map((c) => [c.id, c]));

  const problems: Site['problems'] = [];
  const stored: Array<{ id: string; data: PostmortemEntry; renderedFile: string }> = [];
  for (const entry of entries) {
    if (isProblem(entry.data)) problems.push({ ...entry.data, id: entry.id });
    else {
      const renderedFile = entry.rendered?.metadata?.renderedFile;
      stored.push({ id: entry.id, data: entry.data, renderedFile: typeof renderedFile === 'string' ? renderedFile : '' });
    }
  }
  // References to postmortems this build does not publish are dropped, so that no id, link or count
  // of an internal or draft postmortem reaches a page; category aliases resolve to their category.
  const visible = new Set(stored.map((e) => e.id));
  const canonical = categoryResolver({ categories: categoryList });
  const postmortems = stored.map((entry): Postmortem => {
    const data = withVisibleReferences(entry.data, visible, (id) => canonical(id) ?? id);
    const m = incidentMetrics(data.timeline);
    return {
      id: entry.id,
      data,
      rendered: () => readRendered(entry.renderedFile),
      metrics: { ...m, startedAt: m.startedAt ?? data.timeline[0]!.at },
      severity: severityById.get(data.severity)!,
      category: categoryById.get(data.root_cause.category)!,
      factors: [...new Set((data.contributing_factors ?? []).map((f) => f.category))].flatMap((id) => categoryById.get(id) ?? []),
      recurredAs: [],
      quality: data.quality,
    };
  });
  postmortems.sort((a, b) => b.metrics.startedAt.getTime() - a.metrics.startedAt.getTime() || a.id.localeCompare(b.id));
  const byId = new Map(postmortems.map((p) => [p.id, p]));
  for (const pm of [...postmortems].reverse()) {
    const earlier = pm.data.recurrence_of ? byId.get(pm.data.recurrence_of) : undefined;
    earlier?.recurredAs.push(pm.id);
  }
  const catalog = listedCatalog(postmortems, {
    services: services.map((s) => s.data),
    teams: teams.map((t) => t.data),
    categories: categoryList,
  });
  const published = postmortems.filter((p) => p.data.status === 'published');
  // Newest first, as detectPatterns returns them.
  const patterns = detectPatterns(published, { windowDays: settings.patterns.windowDays });
  const similar = similarIncidents(postmortems.map(incidentDocument), { topN: 3 });
  return {
    postmortems,
    byId,
    patterns,
    similar,
    ...catalog,
    categoryById,
    severities: severityList,
    today: settings.today,
    problems,
  };
}

/**
 * The catalog entries this build lists. The internal edition lists the whole catalog, so that it
 * can be browsed; the public edition only what its postmortems use (and the teams owning those
 * services): an entry listed with no incident would give away that internal postmortems use the
 * entries the edition does not list.
 */
function listedCatalog(postmortems: readonly Postmortem[], all: { services: Service[]; teams: Team[]; categories: Category[] }): { services: Service[]; teams: Team[]; categories: Category[] } {
  if (settings.edition !== 'public') return all;
  const services = new Set(postmortems.flatMap((p) => p.data.services));
  const categories = new Set(postmortems.flatMap((p) => [p.data.root_cause.category, ...(p.data.contributing_factors ?? []).map((f) => f.category)]));
  const listedServices = all.services.filter((s) => services.has(s.id));
  const teams = new Set([...postmortems.flatMap((p) => p.data.teams ?? []), ...listedServices.flatMap((s) => (s.team ? [s.team] : []))]);
  return {
    services: listedServices,
    teams: all.teams.filter((t) => teams.has(t.id)),
    categories: all.categories.filter((c) => categories.has(c.id)),
  };
}

function withVisibleReferences(data: PostmortemEntry, visible: ReadonlySet<string>, canonicalCategory: (id: string) => string): PostmortemEntry {
  const { related, recurrence_of, ...rest } = data;
  const keptRelated = (related ?? []).filter((id) => visible.has(id));
  return {
    ...rest,
    root_cause: { ...rest.root_cause, category: canonicalCategory(rest.root_cause.category) },
    ...(rest.contributing_factors ? { contributing_factors: rest.contributing_factors.map((f) => ({ ...f, category: canonicalCategory(f.category) })) } : {}),
    ...(keptRelated.length ? { related: keptRelated } : {}),
    ...(recurrence_of && visible.has(recurrence_of) ? { recurrence_of } : {}),
  };
}
