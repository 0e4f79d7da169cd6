/*
 * What a team's src/content.config.ts uses: `export const collections = hindsightCollections();`
 * gives the five collections the site reads (postmortems and the four catalogs), each with its
 * own loader.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { StoredEntry } from './kb/entry';
import { catalogLoader, postmortemsLoader } from './kb/loader';
import { category, service, severity, team } from './schema/catalog';

export { catalogLoader, postmortemsLoader } from './kb/loader';

/** The knowledge base's collections, for `export const collections = hindsightCollections();`. */
export function hindsightCollections() {
  return {
    /*
     * Entries are validated by the loader itself (every file, every error, one report) before
     * they reach the store, so the collection's schema only carries the type.
     */
    postmortems: defineCollection({ loader: postmortemsLoader(), schema: z.custom<StoredEntry>(() => true) }),
    services: defineCollection({ loader: catalogLoader('services'), schema: service }),
    teams: defineCollection({ loader: catalogLoader('teams'), schema: team }),
    taxonomy: defineCollection({ loader: catalogLoader('categories'), schema: category }),
    severities: defineCollection({ loader: catalogLoader('severities'), schema: severity }),
  };
}
