/*
 * Builds the example site once for the whole run (at `/` and under `/kb/`)
 * and provides the output folders to the e2e test files. Runs that select no
 * e2e test file (e.g. `vitest run test/unit`) skip the builds.
 */
import { rmSync } from 'node:fs';
import { sep } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildE2eSites } from './build-sites';

async function runIncludesE2e(project: TestProject): Promise<boolean> {
  // The CLI filters (`vitest run test/unit`) are known by now; without them every file runs.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters?.length) return true;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.some((file) => file.includes(`${sep}test${sep}e2e${sep}`));
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (!(await runIncludesE2e(project))) return undefined;
  const started = performance.now();
  const sites = await buildE2eSites();
  console.log(`[e2e] built the example site twice (/ and /kb/) in ${Math.round(performance.now() - started)} ms: ${sites.tmp}`);
  project.provide('hindsightE2e', sites);
  return () => {
    if (!process.env.HINDSIGHT_E2E_KEEP) rmSync(sites.tmp, { recursive: true, force: true });
  };
}
