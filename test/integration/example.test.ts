import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, buildSite, readPage, type BuildResult } from '../helpers/build';

/* The example knowledge base in content/, as content/README.md describes its designed features. */
const CONTENT = join(REPO, 'content');
const files = readdirSync(join(CONTENT, 'postmortems')).filter((f) => f.endsWith('.mdx'));
const status = (f: string) => /^status: (\S+)/m.exec(readFileSync(join(CONTENT, 'postmortems', f), 'utf8'))![1];
const published = files.filter((f) => status(f) === 'published').map((f) => f.replace(/\.mdx$/, ''));
const unpublished = files.filter((f) => status(f) !== 'published');
// The id's date is the UTC start date, so the quarter can be read off the file name.
const quarterOfId = (id: string) => `${id.slice(0, 4)}-q${Math.floor((Number(id.slice(5, 7)) - 1) / 3) + 1}`;

describe('the example knowledge base', () => {
  let b: BuildResult;
  beforeAll(async () => {
    // Two threads: the worker-thread read (used by default from 400 postmortems) runs inside a real build here.
    b = await buildSite({ content: CONTENT, env: { HINDSIGHT_THREADS: '2' } });
    if (b.code !== 0) throw new Error(b.output);
  });

  it('publishes a page per published postmortem and reports the others', () => {
    expect(published.length).toBeGreaterThanOrEqual(24);
    for (const id of published) expect(existsSync(join(b.outDir, 'postmortems', id, 'index.html')), id).toBe(true);
    expect(unpublished.length).toBe(2);
    for (const f of unpublished) expect(b.output).toContain(`${f} (status is ${status(f)}`);
  });

  it('lists every published postmortem on one /postmortems/ page at the default page size', () => {
    const html = readPage(b.outDir, 'postmortems');
    for (const id of published) expect(html).toContain(`href="/postmortems/${id}/"`);
    expect(html).not.toContain('aria-label="Pagination"');
    expect(existsSync(join(b.outDir, 'postmortems', '2'))).toBe(false);
  });

  it('shows the designed recurrence chain and the unlinked repeat with the item still open', () => {
    const html = readPage(b.outDir, 'patterns');
    const chain = html.slice(html.indexOf('Recurrence chain: 3 incidents'));
    for (const id of ['2025-02-03-merchant-api-tls-certificate-expired', '2025-09-10-merchant-webhook-client-certificate-expired', '2026-04-14-driver-app-pinned-intermediate-rotation']) {
      expect(chain).toContain(`/postmortems/${id}/`);
    }
    const repeat = html.slice(html.indexOf('2 incidents in route-planner shared'));
    expect(repeat).toContain('/postmortems/2025-11-28-route-planner-solver-out-of-memory-peak/');
    expect(repeat).toContain('/postmortems/2026-03-16-route-planner-solver-out-of-memory-merged-depot/');
    expect(repeat).toMatch(/Split any depot partition above 3,500 stops[\s\S]*?still open/);
  });

  it('has a review page for every quarter, with the number of incidents that started in it', () => {
    const perQuarter = new Map<string, number>();
    for (const id of published) perQuarter.set(quarterOfId(id), (perQuarter.get(quarterOfId(id)) ?? 0) + 1);
    expect(perQuarter.size).toBeGreaterThanOrEqual(6);
    for (const [key, n] of perQuarter) {
      const label = `${key.slice(0, 4)} Q${key.slice(-1)}`;
      expect(readPage(b.outDir, `reviews/${key}`), key).toContain(`${n} ${n === 1 ? 'incident' : 'incidents'} started in ${label}`);
    }
  });

  it('orders the severity bars of a review by rank, not by count', () => {
    // 2026 Q3 has one SEV2, two SEV3 and one SEV4: by count, SEV3 came first.
    const q3 = readPage(b.outDir, 'reviews/2026-q3');
    const table = q3.slice(q3.indexOf('<th scope="col">Severity</th><th scope="col" class="num">Incidents</th>'));
    const order = [...table.slice(0, table.indexOf('</tbody>')).matchAll(/<tr><td>(SEV\d)<\/td>/g)].map((m) => m[1]);
    expect(order).toEqual(['SEV2', 'SEV3', 'SEV4']);
  });

  it('renders the 3-day and the 4-minute incidents readably', () => {
    const long = readPage(b.outDir, 'postmortems/2026-02-09-notifications-sms-dropped-by-carrier-filter');
    expect(long).toMatch(/<dt>Duration<\/dt><dd>3 d 1 h 15 min<\/dd>/);
    const short = readPage(b.outDir, 'postmortems/2025-07-08-dispatch-api-readiness-probe-503s');
    expect(short).toMatch(/<dt>Duration<\/dt><dd>4 min<\/dd>/);
  });
});
