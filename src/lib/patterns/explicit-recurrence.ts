import { missedMechanisms } from './missed-mechanisms';
import { chronological, commonCategory, commonServices } from './subjects';
import type { PatternRule, PatternSubject, RepeatPattern } from './types';

/**
 * The explicit chains: incidents linked through `recurrence_of`, whatever
 * their order of linking. A ← B ← C is one chain [A, B, C]; two incidents
 * that both recur A join A's chain too, so a chain is a connected group, in
 * chronological order.
 *
 * Links are joined with union–find, never followed, so a cycle (A → B → A,
 * which validation rejects but a caller may still pass) cannot loop. A
 * `recurrence_of` naming an id that is not among the incidents (a draft or
 * an internal postmortem left out of this edition) is ignored.
 */
export function explicitChains(subjects: readonly PatternSubject[]): PatternSubject[][] {
  const indexOf = new Map<string, number>();
  subjects.forEach((s, i) => {
    if (!indexOf.has(s.id)) indexOf.set(s.id, i);
  });
  const parent = subjects.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const up = parent[i]!;
      parent[i] = root;
      i = up;
    }
    return root;
  };
  subjects.forEach((s, i) => {
    if (s.recurrenceOf === undefined || s.recurrenceOf === s.id) return;
    const j = indexOf.get(s.recurrenceOf);
    if (j === undefined) return;
    const a = find(i), b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  });
  const groups = new Map<number, PatternSubject[]>();
  subjects.forEach((s, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()].filter((g) => g.length >= 2).map((g) => g.sort(chronological));
}

/** The pattern id of an explicit chain: its first incident. */
export function explicitPatternId(chain: readonly PatternSubject[]): string {
  return `explicit:${chain[0]!.id}`;
}

export const explicitRecurrence: PatternRule = {
  kind: 'explicit',
  description: 'Incidents linked by recurrence_of: the author said this happened before.',
  detect(subjects) {
    return explicitChains(subjects).map((chain): RepeatPattern => {
      const category = commonCategory(chain);
      return {
        id: explicitPatternId(chain),
        kind: 'explicit',
        incidentIds: chain.map((s) => s.id),
        ...(category !== undefined ? { category } : {}),
        services: commonServices(chain),
        firstStarted: new Date(chain[0]!.startMs),
        lastStarted: new Date(chain[chain.length - 1]!.startMs),
        missedMechanisms: missedMechanisms(chain),
        explicitOverlap: [],
      };
    });
  },
};
