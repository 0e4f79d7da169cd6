/*
 * The example knowledge base, built for real: once at the root and once under
 * the sub-path /kb/. global-setup.ts builds both once per `vitest run` and
 * hands the paths to the test files with provide/inject (see site.ts).
 * No runtime import of vitest here: the global setup imports this file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, REPO } from '../helpers/build';

export interface E2eSites {
  /** Temp folder holding both builds and their caches. */
  tmp: string;
  /** `dist` of the build served at `/`. */
  root: string;
  /** `dist` of the build served at `/kb/` (HINDSIGHT_BASE=/kb/). */
  kb: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    hindsightE2e?: E2eSites;
  }
}

const CONTENT = join(REPO, 'content');
const TODAY = '2026-11-21';
/**
 * Small listing sizes, so the example's two dozen postmortems paginate /postmortems/, cap
 * /actions/ (with the owner and team pages) and cap /patterns/ the way thousands do with the defaults.
 */
const LISTINGS = { pageSize: 10, actionRows: 10, perPattern: 2, patternCards: 1 };

async function buildOne(tmp: string, name: string, env: Record<string, string>): Promise<string> {
  const result = await buildSite({
    content: CONTENT,
    outDir: join(tmp, name),
    env: { HINDSIGHT_TODAY: TODAY, HINDSIGHT_CACHE_DIR: join(tmp, `${name}-cache`), HINDSIGHT_LISTINGS: JSON.stringify(LISTINGS), ...env },
  });
  if (result.code !== 0) throw new Error(`astro build of the example site (${name}) failed with code ${result.code}:\n${result.output}`);
  return result.outDir;
}

/** Builds the example site at `/` and under `/kb/` into a fresh temp folder. */
export async function buildE2eSites(): Promise<E2eSites> {
  const tmp = mkdtempSync(join(tmpdir(), 'hindsight-e2e-'));
  const root = await buildOne(tmp, 'dist', {});
  const kb = await buildOne(tmp, 'dist-kb', { HINDSIGHT_BASE: '/kb/' });
  return { tmp, root, kb };
}
