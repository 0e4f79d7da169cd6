/*
 * The settings as pages see them: resolved once by the integration (src/config/settings.ts) and
 * handed over through a virtual module. Pages and the data module import this; src/lib never does.
 */
import resolved from 'virtual:hindsight/settings';

export const settings = resolved;

/** Link to edit a postmortem's source in the repository, when the repository is configured. */
export function editUrl(id: string): string | undefined {
  const { url, branch } = settings.repository;
  if (!url) return undefined;
  return `${url.replace(/\/$/, '')}/edit/${branch}/${settings.contentDir}/postmortems/${id}.mdx`;
}

/** A site-internal URL with Astro's `base` applied, always with a trailing slash for pages. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
