import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.mjs';
import { buildSite, decodeEntities, readExport, readPage, type BuildResult } from '../helpers/build';
import { allActionItems, csvRecords } from '../helpers/csv';

/*
 * The long listings at scale, on a generated knowledge base served under /kb/,
 * with small listing sizes (HINDSIGHT_LISTINGS) so a few hundred postmortems
 * paginate and summarise the way 10,000 do with the defaults.
 */
const LISTINGS = { pageSize: 20, actionRows: 25, perPattern: 3, patternCards: 2 };
const BASE = '/kb/';

interface Exported {
  id: string;
  url: string;
  metrics: { started: string };
}

const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  expect(from, `${start} on the page`).toBeGreaterThanOrEqual(0);
  return html.slice(from, html.indexOf(end, from) + end.length);
};
const pagePath = (n: number) => (n === 1 ? `${BASE}postmortems/` : `${BASE}postmortems/${n}/`);
/** The table body rows of an action table as "postmortem-id|title". */
const actionRows = (html: string) =>
  [...between(html, '<table class="all-actions">', '</table>').matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)]
    .map((m) => m[1]!)
    .filter((row) => row.startsWith('<td>'))
    .map((row) => {
      const title = decodeEntities(/^<td>(?:<a [^>]*>)?(.*?)(?:<\/a>)?<\/td>/s.exec(row)![1]!);
      const id = /postmortems\/([^/]+)\/#action-items/.exec(row)![1]!;
      return `${id}|${title}`;
    });

describe('long listings on a generated knowledge base under /kb/', () => {
  let b: BuildResult;
  let published: Exported[];
  let csv: Array<Record<string, string>>;
  let all: Array<Record<string, string>>;

  beforeAll(async () => {
    const kb = mkdtempSync(join(tmpdir(), 'hindsight-listings-'));
    // A variable, not a literal: the type TypeScript infers for generate()'s options leaves out `dir`.
    const options = { count: 300, dir: kb, seed: 11 };
    await generate(options);
    b = await buildSite({ content: kb, env: { HINDSIGHT_BASE: BASE, HINDSIGHT_LISTINGS: JSON.stringify(LISTINGS) } });
    if (b.code !== 0) throw new Error(b.output);
    published = readExport<Exported>(b.outDir).postmortems;
    // /actions.csv: the items still to be done, overdue first; /actions/<year>.csv: every item.
    csv = csvRecords(readPage(b.outDir, 'actions.csv'));
    all = allActionItems(b.outDir).rows;
  });

  describe('/postmortems/', () => {
    const pages = () => Math.ceil(published.length / LISTINGS.pageSize);
    const listed = (n: number) => {
      const html = readPage(b.outDir, pagePath(n).slice(BASE.length));
      return [...between(html, '<ul class="pm-list">', '</ul>').matchAll(/<a href="\/kb\/postmortems\/([^"/]+)\/">/g)].map((m) => m[1]!);
    };

    it('has pageSize postmortems a page, page 1 at /postmortems/, and no page past the last', () => {
      expect(published.length).toBeGreaterThan(LISTINGS.pageSize * 5);
      for (let n = 1; n <= pages(); n++) expect(listed(n), `page ${n}`).toHaveLength(n < pages() ? LISTINGS.pageSize : published.length - (pages() - 1) * LISTINGS.pageSize);
      expect(existsSync(join(b.outDir, 'postmortems', '1'))).toBe(false);
      expect(existsSync(join(b.outDir, 'postmortems', String(pages() + 1)))).toBe(false);
    });

    it('lists every published postmortem exactly once, newest first across the pages', () => {
      const all = Array.from({ length: pages() }, (_, i) => listed(i + 1)).flat();
      const newestFirst = [...published].sort((x, y) => Date.parse(y.metrics.started) - Date.parse(x.metrics.started) || x.id.localeCompare(y.id)).map((p) => p.id);
      expect(new Set(all).size).toBe(all.length);
      expect(all).toEqual(newestFirst);
    });

    it('links each page to the previous and the next, marks the current one and says "page N of M"', () => {
      const last = pages();
      for (let n = 1; n <= last; n++) {
        const nav = between(readPage(b.outDir, pagePath(n).slice(BASE.length)), '<nav aria-label="Pagination"', '</nav>');
        expect(nav).toContain(`Page ${n} of ${last}`);
        expect([...nav.matchAll(/<a href="([^"]+)" aria-current="page">/g)].map((m) => m[1])).toEqual([pagePath(n)]);
        expect(/<a href="([^"]+)" rel="prev">/.exec(nav)?.[1]).toBe(n > 1 ? pagePath(n - 1) : undefined);
        expect(/<a href="([^"]+)" rel="next">/.exec(nav)?.[1]).toBe(n < last ? pagePath(n + 1) : undefined);
        for (const [, href] of nav.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^\/kb\/postmortems\/(\d+\/)?$/);
        // The first and the last page are always one click away.
        expect(nav).toContain(`href="${pagePath(1)}"`);
        expect(nav).toContain(`href="${pagePath(last)}"`);
      }
    });

    it('gives each page its own title, description and canonical link, and lists them all in the sitemap', () => {
      const sitemap = readFileSync(join(b.outDir, 'sitemap-0.xml'), 'utf8');
      const titles = new Set<string>();
      const descriptions = new Set<string>();
      for (let n = 1; n <= pages(); n++) {
        const html = readPage(b.outDir, pagePath(n).slice(BASE.length));
        titles.add(/<title>([^<]+)<\/title>/.exec(html)![1]!);
        descriptions.add(/<meta name="description" content="([^"]+)"/.exec(html)![1]!);
        expect(html).toContain(`<link rel="canonical" href="https://hindsight.example${pagePath(n)}">`);
        expect(sitemap).toContain(`<loc>https://hindsight.example${pagePath(n)}</loc>`);
      }
      expect(titles.size).toBe(pages());
      expect(descriptions.size).toBe(pages());
      expect([...titles][1]).toMatch(/^All postmortems, page 2 of \d+ · /);
    });
  });

  describe('/actions/', () => {
    const isOpen = (r: Record<string, string>) => r.status === 'open' || r.status === 'in-progress';
    const key = (r: Record<string, string>) => `${r.postmortem}|${r.title}`;
    const groupPages = (html: string, kind: 'owners' | 'teams') => [...html.matchAll(new RegExp(`<a href="/kb/actions/${kind}/([^"/]+)/">([^<]+)</a>`, 'g'))].map((m) => ({ slug: m[1]!, name: decodeEntities(m[2]!) }));

    it('lists the first actionRows items, overdue first, and says where the rest are', () => {
      const html = readPage(b.outDir, 'actions');
      expect(csv.length).toBeGreaterThan(LISTINGS.actionRows);
      expect(csv.filter((r) => r.overdue === 'yes').length).toBeGreaterThan(0);
      expect(actionRows(html)).toEqual(csv.slice(0, LISTINGS.actionRows).map(key));
      expect(html).toContain(`The first ${LISTINGS.actionRows} action items`);
      expect(html).toContain(`The other ${(all.length - LISTINGS.actionRows).toLocaleString('en')} are in the <a href="#csv">CSV files</a>`);
    });

    it('has every item once in the yearly CSV files, and the unfinished ones in /actions.csv', () => {
      const html = readPage(b.outDir, 'actions');
      const total = Number(/<div class="value">([\d,]+)<\/div><div class="label">action items<\/div>/.exec(html)![1]!.replace(/,/g, ''));
      expect(all).toHaveLength(total);
      expect(new Set(all.map(key)).size).toBe(all.length);
      expect(csv.map(key).sort()).toEqual(all.filter(isOpen).map(key).sort());
      // The files are the years in which incidents started, each linked from /actions/.
      const years = [...new Set(published.map((p) => p.metrics.started.slice(0, 4)))].sort();
      expect(allActionItems(b.outDir).files).toEqual(years.map((y) => `${y}.csv`));
      for (const y of years) expect(html).toContain(`<a href="/kb/actions/${y}.csv">${y}</a>`);
      // In each file, the items follow the order the incidents started (an id starts with that day).
      for (const y of years) {
        const days = csvRecords(readPage(b.outDir, `actions/${y}.csv`)).map((r) => r.postmortem!.slice(0, 10));
        expect(days.every((d) => d.startsWith(y))).toBe(true);
        expect(days).toEqual([...days].sort());
      }
    });

    it("puts every open item on its owner's page and on its teams' pages, exactly once each", () => {
      const html = readPage(b.outDir, 'actions');
      const open = csv.filter(isOpen);
      for (const kind of ['owners', 'teams'] as const) {
        const seen = new Map<string, string[]>();
        for (const { slug, name } of groupPages(html, kind)) {
          const page = readPage(b.outDir, `actions/${kind}/${slug}`);
          expect(page).toContain(`<h1>Action items ${kind === 'owners' ? 'owned by' : 'of team'} `);
          for (const row of actionRows(page)) seen.set(row, [...(seen.get(row) ?? []), name]);
        }
        const expected = new Map<string, string[]>();
        for (const r of open) for (const name of kind === 'owners' ? [r.owner!] : r.teams!.split(' ').filter(Boolean)) expected.set(key(r), [...(expected.get(key(r)) ?? []), name]);
        expect(new Map([...seen].map(([k, v]) => [k, v.sort()]))).toEqual(new Map([...expected].map(([k, v]) => [k, v.sort()])));
      }
    });
  });

  describe('/patterns/', () => {
    it('shows patternCards patterns of each kind in full and every other one as a row with its anchor', () => {
      const html = readPage(b.outDir, 'patterns');
      const total = Number(/<div class="value">(\d+)<\/div><div class="label">patterns<\/div>/.exec(html)![1]);
      const cards = html.match(/<article class="pattern" id="pattern-/g) ?? [];
      const rows = html.match(/<tr id="pattern-/g) ?? [];
      expect(cards.length).toBe(2 * LISTINGS.patternCards);
      expect(rows.length).toBeGreaterThan(0);
      expect(cards.length + rows.length).toBe(total);
      // Reviews and the home page link each pattern by its anchor.
      const ids = new Set([...html.matchAll(/ id="(pattern-[^"]+)"/g)].map((m) => m[1]!));
      expect(ids.size).toBe(total);
      const linked = ['', 'reviews/2026-q3', 'reviews/2025-q1'].flatMap((p) => [...readPage(b.outDir, p).matchAll(/href="\/kb\/patterns\/#([^"]+)"/g)].map((m) => m[1]!));
      expect(linked.length).toBeGreaterThan(0);
      for (const id of linked) expect(ids.has(id), id).toBe(true);
    });

    it('lists perPattern incidents and mechanisms on a card and says how many more there are', () => {
      const html = readPage(b.outDir, 'patterns');
      const cards = html.split('<article class="pattern"').slice(1).map((c) => c.slice(0, c.indexOf('</article>')));
      for (const card of cards) {
        const incidents = between(card, '<ol class="pattern-incidents">', '</ol>').match(/<li>/g) ?? [];
        const heading = /<h3[^>]*>(Recurrence chain: (\d+) incidents|(\d+) incidents in )/.exec(card)!;
        const size = Number(heading[2] ?? heading[3]);
        expect(incidents.length).toBe(Math.min(size, LISTINGS.perPattern));
        if (size > LISTINGS.perPattern) expect(card).toContain(`…and ${size - LISTINGS.perPattern} more incident`);
        const missed = Number(/did not land in time \((\d+)\)/.exec(card)?.[1] ?? 0);
        const rows = card.includes('<table class="missed">') ? between(card, '<tbody>', '</tbody>').match(/<tr>/g) ?? [] : [];
        expect(rows.length).toBe(Math.min(missed, LISTINGS.perPattern));
        if (missed > LISTINGS.perPattern) expect(card).toContain(`…and ${missed - LISTINGS.perPattern} more:`);
      }
      expect(cards.some((c) => c.includes('…and '))).toBe(true);
    });
  });

  describe('bounded exports', () => {
    it('lists at most actionRows overdue items on a quarterly review, and says how many more there are', () => {
      const quarters = [...readPage(b.outDir, 'reviews').matchAll(/href="\/kb\/reviews\/(\d{4}-q\d)\/"/g)].map((m) => m[1]!);
      let capped = 0;
      for (const q of new Set(quarters)) {
        const html = readPage(b.outDir, `reviews/${q}`);
        const table = /<table class="overdue-at-end">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
        const rows = (table.match(/<tr>/g) ?? []).length - 1; // the header row
        expect(rows, q).toBeLessThanOrEqual(LISTINGS.actionRows);
        const more = /The first ([\d,]+) of ([\d,]+), by due date\./.exec(html);
        if (more) {
          capped++;
          expect(Number(more[1])).toBe(rows);
          expect(Number(more[2]!.replace(/,/g, ''))).toBeGreaterThan(rows);
        }
      }
      expect(capped).toBeGreaterThan(0);
    });

    const newestFirst = () => [...published].sort((x, y) => Date.parse(y.metrics.started) - Date.parse(x.metrics.started) || x.id.localeCompare(y.id));

    it('puts the newest 50 published postmortems in the feed (feed.limit), newest first', () => {
      const rss = readPage(b.outDir, 'rss.xml');
      const links = [...rss.matchAll(/<item>.*?<link>[^<]*\/postmortems\/([^/<]+)\/<\/link>/gs)].map((m) => m[1]!);
      expect(published.length).toBeGreaterThan(50);
      expect(links).toEqual(newestFirst().slice(0, 50).map((p) => p.id));
    });

    it('splits the JSON export into one file per year, oldest first, named by an index with a schema version', () => {
      const { index } = readExport(b.outDir);
      expect(index.schema).toBe('hindsight/postmortems@2');
      expect(index.count).toBe(published.length);
      expect(index.per_file).toBe(500);
      expect(index.files.map((f) => f.url)).toEqual(index.files.map((f) => `${BASE}api/postmortems/${f.year}.json`));
      expect(index.files.reduce((n, f) => n + f.count, 0)).toBe(published.length);
      expect(new Set(published.map((p) => p.id)).size).toBe(published.length);
      for (const f of index.files) {
        const file = JSON.parse(readPage(b.outDir, f.url.slice(BASE.length))) as { year: number; count: number; postmortems: Exported[] };
        expect(file.count).toBe(file.postmortems.length);
        const started = file.postmortems.map((p) => p.metrics.started);
        expect(started.every((s) => new Date(s).getUTCFullYear() === f.year)).toBe(true);
        expect(started).toEqual([...started].sort());
      }
    });
  });
});
