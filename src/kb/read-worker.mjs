// A worker thread of a parallel read (src/kb/parallel.ts): it runs the same
// `runReadJob` as the main thread on the batches it is given. The modules are
// TypeScript; tsx loads them here as it does for the CLI.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runReadJob } = await import('./read-one.ts');

parentPort.on('message', ({ batch, jobs }) => {
  try {
    const results = jobs.map((job) => {
      const result = runReadJob(job, workerData.opts);
      // Functions do not cross threads; the main thread rebuilds lineOf from the file when a message needs it.
      if (result.postmortem) delete result.postmortem.lineOf;
      return result;
    });
    parentPort.postMessage({ batch, results });
  } catch (error) {
    parentPort.postMessage({ batch, error: { message: error?.message ?? String(error), stack: error?.stack } });
  }
});
