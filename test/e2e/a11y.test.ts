/*
 * axe-core in Chromium on the built example site, in the light and the dark
 * colour scheme: no violation of any impact on the site's kinds of pages.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { e2eSites } from './site';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string | undefined }>;
}

let server: StaticServer;
let browser: Browser;
let latestReview: string;
let aService: string;
let aPostmortem: string;
let anOwner: string;

beforeAll(async () => {
  const sites = await e2eSites();
  const dirs = (path: string) => readdirSync(join(sites.root, path), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  latestReview = dirs('reviews').at(-1)!;
  aService = dirs('services')[0]!;
  // The postmortem with the most structure on its page (tables, timeline, internal note).
  aPostmortem = '2026-04-14-driver-app-pinned-intermediate-rotation';
  expect(dirs('postmortems')).toContain(aPostmortem);
  // The build paginates /postmortems/ and gives owners their own action-item pages (LISTINGS in build-sites.ts).
  expect(dirs('postmortems')).toContain('2');
  anOwner = dirs('actions/owners')[0]!;
  [server, browser] = await Promise.all([serveDir(sites.root), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => `      ${JSON.stringify(n.target)}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`);
      const more = v.nodes.length > 3 ? `\n      … and ${v.nodes.length - 3} more` : '';
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${targets.join('\n')}${more}`;
    })
    .join('\n');
}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

const PAGES: Array<{ name: string; path: () => string; ready?: (page: Page) => Promise<void> }> = [
  { name: 'home', path: () => '' },
  { name: 'a postmortem', path: () => `postmortems/${aPostmortem}/` },
  { name: 'all postmortems', path: () => 'postmortems/' },
  { name: 'a later page of all postmortems', path: () => 'postmortems/2/' },
  { name: 'the cause index', path: () => 'categories/' },
  { name: 'a service page', path: () => `services/${aService}/` },
  { name: 'the latest quarterly review', path: () => `reviews/${latestReview}/` },
  { name: 'a full quarterly review', path: () => 'reviews/2026-q3/' },
  { name: 'the quarterly reviews with their trends', path: () => 'reviews/' },
  { name: 'a cause category', path: () => 'categories/monitoring-gap/' },
  { name: 'follow-up reviews', path: () => 'actions/follow-ups/' },
  { name: 'patterns', path: () => 'patterns/' },
  { name: 'actions', path: () => 'actions/' },
  { name: "an owner's action items", path: () => `actions/owners/${anOwner}/` },
  {
    name: 'search with results',
    path: () => 'search/?q=deploy',
    ready: async (page) => {
      await page.waitForSelector('#search-app[data-state="ready"]');
      await page.waitForSelector('#search-results > li.result .result-excerpt mark');
      await page.waitForFunction(() => /^\d+ results? /.test(document.getElementById('search-status')?.textContent ?? ''));
    },
  },
];

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe-core finds no violations (${colorScheme} colour scheme)`, () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme });
    });
    afterAll(async () => {
      await context?.close();
    });

    it.each(PAGES)('$name', async ({ path, ready }) => {
      const page = await context.newPage();
      try {
        const response = await page.goto(`${server.url}${path()}`);
        expect(response?.status()).toBe(200);
        await ready?.(page);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        const violations = await axe(page);
        expect(violations.map((v) => v.id), `axe-core violations on /${path()} (${colorScheme}):\n${describeViolations(violations)}`).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
}
