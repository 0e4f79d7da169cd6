import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../config/package';
import { readContentFile } from './files';
import { frontmatterLineOf } from './frontmatter';
import { LIMITS } from './limits';
import { runReadJob, type LineOf, type ReadJob, type ReadJobOptions, type ReadJobResult } from './read-one';

/** Below this many files a read stays in one thread: starting a worker costs more than it saves. */
const PARALLEL_MIN_FILES = 400;
/** Files per batch handed to a thread: small enough to balance, large enough to keep messages few. */
const batchSize = (files: number, threads: number) => Math.max(1, Math.min(100, Math.ceil(files / (threads * 8))));

/**
 * How many threads read a knowledge base of `files` files: the configured number
 * (settings.threads, from HINDSIGHT_THREADS; 1 = no worker), else one per core up
 * to four, and one for small knowledge bases.
 */
export function readThreads(files: number, configured?: number): number {
  if (configured !== undefined) return configured;
  return files < PARALLEL_MIN_FILES ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

/** The worker's compiled JavaScript: code under node_modules cannot be TypeScript (see package.json "build:package"). */
function workerFile(): string {
  return join(packageRoot(), 'build/read-worker.mjs');
}

type WorkerMessage = { batch: number; results: ReadJobResult[] } | { batch: number; error: { message: string; stack?: string } };

/**
 * Runs every read job and returns the results in job order. With more than
 * one thread, batches are shared between the main thread and `threads - 1`
 * workers (src/kb/read-worker.mjs, the same `runReadJob`), taken from one
 * queue so that a slow batch does not hold the others. Results are identical
 * to a one-thread read; only `lineOf` is rebuilt here, lazily, from the file.
 */
export async function runReadJobs(jobs: readonly ReadJob[], opts: ReadJobOptions, configuredThreads?: number): Promise<ReadJobResult[]> {
  const threads = readThreads(jobs.length, configuredThreads);
  if (threads <= 1 || jobs.length < 2) return jobs.map((job) => runReadJob(job, opts));

  const size = batchSize(jobs.length, threads);
  const batches: ReadJob[][] = [];
  for (let i = 0; i < jobs.length; i += size) batches.push(jobs.slice(i, i + size));
  const results: ReadJobResult[][] = Array.from({ length: batches.length }, () => []);
  let next = 0;
  const file = workerFile();
  const workers = Array.from({ length: threads - 1 }, () => new Worker(file, { workerData: { opts } }));

  const workerDone = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const give = () => {
          if (next >= batches.length) {
            if (inFlight === 0) resolve();
            return;
          }
          const batch = next++;
          inFlight++;
          worker.postMessage({ batch, jobs: batches[batch] });
        };
        worker.on('message', (msg: WorkerMessage) => {
          if ('error' in msg) {
            reject(Object.assign(new Error(`reading postmortems in a worker thread failed: ${msg.error.message}`), { stack: msg.error.stack }));
            return;
          }
          inFlight--;
          results[msg.batch] = msg.results.map((r, i) => withLazyLines(r, batches[msg.batch]![i]!));
          give();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (next < batches.length || inFlight > 0) reject(new Error(`a read worker thread stopped early (exit code ${code})`));
        });
        // Two batches in flight: the worker starts its next one while the main thread, busy with its own, has not yet replied.
        give();
        give();
      }),
  );

  try {
    // The main thread takes batches too, yielding between them so that finished workers get their next batch.
    while (next < batches.length) {
      const batch = next++;
      results[batch] = batches[batch]!.map((job) => runReadJob(job, opts));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workerDone);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}

/** A result from a worker has no `lineOf`: line numbers are looked up from the file only if a message needs one. */
function withLazyLines(result: ReadJobResult, job: ReadJob): ReadJobResult {
  if (!result.postmortem && !result.partial) return result;
  let lookup: LineOf | undefined;
  const lineOf: LineOf = (path) => (lookup ??= frontmatterLineOf(readContentFile(job.path, job.file, { maxBytes: LIMITS.fileBytes, what: 'postmortem' }).text ?? ''))(path);
  return {
    ...result,
    postmortem: result.postmortem && { ...result.postmortem, lineOf },
    ...(result.partial ? { partial: { ...result.partial, lineOf } } : {}),
  };
}
