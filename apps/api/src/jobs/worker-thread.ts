/**
 * The API's embedded job worker, in a worker thread of its own: planning, imports, recording and alignment are
 * CPU work that would otherwise run on the thread that answers HTTP (a large plan or import stalled /health for
 * 9-23 s). The thread opens its own connections to the database by URL (the embedded PGlite is served over its
 * socket) and runs the same `startWorker` as `convergent worker`; its log lines come back to the API's log.
 * A thread that dies (an uncaught error, say) is started again after a pause; its running jobs are taken over by
 * the restarted worker once their heartbeat goes stale. The thread runs the API's build (dist/, see package-root.ts):
 * no TypeScript is compiled in it.
 */
import { Worker } from 'node:worker_threads';
import { builtModulePath } from '../package-root.ts';
import type { WorkerOptions } from './worker.ts';

/** What crosses into the thread (plain data: no database object, no functions). */
export type WorkerThreadOptions = Omit<WorkerOptions, 'database' | 'signal' | 'log' | 'loadData'> & { databaseUrl: string };

type FromThread = { type: 'ready'; id: string } | { type: 'log'; message: string } | { type: 'error'; message: string } | { type: 'stopped' };

export interface WorkerThreadHandle {
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 5000;

export async function startWorkerThread(options: WorkerThreadOptions, log: (message: string) => void): Promise<WorkerThreadHandle> {
  let stopping = false;
  let current: Worker | null = null;
  let restartTimer: NodeJS.Timeout | null = null;

  const entry = builtModulePath(new URL('./worker-thread-main.ts', import.meta.url));
  const spawn = (): Promise<Worker> =>
    new Promise<Worker>((resolve, reject) => {
      // No parent loaders (`execArgv: []`): a parent under tsx or vitest does not make the thread compile TypeScript.
      const worker = new Worker(entry, { workerData: options, execArgv: [] });
      let ready = false;
      worker.on('message', (msg: FromThread) => {
        if (msg.type === 'log') log(msg.message);
        else if (msg.type === 'ready') {
          ready = true;
          resolve(worker);
        } else if (msg.type === 'error' && !ready) reject(new Error(msg.message));
      });
      worker.on('error', (err) => {
        if (!ready) reject(err);
        else log(`embedded worker thread failed: ${err.stack ?? err.message}`);
      });
      worker.on('exit', (code) => {
        if (!ready) return reject(new Error(`the embedded worker thread exited (code ${code}) before it started`));
        if (current === worker) current = null;
        if (stopping) return;
        log(`embedded worker thread exited (code ${code}); starting it again in ${RESTART_DELAY_MS / 1000} s`);
        restartTimer = setTimeout(() => {
          restartTimer = null;
          if (stopping) return;
          spawn().then(
            (w) => (current = w),
            (err: Error) => log(`embedded worker thread could not start again: ${err.message}`),
          );
        }, RESTART_DELAY_MS);
      });
    });

  current = await spawn();
  return {
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const worker = current;
      if (!worker) return;
      // Ask the worker to stop (running jobs are handed back to the queue), then end the thread.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 30_000);
        worker.on('message', (msg: FromThread) => {
          if (msg.type === 'stopped') {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage({ type: 'stop' });
      });
      await worker.terminate();
    },
  };
}
