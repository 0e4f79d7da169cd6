import { withFix } from './issues';
import { z } from 'zod';
import { catalogId } from './ids';

const text = (what: string) => z.string({ error: `must be ${what}` }).trim().min(1, { error: withFix('is empty', `write ${what}`, 'schema/required') });

/** services.yml: one entry per service a postmortem can name. */
export const service = z.strictObject({
  id: catalogId,
  name: text('a display name'),
  /** Owning team: an id from teams.yml. */
  team: catalogId.optional(),
  /** Criticality tier, 1 = most critical. */
  tier: z.number().int().min(0).max(9).optional(),
  description: z.string().optional(),
});

/** teams.yml */
export const team = z.strictObject({
  id: catalogId,
  name: text('a display name'),
  /** Where to reach the team, e.g. a chat channel. */
  contact: z.string().optional(),
});

export const FISHBONE_GROUPS = ['people', 'process', 'technology', 'environment'] as const;

/** taxonomy.yml: root-cause categories, each on one bone of the fishbone. */
export const category = z.strictObject({
  id: catalogId,
  name: text('a display name'),
  description: text('a description'),
  group: z.enum(FISHBONE_GROUPS),
  /** Former ids that still resolve to this category, so a rename needs no mass edit. */
  aliases: z.array(catalogId).optional(),
  /** Kept so old postmortems resolve; new ones get a warning. */
  deprecated: z.boolean().optional(),
});

/** severities.yml */
export const severity = z.strictObject({
  id: z.string().trim().min(1),
  name: text('a display name'),
  description: text('a description'),
  /** 1 = most severe. */
  rank: z.number().int().min(1),
});

export type Service = z.infer<typeof service>;
export type Team = z.infer<typeof team>;
export type Category = z.infer<typeof category>;
export type Severity = z.infer<typeof severity>;

export interface Catalog {
  services: Service[];
  teams: Team[];
  categories: Category[];
  severities: Severity[];
}
