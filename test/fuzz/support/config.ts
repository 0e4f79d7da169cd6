import fc from 'fast-check';

/*
 * Run counts for the fuzz suite. FUZZ_RUNS scales every property (e.g.
 * FUZZ_RUNS=10 for a long soak), FUZZ_SEED replays a failure that fast-check
 * reported ("seed: …, path: …" in the failure message; pass FUZZ_PATH too to
 * jump straight to the shrunk counterexample).
 */
const scale = Number(process.env.FUZZ_RUNS ?? '1') || 1;
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const path = process.env.FUZZ_PATH;

export function params<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return {
    numRuns: Math.max(1, Math.round(numRuns * scale)),
    ...(seed === undefined ? {} : { seed }),
    ...(path === undefined ? {} : { path }),
    ...extra,
  };
}
