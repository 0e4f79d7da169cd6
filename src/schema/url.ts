import { quote, withFix } from './issues';
import { z } from 'zod';

/** True for absolute http: or https: URLs with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * A link to evidence or a tracker. Only http and https: a `javascript:` or
 * `data:` URL in a postmortem would become a live link on the published site.
 */
export const httpUrl = z.string({ error: 'must be a URL' }).refine(isHttpUrl, {
  error: (issue) => withFix(`${quote(issue.input, 60)} is not an http or https URL`, 'use a full link starting with https:// (other schemes such as javascript: are not allowed)', 'schema/url'),
});
