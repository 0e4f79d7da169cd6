/*
 * Phones: the built example site in Chromium at 390 px, in the light and the dark colour scheme.
 * No page type is wider than the viewport (no sideways scrolling of the whole page; a wide table
 * or chart scrolls inside its own box), the timeline's table keeps each event's text on screen,
 * chart labels are not clipped, and /search/ shows results before its filters.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { e2eSites } from './site';

let server: StaticServer;
let browser: Browser;
let dist: string;
const dirs = (path: string) => readdirSync(join(dist, path), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

beforeAll(async () => {
  dist = (await e2eSites()).root;
  [server, browser] = await Promise.all([serveDir(dist), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One page of every kind the site has: its name, and how to find its path in the built site. */
const PAGE_TYPES: Array<[string, () => string]> = [
  ['home', () => ''],
  ['a postmortem with evidence links', () => 'postmortems/2026-09-03-merchant-api-writes-failed-during-db-upgrade/'],
  ['a postmortem with a broken time axis', () => 'postmortems/2026-05-19-event-bus-broker-disk-failure-lost-scans/'],
  ['the postmortem with the most structure', () => 'postmortems/2026-04-14-driver-app-pinned-intermediate-rotation/'],
  ['all postmortems', () => 'postmortems/'],
  ['a later page of all postmortems', () => 'postmortems/2/'],
  ['the cause index', () => 'categories/'],
  ['a cause category', () => 'categories/monitoring-gap/'],
  ['the service index', () => 'services/'],
  ['a service', () => `services/${dirs('services')[0]}/`],
  ['the team index', () => 'teams/'],
  ['a team', () => 'teams/platform/'],
  ['the tag index', () => 'tags/'],
  ['a tag', () => `tags/${dirs('tags')[0]}/`],
  ['patterns', () => 'patterns/'],
  ['the quarterly reviews', () => 'reviews/'],
  ['the latest quarterly review', () => `reviews/${dirs('reviews').at(-1)}/`],
  ['a full quarter', () => 'reviews/2026-q3/'],
  ['a review table in another order', () => 'reviews/2026-q3/by/ttr/'],
  ['actions', () => 'actions/'],
  ['the owners of open items', () => 'actions/owners/'],
  ["an owner's action items", () => `actions/owners/${dirs('actions/owners')[0]}/`],
  ["a team's action items", () => `actions/teams/${dirs('actions/teams')[0]}/`],
  ['follow-up reviews', () => 'actions/follow-ups/'],
  ['search', () => 'search/?q=certificate'],
  ['the 404 page', () => 'no/such/page/'],
];
const pageTypes = PAGE_TYPES.map(([name]) => name);
const resolvePages = () => PAGE_TYPES.map(([name, path]) => ({ name, path: path() }));

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  if (path.startsWith('search/')) await page.waitForSelector('#search-app[data-state="ready"]');
  return page;
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`at 390 px (${colorScheme})`, () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    });
    afterAll(async () => {
      await context?.close();
    });

    // Resolved when the test runs: the built site is there by then.
    it.each(pageTypes.map((name) => ({ name })))('$name is no wider than the viewport', async ({ name }) => {
      const { path } = resolvePages().find((p) => p.name === name)!;
      const page = await open(context, path);
      try {
        const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(scrollWidth, `/${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
      } finally {
        await page.close();
      }
    });

    it("keeps every timeline event's text on screen", async () => {
      const page = await open(context, 'postmortems/2026-09-03-merchant-api-writes-failed-during-db-upgrade/');
      try {
        const cells = await page.$$eval('.tl-table td:nth-child(4)', (els) => els.map((el) => ({ right: el.getBoundingClientRect().right, width: el.getBoundingClientRect().width })));
        expect(cells.length).toBeGreaterThan(5);
        for (const c of cells) {
          expect(c.right).toBeLessThanOrEqual(390);
          expect(c.width).toBeGreaterThan(200);
        }
      } finally {
        await page.close();
      }
    });

    it('shows search results before the filters, which fold behind a control with Clear filters', async () => {
      const page = await open(context, 'search/?q=certificate&severity=SEV2');
      try {
        await page.waitForSelector('#search-results > li.result');
        const [filtersOpen, firstResult] = await page.evaluate(() => [
          (document.getElementById('search-filters') as HTMLDetailsElement).open,
          document.querySelector('#search-results > li.result')!.getBoundingClientRect().top + window.scrollY,
        ] as const);
        expect(filtersOpen).toBe(false);
        expect(firstResult).toBeLessThan(844);
        expect(await page.textContent('#search-filters summary')).toContain('(1 selected)');
        await page.click('#search-clear');
        await page.waitForFunction(() => !new URL(location.href).searchParams.has('severity'));
        expect(await page.isHidden('#search-clear')).toBe(true);
        await page.click('#search-filters summary');
        expect(await page.isVisible('#search-facets fieldset')).toBe(true);
      } finally {
        await page.close();
      }
    });
  });
}

describe('charts', () => {
  it('clip no label of a bar chart at its left edge', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      let labels = 0;
      for (const path of ['patterns/', 'reviews/2026-q3/', 'reviews/2025-q4/']) {
        await page.goto(`${server.url}${path}`);
        const clipped = await page.$$eval('figure.chart svg text.chart-label', (texts) =>
          texts.flatMap((t) => ((t as SVGTextElement).getBBox().x < 0 ? [t.textContent ?? ''] : [])),
        );
        expect(clipped, path).toEqual([]);
        labels += await page.locator('figure.chart svg text.chart-label').count();
      }
      expect(labels).toBeGreaterThan(20);
    } finally {
      await context.close();
    }
  });

  it('open the search filters beside the results on a wide screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}search/?q=certificate`);
      await page.waitForSelector('#search-app[data-state="ready"]');
      expect(await page.evaluate(() => (document.getElementById('search-filters') as HTMLDetailsElement).open)).toBe(true);
      expect(await page.isVisible('#search-filters summary')).toBe(false);
      expect(await page.isHidden('#search-clear')).toBe(true);
    } finally {
      await context.close();
    }
  });
});
