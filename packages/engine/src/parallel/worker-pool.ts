/**
 * Run N independent jobs (train one network each, accumulate one range of rows, solve one share of the sparse
 * prediction targets) in worker threads, one per core by default. Each worker is a fresh V8 isolate with its own
 * tfjs engine and backend, which is how Convergent gets parallelism: the wasm backend runs single-threaded in Node.
 *
 * A job is a named export of a module of this package, `(input, ctx) => output | Promise<output>`, where
 * `ctx.progress(p)` streams a progress message back, `ctx.signal` aborts when the run is cancelled and
 * `ctx.transfer(...)` moves large output buffers instead of copying them. Workers run the BUILT module
 * (`startWorker`: dist/, no TypeScript compiled at run time), so this works the same from vitest, from tsx and from
 * the `convergent` bin. Inputs, outputs and progress cross threads by structured clone (plain data, typed arrays).
 * Worker k gets job k in its workerData and starts it as soon as it has loaded, with no round trip to the parent (a
 * parent busy with its own share of the work, like `sparsePredictionPathParallel`'s, does not hold the workers up).
 *
 * Failure handling: the first failing job rejects the run with a `WorkerJobError` naming the job, and
 * the remaining workers are stopped. Cancelling (`signal`) asks running jobs to stop via `ctx.signal` and rejects
 * with the signal's reason.
 *
 * Stopping a worker: an idle worker is terminated at once; a BUSY one is first asked to abort (`ctx.signal`) and is
 * terminated when its job returns, or after `abortGraceMs` at the latest — and then only between two native calls
 * is not guaranteed. Why not terminate at once: terminating a thread while it is inside a synchronous native call
 * (ONNX Runtime's `Run`, used by the statistics products) makes the addon throw a C++ exception on return into a
 * dying isolate, which aborts the whole process ("terminate called after throwing an instance of 'Napi::Error'";
 * reproduced with onnxruntime-node 1.31 by terminating a worker in a loop of products).
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { BackendName } from '../backend/select-backend.ts';
import type { FromWorkerMessage, ToWorker } from './protocol.ts';
import { startWorker } from './start-worker.ts';

export type { JobContext, JobFunction } from './protocol.ts';

export interface RunInWorkersOptions<TIn, TProgress> {
  /** Parallel workers (default: `os.availableParallelism()`, never more than the number of jobs). */
  concurrency?: number;
  onProgress?: (jobIndex: number, progress: TProgress) => void;
  signal?: AbortSignal;
  /** Human name of a job for errors (default `job <index>`). */
  jobName?: (input: TIn, index: number) => string;
  /** Backend each worker selects before its first job ('auto' = the normal order; false = none). */
  backend?: BackendName | 'auto' | false;
  /** Environment of the workers (default: a copy of process.env). */
  env?: Record<string, string | undefined>;
  /** After cancellation, how long running jobs get to stop cleanly before termination (ms, default 1000). */
  abortGraceMs?: number;
}

/** A job failed; `jobIndex` / `jobName` say which, `cause` carries the worker's error text and stack. */
export class WorkerJobError extends Error {
  override name = 'WorkerJobError';
  constructor(
    readonly jobIndex: number,
    readonly jobName: string,
    message: string,
    readonly workerStack?: string,
  ) {
    super(`${jobName} failed: ${message}`);
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('the run was cancelled'), { name: 'AbortError' });
}

/**
 * Run `exportName` of `moduleUrl` once per input in worker threads; resolves to the outputs in input
 * order. `moduleUrl` is a file URL (e.g. `new URL('./train-job.ts', import.meta.url)`) or absolute path.
 */
export async function runInWorkers<TIn, TOut, TProgress = unknown>(
  moduleUrl: string | URL,
  exportName: string,
  inputs: readonly TIn[],
  options: RunInWorkersOptions<TIn, TProgress> = {},
): Promise<TOut[]> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortReason(signal);
  if (inputs.length === 0) return [];
  const concurrency = Math.max(1, Math.min(inputs.length, options.concurrency ?? os.availableParallelism()));
  if (!Number.isInteger(concurrency)) throw new Error(`concurrency must be a positive integer, got ${options.concurrency}`);
  const url = moduleUrl instanceof URL ? moduleUrl.href : moduleUrl.startsWith('file:') ? moduleUrl : new URL(`file://${moduleUrl}`).href;
  const name = (i: number): string => options.jobName?.(inputs[i]!, i) ?? `job ${i}`;
  const backend = options.backend ?? 'auto';
  const graceMs = options.abortGraceMs ?? 1000;

  const outputs = new Array<TOut>(inputs.length);
  const workers: Worker[] = [];
  /** Job each worker is running (-1: none; worker k starts with job k), and workers retired on purpose (their exit is not a failure). */
  const running = new Map<Worker, number>();
  const retired = new Set<Worker>();
  let next = concurrency;
  let finished = 0;
  let settled = false;

  return new Promise<TOut[]>((resolve, reject) => {
    /** Workers asked to abort whose termination waits for their job to return (see the module comment). */
    const stopping = new Set<Worker>();
    const stop = (w: Worker, grace: number): void => {
      if ((running.get(w) ?? -1) < 0) {
        void w.terminate();
        return;
      }
      if (stopping.has(w)) return;
      stopping.add(w);
      w.postMessage({ type: 'abort' } satisfies ToWorker);
      const timer = setTimeout(() => void w.terminate(), grace);
      timer.unref();
    };
    const terminateAll = (grace = Math.max(graceMs, 30_000)): void => {
      for (const w of workers) stop(w, grace);
    };
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      terminateAll();
      reject(err);
    };
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      terminateAll(graceMs);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const feed = (w: Worker): void => {
      if (settled) return;
      if (next >= inputs.length) {
        retired.add(w);
        void w.terminate();
        return;
      }
      const jobIndex = next++;
      running.set(w, jobIndex);
      w.postMessage({ type: 'run', jobIndex, input: inputs[jobIndex] } satisfies ToWorker);
    };

    for (let k = 0; k < concurrency; k++) {
      let w: Worker;
      try {
        w = startWorker({ mode: 'jobs', moduleUrl: url, exportName, backend, first: { jobIndex: k, input: inputs[k] } }, options.env ? { env: options.env } : {});
      } catch (err) {
        fail(err);
        return;
      }
      workers.push(w);
      running.set(w, k);
      const who = (j = running.get(w) ?? -1): [number, string] => [j, j >= 0 ? name(j) : `worker ${k} (${exportName} from ${url})`];
      w.on('message', (msg: FromWorkerMessage) => {
        if (settled) {
          // A worker asked to stop has returned from its job: no native call is running now.
          if ((msg.type === 'done' || msg.type === 'error') && stopping.has(w)) {
            running.set(w, -1);
            void w.terminate();
          }
          return;
        }
        if (msg.type === 'progress') {
          try {
            onProgress?.(msg.jobIndex, msg.progress as TProgress);
          } catch (err) {
            fail(err);
          }
        } else if (msg.type === 'done') {
          outputs[msg.jobIndex] = msg.output as TOut;
          running.set(w, -1);
          finished++;
          if (finished === inputs.length) {
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            terminateAll();
            resolve(outputs);
          } else {
            feed(w);
          }
        } else if (msg.type === 'error') {
          // −1: the worker failed before its first job (backend, module or export); it runs nothing now.
          if (msg.jobIndex < 0) running.set(w, -1);
          const [j, label] = who(msg.jobIndex);
          fail(new WorkerJobError(j, label, msg.message, msg.stack));
        }
      });
      w.on('error', (err) => {
        const [j, label] = who();
        fail(new WorkerJobError(j, label, err.message, err.stack));
      });
      w.on('exit', (code) => {
        if (!settled && !retired.has(w)) {
          const [j, label] = who();
          fail(new WorkerJobError(j, label, `its worker exited unexpectedly (code ${code})`));
        }
      });
    }
  });
}
