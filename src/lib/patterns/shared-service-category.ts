import { explicitChains, explicitPatternId } from './explicit-recurrence';
import { missedMechanisms } from './missed-mechanisms';
import { chronological, commonServices } from './subjects';
import type { PatternRule, PatternSubject, RepeatPattern } from './types';

const DAY_MS = 86_400_000;

/**
 * Implicit repeats: published incidents that share a service and a root-cause
 * category, each starting at most `windowDays` after the previous one (a gap
 * of exactly windowDays still links; one millisecond more does not). Each run
 * of such incidents in one (service, category) is one pattern, so a service
 * with incidents in January and again two years later has two patterns.
 *
 * Two incidents that both name checkout-api and payments-db form the same
 * cluster under each service; such a cluster (same category, same incidents)
 * is reported once, under the first service by id, and `services` lists
 * every service its incidents share.
 *
 * Overlap with explicit chains: a cluster whose incidents all belong to one
 * explicit chain says nothing the chain does not, and is not reported. Any
 * other cluster is reported, and `explicitOverlap` names the explicit chains
 * that already link two or more of its incidents.
 *
 * Cost: each incident is placed in one group per service it names, each group
 * is sorted once, and clusters are cut in one pass: O(n log n), no pairs.
 */
export const sharedServiceCategory: PatternRule = {
  kind: 'shared-service-category',
  description: 'Published incidents sharing a service and a root-cause category, each within the window of the previous one.',
  detect(subjects, { windowDays }) {
    const windowMs = windowDays * DAY_MS;
    const chainOf = new Map<string, string>();
    for (const chain of explicitChains(subjects)) {
      const id = explicitPatternId(chain);
      for (const s of chain) chainOf.set(s.id, id);
    }

    const groups = new Map<string, { service: string; category: string; members: PatternSubject[] }>();
    for (const s of subjects) {
      if (s.status !== 'published') continue;
      for (const service of new Set(s.services)) {
        const key = `${service}\u0000${s.category}`;
        const group = groups.get(key);
        if (group) group.members.push(s);
        else groups.set(key, { service, category: s.category, members: [s] });
      }
    }

    const patterns: RepeatPattern[] = [];
    const reported = new Set<string>();
    const ordered = [...groups.values()].sort((a, b) => compare(a.service, b.service) || compare(a.category, b.category));
    for (const { service, category, members } of ordered) {
      if (members.length < 2) continue;
      members.sort(chronological);
      let cluster: PatternSubject[] = [members[0]!];
      const flush = () => {
        if (cluster.length >= 2) {
          const sameIncidents = `${category}\u0000${cluster.map((s) => s.id).join('\u0000')}`;
          if (reported.has(sameIncidents)) return;
          reported.add(sameIncidents);
          const pattern = toPattern(service, category, cluster, chainOf);
          if (pattern) patterns.push(pattern);
        }
      };
      for (let i = 1; i < members.length; i++) {
        const s = members[i]!;
        if (s.startMs - cluster[cluster.length - 1]!.startMs <= windowMs) cluster.push(s);
        else {
          flush();
          cluster = [s];
        }
      }
      flush();
    }
    return patterns;
  },
};

function toPattern(service: string, category: string, cluster: PatternSubject[], chainOf: ReadonlyMap<string, string>): RepeatPattern | undefined {
  const perChain = new Map<string, number>();
  for (const s of cluster) {
    const chain = chainOf.get(s.id);
    if (chain !== undefined) perChain.set(chain, (perChain.get(chain) ?? 0) + 1);
  }
  if (perChain.size === 1 && [...perChain.values()][0] === cluster.length) return undefined;
  const first = cluster[0]!;
  return {
    id: `service-category:${service}:${category}:${first.id}`,
    kind: 'shared-service-category',
    incidentIds: cluster.map((s) => s.id),
    service,
    category,
    services: commonServices(cluster),
    firstStarted: new Date(first.startMs),
    lastStarted: new Date(cluster[cluster.length - 1]!.startMs),
    missedMechanisms: missedMechanisms(cluster),
    explicitOverlap: [...perChain].filter(([, n]) => n >= 2).map(([id]) => id).sort(),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
