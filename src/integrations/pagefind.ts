import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
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
    // Only postmortem pages carry data-pagefind-body; parsing the large listing
    // pages too cost a third of the indexing time and memory at 10,000 postmortems.
    const added = await created.index.addDirectory({ path: siteDir, glob: 'postmortems/*/index.html' });
    check('addDirectory', added);
    const outputPath = join(siteDir, 'pagefind');
    const written = await created.index.writeFiles({ outputPath });
    check('writeFiles', written);
    const ms = Math.round(performance.now() - started);
    logger?.info(`search index: ${added.page_count} pages indexed into ${outputPath} in ${ms} ms`);
    return { pages: added.page_count, outputPath, ms };
  } catch (error) {
    throw new Error(`Building the search index failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await pagefind.close();
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
