/**
 * A product worker of the moments pass (started by `product-pool.ts`): adds UᵀU of chunks that a MomentAccumulator
 * hands over into that accumulator's float64 partial sums, with the same `GramProduct` as the main thread.
 *
 * Plain ESM with only @tensorflow/tfjs-core and the wasm backend: ~0.2 s of CPU to start (measured), where a tsx
 * worker with the whole @tensorflow/tfjs took ~2 s. Everything is synchronous and shared-memory: the main thread
 * posts a task message, bumps `control[WAKE]` and notifies; this loop drains the port with receiveMessageOnPort,
 * claims each task by a compare-exchange on its slot state (the main thread may have taken a queued task back), and
 * publishes the result state. It never needs its event loop after start-up.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { GramProduct } from './gram-product.mjs';

/** Indices and values of the control words shared with product-pool.ts (keep in sync). */
const WAKE = 0;
const STATUS = 1;
const READY = 1;
const DEAD = -1;
/** Slot phases (low 2 bits of a slot state; the rest is the task's ticket). */
const POSTED = 1;
const RUNNING = 2;
const DONE = 3;
const FAILED = 0;

const { control, port } = workerData;

function publish(status) {
  Atomics.store(control, STATUS, status);
  Atomics.notify(control, STATUS);
}

try {
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
  await tf.ready();
  const gram = new GramProduct(tf);
  publish(READY);
  for (;;) {
    const wake = Atomics.load(control, WAKE);
    const received = receiveMessageOnPort(port);
    if (received === undefined) {
      Atomics.wait(control, WAKE, wake);
      continue;
    }
    const task = received.message;
    if (task.stop) break;
    const { states, slot, ticket, u, rows, e, s, errors } = task;
    const base = ticket * 4;
    // Taken back by the main thread while queued: skip.
    if (Atomics.compareExchange(states, slot, base + POSTED, base + RUNNING) !== base + POSTED) continue;
    let phase = DONE;
    try {
      gram.add(u, rows, e, s);
    } catch (err) {
      phase = FAILED;
      // The partial sums may hold part of this chunk: the accumulator reports the failure instead of a result.
      const text = new TextEncoder().encode(String(err?.message ?? err).slice(0, 200));
      errors.fill(0);
      errors.set(text.subarray(0, errors.length));
    }
    Atomics.store(states, slot, base + phase);
    Atomics.notify(states, slot);
  }
} finally {
  publish(DEAD);
}
