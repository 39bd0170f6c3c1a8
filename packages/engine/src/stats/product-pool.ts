/**
 * Parallel Gram products for the moments pass, without making `MomentAccumulator.update` asynchronous.
 *
 * The wasm backend runs one thread in Node, so the second core is used by product workers (`product-worker.ts`,
 * served by a `ResidentPool` of parallel/: process-wide, started lazily on the first heavy chunk, reused by every
 * accumulator of the process, unref'd and closable with `closeProductPool`). An accumulator
 * hands a chunk to a worker only when one is ready and has fewer than two chunks queued; otherwise it computes the
 * chunk itself. So the split follows whatever CPU each thread actually gets (a busy second core just takes fewer
 * chunks), the worker's start-up never delays the pass, and with no worker the pass is the single-threaded one.
 *
 * Shared memory, synchronous hand-offs: the accumulator builds the shifted chunk directly in a SharedArrayBuffer
 * slot, posts `{slot, ticket, ...}`, and later waits on the slot state with `Atomics.wait` (allowed on Node's main
 * thread). A slot state is `ticket·4 + phase`; the worker claims a task by compare-exchange POSTED → RUNNING, and
 * `drain` takes queued tasks back the same way (POSTED → FREE) and computes them itself, so the pass never waits
 * for a chunk that has not started. Tickets make a reused slot's stale message unclaimable.
 *
 * Each worker adds into its own float64 partial sums per accumulator (lower triangle, like the main thread's);
 * `drain` adds them into the accumulator's S2 once all its tasks are finished.
 */
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { RESIDENT_DEAD as DEAD, RESIDENT_READY as READY, type ResidentHandle, ResidentPool } from '../parallel/resident-pool.ts';

/** Slot phases as seen in a slot state (low two bits; FREE is a state of 0). */
export const SLOT_PHASE = { POSTED: 1, RUNNING: 2, DONE: 3, FAILED: 0 } as const;
const { POSTED, RUNNING, DONE, FAILED } = SLOT_PHASE;
const FREE = 0;
/** Chunks a worker may have outstanding (one running, one queued: it never idles between chunks). */
const QUEUE_DEPTH = 2;
/** Most product workers by default (beyond this the float64 merge and memory bandwidth stop paying; not measured). */
const MAX_WORKERS = 3;

/** A chunk handed to a worker: add UᵀU (u: rows × e) into `s`, then set `states[slot]` to ticket·4 + DONE/FAILED. */
export interface ProductTask {
  states: Int32Array;
  slot: number;
  ticket: number;
  u: Float32Array;
  rows: number;
  e: number;
  s: Float64Array;
  errors: Uint8Array;
}

/** What an accumulator needs of a worker (tests substitute one to steer the scheduling). */
export type ProductWorkerHandle = ResidentHandle<ProductTask>;

const pool = new ResidentPool<ProductTask>(new URL('./product-worker.ts', import.meta.url), 'productHandler');

/**
 * Threads for the moments products when the caller does not say: `CONVERGENT_MOMENT_THREADS` if set, else 1 in a
 * worker thread (those run beside other workers already) and on one core, else the cores (at most 1 + MAX_WORKERS).
 */
export function defaultProductThreads(): number {
  const env = process.env.CONVERGENT_MOMENT_THREADS;
  if (env !== undefined && env !== '') {
    const t = Number(env);
    if (!Number.isInteger(t) || t < 1) throw new Error(`CONVERGENT_MOMENT_THREADS=${env} is not a positive integer; use 1 for one thread`);
    return t;
  }
  if (!isMainThread) return 1;
  return Math.max(1, Math.min(availableParallelism(), 1 + MAX_WORKERS));
}

/** The pool's first `count` workers, starting any that are missing (returns at once; they load in the background). */
export function productWorkers(count: number): readonly ProductWorkerHandle[] {
  return pool.handles(count);
}

/** Start `count` workers (default: threads − 1) and wait until they are ready; returns how many are. */
export function startProductPool(count = defaultProductThreads() - 1): Promise<number> {
  return pool.start(count);
}

/** Stop every product worker (tests, or a long-lived process that is done with statistics). */
export function closeProductPool(): Promise<void> {
  return pool.close();
}

interface Slot {
  u: Float32Array;
  worker: ProductWorkerHandle | undefined;
  ticket: number;
  rows: number;
}

/**
 * One accumulator's use of the pool: `2 × workers` chunk slots and per-worker partial sums. `local(u, rows)` is the
 * accumulator's own product (used for chunks taken back from a worker's queue).
 */
export class PooledGram {
  private readonly slots: Slot[] = [];
  private readonly states: Int32Array;
  private readonly partial = new Map<ProductWorkerHandle, Float64Array>();
  private readonly errors = new Uint8Array(new SharedArrayBuffer(256));
  private nextTicket = 1;
  /** Chunks the workers have finished (diagnostics: how the work was split). */
  workerChunks = 0;

  constructor(
    private readonly e: number,
    private readonly chunkRows: number,
    private readonly workers: readonly ProductWorkerHandle[],
    private readonly local: (u: Float32Array, rows: number) => void,
  ) {
    const count = QUEUE_DEPTH * workers.length;
    this.states = new Int32Array(new SharedArrayBuffer(4 * count));
    for (let i = 0; i < count; i++) this.slots.push({ u: new Float32Array(0), worker: undefined, ticket: 0, rows: 0 });
  }

  private phase(i: number): number {
    const s = Atomics.load(this.states, i);
    return s === FREE ? FREE : s & 3;
  }

  /** Free finished slots; a failed task fails the pass (its partial sums may hold part of that chunk). */
  private reap(): void {
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      if (slot.worker === undefined) continue;
      const s = Atomics.load(this.states, i);
      if (s === FREE) continue;
      if ((s & 3) === DONE) {
        Atomics.store(this.states, i, FREE);
        slot.worker = undefined;
        this.workerChunks++;
      } else if ((s & 3) === FAILED) {
        const text = new TextDecoder().decode(this.errors).replace(/\0+$/, '');
        throw new Error(`a product worker failed (${text}); set CONVERGENT_MOMENT_THREADS=1 to compute the statistics in one thread`);
      }
    }
  }

  /**
   * A shared buffer for the next chunk (build it there, then `submit`), or undefined when no worker can take a
   * chunk now (compute it in this thread).
   */
  acquire(rows: number): { index: number; u: Float32Array } | undefined {
    if (rows > this.chunkRows) return undefined;
    this.reap();
    const busy = new Map<ProductWorkerHandle, number>();
    let free = -1;
    for (let i = 0; i < this.slots.length; i++) {
      const w = this.slots[i]!.worker;
      if (w) busy.set(w, (busy.get(w) ?? 0) + 1);
      else if (free < 0) free = i;
    }
    if (free < 0) return undefined;
    const worker = this.workers.find((w) => w.status === READY && (busy.get(w) ?? 0) < QUEUE_DEPTH);
    if (!worker) return undefined;
    const slot = this.slots[free]!;
    if (slot.u.length < this.chunkRows * this.e) slot.u = new Float32Array(new SharedArrayBuffer(4 * this.chunkRows * this.e));
    slot.worker = worker;
    return { index: free, u: slot.u.subarray(0, rows * this.e) };
  }

  /** Hand the chunk built in slot `index` to the worker chosen by `acquire`. */
  submit(index: number, rows: number): void {
    const slot = this.slots[index]!;
    const worker = slot.worker!;
    let s = this.partial.get(worker);
    if (!s) {
      s = new Float64Array(new SharedArrayBuffer(8 * this.e * this.e));
      this.partial.set(worker, s);
    }
    slot.ticket = this.nextTicket++;
    slot.rows = rows;
    Atomics.store(this.states, index, slot.ticket * 4 + POSTED);
    worker.post({ states: this.states, slot: index, ticket: slot.ticket, u: slot.u, rows, e: this.e, s, errors: this.errors });
  }

  /**
   * Finish every chunk handed out (queued ones are taken back and computed here), then add the workers' partial
   * sums into `s2` (lower triangle) and clear them. Afterwards S2 holds every chunk seen so far.
   */
  drain(s2: Float64Array): void {
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      if (!slot.worker) continue;
      const posted = slot.ticket * 4 + POSTED;
      if (Atomics.compareExchange(this.states, i, posted, FREE) === posted) {
        slot.worker = undefined;
        this.local(slot.u.subarray(0, slot.rows * this.e), slot.rows);
        continue;
      }
      while (this.phase(i) === RUNNING) {
        if (slot.worker.status === DEAD) throw new Error('a product worker stopped during the statistics pass; set CONVERGENT_MOMENT_THREADS=1 to compute them in one thread');
        Atomics.wait(this.states, i, slot.ticket * 4 + RUNNING, 1000);
      }
    }
    this.reap();
    const e = this.e;
    for (const s of this.partial.values()) {
      for (let i = 0; i < e; i++) {
        const row = i * e;
        for (let j = 0; j <= i; j++) {
          s2[row + j]! += s[row + j]!;
          s[row + j] = 0;
        }
      }
    }
  }
}
