import type { GetStaticPaths } from 'astro';
import { loadSite, type Postmortem } from '../../../data';
import { searchRecord } from '../../../data/search';

/**
 * The search index's input, written by the build for the integration's astro:build:done hook
 * (src/integration/pagefind.ts), which gives each record to Pagefind and then deletes these
 * files: they are never part of the published site. Records come from the same data as the
 * pages, so Pagefind never re-reads built HTML. In parts, so that no string grows with the
 * knowledge base.
 */
export const RECORDS_PER_PART = 1000;

export const getStaticPaths = (async () => {
  const site = await loadSite();
  const parts: Postmortem[][] = [];
  for (let i = 0; i < site.postmortems.length; i += RECORDS_PER_PART) parts.push(site.postmortems.slice(i, i + RECORDS_PER_PART));
  return parts.map((postmortems, i) => ({ params: { part: String(i + 1) }, props: { postmortems } }));
}) satisfies GetStaticPaths;

export async function GET({ props }: { props: { postmortems: Postmortem[] } }) {
  const site = await loadSite();
  return new Response(JSON.stringify(props.postmortems.map((pm) => searchRecord(pm, site))), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
