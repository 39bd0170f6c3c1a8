/**
 * The product workers of the moments pass (a `ResidentPool` of `product-pool.ts`): add UᵀU of chunks that a
 * MomentAccumulator hands over into that accumulator's float64 partial sums, with the same `GramProduct` as the main
 * thread.
 *
 * Loads only @tensorflow/tfjs-core and the wasm backend: ~0.2 s of CPU to start (measured), where a worker with the
 * whole @tensorflow/tfjs took ~2 s. Everything is synchronous and shared-memory: the pool's worker entry wakes this
 * handler per task; it claims the task by a compare-exchange on its slot state (the main thread may have taken a
 * queued task back) and publishes the result state.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { GramProduct } from './gram-product.ts';
import { type ProductTask, SLOT_PHASE } from './product-pool.ts';

const { POSTED, RUNNING, DONE, FAILED } = SLOT_PHASE;

/** The ResidentFactory of the product workers: initialise the wasm backend, then handle one task per message. */
export async function productHandler(): Promise<(task: ProductTask) => void> {
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
  await tf.ready();
  const gram = new GramProduct(tf);
  return (task) => {
    const { states, slot, ticket, u, rows, e, s, errors } = task;
    const base = ticket * 4;
    // Taken back by the main thread while queued: skip.
    if (Atomics.compareExchange(states, slot, base + POSTED, base + RUNNING) !== base + POSTED) return;
    let phase: number = DONE;
    try {
      gram.add(u, rows, e, s);
    } catch (err) {
      phase = FAILED;
      // The partial sums may hold part of this chunk: the accumulator reports the failure instead of a result.
      const text = new TextEncoder().encode(String((err as Error | undefined)?.message ?? err).slice(0, 200));
      errors.fill(0);
      errors.set(text.subarray(0, errors.length));
    }
    Atomics.store(states, slot, base + phase);
    Atomics.notify(states, slot);
  };
}
