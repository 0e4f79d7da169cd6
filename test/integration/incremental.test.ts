/*
 * The postmortems loader writes entries with a digest of the file and of what its reading depends
 * on, so a build that shares Astro's cache with an earlier one parses only what changed, including
 * the postmortems the edition leaves out (drafts here) as long as it still leaves them out.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, readPage } from '../helpers/build';
import { FIXTURES } from '../helpers/kb';

const EDITED = '2026-03-02-checkout-pool-exhaustion';
const DRAFT = '2026-06-11-search-index-draft';

describe('builds sharing a cache', { timeout: 240_000 }, () => {
  const kb = mkdtempSync(join(tmpdir(), 'hindsight-incremental-kb-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'hindsight-incremental-cache-'));
  cpSync(join(FIXTURES, 'sites/basic/content'), kb, { recursive: true });
  afterAll(() => {
    rmSync(kb, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('re-read only the file that changed', async () => {
    const first = await buildSite({ content: kb, cacheDir });
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('read 3 of 3 postmortem files (0 unchanged)');

    const file = join(kb, 'postmortems', `${EDITED}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Checkout errors after the pool size was set to 10'));
    const second = await buildSite({ content: kb, cacheDir });
    expect(second.code, second.output).toBe(0);
    // The draft is left out of this edition, and was not parsed again either.
    expect(second.output).toContain('read 1 of 3 postmortem files (2 unchanged)');
    expect(second.output).toMatch(new RegExp(`not published: .*${DRAFT}\\.mdx \\(status is draft`));
    expect(readPage(second.outDir, `postmortems/${EDITED}`)).toContain('Checkout errors after the pool size was set to 10');
  });

  it('publish a remembered draft in full when the next build previews drafts', async () => {
    const preview = await buildSite({ content: kb, cacheDir, env: { HINDSIGHT_PREVIEW: '1' } });
    expect(preview.code, preview.output).toBe(0);
    // A left-out file is remembered by what selecting and checking it need, not its rendering (the
    // meta store stays small however many drafts or internal postmortems an edition leaves out):
    // the draft is read again to be published, and only the draft.
    expect(preview.output).toContain('read 1 of 3 postmortem files (2 unchanged)');
    const page = readPage(preview.outDir, `postmortems/${DRAFT}`);
    expect(page).toContain('<strong>Draft:</strong>');
    expect(page).toMatch(/<h2 id="summary">Summary<\/h2>/);
  });
});
