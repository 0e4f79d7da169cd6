import type { AstroIntegrationLogger } from 'astro';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SearchRecord } from '../data/search';
import { SEARCH_RECORDS_DIR } from './routes';

export interface SearchIndexResult {
  records: number;
  outputPath: string;
  ms: number;
}

function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
}

/**
 * Indexes a built site with Pagefind's Node API and writes the index to `<site>/pagefind/`. The
 * records are those the build wrote under `<site>/_hindsight/search-records/` (one part file per
 * thousand postmortems, from the data layer: see src/routes/_hindsight/), given to Pagefind as
 * custom records, so that it parses no HTML; that folder is deleted afterwards, whatever happens,
 * so it is never published. Every response is checked, and the Pagefind service is closed even
 * when a step fails.
 */
export async function buildSearchIndex(siteDir: string, logger?: Pick<AstroIntegrationLogger, 'info'>): Promise<SearchIndexResult> {
  const started = performance.now();
  const recordsDir = join(siteDir, SEARCH_RECORDS_DIR);
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('createIndex', created);
    if (!created.index) throw new Error('Pagefind createIndex returned no index');
    const index = created.index;
    let records = 0;
    for (const part of partFiles(recordsDir)) {
      const list = JSON.parse(readFileSync(join(recordsDir, part), 'utf8')) as SearchRecord[];
      // A few records in flight, so that Pagefind's threads are never idle waiting for the next one.
      let next = 0;
      const sender = async () => {
        for (let i = next++; i < list.length; i = next++) {
          check(`addCustomRecord ${list[i]!.url}`, await index.addCustomRecord(list[i]!));
          records++;
        }
      };
      await Promise.all(Array.from({ length: 8 }, sender));
    }
    const outputPath = join(siteDir, 'pagefind');
    check('writeFiles', await index.writeFiles({ outputPath }));
    const ms = Math.round(performance.now() - started);
    logger?.info(`search index: ${records} pages indexed into ${outputPath} in ${ms} ms`);
    return { records, outputPath, ms };
  } catch (error) {
    throw new Error(`Building the search index failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await pagefind.close();
    rmSync(dirname(recordsDir), { recursive: true, force: true });
  }
}

/** The part files in order (1.json, 2.json, …); none when the knowledge base publishes nothing. */
function partFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /^\d+\.json$/.test(f)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  } catch {
    return [];
  }
}
