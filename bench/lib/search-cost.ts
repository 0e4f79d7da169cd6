/*
 * The cost of a first search on a built site, in Debian's Chromium:
 *
 *   npx tsx bench/lib/search-cost.ts <dist> [query] [runs] [--api]
 *
 * The site is served as a static host serves it: text files (the HTML, CSS
 * and pagefind.js) gzipped, Pagefind's own files as they are (already
 * compressed).
 *
 * With --api (the bare baseline site, which has no search page) it measures
 * Pagefind alone: a fresh page imports pagefind.js, searches, and loads the
 * first ten results, as any Pagefind UI must; the bytes and the time are the
 * floor a Pagefind search over the same postmortems costs.
 *
 * For each run, a fresh browser context (empty cache) opens /search/, waits
 * until the search app has initialised Pagefind, types the query and waits
 * for the first page of results and then the facet counts. It reports the
 * bytes fetched under /pagefind/ (bodies + headers, as served, no compression
 * beyond Pagefind's own) from page load to the results on screen and to the
 * facet counts, the number of requests, and these times:
 * typing to results on screen (includes the search box's 150 ms debounce),
 * and the search alone as Pagefind answers it inside the page
 * (`pagefind.search()` plus the result fragments shown), cold (first query
 * of the page) and warm (a second, different query). Medians over the runs;
 * the last line is JSON. bench/run.mjs calls it for the largest size.
 */
import { launchBrowser, serveDir } from '../../test/helpers/browser.ts';

const api = process.argv.includes('--api');
const [dist, query = 'connection pool', runsArg = '3'] = process.argv.slice(2).filter((a) => a !== '--api');
if (!dist) {
  process.stderr.write('usage: tsx bench/lib/search-cost.ts <dist> [query] [runs]\n');
  process.exit(2);
}
const runs = Number(runsArg);
/** Results the search page shows before "Show more" (src/components/search/search-client.ts). */
const SHOWN = 10;
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

/*
 * Pagefind's own API in the page: init, then the query with its first
 * SHOWN results' fragments, cold (first query of the page), then a second,
 * different query (warm). A string, not a function: tsx would add helpers to
 * a function that do not exist in the page.
 */
const PROBE = `(async () => {
  const pagefind = await import(location.pathname.replace(/search\\/$/, '').replace(/[^/]*$/, '') + 'pagefind/pagefind.js');
  await pagefind.init();
  const timed = async (text) => {
    const start = performance.now();
    const found = await pagefind.search(text);
    await Promise.all(found.results.slice(0, ${SHOWN}).map((x) => x.data()));
    return performance.now() - start;
  };
  const cold = await timed(${JSON.stringify(query)});
  performance.mark('probe:first-query');
  return [cold, await timed('database failover')];
})()`;

/** Bare Pagefind (no search page): bytes and times of the probe alone, from a fresh page. */
async function apiSample(context: import('playwright-core').BrowserContext): Promise<Sample> {
  const page = await context.newPage();
  const files: Array<Promise<{ url: string; bytes: number; startedAt: number }>> = [];
  page.on('requestfinished', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith('/pagefind/')) files.push(req.sizes().then((s) => ({ url: path, bytes: s.responseBodySize + s.responseHeadersSize, startedAt: req.timing().startTime })));
  });
  await page.goto(server.url);
  const t0 = performance.now();
  const [searchColdMs, searchWarmMs] = await page.evaluate<[number, number]>(PROBE);
  const typingMs = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  const firstAt = await page.evaluate<number>('performance.timeOrigin + performance.getEntriesByName("probe:first-query")[0].startTime');
  const all = (await Promise.all(files)).filter((f) => f.startedAt <= firstAt);
  const bytes = all.reduce((n, f) => n + f.bytes, 0);
  return { bytes, requests: all.length, bytesWithCounts: bytes, requestsWithCounts: all.length, typingMs, countsMs: typingMs, searchColdMs, searchWarmMs, results: 0, files: all.map((f) => ({ url: f.url, bytes: f.bytes, beforeResults: true })) };
}

const server = await serveDir(dist, { gzip: true });
const browser = await launchBrowser();
interface Sample {
  bytes: number;
  requests: number;
  bytesWithCounts: number;
  requestsWithCounts: number;
  typingMs: number;
  countsMs: number;
  searchColdMs: number;
  searchWarmMs: number;
  results: number;
  files: Array<{ url: string; bytes: number; beforeResults: boolean }>;
}
const samples: Sample[] = [];
try {
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext();
    if (api) {
      samples.push(await apiSample(context));
      await context.close();
      continue;
    }
    const page = await context.newPage();
    const sizes: Array<Promise<{ url: string; bytes: number; startedAt: number }>> = [];
    page.on('requestfinished', (req) => {
      const path = new URL(req.url()).pathname;
      if (!path.startsWith('/pagefind/')) return;
      sizes.push(req.sizes().then((s) => ({ url: path, bytes: s.responseBodySize + s.responseHeadersSize, startedAt: req.timing().startTime })));
    });
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('#search-app[data-state="ready"]');
    await page.focus('#search-q');
    const t0 = performance.now();
    await page.keyboard.type(query);
    await page.waitForFunction(() => performance.getEntriesByName('hindsight:search-results').length > 0);
    const typingMs = performance.now() - t0;
    await page.waitForSelector('#search-facets[data-counts="query"]');
    const countsMs = performance.now() - t0;
    await page.waitForLoadState('networkidle');
    const resultsAt = await page.evaluate<number>('performance.timeOrigin + performance.getEntriesByName("hindsight:search-results")[0].startTime');
    const files = await Promise.all(sizes);
    const results = Number(/^(\d+)/.exec((await page.textContent('#search-status')) ?? '')?.[1] ?? 0);

    // The search alone, inside a second fresh page: Pagefind's own API, as the search app calls it.
    const probe = await context.newPage();
    await probe.goto(`${server.url}search/`);
    await probe.waitForSelector('#search-app[data-state="ready"]');
    const [searchColdMs, searchWarmMs] = await probe.evaluate<[number, number]>(PROBE);
    const toResults = files.filter((f) => f.startedAt <= resultsAt);
    samples.push({
      bytes: toResults.reduce((n, f) => n + f.bytes, 0),
      requests: toResults.length,
      bytesWithCounts: files.reduce((n, f) => n + f.bytes, 0),
      requestsWithCounts: files.length,
      typingMs,
      countsMs,
      searchColdMs,
      searchWarmMs,
      results,
      files: files.map((f) => ({ ...f, beforeResults: f.startedAt <= resultsAt })),
    });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const summary = {
  mode: api ? 'pagefind-api' : 'search-page',
  query,
  runs,
  results: samples[0]?.results,
  bytes: median(samples.map((s) => s.bytes)),
  requests: median(samples.map((s) => s.requests)),
  bytesWithCounts: median(samples.map((s) => s.bytesWithCounts)),
  requestsWithCounts: median(samples.map((s) => s.requestsWithCounts)),
  typingMs: Math.round(median(samples.map((s) => s.typingMs))),
  countsMs: Math.round(median(samples.map((s) => s.countsMs))),
  searchColdMs: Math.round(median(samples.map((s) => s.searchColdMs))),
  searchWarmMs: Math.round(median(samples.map((s) => s.searchWarmMs))),
};
for (const f of samples[0]?.files ?? []) process.stderr.write(`${String(f.bytes).padStart(9)}  ${f.beforeResults ? 'to results ' : 'for counts '} ${f.url}\n`);
process.stdout.write(`${JSON.stringify(summary)}\n`);
