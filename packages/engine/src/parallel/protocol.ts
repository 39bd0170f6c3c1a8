/**
 * What the parent and the one worker entry (`worker-entry.ts`) exchange. Types and a few constants only: the entry
 * imports this module, so it must stay free of anything slow to load.
 */
import type { MessagePort } from 'node:worker_threads';
import type { BackendName } from '../backend/select-backend.ts';

export interface JobContext<TProgress> {
  /** Index of this job in `inputs`. */
  jobIndex: number;
  /** Send a progress message to the parent's `onProgress`. */
  progress(p: TProgress): void;
  /** Aborted when the run is cancelled; long jobs should check it between steps. */
  signal: AbortSignal;
  /** The backend this worker selected (undefined with `backend: false`). */
  backend?: { name: BackendName; detail: string };
  /**
   * Move these buffers to the parent with the job's result instead of copying them (they are unusable in this
   * worker afterwards): for large typed-array outputs the job built for the parent alone.
   */
  transfer(...buffers: ArrayBuffer[]): void;
}

export type JobFunction<TIn, TOut, TProgress = unknown> = (input: TIn, ctx: JobContext<TProgress>) => TOut | Promise<TOut>;

/**
 * A resident worker's export: called once with the pool's `data`, it returns the handler of every message the
 * parent posts (synchronously, in order; the worker's event loop is not used after start-up).
 */
export type ResidentFactory<TMessage> = (data: unknown) => ((message: TMessage) => void) | Promise<(message: TMessage) => void>;

/** `workerData` of every engine worker. */
export type WorkerInit = {
  /** A built JavaScript module (file URL): the caller's TypeScript URL mapped into dist/ by `startWorker`. */
  moduleUrl: string;
  exportName: string;
  /** Backend the worker selects before loading the module ('auto' = the normal order; false = none). */
  backend: BackendName | 'auto' | false;
} & (
  | {
      /** `runInWorkers`: the export is a `JobFunction`; the worker runs `first` at once, then jobs as they come. */
      mode: 'jobs';
      first: { jobIndex: number; input: unknown };
    }
  | {
      /** `ResidentPool`: the export is a `ResidentFactory`, served until the pool closes. */
      mode: 'resident';
      control: Int32Array;
      port: MessagePort;
      data: unknown;
    }
);

export type FromWorkerMessage =
  | { type: 'progress'; jobIndex: number; progress: unknown }
  | { type: 'done'; jobIndex: number; output: unknown }
  /** jobIndex −1: the worker failed before its first job (backend, module, export). */
  | { type: 'error'; jobIndex: number; message: string; stack?: string };

export type ToWorker = { type: 'run'; jobIndex: number; input: unknown } | { type: 'abort' };

/** Words of a resident worker's shared control array: a wake counter and its status. */
export const RESIDENT_WAKE = 0;
export const RESIDENT_STATUS = 1;
/** Status values: loading, serving, gone (failed to load, crashed or closed). */
export const RESIDENT_STARTING = 0;
export const RESIDENT_READY = 1;
export const RESIDENT_DEAD = -1;
