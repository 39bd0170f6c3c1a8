/** Jobs for worker-pool.test.ts (loaded inside workers). */
import { writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { JobContext } from './worker-pool.ts';

/** Squares a number, reporting two progress steps; says which thread and backend ran it. */
export async function square(x: number, ctx: JobContext<{ step: number }>): Promise<{ value: number; thread: number; backend: string }> {
  ctx.progress({ step: 1 });
  const value = tf.tidy(() => tf.square(tf.scalar(x)).dataSync()[0]!);
  ctx.progress({ step: 2 });
  return { value, thread: threadId, backend: tf.getBackend() };
}

/** Fails for negative inputs. */
export function failNegative(x: number): number {
  if (x < 0) throw new Error(`negative input ${x}`);
  return x;
}

/** Runs until cancelled, then writes `stopped` into the file named by its input. */
export async function untilAborted(file: string, ctx: JobContext<string>): Promise<string> {
  ctx.progress('started');
  while (!ctx.signal.aborted) await new Promise((r) => setTimeout(r, 10));
  writeFileSync(file, 'stopped');
  return 'stopped';
}

/** Ends the worker's thread abruptly. */
export function crash(): never {
  process.exit(3);
}

export const notAFunction = 42;

/**
 * Input < 0: fails after `-input` ms. Input ≥ 0: runs ONNX Runtime products (synchronous native calls) in a loop
 * until aborted, yielding between products — what the statistics pass does in a worker.
 */
export async function productsOrFail(x: number, ctx: JobContext<string>): Promise<number> {
  if (x < 0) {
    await new Promise((r) => setTimeout(r, -x));
    throw new Error(`failing after ${-x} ms`);
  }
  const { loadOrtProducts, ortProducts } = await import('../backend/ort-products.ts');
  await loadOrtProducts();
  const engine = ortProducts();
  if (!engine) throw new Error('onnxruntime-node did not load in the worker');
  const a = new Float32Array(192 * 384).fill(1);
  let n = 0;
  while (!ctx.signal.aborted) {
    for (let i = 0; i < 20; i++) engine.gemmNT(a, 192, a, 192, 384);
    n++;
    await new Promise((r) => setImmediate(r));
  }
  return n;
}

/** A ResidentFactory: each message `{ cells, index, add }` adds `add + data.offset` to `cells[index]` and notifies. */
export function residentAdder(data: { offset: number }): (msg: { cells: Int32Array; index: number; add: number }) => void {
  return ({ cells, index, add }) => {
    Atomics.add(cells, index, add + data.offset);
    Atomics.notify(cells, index);
  };
}
