/**
 * Inside a worker of `runInWorkers`: select this thread's backend, load the job module once, then run
 * jobs as the parent sends them, relaying progress, results and errors.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorkerMessage, JobContext, JobFunction, ToWorker, WorkerInit } from './worker-pool.ts';

const port = parentPort;
if (!port) throw new Error('worker-pool-entry.ts must run inside a worker thread (use runInWorkers)');
const init = workerData as WorkerInit;
const send = (msg: FromWorkerMessage): void => port.postMessage(msg);
let controller = new AbortController();

function describe(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

async function main(): Promise<void> {
  let backend: JobContext<unknown>['backend'];
  let job: JobFunction<unknown, unknown>;
  try {
    if (init.backend !== false) {
      const { selectBackend } = await import('../backend/select-backend.ts');
      backend = await selectBackend(init.backend === 'auto' ? {} : { force: init.backend });
    }
    const mod = (await import(init.moduleUrl)) as Record<string, unknown>;
    const fn = mod[init.exportName];
    if (typeof fn !== 'function') {
      throw new Error(`${init.moduleUrl} has no exported function ${init.exportName}`);
    }
    job = fn as JobFunction<unknown, unknown>;
  } catch (err) {
    send({ type: 'error', jobIndex: -1, ...describe(err) });
    return;
  }
  port!.on('message', async (msg: ToWorker) => {
    if (msg.type === 'abort') {
      controller.abort(Object.assign(new Error('the run was cancelled'), { name: 'AbortError' }));
      return;
    }
    const { jobIndex, input } = msg;
    controller = new AbortController();
    const ctx: JobContext<unknown> = {
      jobIndex,
      progress: (progress) => send({ type: 'progress', jobIndex, progress }),
      signal: controller.signal,
      backend,
    };
    try {
      const output = await job(input, ctx);
      send({ type: 'done', jobIndex, output });
    } catch (err) {
      send({ type: 'error', jobIndex, ...describe(err) });
    }
  });
  send({ type: 'ready', backend });
}

void main();
