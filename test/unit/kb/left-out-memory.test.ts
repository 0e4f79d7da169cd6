import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { rememberedLeftOut } from '../../../src/kb/loader';

/*
 * CI keeps Astro's content store between builds (README, "Warm builds in CI"), so a build after an
 * upgrade meets what an older Hindsight wrote into the loader's meta store. Found by building the
 * example over the cache of the previous version: JSON.parse threw and the build stopped.
 */
describe('what the loader remembers of left-out postmortems', () => {
  it('is nothing, not a crash, when the cache holds another version\'s format or damaged data', () => {
    const olderVersion = serialize({ '2026-06-11-draft': { digest: 'x', entry: {}, html: '<p>body</p>' } }).toString('base64');
    for (const text of [olderVersion, '{"truncated', '[1, 2]', 'null', '42', '']) expect(rememberedLeftOut(text), text.slice(0, 20)).toEqual({});
    expect(rememberedLeftOut(undefined)).toEqual({});
  });

  it('reads back what this version wrote', () => {
    const record = { digest: 'd', file: 'content/postmortems/2026-06-11-draft.mdx', data: { status: 'draft' }, errors: [] };
    expect(rememberedLeftOut(JSON.stringify({ '2026-06-11-draft': record }))).toEqual({ '2026-06-11-draft': record });
  });
});
