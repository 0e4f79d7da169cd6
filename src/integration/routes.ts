/**
 * Every page the site has, injected by the integration: pattern → file under src/routes/.
 * A team's own src/pages/ can add pages beside them.
 */
export const ROUTES: ReadonlyArray<{ pattern: string; entrypoint: string }> = [
  { pattern: '/', entrypoint: 'index.astro' },
  { pattern: '/postmortems/[...page]', entrypoint: 'postmortems/[...page].astro' },
  { pattern: '/postmortems/[id]', entrypoint: 'postmortems/[id].astro' },
  { pattern: '/[kind]', entrypoint: '[kind]/index.astro' },
  { pattern: '/[kind]/[id]', entrypoint: '[kind]/[id].astro' },
  { pattern: '/actions', entrypoint: 'actions/index.astro' },
  { pattern: '/actions/follow-ups', entrypoint: 'actions/follow-ups.astro' },
  { pattern: '/actions/[group]', entrypoint: 'actions/[group]/index.astro' },
  { pattern: '/actions/[group]/[id]', entrypoint: 'actions/[group]/[id].astro' },
  { pattern: '/actions.csv', entrypoint: 'actions.csv.ts' },
  { pattern: '/actions/[file].csv', entrypoint: 'actions/[file].csv.ts' },
  { pattern: '/patterns', entrypoint: 'patterns/index.astro' },
  { pattern: '/reviews', entrypoint: 'reviews/index.astro' },
  { pattern: '/reviews/[quarter]', entrypoint: 'reviews/[quarter].astro' },
  { pattern: '/reviews/[quarter]/by/[sort]', entrypoint: 'reviews/[quarter]/by/[sort].astro' },
  { pattern: '/search', entrypoint: 'search/index.astro' },
  { pattern: '/rss.xml', entrypoint: 'rss.xml.ts' },
  { pattern: '/api/postmortems.json', entrypoint: 'api/postmortems.json.ts' },
  { pattern: '/api/postmortems/[file].json', entrypoint: 'api/postmortems/[file].json.ts' },
  { pattern: '/favicon.svg', entrypoint: 'favicon.svg.ts' },
  { pattern: '/404', entrypoint: '404.astro' },
];

/** The folder of the search index's input inside the build output; the integration deletes it once Pagefind has read it. */
export const SEARCH_RECORDS_DIR = '_hindsight/search-records';

/** Build-only outputs for the integration's own hooks, never published (see src/integration/pagefind.ts). */
export const BUILD_ROUTES: ReadonlyArray<{ pattern: string; entrypoint: string }> = [
  { pattern: `/${SEARCH_RECORDS_DIR}/[part].json`, entrypoint: '_hindsight/search-records/[part].json.ts' },
];
