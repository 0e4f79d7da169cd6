/*
 * The relevance benchmark on a built site:
 *
 *   npx tsx bench/lib/relevance.ts <dist> example|generated
 *
 * Runs the relevance set (bench/relevance-queries.mjs) twice in Chromium over the same
 * postmortems: against the site's own index with the search page's options (src/data/search.ts
 * SEARCH_OPTIONS), and against Pagefind's defaults, an index the Pagefind CLI builds with no
 * configuration from the built postmortem pages (into <dist>/pagefind-defaults/, removed
 * afterwards). Prints recall@5 and MRR of each, the misses, and a JSON line.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDir } from '../../test/helpers/browser.ts';
import { rankQueries, type RelevanceScore } from '../../test/helpers/relevance.ts';
import { SEARCH_OPTIONS } from '../../src/data/search.ts';
import { EXAMPLE_QUERIES, GENERATED_QUERIES } from '../relevance-queries.mjs';

const [dist, set] = process.argv.slice(2);
if (!dist || (set !== 'example' && set !== 'generated')) {
  process.stderr.write('usage: tsx bench/lib/relevance.ts <dist> example|generated\n');
  process.exit(2);
}
const queries = set === 'example' ? EXAMPLE_QUERIES : GENERATED_QUERIES;
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const defaults = join(dist, 'pagefind-defaults');

// Pagefind's defaults: the CLI over the postmortem pages as built (a postmortem id always has a '-', a list page number never).
const cli = spawnSync(process.execPath, [join(REPO, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', dist, '--glob', 'postmortems/*-*/index.html', '--output-path', defaults], { encoding: 'utf8' });
if (cli.status !== 0) {
  process.stderr.write(`${cli.stdout}\n${cli.stderr}\n`);
  process.exit(1);
}
const server = await serveDir(dist);
const browser = await launchBrowser();
let ours: RelevanceScore, base: RelevanceScore;
try {
  ours = await rankQueries(browser, server.url, queries, { options: SEARCH_OPTIONS as unknown as Record<string, unknown> });
  base = await rankQueries(browser, server.url, queries, { bundle: `${server.url}pagefind-defaults/` });
} finally {
  await browser.close();
  await server.close();
  rmSync(defaults, { recursive: true, force: true });
}
const missing = (s: RelevanceScore) => s.misses.map((m) => `  "${m.q}" → ${m.id}: ${m.rank ? `rank ${m.rank}` : 'not in the top 10'}; top 5: ${m.top.join(', ') || '(no results)'}`).join('\n');
process.stderr.write(`${set}: ${queries.length} queries\nsite: recall@5 ${ours.recallAt5.toFixed(3)}, MRR ${ours.mrr.toFixed(3)}\n${missing(ours)}\nPagefind defaults: recall@5 ${base.recallAt5.toFixed(3)}, MRR ${base.mrr.toFixed(3)}\n${missing(base)}\n`);
const brief = (s: RelevanceScore) => ({ recallAt5: s.recallAt5, mrr: s.mrr, misses: s.misses.map((m) => ({ q: m.q, id: m.id, rank: m.rank ?? null })) });
process.stdout.write(`${JSON.stringify({ set, queries: queries.length, site: brief(ours), defaults: brief(base) })}\n`);
