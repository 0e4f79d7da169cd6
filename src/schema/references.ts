import { suggestion } from '../lib/text/did-you-mean';
import type { Catalog } from './catalog';
import { utcDate } from './datetime';
import { POSTMORTEM_ID } from './ids';
import type { ContentIssue } from './issues';
import { fieldPath, quote } from './issues';
import type { PostmortemFrontmatter } from './postmortem';

export interface ReferenceSubject {
  id: string;
  file: string;
  /** Partial for a file whose other fields failed validation: what is valid is still checked. */
  data: Partial<PostmortemFrontmatter>;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

/** Category ids and their aliases, resolved to the canonical id. */
export function categoryResolver(catalog: Pick<Catalog, 'categories'>): (id: string) => string | undefined {
  const map = new Map<string, string>();
  for (const c of catalog.categories) {
    map.set(c.id, c.id);
    for (const alias of c.aliases ?? []) map.set(alias, c.id);
  }
  return (id) => map.get(id);
}

/** Rules that need more than one file: the catalogs among themselves. */
export function checkCatalog(catalog: Catalog, files: Record<keyof Catalog, string>, brokenIds?: Partial<Record<keyof Catalog, ReadonlySet<string>>>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const dupes = (list: Array<{ id: string }>, file: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ file, field: `[${i}].id`, level: 'error', rule: 'catalog/duplicate-id', message: `id ${quote(item.id)} is defined twice`, fix: 'give each entry a unique id' });
      seen.add(item.id);
    });
  };
  dupes(catalog.services, files.services);
  dupes(catalog.teams, files.teams);
  dupes(catalog.categories, files.categories);
  dupes(catalog.severities, files.severities);
  const teamIds = catalog.teams.map((t) => t.id);
  catalog.services.forEach((s, i) => {
    if (s.team && !teamIds.includes(s.team) && !brokenIds?.teams?.has(s.team)) {
      issues.push({ file: files.services, field: `[${i}].team`, level: 'error', rule: 'reference/team', message: `team ${quote(s.team)} is not in teams.yml`, fix: suggestion(s.team, teamIds, 'team') });
    }
  });
  const owners = new Map<string, string>();
  catalog.categories.forEach((c) => owners.set(c.id, c.id));
  catalog.categories.forEach((c, i) => {
    for (const alias of c.aliases ?? []) {
      const owner = owners.get(alias);
      if (owner && owner !== c.id) {
        issues.push({ file: files.categories, field: `[${i}].aliases`, level: 'error', rule: 'catalog/alias-clash', message: `alias ${quote(alias)} already names category ${quote(owner)}`, fix: 'an alias must not be another category\'s id or alias; remove one of them' });
      }
      owners.set(alias, c.id);
    }
  });
  const ranks = new Set<number>();
  catalog.severities.forEach((s, i) => {
    if (ranks.has(s.rank)) issues.push({ file: files.severities, field: `[${i}].rank`, level: 'error', rule: 'catalog/duplicate-rank', message: `rank ${s.rank} is used twice`, fix: 'give each severity its own rank (1 = most severe)' });
    ranks.add(s.rank);
  });
  return issues;
}

/**
 * Rules that need every postmortem and the catalogs: references resolve (with
 * did-you-mean), ids are unique, the file name's date is the UTC date of
 * `started`, nothing relates to or recurs itself.
 */
export function checkReferences(
  postmortems: readonly ReferenceSubject[],
  catalog: Catalog,
  opts: {
    /** Every postmortem id in the folder, including files that failed to read (they are reported once, on their own). */
    knownIds?: ReadonlySet<string>;
    /** Catalog ids whose entries failed validation: reported once in the catalog, not again here. */
    brokenIds?: Partial<Record<keyof Catalog, ReadonlySet<string>>>;
  } = {},
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const broken = opts.brokenIds ?? {};
  const ids = new Set(opts.knownIds ?? postmortems.map((p) => p.id));
  const allIds = [...ids];
  const severityIds = catalog.severities.map((s) => s.id);
  const serviceIds = catalog.services.map((s) => s.id);
  const teamIds = catalog.teams.map((t) => t.id);
  const resolveCategory = categoryResolver(catalog);
  const categoryIds = catalog.categories.flatMap((c) => [c.id, ...(c.aliases ?? [])]);

  const seenIds = new Map<string, string>();
  for (const pm of postmortems) {
    const at = (path: PropertyKey[]) => {
      const line = pm.lineOf?.(path);
      return { file: pm.file, field: fieldPath(path), level: 'error' as const, ...(line ? { line } : {}) };
    };
    const firstFile = seenIds.get(pm.id);
    if (firstFile) issues.push({ ...at([]), rule: 'reference/duplicate-id', message: `id ${quote(pm.id)} is also used by ${firstFile}`, fix: 'rename one of the files; ids are permanent URLs and must be unique' });
    seenIds.set(pm.id, pm.file);

    const d = pm.data;
    const idMatch = POSTMORTEM_ID.exec(pm.id);
    if (!idMatch) {
      issues.push({ ...at([]), rule: 'file/name', message: `file name ${quote(pm.id)} is not YYYY-MM-DD-kebab-slug`, fix: 'rename the file to the UTC start date plus a short lowercase slug, e.g. 2026-03-02-checkout-pool-exhaustion.mdx' });
    } else {
      const started = d.timeline?.find((e) => e.kind === 'started');
      const startDay = started ? utcDate(started.at) : undefined;
      if (startDay && startDay !== idMatch[1]) {
        const idx = d.timeline!.indexOf(started!);
        issues.push({ ...at(['timeline', idx, 'at']), rule: 'file/date', message: `the incident started on ${startDay} (UTC) but the file name says ${idMatch[1]}`, fix: `rename the file to ${startDay}-${idMatch[2]}.mdx, or correct the started time (remember the date is taken in UTC)` });
      }
    }
    if (d.severity !== undefined && !severityIds.includes(d.severity) && !broken.severities?.has(d.severity)) issues.push({ ...at(['severity']), rule: 'reference/severity', message: `${quote(d.severity)} is not in severities.yml`, fix: suggestion(d.severity, severityIds, 'severity') });
    (d.services ?? []).forEach((s, i) => {
      if (!serviceIds.includes(s) && !broken.services?.has(s)) issues.push({ ...at(['services', i]), rule: 'reference/service', message: `service ${quote(s)} is not in services.yml`, fix: `${suggestion(s, serviceIds, 'service')} (or add it to services.yml)` });
    });
    (d.teams ?? []).forEach((t, i) => {
      if (!teamIds.includes(t) && !broken.teams?.has(t)) issues.push({ ...at(['teams', i]), rule: 'reference/team', message: `team ${quote(t)} is not in teams.yml`, fix: `${suggestion(t, teamIds, 'team')} (or add it to teams.yml)` });
    });
    const checkCategory = (id: string, path: PropertyKey[]) => {
      if (!resolveCategory(id) && !broken.categories?.has(id)) issues.push({ ...at(path), rule: 'reference/category', message: `category ${quote(id)} is not in taxonomy.yml`, fix: suggestion(id, categoryIds, 'category') });
    };
    if (d.root_cause) checkCategory(d.root_cause.category, ['root_cause', 'category']);
    (d.contributing_factors ?? []).forEach((f, i) => checkCategory(f.category, ['contributing_factors', i, 'category']));
    (d.related ?? []).forEach((r, i) => {
      if (r === pm.id) issues.push({ ...at(['related', i]), rule: 'reference/self', message: 'a postmortem cannot be related to itself', fix: 'remove its own id from related' });
      else if (!ids.has(r)) issues.push({ ...at(['related', i]), rule: 'reference/postmortem', message: `${quote(r)} is not a postmortem in this knowledge base`, fix: suggestion(r, allIds, 'postmortem') });
    });
    if (d.recurrence_of !== undefined) {
      if (d.recurrence_of === pm.id) issues.push({ ...at(['recurrence_of']), rule: 'reference/self', message: 'a postmortem cannot be a recurrence of itself', fix: 'point recurrence_of at the earlier incident, or remove it' });
      else if (!ids.has(d.recurrence_of)) issues.push({ ...at(['recurrence_of']), rule: 'reference/postmortem', message: `${quote(d.recurrence_of)} is not a postmortem in this knowledge base`, fix: suggestion(d.recurrence_of, allIds, 'postmortem') });
    }
  }
  issues.push(...recurrenceCycles(postmortems));
  return issues;
}

/**
 * `recurrence_of` chains that come back to where they started (a → b → a): each incident would be
 * a repeat of a later one, and the pattern report would follow the chain for ever. One error per
 * file of the cycle, naming every file in it. Each postmortem points at most one way, so one walk
 * per chain finds every cycle in linear time.
 */
function recurrenceCycles(postmortems: readonly ReferenceSubject[]): ContentIssue[] {
  const byId = new Map<string, ReferenceSubject>();
  for (const pm of postmortems) if (!byId.has(pm.id)) byId.set(pm.id, pm);
  const next = (pm: ReferenceSubject) => {
    const target = pm.data.recurrence_of;
    return target !== undefined && target !== pm.id ? byId.get(target) : undefined;
  };
  const state = new Map<ReferenceSubject, 'walking' | 'done'>();
  const issues: ContentIssue[] = [];
  for (const start of byId.values()) {
    const path: ReferenceSubject[] = [];
    let pm: ReferenceSubject | undefined = start;
    while (pm && !state.has(pm)) {
      state.set(pm, 'walking');
      path.push(pm);
      pm = next(pm);
    }
    if (pm && state.get(pm) === 'walking') {
      const cycle = path.slice(path.indexOf(pm));
      const shown = [...cycle, cycle[0]!].map((c) => c.file);
      const named = shown.length > 7 ? [...shown.slice(0, 6), `… (${cycle.length} files)`, shown[shown.length - 1]!] : shown;
      for (const member of cycle) {
        const line = member.lineOf?.(['recurrence_of']);
        issues.push({
          file: member.file,
          field: 'recurrence_of',
          ...(line ? { line } : {}),
          level: 'error',
          rule: 'reference/recurrence-cycle',
          message: `goes round in a circle: ${named.join(' → ')}; an incident can only be a repeat of an earlier one`,
          fix: 'remove recurrence_of from the earliest incident of the chain (it repeats nothing), so that each one points back in time',
        });
      }
    }
    for (const p of path) state.set(p, 'done');
  }
  return issues;
}
