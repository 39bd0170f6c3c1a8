/** Inside the embedded worker thread (see worker-thread.ts): run `startWorker` until the API asks it to stop. */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerThreadOptions } from './worker-thread.ts';
import { startWorker } from './worker.ts';

const port = parentPort!;
const options = workerData as WorkerThreadOptions;
try {
  const handle = await startWorker({ ...options, log: (message) => port.postMessage({ type: 'log', message }) });
  port.on('message', (msg: { type: string }) => {
    if (msg.type !== 'stop') return;
    void handle.stop().finally(() => port.postMessage({ type: 'stopped' }));
  });
  port.postMessage({ type: 'ready', id: handle.id });
} catch (err) {
  port.postMessage({ type: 'error', message: (err as Error).message });
}
