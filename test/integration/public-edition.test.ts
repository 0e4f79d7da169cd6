import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readExport, readPage, type BuildResult } from '../helpers/build';
import { FIXTURES } from '../helpers/kb';

/*
 * The public edition must contain no trace of internal postmortems or of
 * <Internal> blocks: not in pages, lists, counts, links, the feed, the JSON
 * export, the sitemap, or the Pagefind index (whose files are gzipped).
 */
const BASIC = join(FIXTURES, 'sites/basic/content');
const INTERNAL_POSTMORTEM_MARKER = 'FIXTURE-INTERNAL-POSTMORTEM-MARKER';
const INTERNAL_BLOCK_MARKER = 'FIXTURE-INTERNAL-BLOCK-MARKER';
const INTERNAL_ID = '2026-05-20-checkout-pool-again';
const INTERNAL_ONLY_WORDS = [
  'Checkout latency spike from pool exhaustion during a flash sale',
  'flash-sale',
  'pay-db-fixture-7',
  // The description of the one category only the internal postmortem uses (through its alias resource-exhaustion).
  'Demand exceeded what a resource could serve.',
];

/** Every file of a build as text; gzipped files (the Pagefind index) are decompressed first. */
function allText(dir: string): Array<{ file: string; text: string }> {
  return listFiles(dir).map((file) => {
    const raw = readFileSync(file);
    let bytes = raw;
    if (raw[0] === 0x1f && raw[1] === 0x8b) bytes = gunzipSync(raw);
    return { file: relative(dir, file), text: bytes.toString('utf8') };
  });
}

describe('the public edition', () => {
  let pub: BuildResult;
  let internal: BuildResult;
  beforeAll(async () => {
    [pub, internal] = await Promise.all([
      // The public build reads with worker threads (as a large knowledge base does): nothing may leak that way either.
      buildSite({ content: BASIC, env: { HINDSIGHT_EDITION: 'public', HINDSIGHT_THREADS: '2' } }),
      buildSite({ content: BASIC }),
    ]);
    if (pub.code !== 0) throw new Error(pub.output);
    if (internal.code !== 0) throw new Error(internal.output);
  });

  it('the internal edition does contain the markers (so the search below can fail)', () => {
    const files = allText(internal.outDir);
    expect(files.some((f) => f.text.includes(INTERNAL_POSTMORTEM_MARKER))).toBe(true);
    expect(files.some((f) => f.text.includes(INTERNAL_BLOCK_MARKER))).toBe(true);
    expect(files.some((f) => f.file.startsWith('pagefind/') && f.text.includes(INTERNAL_POSTMORTEM_MARKER))).toBe(true);
  });

  it('contains no trace of an internal postmortem or an <Internal> block in any file, the Pagefind index included', () => {
    const files = allText(pub.outDir);
    expect(files.filter((f) => f.file.startsWith('pagefind/')).length).toBeGreaterThan(3);
    for (const needle of [INTERNAL_POSTMORTEM_MARKER, INTERNAL_BLOCK_MARKER, INTERNAL_ID, ...INTERNAL_ONLY_WORDS]) {
      const leaks = files.filter((f) => f.text.includes(needle)).map((f) => f.file);
      expect(leaks, `"${needle}" leaked into the public build`).toEqual([]);
    }
  });

  it('still publishes the public postmortem, without its internal block', () => {
    const html = readPage(pub.outDir, 'postmortems/2026-03-02-checkout-pool-exhaustion');
    expect(html).toContain('Checkout API returned errors after a connection-pool config change');
    expect(html).not.toContain('<aside class="internal-note"');
    expect(html).not.toContain('Internal only');
    expect(html).not.toContain('Recurred as');
  });

  it('counts only what it publishes', () => {
    const json = readExport(pub.outDir);
    expect(json.index.count).toBe(1);
    expect(json.postmortems.map((p) => p.id)).toEqual(['2026-03-02-checkout-pool-exhaustion']);
    expect(readPage(pub.outDir, 'postmortems')).toContain('1 postmortems');
    const services = readPage(pub.outDir, 'services/checkout-api');
    expect(services).toContain('1 postmortem<');
    expect(build(pub).rss).not.toContain('<item><title>[SEV2]');
  });

  it('lists no catalog entry that only postmortems it does not publish use', () => {
    // capacity: the internal postmortem's category; search and discovery: the draft's service and team.
    const gone = ['categories/capacity', 'services/search', 'teams/discovery'];
    for (const path of gone) {
      expect(existsSync(join(pub.outDir, path, 'index.html')), path).toBe(false);
      expect(readPage(pub.outDir, path.split('/')[0]!), path).not.toContain(`/${path}/`);
      expect(existsSync(join(internal.outDir, path, 'index.html')), `the internal edition lists ${path}`).toBe(true);
    }
    // What the public postmortem uses is still there, with the team that owns its services.
    for (const path of ['categories/config-change', 'categories/testing-gap', 'services/checkout-api', 'services/payments-db', 'teams/payments']) {
      expect(existsSync(join(pub.outDir, path, 'index.html')), path).toBe(true);
    }
  });

  it('reports what it left out and why', () => {
    expect(pub.output).toMatch(/not published: .*2026-05-20-checkout-pool-again\.mdx \(visibility is internal; this is the public edition\)/);
  });
});

function build(b: BuildResult) {
  return { rss: readFileSync(join(b.outDir, 'rss.xml'), 'utf8') };
}
