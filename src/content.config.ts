import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { resolve } from 'node:path';
import type { PostmortemEntry } from './kb/entry';
import { catalogLoader, postmortemLoader } from './kb/loader';
import { buildOptionsFromEnv } from './kb/select';
import { settings } from './settings';
import { category, service, severity, team } from './schema/catalog';

// The knowledge base folder can be pointed elsewhere (fixture sites, the benchmark).
const root = resolve(process.env.HINDSIGHT_CONTENT ?? 'content');
const options = { ...buildOptionsFromEnv(process.env, root), quality: { overrides: settings.quality, today: settings.today } };

/*
 * Entries are validated by our own loader (every file, every error, one
 * report) before they reach the store, so the collection schema only carries
 * the type.
 */
const postmortems = defineCollection({
  loader: postmortemLoader(options),
  schema: z.custom<PostmortemEntry>(() => true),
});

export const collections = {
  postmortems,
  services: defineCollection({ loader: catalogLoader(options, 'services'), schema: service }),
  teams: defineCollection({ loader: catalogLoader(options, 'teams'), schema: team }),
  taxonomy: defineCollection({ loader: catalogLoader(options, 'categories'), schema: category }),
  severities: defineCollection({ loader: catalogLoader(options, 'severities'), schema: severity }),
};
