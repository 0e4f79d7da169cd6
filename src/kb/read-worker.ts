// A worker thread of a parallel read (src/kb/parallel.ts): it runs the same `runReadJob` as the
// main thread on the batches it is given. Compiled to build/read-worker.mjs (npm run build:package),
// because a worker started from a team's node_modules cannot load TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { runReadJob, type ReadJob, type ReadJobOptions } from './read-one';

const port = parentPort!;
const opts = (workerData as { opts: ReadJobOptions }).opts;

port.on('message', ({ batch, jobs }: { batch: number; jobs: ReadJob[] }) => {
  try {
    const results = jobs.map((job) => {
      const result = runReadJob(job, opts);
      // Functions do not cross threads; the main thread rebuilds lineOf from the file when a message needs it.
      if (result.postmortem) delete result.postmortem.lineOf;
      if (result.partial) delete result.partial.lineOf;
      return result;
    });
    port.postMessage({ batch, results });
  } catch (error) {
    const e = error as Error | undefined;
    port.postMessage({ batch, error: { message: e?.message ?? String(error), stack: e?.stack } });
  }
});
