import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadSite } from '../data';
import { href, settings } from '../settings';

/** The newest `feed.limit` published postmortems: a feed reader wants what is new, and the file stays the same size however large the knowledge base grows. */
export async function GET(context: APIContext) {
  const site = await loadSite();
  return rss({
    title: `${settings.organisation} postmortems`,
    description: settings.description,
    site: context.site ?? context.url.origin,
    items: site.postmortems
      .filter((pm) => pm.data.status === 'published')
      .slice(0, settings.feed.limit)
      .map((pm) => ({
        title: `[${pm.data.severity}] ${pm.data.title}`,
        description: pm.data.summary,
        pubDate: pm.metrics.startedAt,
        link: href(`/postmortems/${pm.id}/`),
        categories: [pm.category.name, ...pm.data.services, ...(pm.data.tags ?? [])],
      })),
  });
}
