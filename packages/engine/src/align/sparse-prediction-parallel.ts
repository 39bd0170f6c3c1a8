/**
 * Sparse prediction with worker threads over targets: the targets of B are independent problems sharing R_AA, so
 * threads claim chunks of targets from one atomic counter (dynamic split: targets differ in cost, and the cores may
 * be shared) and the path is assembled from their blocks. The calling thread solves too, so `workers: 2` starts ONE
 * extra thread; it is given all of its data at start (no handshake), so the caller can solve synchronously meanwhile.
 *
 * The workers are a `runInWorkers` run (parallel/) of `solveClaimedTargets` below, each handed its data with its
 * first job. A worker costs a copy of R_AA and R_AB and a start (no longer tsx: the built solver module; the 0.4 s
 * threshold below was measured with tsx and not re-measured), so small problems stay on the calling thread (see
 * `autoWorkers`). Results equal `sparsePredictionPath` exactly (same per-target code).
 */
import { availableParallelism } from 'node:os';
import { type JobContext, runInWorkers, WorkerJobError } from '../parallel/worker-pool.ts';
import {
  ascendingPenalties,
  assembleSparsePath,
  solveTargetBlock,
  validateSparseInput,
  type SparsePredictionInput,
  type SparsePredictionResult,
  type SparseTargetBlock,
} from './sparse-prediction.ts';

export interface SparseWorkerData {
  input: SparsePredictionInput;
  ascending: number[];
  counter: SharedArrayBuffer;
  chunk: number;
}

/** Worker job: solve the targets this thread claims from the shared counter; the block's arrays are moved back. */
export function solveClaimedTargets(data: SparseWorkerData, ctx: JobContext<never>): SparseTargetBlock {
  const counter = new Int32Array(data.counter);
  const block = solveTargetBlock(data.input, data.ascending, () => Atomics.add(counter, 0, data.chunk), data.chunk);
  const arrays = [block.targets, block.losses, block.objectives, block.nonzero, block.unconverged, block.start, block.rowIndex, block.values];
  if (block.heldOutLosses) arrays.push(block.heldOutLosses);
  ctx.transfer(...arrays.map((x) => x.buffer as ArrayBuffer));
  return block;
}

/**
 * Threads for a problem of this size: 1 (no worker) below p²·q·penalties = 2²⁸ (p = 512: ~100 targets × 10
 * penalties, about 1.5 s on one core here, where a worker's 0.4 s start does not pay off clearly), else the cores,
 * at most 8 and at most one per 16 targets.
 */
export function autoWorkers(p: number, q: number, penalties: number): number {
  if (p * p * q * penalties < 2 ** 28) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.floor(q / 16)));
}

/** Chunk of targets per claim: small enough to balance the threads' finishing times, ≥ 1. */
function chunkSize(q: number, threads: number): number {
  return Math.max(1, Math.min(16, Math.floor(q / (threads * 8))));
}

/**
 * `sparsePredictionPath` on `workers` threads in all (the caller included; default `autoWorkers`). Throws the same
 * one-line errors on bad input. The targets of a worker that fails to start or crashes are solved on this thread.
 */
export async function sparsePredictionPathParallel(
  input: SparsePredictionInput,
  options: { workers?: number; /** false: the calling thread only waits, and a worker's failure is thrown (tests: every target goes through a worker). */ callerSolves?: boolean } = {},
): Promise<SparsePredictionResult> {
  validateSparseInput(input);
  const ascending = ascendingPenalties(input.penalties);
  const threads = options.workers ?? autoWorkers(input.p, input.q, ascending.length);
  if (!(Number.isInteger(threads) && threads >= 1)) {
    throw new Error(`sparse prediction: workers ${options.workers} must be a positive integer`);
  }
  const chunk = chunkSize(input.q, threads);
  const counter = new SharedArrayBuffer(4);
  const claims = new Int32Array(counter);
  const data: SparseWorkerData = {
    input: { rAA: input.rAA, rAB: input.rAB, p: input.p, q: input.q, penalties: ascending, heldOut: input.heldOut, tol: input.tol, maxSweeps: input.maxSweeps },
    ascending,
    counter,
    chunk,
  };
  const workers = threads - 1;
  // Started here, synchronously (each with its data): they solve while this thread does. A failure stops the others;
  // with the caller solving, the targets it leaves are solved below instead.
  const run: Promise<SparseTargetBlock[]> =
    workers > 0 ? runInWorkers<SparseWorkerData, SparseTargetBlock>(new URL(import.meta.url), 'solveClaimedTargets', new Array(workers).fill(data), { concurrency: workers, backend: false, jobName: (_, i) => `sparse prediction: worker ${i + 1}` }) : Promise.resolve([]);
  // Handled now: the caller may solve for a while before it awaits the run.
  const settled = run.then(
    (value) => ({ ok: true as const, value }),
    (reason: unknown) => ({ ok: false as const, reason }),
  );
  // The calling thread claims chunks too; workers join as soon as they have started.
  const callerSolves = options.callerSolves ?? true;
  if (!callerSolves && threads < 2) throw new Error('sparse prediction: callerSolves false needs workers ≥ 2');
  const blocks: SparseTargetBlock[] = [];
  if (callerSolves) blocks.push(solveTargetBlock(data.input, ascending, () => Atomics.add(claims, 0, chunk), chunk));
  const outcome = await settled;
  if (outcome.ok) blocks.push(...outcome.value);
  // Strict mode: a worker's failure is the caller's error; so is a pool that could not start (the engine not built).
  else if (!callerSolves || !(outcome.reason instanceof WorkerJobError)) throw outcome.reason;
  // A worker that could not start or failed lost the run's blocks: solve what is missing here (same results, slower).
  const solved = new Uint8Array(input.q);
  for (const b of blocks) for (const k of b.targets) solved[k] = 1;
  const missing: number[] = [];
  for (let k = 0; k < input.q; k++) if (!solved[k]) missing.push(k);
  if (missing.length > 0) {
    let i = 0;
    blocks.push(solveTargetBlock(data.input, ascending, () => missing[i++] ?? input.q, 1));
  }
  return assembleSparsePath(input.p, input.q, ascending, blocks);
}
