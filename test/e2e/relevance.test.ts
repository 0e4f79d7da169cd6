/*
 * Search relevance on the built example: the example's relevance set (bench/relevance-queries.mjs,
 * written like engineers type) must find each postmortem in the first five results, with the
 * search page's own ranking options. `npm run bench` runs the larger set over a generated
 * knowledge base and compares it with Pagefind's defaults.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../bench/relevance-queries.mjs';
import { SEARCH_OPTIONS } from '../../src/data/search';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { rankQueries } from '../helpers/relevance';
import { e2eSites } from './site';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const sites = await e2eSites();
  [server, browser] = await Promise.all([serveDir(sites.root), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search relevance on the example', () => {
  it('finds the postmortem each engineer-style query is about in the first five results (recall@5 ≥ 0.95)', async () => {
    const score = await rankQueries(browser, server.url, EXAMPLE_QUERIES, { options: SEARCH_OPTIONS as unknown as Record<string, unknown> });
    const misses = score.misses.map((m) => `"${m.q}" → ${m.id}: ${m.rank ? `rank ${m.rank}` : 'not in the top 10'} (top 5: ${m.top.join(', ')})`);
    expect(score.queries).toBeGreaterThanOrEqual(20);
    expect(score.recallAt5, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.mrr).toBeGreaterThan(0.8);
  });
});
