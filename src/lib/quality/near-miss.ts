import type { PostmortemFrontmatter } from '../../schema/postmortem';

/**
 * A near-miss is an incident that reached no customer: the practice still
 * wants it written up, because it is a lesson that cost nothing. The policy
 * relaxes exactly these rules for `incident_type: near-miss`; every other rule
 * applies unchanged, including `quality/action-items-present` (a near-miss
 * still needs at least one action item) and the whole root-cause analysis.
 */
export const NEAR_MISS_EXEMPTIONS = {
  'quality/impact-quantified': 'nothing reached customers, so impact numbers may be 0 or left out',
  'quality/body-sections': '"Customer impact" and "How we mitigated" are optional (there may be no impact to describe or mitigate)',
} as const satisfies Record<`quality/${string}`, string>;

/** Body sections a near-miss may leave out (lowercase, as compared). */
export const NEAR_MISS_OPTIONAL_SECTIONS: readonly string[] = ['customer impact', 'how we mitigated'];

export function isNearMiss(data: Pick<PostmortemFrontmatter, 'incident_type'>): boolean {
  return data.incident_type === 'near-miss';
}
