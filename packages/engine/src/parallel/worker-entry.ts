/**
 * The entry of every engine worker thread (started by `startWorker`, run from the build in dist/): select this
 * thread's backend if asked, load the job module's export once, then either
 * - `jobs` (`runInWorkers`): run the first job handed over in workerData at once (no round trip, so a parent busy
 *   with its own share of the work does not delay it), then jobs as the parent sends them, relaying progress,
 *   results and errors; or
 * - `resident` (`ResidentPool`): build the message handler, publish READY in the shared control word and serve the
 *   port synchronously (Atomics.wait between messages) until told to stop; DEAD is published however it ends.
 * It imports nothing slow up front: a resident worker costs only what its module loads.
 */
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import {
  type FromWorkerMessage,
  type JobContext,
  type JobFunction,
  RESIDENT_DEAD,
  RESIDENT_READY,
  RESIDENT_STATUS,
  RESIDENT_WAKE,
  type ResidentFactory,
  type ToWorker,
  type WorkerInit,
} from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker-entry must run inside a worker thread (use runInWorkers or ResidentPool)');
const init = workerData as WorkerInit;

function describe(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

async function loadExport(): Promise<{ fn: (...args: never[]) => unknown; backend: JobContext<unknown>['backend'] }> {
  let backend: JobContext<unknown>['backend'];
  if (init.backend !== false) {
    const { selectBackend } = await import('../backend/select-backend.ts');
    backend = await selectBackend(init.backend === 'auto' ? {} : { force: init.backend });
  }
  const mod = (await import(init.moduleUrl)) as Record<string, unknown>;
  const fn = mod[init.exportName];
  if (typeof fn !== 'function') throw new Error(`${init.moduleUrl} has no exported function ${init.exportName}`);
  return { fn: fn as (...args: never[]) => unknown, backend };
}

async function serveJobs(first: { jobIndex: number; input: unknown }): Promise<void> {
  const send = (msg: FromWorkerMessage, transfer: ArrayBuffer[] = []): void => port!.postMessage(msg, transfer);
  let job: JobFunction<unknown, unknown>;
  let backend: JobContext<unknown>['backend'];
  try {
    const loaded = await loadExport();
    job = loaded.fn as JobFunction<unknown, unknown>;
    backend = loaded.backend;
  } catch (err) {
    send({ type: 'error', jobIndex: -1, ...describe(err) });
    return;
  }
  let controller = new AbortController();
  const run = async (jobIndex: number, input: unknown): Promise<void> => {
    controller = new AbortController();
    const transfers: ArrayBuffer[] = [];
    const ctx: JobContext<unknown> = {
      jobIndex,
      progress: (progress) => send({ type: 'progress', jobIndex, progress }),
      signal: controller.signal,
      backend,
      transfer: (...buffers) => {
        for (const b of buffers) if (!transfers.includes(b)) transfers.push(b);
      },
    };
    try {
      const output = await job(input, ctx);
      send({ type: 'done', jobIndex, output }, transfers);
    } catch (err) {
      send({ type: 'error', jobIndex, ...describe(err) });
    }
  };
  port!.on('message', (msg: ToWorker) => {
    if (msg.type === 'abort') {
      controller.abort(Object.assign(new Error('the run was cancelled'), { name: 'AbortError' }));
      return;
    }
    void run(msg.jobIndex, msg.input);
  });
  await run(first.jobIndex, first.input);
}

async function serveResident(control: Int32Array, messages: MessagePort, data: unknown): Promise<void> {
  const publish = (status: number): void => {
    Atomics.store(control, RESIDENT_STATUS, status);
    Atomics.notify(control, RESIDENT_STATUS);
  };
  try {
    const { fn } = await loadExport();
    const handle = await (fn as unknown as ResidentFactory<unknown>)(data);
    publish(RESIDENT_READY);
    for (;;) {
      const wake = Atomics.load(control, RESIDENT_WAKE);
      const received = receiveMessageOnPort(messages);
      if (received === undefined) {
        Atomics.wait(control, RESIDENT_WAKE, wake);
        continue;
      }
      const msg = received.message as { stop?: boolean } | null;
      if (msg?.stop === true) break;
      handle(msg);
    }
  } finally {
    publish(RESIDENT_DEAD);
  }
}

if (init.mode === 'resident') await serveResident(init.control, init.port, init.data);
else await serveJobs(init.first);
