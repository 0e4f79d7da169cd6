/*
 * Search in a real browser against the real build of the example knowledge
 * base: Pagefind's index and the search page's client, served over HTTP.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { e2eSites } from './site';

const PAGE_SIZE = 10; // results rendered before "Show more"

/* Queries made of words from the BODY of a postmortem (not its title or summary). */
const BODY_QUERIES = [
  // "A depot supervisor in Bristol …", "… failed doorstep visits and redeliveries"
  { id: '2025-03-31-route-planner-dst-delivery-windows', q: 'Bristol supervisor doorstep redeliveries' },
  // "… cache translation files …", "The Age header made the diagnosis quick."
  { id: '2025-06-12-tracking-web-stale-eta-cdn-ttl', q: 'translation files Age header' },
  // "… the Android library's quick-start example pins the leaf's issuer …"
  { id: '2026-04-14-driver-app-pinned-intermediate-rotation', q: 'Android quick-start leaf issuer' },
];

let server: StaticServer;
let kbServer: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errorsOf = new WeakMap<Page, string[]>();

beforeAll(async () => {
  const sites = await e2eSites();
  [server, kbServer, browser] = await Promise.all([serveDir(sites.root), serveDir(sites.kb, { prefix: '/kb/' }), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await Promise.all([server?.close(), kbServer?.close()]);
});

/** A fresh page in its own context (no shared cache or history), recording script errors. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  errorsOf.set(page, errors);
  return page;
}
const pageErrors = (page: Page) => errorsOf.get(page) ?? [];

interface Results {
  status: string;
  total: number;
  hrefs: string[];
}

/**
 * Waits until the search page has finished a search: the status says
 * "N results …" (and differs from `previousStatus`, when given) and the
 * first page of the N results is in the list.
 */
async function settledResults(page: Page, previousStatus?: string): Promise<Results> {
  await page.waitForSelector('#search-app[data-state="ready"]');
  await page.waitForFunction(
    ([previous, size]) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      const m = /^(\d+) results? /.exec(status);
      if (!m || status === previous) return false;
      return document.querySelectorAll('#search-results > li.result').length === Math.min(Number(m[1]), size);
    },
    [previousStatus ?? null, PAGE_SIZE] as const,
  );
  // Facet counts for the query arrive after the results (the filter files load once results are shown).
  await page.waitForSelector('#search-facets[data-counts="query"]');
  const status = (await page.textContent('#search-status'))!.trim();
  const hrefs = await page.$$eval('#search-results > li.result a.result-title', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return { status, total: Number(/^(\d+)/.exec(status)![1]), hrefs };
}

const pathOf = (href: string) => new URL(href, 'http://x').pathname;

describe('full-text search', () => {
  it.each(BODY_QUERIES)('finds $id first for words from its body: "$q"', async ({ id, q }) => {
    const page = await freshPage();
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('#search-app[data-state="ready"]');
    await page.fill('#search-q', q);
    await page.press('#search-q', 'Enter');
    const { hrefs, status } = await settledResults(page);
    expect(hrefs[0], `results for "${q}": ${hrefs.join(', ')}`).toBe(`/postmortems/${id}/`);
    expect(status).toContain(`for “${q}”`);
    // The excerpt shows where the words were found, highlighted.
    const marks = await page.$$eval('#search-results > li.result:first-child .result-excerpt mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    expect(q.toLowerCase().split(/\s+/).some((w) => marks.some((m) => m.includes(w.replace(/-.*/, ''))))).toBe(true);
    // Each result shows its severity, date and root-cause category.
    const first = page.locator('#search-results > li.result').first();
    await expect.poll(() => first.locator('.result-severity').textContent()).toMatch(/^SEV\d$/);
    await expect.poll(() => first.locator('.result-date').textContent()).toBe(id.slice(0, 10));
    await expect.poll(async () => ((await first.locator('.result-category').textContent()) ?? '').length).toBeGreaterThan(0);
    // The URL holds the query.
    expect(new URL(page.url()).searchParams.get('q')).toBe(q);
    expect(pageErrors(page)).toEqual([]);
  });

  /*
   * Words found only in a postmortem's tags: "season" (peak-season) and "postgresql" are not in
   * these postmortems' text, but both words are in other postmortems, so Pagefind requires them
   * (it ignores only a word found nowhere in the index). A user who types a tag expects the
   * incident filed under it; the excerpt shows where the other words are in the text, never the
   * tag list.
   */
  it.each([
    { q: 'peak season solver', id: '2025-11-28-route-planner-solver-out-of-memory-peak', tag: 'season', how: 'a kebab-case tag typed as words' },
    { q: '"peak season" solver', id: '2025-11-28-route-planner-solver-out-of-memory-peak', tag: 'season', how: 'the tag as a quoted phrase' },
    { q: 'peak-season solver', id: '2025-11-28-route-planner-solver-out-of-memory-peak', tag: 'season', how: 'the tag as written' },
    { q: 'postgresql nvme', id: '2025-05-22-parcel-db-primary-disk-failure', tag: 'postgresql', how: 'a one-word tag' },
  ])('tags are findable as words: $how ($q)', async ({ q, id, tag }) => {
    const page = await freshPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
    const { hrefs } = await settledResults(page);
    expect(hrefs[0], `results for ${q}: ${hrefs.join(', ')}`).toBe(`/postmortems/${id}/`);
    const excerpt = (await page.textContent('#search-results > li.result:first-child .result-excerpt'))!.toLowerCase();
    expect(excerpt.length).toBeGreaterThan(20);
    expect(excerpt).not.toContain(tag);
    expect(pageErrors(page)).toEqual([]);
  });

  it('narrows by a facet whose count predicts the results, keeps it in the URL, and the URL restores it', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}search/?q=deploy`);
    const before = await settledResults(page);
    expect(before.total).toBeGreaterThan(2);

    // Pick a value of the severity facet that matches some but not all results.
    const values = await page.$$eval('#search-facets fieldset.facet[data-facet="severity"] input[name="severity"]', (boxes) =>
      boxes.map((b) => ({ value: (b as HTMLInputElement).value, count: Number(/\((\d+)\)/.exec(b.parentElement?.querySelector('.facet-count')?.textContent ?? '')?.[1] ?? -1) })),
    );
    expect(values.length).toBeGreaterThan(1);
    expect(values.reduce((n, v) => n + v.count, 0), 'each result has one severity').toBe(before.total);
    const chosen = values.find((v) => v.count > 0 && v.count < before.total);
    expect(chosen, `severity counts ${JSON.stringify(values)}`).toBeDefined();

    await page.check(`input[name="severity"][value="${chosen!.value}"]`);
    const after = await settledResults(page, before.status);
    expect(after.total).toBe(chosen!.count);
    expect(after.total).toBeLessThan(before.total);
    expect(after.hrefs.every((h) => before.hrefs.includes(h))).toBe(true);
    const severities = await page.$$eval('#search-results .result-severity', (els) => els.map((e) => e.textContent));
    expect(new Set(severities)).toEqual(new Set([chosen!.value]));
    expect(await page.isChecked(`input[name="severity"][value="${chosen!.value}"]`)).toBe(true);

    // Disjunctive counts: the severity facet's own counts ignore its selection.
    const countsAfter = await page.$$eval('input[name="severity"]', (boxes) =>
      boxes.map((b) => ({ value: (b as HTMLInputElement).value, count: Number(/\((\d+)\)/.exec(b.parentElement?.querySelector('.facet-count')?.textContent ?? '')?.[1] ?? -1) })),
    );
    expect(countsAfter).toEqual(values);

    // The URL holds the query and the filter, and a fresh page restores them.
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('deploy');
    expect(url.searchParams.getAll('severity')).toEqual([chosen!.value]);
    const shared = await freshPage();
    await shared.goto(url.href);
    const restored = await settledResults(shared);
    expect(restored.hrefs).toEqual(after.hrefs);
    expect(restored.status).toBe(after.status);
    expect(await shared.inputValue('#search-q')).toBe('deploy');
    expect(await shared.isChecked(`input[name="severity"][value="${chosen!.value}"]`)).toBe(true);

    // A second value of the same facet widens again (any-of), to the sum of both counts.
    const other = values.find((v) => v.count > 0 && v.value !== chosen!.value)!;
    await shared.check(`input[name="severity"][value="${other.value}"]`);
    const both = await settledResults(shared, restored.status);
    expect(both.total).toBe(chosen!.count + other.count);
    expect(new URL(shared.url()).searchParams.getAll('severity').sort()).toEqual([chosen!.value, other.value].sort());
    expect([...pageErrors(page), ...pageErrors(shared)]).toEqual([]);
  });

  it('sorts by date, newest first, across "Show more"', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}search/?q=deploy`);
    const relevance = await settledResults(page);
    expect(relevance.total).toBeGreaterThan(3);

    await page.selectOption('#search-sort', 'date');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('date');
    const datesOf = () => page.$$eval('#search-results .result-date', (els) => els.map((e) => e.getAttribute('datetime') ?? e.textContent ?? ''));
    const newestFirst = (dates: string[]) => [...dates].sort().reverse();
    await expect.poll(async () => {
      const dates = await datesOf();
      return dates.length === relevance.total && dates.join() === newestFirst(dates).join();
    }).toBe(true);
    const byDate = await page.$$eval('#search-results a.result-title', (as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(byDate)).toEqual(new Set(relevance.hrefs));
    for (const d of await datesOf()) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Every postmortem matches "customers"; sorted by date they page through "Show more" in order.
    const all = await freshPage();
    await all.goto(`${server.url}search/?q=customers&sort=date`);
    const first = await settledResults(all);
    expect(first.total).toBeGreaterThan(PAGE_SIZE);
    expect(await all.isVisible('#search-more')).toBe(true);
    for (let shown = PAGE_SIZE; shown < first.total; shown += PAGE_SIZE) {
      await all.click('#search-more');
      await all.waitForFunction((n) => document.querySelectorAll('#search-results > li.result').length === n, Math.min(first.total, shown + PAGE_SIZE));
    }
    expect(await all.isHidden('#search-more')).toBe(true);
    const allDates = await all.$$eval('#search-results .result-date', (els) => els.map((e) => e.textContent ?? ''));
    expect(allDates).toEqual(newestFirst(allDates));
    expect(await all.inputValue('#search-sort')).toBe('date');
    expect([...pageErrors(page), ...pageErrors(all)]).toEqual([]);
  });

  it('searches from the header box of a postmortem page (no JavaScript there)', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}postmortems/2025-06-12-tracking-web-stale-eta-cdn-ttl/`);
    expect(await page.$$eval('script', (s) => s.length)).toBe(0);
    await page.click('#header-search-q');
    await page.keyboard.type('certificate');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === 'certificate');
    const results = await settledResults(page);
    expect(results.total).toBeGreaterThan(0);
    expect(results.hrefs.every((h) => h.startsWith('/postmortems/'))).toBe(true);
    expect(await page.inputValue('#search-q')).toBe('certificate');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('search with the keyboard only', () => {
  /** Presses Tab until `test` holds for the focused element (at most `max` times). */
  async function tabUntil(page: Page, what: string, test: string, max = 200): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(test)) return;
    }
    throw new Error(`Tab never reached ${what} in ${max} presses (focus is on ${await page.evaluate<string | undefined>('document.activeElement?.outerHTML.slice(0, 120)')})`);
  }

  it('"/" focuses the header search box on the home page', async () => {
    const page = await freshPage();
    await page.goto(server.url);
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('header-search-q');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
    expect(await page.inputValue('#header-search-q')).toBe(''); // the "/" itself is not typed
    await page.keyboard.type('disk');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === 'disk');
    expect((await settledResults(page)).total).toBeGreaterThan(0);
  });

  it('"/" focuses the header box on /search/ too, but is typed normally inside a text field', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('#search-app[data-state="ready"]');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
    await page.focus('#search-q');
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#search-q')).toBe('a/b');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  });

  it('on a postmortem page (no script), Tab from the skip link reaches the header search box', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}postmortems/2025-03-31-route-planner-dst-delivery-windows/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await tabUntil(page, '#header-search-q', `document.activeElement?.id === 'header-search-q'`, 20);
  });

  it('on /search/: Tab to the box, type, Enter, Tab to a facet, Space, Tab to the first result, Enter opens it', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('#search-app[data-state="ready"]');
    await tabUntil(page, '#search-q', `document.activeElement?.id === 'search-q'`, 30);
    await page.keyboard.type('deploy');
    await page.keyboard.press('Enter');
    const before = await settledResults(page);
    expect(before.total).toBeGreaterThan(2);

    // Tab on to the first facet checkbox whose value would narrow the results.
    await tabUntil(
      page,
      'a narrowing facet checkbox',
      `(() => {
        const el = document.activeElement;
        if (!(el instanceof HTMLInputElement) || el.type !== 'checkbox' || !el.closest('#search-facets fieldset.facet')) return false;
        const n = Number(/\\((\\d+)\\)/.exec(el.parentElement.querySelector('.facet-count').textContent)[1]);
        return n > 0 && n < ${before.total};
      })()`,
    );
    const box = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      return { id: el.id, name: el.name, value: el.value, count: Number(/\((\d+)\)/.exec(el.parentElement!.querySelector('.facet-count')!.textContent)![1]) };
    });
    await page.keyboard.press('Space');
    const after = await settledResults(page, before.status);
    expect(after.total).toBe(box.count);
    expect(new URL(page.url()).searchParams.getAll(box.name)).toEqual([box.value]);
    // Focus stays on the checkbox that was toggled, though the facets were re-rendered.
    expect(await page.evaluate(() => ({ id: document.activeElement?.id, checked: (document.activeElement as HTMLInputElement).checked }))).toEqual({ id: box.id, checked: true });

    await tabUntil(page, 'the first result link', `document.activeElement?.matches('#search-results > li.result:first-child a.result-title') ?? false`);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === pathOf(after.hrefs[0]!));
    expect(await page.locator('article.postmortem').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('search under a sub-path (HINDSIGHT_BASE=/kb/)', () => {
  it('finds postmortems and links them under /kb/', async () => {
    const page = await freshPage();
    const notFound: string[] = [];
    page.on('response', (r) => r.status() >= 400 && notFound.push(`${r.status()} ${r.url()}`));
    await page.goto(kbServer.url);
    expect(await page.getAttribute('form.header-search', 'action')).toBe('/kb/search/');
    await page.fill('#header-search-q', BODY_QUERIES[1]!.q);
    await page.press('#header-search-q', 'Enter');
    await page.waitForURL((u) => u.pathname === '/kb/search/');
    const results = await settledResults(page);
    expect(results.hrefs[0]).toBe(`/kb/postmortems/${BODY_QUERIES[1]!.id}/`);

    await page.goto(`${kbServer.url}search/?q=deploy`);
    const broad = await settledResults(page);
    expect(broad.total).toBeGreaterThan(2);
    for (const h of broad.hrefs) expect(h).toMatch(/^\/kb\/postmortems\/[\w-]+\/$/);
    await page.click('#search-results > li.result:first-child a.result-title');
    await page.waitForURL((u) => u.pathname === broad.hrefs[0]);
    expect(await page.locator('article.postmortem').count()).toBe(1);
    expect(notFound).toEqual([]);
    expect(kbServer.log.filter((r) => r.status === 404)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('cost of a first search', () => {
  it('shows results before it fetches any filter file, then the facet counts for the query', async () => {
    const page = await freshPage();
    const requests: Array<Promise<{ url: string; bytes: number; startedAt: number }>> = [];
    page.on('requestfinished', (req) => {
      const url = new URL(req.url()).pathname;
      if (!url.startsWith('/pagefind/')) return;
      requests.push(req.sizes().then((s) => ({ url, bytes: s.responseBodySize + s.responseHeadersSize, startedAt: req.timing().startTime })));
    });
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('#search-app[data-state="ready"]');
    // Before any query: the facets list every value with its total, written into the page at build time.
    const before = await page.$$eval('#search-facets input[type="checkbox"]', (bs) => bs.length);
    expect(before).toBeGreaterThan(10);
    expect(await page.getAttribute('#search-facets', 'data-counts')).toBe('totals');
    await page.focus('#search-q');
    await page.keyboard.type('connection pool');
    const { total } = await settledResults(page);
    expect(total).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    // Epoch ms at which the results were on screen (the page marks it).
    const resultsAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('hindsight:search-results')[0]!.startTime);
    const fetched = await Promise.all(requests);
    const filterFiles = fetched.filter((f) => f.url.endsWith('.pf_filter'));
    expect(filterFiles.length).toBeGreaterThan(0);
    for (const f of filterFiles) expect(f.startedAt, `${f.url} was requested before the results were shown`).toBeGreaterThan(resultsAt);
    const toResults = fetched.filter((f) => f.startedAt <= resultsAt).reduce((n, f) => n + f.bytes, 0);
    const all = fetched.reduce((n, f) => n + f.bytes, 0);
    console.log(`[e2e metrics] first search on the example: ${(toResults / 1024).toFixed(1)} KiB under /pagefind/ to results, ${(all / 1024).toFixed(1)} KiB with the facet counts (bench/lib/search-cost.ts measures the 10,000-postmortem site)`);
  });
});
