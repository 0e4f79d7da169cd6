import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, decodeEntities, readPage, type BuildResult, readExport } from '../helpers/build';
import { FIXTURES } from '../helpers/kb';
import { allActionItems } from '../helpers/csv';

/*
 * A fixture for the quarterly review, every figure worked out by hand. Built on 2026-11-15, so
 * 2026 Q3 has ended and 2026 Q4 has not.
 *
 *   A 2026-07-10 SEV2 outage, alert. started 10:00, detected 10:10, acknowledged 10:15, diagnosed
 *     10:45, mitigated 11:00, resolved 12:00: TTD 10, TTA 5, TTDiag 30, TTF 75, TTR 120 min.
 *     Root cause config-change; factors monitoring-gap, testing-gap. Items: engineering done
 *     2026-07-20; administrative open due 2026-09-15. Follow-up 2026-08-10, held 2026-08-12.
 *   B 2026-08-05 SEV1 data-loss, customer-report. A warning e-mail 7 days before; started 09:00,
 *     detected 09:40, no acknowledgement, diagnosed 10:00, resolved 11:00: TTD 40, TTA missing,
 *     TTDiag 20 (from detection), TTF 60, TTR 120. Root cause hardware-failure; factor
 *     monitoring-gap. Items: training open due 2026-12-31; administrative in progress due
 *     2026-10-30 (only intentions on a SEV1). Follow-up 2026-09-05, not held.
 *   C 2026-09-20 SEV3 degradation, internal-discovery. TTD 5, TTA 1, no diagnosis, TTR 30. Root
 *     cause monitoring-gap. Item: eliminate done 2026-10-02.
 *   D 2026-10-20 SEV3 outage, alert. TTD 2, TTA 1, TTDiag 7, TTF 20, TTR 30. Root cause
 *     deployment; factors testing-gap, process-gap. Items: engineering open due 2026-11-10;
 *     engineering open due 2026-12-10; administrative done 2026-11-01. Follow-up 2026-11-25.
 *
 * Q3 (A, B, C): TTD 10/40/5 → median 10 (n=3); TTA 5/1 → median 3 (n=2); TTDiag 30/20 → 25
 * (n=2); TTF 75/60 → 67.5 → "1 h 08 min" (n=2). Monitoring gap: root of 1 (C), a factor in 2
 * (A, B), any role 3 of 3. Customers reported 1 of 3. Users 1,700 (n=3); tickets 40 (n=2); 2 of
 * 3 customer-facing. Items opened 5: mechanisms 2 (engineering, eliminate), intentions 3 (40 %).
 * Overdue at the end (judged 2026-10-01): A's checklist item only. Done by the end: 1 of 5.
 *
 * Q4 so far (D): overdue as of 2026-11-15 are A's checklist item (due 09-15), B's review step
 * (10-30) and D's deploy wait (11-10): 3, as /actions/ counts them. D's CI item (due 12-10) and
 * B's training (12-31) are due later in the quarter: judged at its end they would make 5.
 */
const SITE = join(FIXTURES, 'sites/review/content');
const A = '2026-07-10-api-pool-shrunk';
const B = '2026-08-05-db-disk-lost-writes';

/** The visible text of a page's main element, tags removed, white space collapsed. */
function text(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return decodeEntities(main.replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

describe('the quarterly review on a fixture with known answers', () => {
  let b: BuildResult;
  const page = (path: string) => readPage(b.outDir, path);
  beforeAll(async () => {
    b = await buildSite({ content: SITE, env: { HINDSIGHT_TODAY: '2026-11-15' } });
    if (b.code !== 0) throw new Error(b.output);
  });

  describe('an unfinished quarter states figures as of the build date', () => {
    it('says "so far, as of" and counts one incident as one', () => {
      const q4 = text(page('reviews/2026-q4'));
      expect(q4).toContain('2026 Q4 review so far, as of 2026-11-15');
      expect(q4).toContain('1 incident started in 2026 Q4 so far (2026-10-01 to 2026-11-15, UTC).');
      expect(q4).not.toContain('1 incidents');
      expect(text(page('reviews'))).toContain('2026 Q4 so far, as of 2026-11-15');
      expect(text(page(''))).toContain('2026 Q4 so far, as of 2026-11-15, against 2026 Q3');
    });

    it('counts the overdue items of today, the same number as /actions/, and lists none due later', () => {
      const q4 = text(page('reviews/2026-q4'));
      expect(q4).toContain('3 overdue as of 2026-11-15');
      expect(q4).toContain('3 action items are overdue as of 2026-11-15');
      expect(q4).not.toContain("at the quarter's end");
      const overdue = q4.slice(q4.indexOf('Overdue as of 2026-11-15'));
      expect(overdue).toContain('Make the deploy wait for pending migrations');
      expect(overdue).not.toContain('Run every migration in a fresh staging database in CI');
      expect(overdue).not.toContain('Train on-call in the disk-failure runbook');
      expect(page('actions')).toMatch(/<div class="value overdue">3<\/div><div class="label">overdue<\/div>/);
      // Of D's 3 items, 1 is done so far.
      expect(q4).toContain("33 % of this quarter's items done so far, as of 2026-11-15");
    });

    it('keeps the finished quarter judged at its end', () => {
      const q3 = text(page('reviews/2026-q3'));
      expect(q3).toContain("1 overdue at the quarter's end");
      expect(q3).toContain("20 % of this quarter's items done by its end");
    });
  });

  describe('root cause and contributing factors counted apart', () => {
    it('on the review, with the headline a meeting needs', () => {
      const q3 = text(page('reviews/2026-q3'));
      expect(q3).toContain('Monitoring gap played a part in 3 of 3 incidents (100 %): the root cause of 1, a contributing factor in 2.');
      expect(q3).toContain('Monitoring gap Technology 1 2 3 100 %');
      expect(q3).toContain('Testing gap Process 0 1 1 33 %');
    });

    it('on the cause index and the category page', () => {
      const index = page('categories');
      expect(index).toMatch(/Monitoring gap<\/a><span class="muted"> \(monitoring-gap\)<\/span><\/td><td class="num">1<\/td><td class="num">2<\/td><td class="num">3<\/td>/);
      expect(index).toMatch(/<tfoot><tr><th scope="row">Total<\/th><td class="num">4<\/td><td class="num">5<\/td>/);
      const category = text(page('categories/monitoring-gap'));
      expect(category).toContain('1 as the root cause 2 as a contributing factor 3 in any role');
      expect(category).toContain('Root cause of 1 postmortem');
      expect(category).toContain('Contributing factor in 2 postmortems');
    });

    it('in the search facets, as separate, labelled counts', () => {
      const search = page('search');
      const totals = JSON.parse(decodeEntities(/id="search-facet-totals">([^<]*)</.exec(search)![1]!)) as Record<string, Record<string, number>>;
      expect(totals.category).toMatchObject({ 'Monitoring gap': 1 });
      expect(totals.factor).toEqual({ 'Monitoring gap': 2, 'Testing gap': 2, 'Process gap': 1 });
      // The index's filters come from the same searchFilters() as these totals (src/data/search.ts: searchRecord), not from the page's markup.
    });

    it('in the patterns report, grouped by a shared contributing factor', () => {
      const shared = text(page('patterns')).split('Incidents grouped by a shared contributing factor')[1]!;
      expect(shared).toMatch(/Monitoring gap 2 – 2026-08-05 2026-07-10/);
      expect(shared).toMatch(/Testing gap 2 api \(2\) 2026-10-20 2026-07-10/);
    });
  });

  describe('what the meeting needs', () => {
    it('detection sources, impact totals with n, the type mix', () => {
      const q3 = text(page('reviews/2026-q3'));
      expect(q3).toContain('1 of 3 incidents (33 %) was first reported by customers.');
      expect(q3).toContain('customer-report 1 33 %');
      expect(q3).toContain('2 of 3 incidents were customer-facing. 1 incident lost data.');
      expect(q3).toContain('1,700 users affected (n=3 of 3)');
      expect(q3).toContain('40 support tickets (n=2 of 3)');
      expect(q3).toContain('data-loss 1 33 %');
    });

    it('lists the incidents once, and explains the strip chart\'s median', () => {
      const q3 = text(page('reviews/2026-q3'));
      // "Longest incidents" repeated the list of all incidents below it.
      expect(q3).not.toContain('Longest incidents');
      const listed = q3.slice(q3.indexOf('The incidents of 2026 Q3'));
      expect(listed.split('Web shop served stale prices from the cache').length - 1).toBe(1);
      expect(q3).toContain('one incident median of the row (n incidents)');
    });

    it('medians of TTDiag and TTF beside the others, with n', () => {
      const q3 = page('reviews/2026-q3');
      const row = (label: string, median: string, n: number) =>
        new RegExp(`${label}</th><td class="num">${median}</td><td class="num">[^<]+</td><td class="num">${n}</td>`);
      expect(q3).toMatch(row('Time to detect \\(TTD\\)', '10 min', 3));
      expect(q3).toMatch(row('Time to acknowledge \\(TTA\\)', '3 min', 2));
      expect(q3).toMatch(row('Time to diagnose \\(TTDiag\\)', '25 min', 2));
      expect(q3).toMatch(row('Time to fix \\(TTF\\)', '1 h 08 min', 2));
    });

    it('a per-incident table, most severe first, sortable by each column on pages of its own', () => {
      const q3 = text(page('reviews/2026-q3')).split('The incidents of 2026 Q3')[1]!;
      expect(q3).toContain('Orders database lost writes when a disk failed 2026-08-05 SEV1 data-loss 40 min – 20 min – 2 h 00 min Hardware failure 2');
      expect(q3.indexOf('Orders database lost writes')).toBeLessThan(q3.indexOf('API requests failed after a pool-size change'));
      expect(page('reviews/2026-q3')).toContain('href="/reviews/2026-q3/by/ttdiag/#incidents"');
      // By TTDiag: A (30 min), B (20 min), then C without a diagnosis.
      const byDiag = text(page('reviews/2026-q3/by/ttdiag'));
      expect(byDiag.indexOf('API requests failed')).toBeLessThan(byDiag.indexOf('Orders database lost writes'));
      expect(byDiag.indexOf('Orders database lost writes')).toBeLessThan(byDiag.indexOf('Web shop served stale prices'));
      expect(page('reviews/2026-q3/by/ttdiag')).toContain('aria-sort="descending"');
    });

    it('the prevention hierarchy: mechanisms against intentions', () => {
      const q3 = text(page('reviews/2026-q3'));
      expect(q3).toContain('2 are mechanisms (eliminate, substitute or an engineering control) and 3 are intentions (an administrative control or training). Mechanisms: 40 % of the classified items.');
      expect(text(page(`postmortems/${A}`))).toMatch(/Validate pool-size bounds in the deploy pipeline core 2026-07-31 P1 prevent engineering done/);
      // B, a SEV1 with only training and an administrative step, gets the quality warning on its page.
      expect(text(page(`postmortems/${B}`))).toContain('every action item of this SEV1 postmortem is training or administrative');
    });

    it('follow-up reviews due or overdue, on the review, on their own page and from home', () => {
      const q3 = text(page('reviews/2026-q3'));
      expect(q3).toContain('held 2026-08-12');
      expect(q3).toContain('2026-09-05 overdue by 71 days');
      const followUps = text(page('actions/follow-ups'));
      expect(followUps).toMatch(/Overdue \(1\).*Orders database lost writes when a disk failed 2026-08-05 SEV1 2026-09-05 overdue by 71 days/);
      expect(followUps).toMatch(/Due in the next 14 days \(1\).*API deploy returned errors for half an hour 2026-10-20 SEV3 2026-11-25 due in 10 days/);
      expect(followUps).not.toContain('API requests failed after a pool-size change');
      expect(page('')).toMatch(/<div class="value overdue">2<\/div><div class="label"><a href="\/actions\/follow-ups\/">follow-up reviews due or overdue<\/a>/);
    });
  });

  describe('one postmortem', () => {
    it('decomposes TTR as TTD + TTA + TTDiag + TTF, and shows a missing part as missing', () => {
      const a = text(page(`postmortems/${A}`));
      expect(a).toContain('Time to detect (TTD) 10 min 8 % Time to acknowledge (TTA) 5 min 4 % Time to diagnose (TTDiag) 30 min 25 % Time to fix (TTF) 1 h 15 min 63 % Time to resolve (TTR) 2 h 00 min 100 %');
      expect(page(`postmortems/${A}`)).toMatch(/class="mttr-ttf w-full n-full" style="width:62.5%"/);
      const bText = text(page(`postmortems/${B}`));
      expect(bText).toContain('Time to acknowledge (TTA) missing: no acknowledged milestone: diagnosis is measured from detection –');
      expect(bText).toContain('Time to diagnose (TTDiag) 20 min 17 %');
      const json = readExport<{ id: string; metrics: Record<string, number | null> }>(b.outDir);
      expect(json.postmortems.find((p) => p.id === B)!.metrics).toMatchObject({ ttd_minutes: 40, tta_minutes: null, ttdiag_minutes: 20, ttf_minutes: 60, ttr_minutes: 120 });
    });

    it('draws a fishbone with each cause on the bone of its group, and a table beside it', () => {
      const html = page(`postmortems/${A}`);
      const bones = [...html.matchAll(/<g class="fb-bone">([\s\S]*?)<\/g>\s*(?=<g class="fb-bone|<\/svg>)/g)].map((m) => [
        /class="fb-label"[^>]*>([^<]*)</.exec(m[1]!)![1],
        [...m[1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(' '),
      ]);
      expect(bones).toEqual([['People', ''], ['Process', 'Configuration change Testing gap'], ['Technology', 'Monitoring gap'], ['Environment', '']]);
      expect(text(html)).toContain('Process Configuration change root cause Process Testing gap contributing factor Technology Monitoring gap contributing factor');
    });

    it('names the incident roles in the header', () => {
      expect(text(page(`postmortems/${A}`))).toMatch(/Incident commander ana-c Scribe bo-d Follow-up review held 2026-08-12/);
    });

    it('keeps the incident wide when a warning came a week before it', () => {
      expect(page(`postmortems/${B}`)).toContain('class="tl-break"');
      expect(page(`postmortems/${A}`)).not.toContain('class="tl-break"');
    });
  });

  describe('smaller pages', () => {
    it('/reviews/ shows trends by severity and the median TTD and TTR per quarter with n', () => {
      const reviews = text(page('reviews'));
      expect(reviews).toContain('2026 Q3 1 1 1 0 3');
      expect(reviews).toContain('2026 Q4* 0 0 1 0 1');
      expect(reviews).toMatch(/Time to detect per quarter: median and p90 Quarter Median p90 n 2026 Q3 10 min 34 min 3 2026 Q4\* 2 min 2 min 1/);
    });

    it('a service page has its own MTTR, open items and patterns; a team page one row for its services', () => {
      const api = text(page('services/api'));
      // TTR 120 and 30 min: median 75. Open: A's checklist item and D's two; overdue: A's and D's first.
      expect(api).toContain('1 h 15 min median time to resolve (p90 1 h 51 min, n=2)');
      expect(api).toContain('3 open or in-progress action items');
      expect(api).toContain('2 overdue as of 2026-11-15');
      expect(api).toContain('No repeat pattern involves this service.');
      const team = page('teams/core');
      expect(team.match(/<dt>Services<\/dt>/g)).toHaveLength(1);
      expect(team).toMatch(/<dt>Services<\/dt><dd><ul class="inline-list"><li><a href="\/services\/api\/">api<\/a><\/li><li><a href="\/services\/db\/">db<\/a><\/li><\/ul><\/dd>/);
    });

    it('has owner and team indexes of open items, and a 404 page', () => {
      expect(text(page('actions/owners'))).toContain('core');
      expect(text(page('actions/teams'))).toContain('core');
      expect(existsSync(join(b.outDir, '404.html'))).toBe(true);
      expect(text(page('actions/owners/core'))).toContain('overdue first. Items whose owner is core.');
    });

    it('puts the control of each item in the CSV', () => {
      const { rows } = allActionItems(b.outDir);
      expect(Object.keys(rows[0]!).at(-1)).toBe('control');
      expect(rows.find((r) => r.title!.includes('Train on-call in the disk-failure runbook'))!.control).toBe('training');
    });
  });
});
