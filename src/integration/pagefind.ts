import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SearchIndexResult {
  pages: number;
  outputPath: string;
  ms: number;
}

function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
}

/**
 * Indexes a built site with Pagefind's Node API and writes the index to
 * `<site>/pagefind/`. Every response is checked, and the Pagefind service is
 * closed even when a step fails.
 */
export async function buildSearchIndex(siteDir: string, logger?: Pick<AstroIntegrationLogger, 'info'>): Promise<SearchIndexResult> {
  const started = performance.now();
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('createIndex', created);
    if (!created.index) throw new Error('Pagefind createIndex returned no index');
    // Only postmortem pages carry data-pagefind-body, and Pagefind is given only that
    // <article>: parsing the listing pages cost a third of the indexing time at 10,000
    // postmortems, and whole pages (navigation, connections, the timeline's SVG) about
    // 11 % more of Pagefind's memory than the article alone.
    const index = created.index;
    const queue = postmortemPages(siteDir);
    let pages = 0;
    // A few files in flight, so that Pagefind's threads are never idle waiting for the next one.
    const sender = async () => {
      for (let next = queue.next(); !next.done; next = queue.next()) {
        const added = await index.addHTMLFile({ url: next.value.url, content: next.value.html });
        check(`addHTMLFile ${next.value.url}`, added);
        pages++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    const outputPath = join(siteDir, 'pagefind');
    const written = await created.index.writeFiles({ outputPath });
    check('writeFiles', written);
    const ms = Math.round(performance.now() - started);
    logger?.info(`search index: ${pages} pages indexed into ${outputPath} in ${ms} ms`);
    return { pages, outputPath, ms };
  } catch (error) {
    throw new Error(`Building the search index failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}

/**
 * Every built postmortem page (postmortems/<id>/index.html with a
 * data-pagefind-body article), reduced to a document holding that article:
 * what Pagefind indexes of it, with the page's language. Paginated list pages
 * (postmortems/2/ …) have no such article and are skipped.
 */
export function* postmortemPages(siteDir: string): Generator<{ url: string; html: string }> {
  const root = join(siteDir, 'postmortems');
  let ids: string[];
  try {
    ids = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return;
  }
  for (const id of ids) {
    let page: string;
    try {
      page = readFileSync(join(root, id, 'index.html'), 'utf8');
    } catch {
      continue;
    }
    const body = page.indexOf('data-pagefind-body');
    if (body < 0) continue;
    const start = page.lastIndexOf('<article', body);
    const end = page.indexOf('</article>', body);
    // The article cannot contain another </article>: bodies are a Markdown subset without raw HTML.
    if (start < 0 || end < 0) throw new Error(`postmortems/${id}/index.html: the indexed <article> is not closed`);
    const lang = /<html[^>]*\blang="([^"]+)"/.exec(page)?.[1] ?? 'en';
    // The site's base path is part of the URL Pagefind stores; it is the page's own path in the output.
    yield { url: `/postmortems/${id}/`, html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${page.slice(start, end + '</article>'.length)}</body></html>` };
  }
}

/** Runs Pagefind when `astro build` is done, so one build produces a searchable site. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'hindsight:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
