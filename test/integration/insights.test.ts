import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readExport, readPage, type BuildResult } from '../helpers/build';
import { FIXTURES } from '../helpers/kb';

/*
 * A fixture whose figures are worked out by hand:
 *   Q1 2026: A search/capacity SEV2 (TTD 10, TTR 60 min), B checkout-api/config-change SEV3 (TTD 20, TTR 30)
 *   Q2 2026: C search/capacity SEV1 (TTD 30, TTR 240), D payments-db/testing-gap SEV4 (TTD 5, TTR 15)
 *   A and C: an implicit repeat (same service and category, 95 days apart); A's action item
 *   (due 2026-02-01) was still open when C started: the mechanism that did not land in time.
 */
const SITE = join(FIXTURES, 'sites/insights/content');
const A = '2026-01-10-search-shards-full';
const C = '2026-04-15-search-heap-again';

describe('insights on a fixture with known answers', () => {
  let b: BuildResult;
  beforeAll(async () => {
    b = await buildSite({ content: SITE });
    if (b.code !== 0) throw new Error(b.output);
  });

  it('reports the implicit repeat with the action item that did not land in time', () => {
    const html = readPage(b.outDir, 'patterns');
    expect(html).toContain('2 incidents in search shared Capacity');
    expect(html).toContain(`href="/postmortems/${A}/"`);
    expect(html).toContain(`href="/postmortems/${C}/"`);
    const missed = html.slice(html.indexOf('The mechanisms that did not land in time'));
    expect(missed).toContain('Add heap headroom alarm at 80 percent on search nodes');
    expect(missed).toContain('discovery');
    expect(missed).toContain('2026-02-01');
    expect(missed).toContain('still open');
    expect(html).not.toContain('Validate coupon flags');
  });

  it('shows the Q1 figures: n, median and p90, overdue at the end and the completion rate', () => {
    const html = readPage(b.outDir, 'reviews/2026-q1');
    expect(html).toContain('2 incidents started in 2026 Q1');
    // TTD 10 and 20 min: median 15, p90 19; TTR 60 and 30: median 45, p90 57.
    expect(html).toMatch(/Time to detect \(TTD\)<\/th><td class="num">15 min<\/td><td class="num">19 min<\/td><td class="num">2<\/td>/);
    expect(html).toMatch(/Time to resolve \(TTR\)<\/th><td class="num">45 min<\/td><td class="num">57 min<\/td><td class="num">2<\/td>/);
    const overdue = html.slice(html.indexOf("Overdue at the quarter's end"));
    expect(overdue).toContain('Add heap headroom alarm');
    expect(html).toMatch(/<div class="value">50 %<\/div><div class="label">of this quarter's items done by its end/);
  });

  it('compares Q2 with Q1 and asks about the repeat', () => {
    const html = readPage(b.outDir, 'reviews/2026-q2');
    // TTR 240 and 15: median 127.5 min, shown as 2 h 08 min; Q1 median 45 min beside it.
    expect(html).toMatch(/Time to resolve \(TTR\)<\/th><td class="num">2 h 08 min<\/td><td class="num">[^<]+<\/td><td class="num">2<\/td><td class="num">45 min<\/td>/);
    expect(html).toContain(`1 action item from earlier incidents had not landed when ${C} recurred (owners: discovery)`);
    expect(html).toContain('1 incident reached the highest severity');
  });

  it('puts the overdue item first on /actions/ and in the CSV', () => {
    const html = readPage(b.outDir, 'actions');
    const rows = html.slice(html.indexOf('<tbody>'));
    expect(rows.indexOf('Add heap headroom alarm')).toBeLessThan(rows.indexOf('Throttle reindex'));
    expect(html).toMatch(/<div class="value overdue">1<\/div>/);
    const csv = readPage(b.outDir, 'actions.csv').split('\r\n');
    expect(csv[0]).toBe('postmortem,title,owner,due,priority,type,status,completed,overdue,tracker,severity,teams,control');
    expect(csv[1]).toContain(`${A},Add heap headroom alarm at 80 percent on search nodes,discovery,2026-02-01,P2,prevent,open,,yes`);
  });

  it('index counts add up to the number of postmortems', () => {
    const html = readPage(b.outDir, 'categories');
    expect(html).toMatch(/<tfoot><tr><th scope="row">Total<\/th><td class="num">4<\/td>/);
    const service = readPage(b.outDir, 'services/search');
    expect(service).toContain('2 postmortems');
    expect(readPage(b.outDir, 'teams/discovery')).toContain('4 postmortems');
  });

  it('exports every postmortem with its derived metrics', () => {
    const json = readExport<{ id: string; metrics: { ttd_minutes: number; ttr_minutes: number } }>(b.outDir);
    expect(json.index.count).toBe(4);
    expect(json.postmortems).toHaveLength(4);
    const c = json.postmortems.find((p) => p.id === C)!;
    expect(c.metrics).toMatchObject({ ttd_minutes: 30, ttr_minutes: 240 });
    const rss = readPage(b.outDir, 'rss.xml');
    expect(rss.match(/<item>/g)).toHaveLength(4);
  });
});
