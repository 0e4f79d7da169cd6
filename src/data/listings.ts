/*
 * How much the long listing pages (/postmortems/, /actions/, /patterns/) show
 * at once: hindsight.config.mjs `listings`, with HINDSIGHT_LISTINGS (JSON) over
 * it for one build, so tests can paginate a small knowledge base.
 */
import { z } from 'zod';
import { settings } from '../settings';

const count = (min: number) => z.int({ error: 'must be a whole number' }).min(min, { error: `must be ${min} or more` });

const listingsShape = z.strictObject({
  /** /postmortems/: postmortems per page. */
  pageSize: count(1),
  /** /actions/: action items listed on the page itself, overdue first. */
  actionRows: count(1),
  /** /patterns/: incidents and missed mechanisms listed per pattern. */
  perPattern: count(1),
  /** /patterns/: patterns of each kind shown in full. */
  patternCards: count(1),
});

export type Listings = z.infer<typeof listingsShape>;

export const DEFAULT_LISTINGS: Listings = { pageSize: 100, actionRows: 200, perPattern: 10, patternCards: 25 };

/** The defaults, then the configured values, then the JSON of HINDSIGHT_LISTINGS; a bad value fails the build, naming where it came from. */
export function resolveListings(configured: Partial<Listings> | undefined, fromEnv: string | undefined): Listings {
  const check = (value: unknown, where: string) => {
    const result = listingsShape.partial().safeParse(value);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join('.') || '(value)'} ${i.message}`).join('; ');
      throw new Error(`${where}: ${problems} (keys: ${Object.keys(DEFAULT_LISTINGS).join(', ')})`);
    }
    return result.data;
  };
  let env: unknown = {};
  if (fromEnv?.trim()) {
    try {
      env = JSON.parse(fromEnv);
    } catch (cause) {
      throw new Error(`HINDSIGHT_LISTINGS is not JSON: write e.g. '{"pageSize":10}'`, { cause });
    }
  }
  const resolved = { ...DEFAULT_LISTINGS };
  for (const source of [check(configured ?? {}, 'hindsight.config.mjs, listings'), check(env, 'HINDSIGHT_LISTINGS')]) {
    for (const key of Object.keys(resolved) as Array<keyof Listings>) resolved[key] = source[key] ?? resolved[key];
  }
  return resolved;
}

export const listings: Listings = resolveListings(settings.listings, process.env.HINDSIGHT_LISTINGS);
