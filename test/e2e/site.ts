/*
 * The built example sites for a test file: provided by global-setup.ts, or,
 * when a run skipped that setup, built once by this process.
 */
import { inject } from 'vitest';
import { buildE2eSites, type E2eSites } from './build-sites';

export {   type E2eSites } from './build-sites';

let local: Promise<E2eSites> | undefined;

/** The built sites: from the global setup, or built once by this process. */
export function e2eSites(): Promise<E2eSites> {
  const provided = inject('hindsightE2e');
  if (provided) return Promise.resolve(provided);
  local ??= buildE2eSites();
  return local;
}
