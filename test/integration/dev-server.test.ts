/*
 * The loaders' contract with `astro dev`, on a real dev server over a copy of a fixture knowledge
 * base: a save is served without a restart, drafts are previewed, a broken file shows what to fix
 * and recovers, and adding, deleting and catalog edits reach the pages.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '../helpers/build';
import { startDev, waitFor, type DevServer } from '../helpers/dev';
import { FIXTURES } from '../helpers/kb';

const FIRST = '2026-03-02-checkout-pool-exhaustion';
const DRAFT = '2026-06-11-search-index-draft';
const ADDED = '2026-03-02-checkout-pool-second-region';

/** The page's `<h1>`, as text. */
function title(html: string): string | undefined {
  const m = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/);
  return m ? decodeEntities(m[1]!.replace(/<[^>]+>/g, '')).trim() : undefined;
}

/** The problems panel's text (components/site/Problems.astro), or '' when the page has none. */
function problems(html: string): string {
  const m = html.match(/<section class="problems"[\s\S]*?<\/section>/);
  return m ? decodeEntities(m[0].replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ') : '';
}

describe('astro dev over a fixture knowledge base', { timeout: 60_000 }, () => {
  let dev: DevServer;
  let kb: string;
  let cache: string;
  let pid: number | undefined;
  const file = (id: string) => join(kb, 'postmortems', `${id}.mdx`);

  beforeAll(async () => {
    kb = mkdtempSync(join(tmpdir(), 'hindsight-dev-kb-'));
    cache = mkdtempSync(join(tmpdir(), 'hindsight-dev-cache-'));
    cpSync(join(FIXTURES, 'sites/basic/content'), kb, { recursive: true });
    dev = await startDev({ content: kb, cacheDir: cache });
    pid = dev.process.pid;
  });

  afterAll(async () => {
    await dev?.stop();
    rmSync(kb, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it('serves an edited title within 2 s of saving, without a restart', async () => {
    const path = `/postmortems/${FIRST}/`;
    expect(title((await dev.get(path)).html)).toBe('Checkout API returned errors after a connection-pool config change');
    const source = readFileSync(file(FIRST), 'utf8');
    writeFileSync(file(FIRST), source.replace(/^title: .*$/m, 'title: Checkout API errors after the pool size was set to 10'));
    await waitFor(async () => (title((await dev.get(path)).html) === 'Checkout API errors after the pool size was set to 10' ? true : undefined), 2_000, 'the new title on the page');
    expect(dev.process.pid).toBe(pid);
    expect(dev.process.exitCode).toBeNull();
    expect(dev.output()).toContain('reloaded after a change to');
    expect(dev.output()).not.toMatch(/server restarted/i);
  });

  it('shows a draft, with its banner', async () => {
    const page = await dev.get(`/postmortems/${DRAFT}/`);
    expect(page.status).toBe(200);
    expect(title(page.html)).toBe('Search results were stale after an index rebuild stalled');
    expect(page.html).toMatch(/class="banner"[^>]*>\s*<strong>Draft:<\/strong> this postmortem is not published yet/);
  });

  it('shows a broken file\'s problem (file, line, field, fix) on its page and on every page, and recovers when it is fixed', async () => {
    const source = readFileSync(file(FIRST), 'utf8');
    const line = source.split('\n').findIndex((l) => l.startsWith('severity:')) + 1;
    writeFileSync(file(FIRST), source.replace(/^severity: SEV1$/m, 'severity: SEV9'));
    const expected = new RegExp(`${FIRST}\\.mdx : 1 problem line ${line} severity "SEV9" is not in severities\\.yml fix: did you mean "SEV1"`);
    for (const path of [`/postmortems/${FIRST}/`, '/', '/postmortems/', '/services/checkout-api/', `/postmortems/${DRAFT}/`]) {
      await waitFor(async () => (expected.test(problems((await dev.get(path)).html)) ? true : undefined), 10_000, `the problem on ${path}`);
    }
    writeFileSync(file(FIRST), source);
    await waitFor(async () => {
      const page = await dev.get(`/postmortems/${FIRST}/`);
      return problems(page.html) === '' && title(page.html) === 'Checkout API errors after the pool size was set to 10' ? true : undefined;
    }, 10_000, 'the postmortem back, without the problem');
    expect(problems((await dev.get('/')).html)).toBe('');
    expect(dev.process.pid).toBe(pid);
  });

  it('adds and removes a postmortem', async () => {
    const source = readFileSync(file(FIRST), 'utf8').replace(/^title: .*$/m, 'title: Checkout errors in the second region after the same pool change');
    writeFileSync(file(ADDED), source);
    await waitFor(async () => {
      const page = await dev.get(`/postmortems/${ADDED}/`);
      return page.status === 200 && title(page.html) === 'Checkout errors in the second region after the same pool change' ? true : undefined;
    }, 10_000, 'the added postmortem\'s page');
    expect((await dev.get('/postmortems/')).html).toContain(`/postmortems/${ADDED}/`);

    unlinkSync(file(ADDED));
    await waitFor(async () => ((await dev.get(`/postmortems/${ADDED}/`)).status === 404 ? true : undefined), 10_000, 'the deleted postmortem gone');
    expect((await dev.get('/postmortems/')).html).not.toContain(`/postmortems/${ADDED}/`);
    expect(dev.process.pid).toBe(pid);
  });

  it('updates the pages when a catalog file changes (a service renamed)', async () => {
    const services = join(kb, 'services.yml');
    expect(title((await dev.get('/services/checkout-api/')).html)).toBe('Service: Checkout API');
    writeFileSync(services, readFileSync(services, 'utf8').replace('name: Checkout API', 'name: Checkout Gateway'));
    await waitFor(async () => (title((await dev.get('/services/checkout-api/')).html) === 'Service: Checkout Gateway' ? true : undefined), 10_000, 'the renamed service');
    expect((await dev.get('/services/')).html).toContain('Checkout Gateway');
    expect(dev.process.pid).toBe(pid);
  });
});
