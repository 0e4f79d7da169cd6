/*
 * Relevance of a Pagefind index, measured in a real browser: each query of a relevance set is
 * searched with Pagefind's own API (as the search page calls it), and the rank of the postmortem
 * it must find among the first ten results is recorded. recall@5 is the share found in the top
 * five, MRR the mean of 1/rank over the queries (0 when not in the top ten).
 * Used by test/e2e/relevance.test.ts and bench/lib/relevance.ts.
 */
import type { Browser } from 'playwright-core';

export interface RelevanceQuery {
  q: string;
  id: string;
}

interface RankedQuery extends RelevanceQuery {
  /** 1-based rank of the wanted postmortem among the first ten results; undefined when not there. */
  rank: number | undefined;
  /** The first five results' postmortem ids. */
  top: string[];
}

export interface RelevanceScore {
  queries: number;
  recallAt5: number;
  mrr: number;
  misses: RankedQuery[];
  ranked: RankedQuery[];
}

/** Results looked at per query: MRR counts a find up to here. */
const DEPTH = 10;

/**
 * Ranks every query on a served site. `bundle` is the Pagefind bundle's URL (default
 * `<site>pagefind/`); `options` what is given to `pagefind.options()` (the search page's own, or
 * none for Pagefind's defaults).
 */
export async function rankQueries(browser: Browser, site: string, queries: readonly RelevanceQuery[], opts: { bundle?: string; options?: Record<string, unknown> } = {}): Promise<RelevanceScore> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site);
    const bundle = opts.bundle ?? `${site}pagefind/`;
    const tops = await page.evaluate<string[][]>(
      `(async () => {
        const pagefind = await import(${JSON.stringify(`${bundle}pagefind.js`)});
        await pagefind.options(${JSON.stringify({ baseUrl: new URL(site).pathname, ...(opts.options ?? {}) })});
        await pagefind.init();
        const out = [];
        for (const q of ${JSON.stringify(queries.map((x) => x.q))}) {
          const found = await pagefind.search(q);
          const data = await Promise.all((found?.results ?? []).slice(0, ${DEPTH}).map((r) => r.data()));
          out.push(data.map((d) => d.url));
        }
        return out;
      })()`,
    );
    const idOf = (url: string) => /\/postmortems\/([^/]+)\/?/.exec(new URL(url, 'http://x').pathname)?.[1] ?? url;
    const ranked = queries.map((query, i): RankedQuery => {
      const ids = tops[i]!.map(idOf);
      const at = ids.indexOf(query.id);
      return { ...query, rank: at < 0 ? undefined : at + 1, top: ids.slice(0, 5) };
    });
    return {
      queries: ranked.length,
      recallAt5: ranked.filter((r) => r.rank !== undefined && r.rank <= 5).length / Math.max(1, ranked.length),
      mrr: ranked.reduce((n, r) => n + (r.rank ? 1 / r.rank : 0), 0) / Math.max(1, ranked.length),
      misses: ranked.filter((r) => r.rank === undefined || r.rank > 5),
      ranked,
    };
  } finally {
    await context.close();
  }
}
