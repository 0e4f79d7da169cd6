/*
 * Warm builds: with the content store kept (Astro's cacheDir, as CI keeps it with a cache step),
 * a build reads only the postmortem files that changed. Drafts and other left-out files count
 * too: an unchanged draft is not read again, yet is still reported and still checked.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build';
import { FIXTURES } from '../helpers/kb';

const POOL = '2026-03-02-checkout-pool-exhaustion';
const DRAFT = '2026-06-11-search-index-draft';

describe('warm builds with the content store kept', () => {
  const kb = mkdtempSync(join(tmpdir(), 'hindsight-warm-'));
  const out = join(kb, '.out');
  // The same output and cache folders every time: Astro clears its store when its configuration changes.
  const build = (env: Record<string, string> = {}) => buildSite({ content: join(kb, 'content'), outDir: join(out, 'dist'), env: { HINDSIGHT_CACHE_DIR: join(out, 'cache'), ...env } });
  const read = (b: BuildResult) => /read (\d+) of \d+ postmortem files? \((\d+) unchanged\)/.exec(b.output)?.slice(1).map(Number);
  let cold: BuildResult, warm: BuildResult, changed: BuildResult;

  beforeAll(async () => {
    cpSync(join(FIXTURES, 'sites/basic/content'), join(kb, 'content'), { recursive: true });
    cold = await build();
    warm = await build();
    appendFileSync(join(kb, 'content/postmortems', `${POOL}.mdx`), '\nA sentence added after the first build: WARM-BUILD-MARKER.\n');
    changed = await build();
    for (const b of [cold, warm, changed]) if (b.code !== 0) throw new Error(b.output);
  });

  it('reads every file in a cold build, none when nothing changed, one when one postmortem changed', () => {
    expect(read(cold)).toEqual([3, 0]);
    expect(read(warm)).toEqual([0, 3]);
    expect(read(changed)).toEqual([1, 2]);
    expect(readFileSync(join(out, 'dist/postmortems', POOL, 'index.html'), 'utf8')).toContain('WARM-BUILD-MARKER');
  });

  it('keeps each published postmortem rendered once beside the store, and drops the old rendering of a changed one', () => {
    expect(readdirSync(join(out, 'cache/hindsight/rendered'))).toHaveLength(2);
  });

  it('reads a postmortem again when its rendering is gone from the cache, though the store is kept', async () => {
    rmSync(join(out, 'cache/hindsight'), { recursive: true, force: true });
    const again = await build();
    if (again.code !== 0) throw new Error(again.output);
    expect(read(again)).toEqual([2, 1]);
    expect(readFileSync(join(out, 'dist/postmortems', POOL, 'index.html'), 'utf8')).toContain('WARM-BUILD-MARKER');
  });

  it('still reports an unchanged draft it did not read again', () => {
    for (const b of [warm, changed]) expect(b.output).toMatch(new RegExp(`not published: .*${DRAFT}\\.mdx \\(status is draft`));
  });

  it('still checks an unchanged draft against catalogs that changed', async () => {
    // The draft names the search service (the catalog's last entry); remove it.
    const services = join(kb, 'content/services.yml');
    const before = readFileSync(services, 'utf8');
    writeFileSync(services, before.replace(/- id: search\n[\s\S]*$/, ''));
    const broken = await build();
    writeFileSync(services, before);
    expect(read(broken)).toEqual([0, 3]);
    expect(broken.code).not.toBe(0);
    expect(broken.output).toContain(`${DRAFT}.mdx`);
    expect(broken.output).toContain('service "search" is not in services.yml');
  });

  it('reads a left-out draft again once a preview build publishes it', async () => {
    const preview = await build({ HINDSIGHT_PREVIEW: '1' });
    if (preview.code !== 0) throw new Error(preview.output);
    expect(read(preview)).toEqual([1, 2]);
    expect(readFileSync(join(out, 'dist/postmortems', DRAFT, 'index.html'), 'utf8')).toContain('Draft');
  });

});
