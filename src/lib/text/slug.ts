/** Lowercase kebab-case of any text: accents dropped, every run of other characters one hyphen. */
export function kebabCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A file-name slug from a title: kebab-case, cut at a word boundary so that it stays at most `max`
 * characters (a single longer word is cut where it must be), `incident` when nothing is left.
 */
export function slugFromTitle(title: string, max = 60): string {
  const words = kebabCase(title).split('-').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  if (!slug && words[0]) slug = words[0].slice(0, max);
  return slug || 'incident';
}
