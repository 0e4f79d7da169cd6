/*
 * The site's settings: hindsight.config.mjs plus the few switches read from the
 * environment. Pages and the data module import this; src/lib never does.
 */
import config from '../hindsight.config.mjs';
import { buildOptionsFromEnv } from './kb/select';

const options = buildOptionsFromEnv(process.env, process.env.HINDSIGHT_CONTENT ?? 'content');

export const settings = {
  ...config,
  edition: options.edition,
  preview: options.preview,
  /**
   * "Today" for overdue action items: the build date, or HINDSIGHT_TODAY
   * (YYYY-MM-DD) for reproducible builds and tests.
   */
  today: process.env.HINDSIGHT_TODAY ?? new Date().toISOString().slice(0, 10),
};

/** Link to edit a postmortem's source in the repository. */
export function editUrl(id: string): string {
  const { url, branch, contentDir } = config.repository;
  return `${url.replace(/\/$/, '')}/edit/${branch}/${contentDir}/postmortems/${id}.mdx`;
}

/** A site-internal URL with Astro's `base` applied, always with a trailing slash for pages. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
