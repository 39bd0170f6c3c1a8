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
