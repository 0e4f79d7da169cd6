import { quote, withFix } from './issues';
import { z } from 'zod';

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const POSTMORTEM_ID = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const HANDLE = /^@?[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A lowercase kebab-case id from one of the catalogs (services.yml, teams.yml, taxonomy.yml, …). */
export const catalogId = z.string({ error: 'must be an id (lowercase kebab-case)' }).regex(KEBAB, {
  error: (issue) => withFix(`${quote(issue.input)} is not a lowercase kebab-case id`, 'use lowercase letters, digits and single hyphens, e.g. checkout-api', 'schema/id'),
});

/** A postmortem id: `YYYY-MM-DD-kebab-slug`, the file name without `.mdx`. */
export const postmortemId = z.string({ error: 'must be a postmortem id' }).regex(POSTMORTEM_ID, {
  error: (issue) => withFix(`${quote(issue.input)} is not a postmortem id`, 'write the id as YYYY-MM-DD-kebab-slug, the file name without .mdx', 'schema/id'),
});

/** A person or team handle, e.g. `alex-kim` or `payments-oncall`. */
export const handle = z.string({ error: 'must be a handle' }).regex(HANDLE, {
  error: (issue) => withFix(`${quote(issue.input)} is not a handle`, 'use a person or team handle such as alex-kim or payments-oncall (no spaces, no e-mail addresses)', 'schema/handle'),
});

/** A tag: lowercase kebab-case. */
export const tag = z.string({ error: 'must be a tag' }).regex(KEBAB, {
  error: (issue) => withFix(`tag ${quote(issue.input)} is not lowercase kebab-case`, 'write tags in lowercase with hyphens, e.g. connection-pool', 'schema/tag'),
});
