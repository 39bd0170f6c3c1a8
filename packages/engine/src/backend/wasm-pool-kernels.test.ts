import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { selectBackend } from './select-backend.ts';
import { wasmPoolKernelsInstalled } from './wasm-pool-kernels.ts';

type Pool = 'max' | 'avg';
interface Case {
  pool: Pool;
  x: [number, number, number, number];
  size: number | [number, number];
  stride: number | [number, number];
  pad: 'same' | 'valid';
  /** Quantise the input to a few levels so windows contain ties (as after a ReLU). */
  ties?: boolean;
}

const cases: Case[] = [
  { pool: 'max', x: [2, 8, 8, 3], size: 2, stride: 2, pad: 'valid' },
  { pool: 'max', x: [1, 9, 7, 4], size: 3, stride: 2, pad: 'same' },
  { pool: 'max', x: [2, 6, 6, 2], size: 3, stride: 1, pad: 'same', ties: true },
  { pool: 'max', x: [3, 10, 10, 5], size: 2, stride: 2, pad: 'valid', ties: true },
  // 2x2/2 windows that do not tile the input (odd sizes): the general loop, not the exact-tiling fast path.
  { pool: 'max', x: [2, 7, 9, 3], size: 2, stride: 2, pad: 'valid', ties: true },
  { pool: 'max', x: [2, 7, 9, 3], size: 2, stride: 2, pad: 'same', ties: true },
  { pool: 'avg', x: [2, 8, 8, 3], size: 2, stride: 2, pad: 'valid' },
  { pool: 'avg', x: [1, 9, 7, 4], size: 3, stride: 2, pad: 'same' },
  { pool: 'avg', x: [2, 5, 6, 2], size: [2, 3], stride: 1, pad: 'same' },
];

function input(c: Case, seed: number): tf.Tensor4D {
  const x = tf.randomUniform(c.x, -1, 1, 'float32', seed);
  return (c.ties ? tf.relu(tf.round(tf.mul(x, 2))) : x) as tf.Tensor4D;
}

async function poolGrad(c: Case, seed: number): Promise<Float32Array> {
  const g = tf.tidy(() => {
    const x = input(c, seed);
    const f = (a: tf.Tensor): tf.Tensor => {
      const y = c.pool === 'max' ? tf.maxPool(a as tf.Tensor4D, c.size, c.stride, c.pad) : tf.avgPool(a as tf.Tensor4D, c.size, c.stride, c.pad);
      return tf.sum(tf.mul(y, tf.randomUniform(y.shape, -1, 1, 'float32', seed + 1)));
    };
    return tf.grad(f)(x);
  });
  const out = g.dataSync() as Float32Array;
  g.dispose();
  return out;
}

/** Gradients of a batch-norm + dropout block: kernels composed by tfjs-core, checked here to exist on wasm. */
async function normDropoutGrads(seed: number): Promise<Float32Array[]> {
  const gs = tf.tidy(() => {
    const x = tf.randomUniform([4, 5, 5, 3], -1, 1, 'float32', seed);
    const scale = tf.randomUniform([3], 0.5, 1.5, 'float32', seed + 1);
    const offset = tf.randomUniform([3], -0.5, 0.5, 'float32', seed + 2);
    const r = tf.randomUniform([4, 5, 5, 3], -1, 1, 'float32', seed + 3);
    const mask = tf.step(tf.randomUniform([4, 5, 5, 3], -1, 1, 'float32', seed + 4));
    return tf.grads((a: tf.Tensor, s: tf.Tensor, o: tf.Tensor) => {
      const { mean, variance } = tf.moments(a, [0, 1, 2]);
      const y = tf.batchNorm(a, mean, variance, o as tf.Tensor1D, s as tf.Tensor1D, 1e-3);
      // Dropout with a fixed mask (tf.dropout's mask depends on the backend's random stream).
      return tf.sum(tf.mul(tf.div(tf.mul(y, mask), 0.5), r));
    })([x, scale, offset]);
  });
  const out = gs.map((g) => g.dataSync() as Float32Array);
  tf.dispose(gs);
  return out;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('wasm pooling gradient kernels', () => {
  const reference: Float32Array[] = [];
  let normRef: Float32Array[] = [];

  beforeAll(async () => {
    await selectBackend({ force: 'cpu' });
    for (const [i, c] of cases.entries()) reference.push(await poolGrad(c, 7 * i + 3));
    normRef = await normDropoutGrads(5);
    await selectBackend({ force: 'wasm' });
  });

  it('replaces the stock kernels on the wasm backend', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(wasmPoolKernelsInstalled()).toBe(true);
  });

  it.each(cases.map((c, i) => [i, c] as const))('case %i matches the cpu gradient (%j)', async (i, c) => {
    const g = await poolGrad(c, 7 * i + 3);
    const ref = reference[i]!;
    expect(g.length).toBe(ref.length);
    expect(maxAbsDiff(g, ref)).toBeLessThan(1e-5);
    // Not trivially zero: some gradient reached the input.
    expect(ref.some((v) => v !== 0)).toBe(true);
  });

  it('batch-norm and dropout gradients exist on wasm and match cpu', async () => {
    const gs = await normDropoutGrads(5);
    expect(gs.length).toBe(3);
    for (let i = 0; i < gs.length; i++) expect(maxAbsDiff(gs[i]!, normRef[i]!)).toBeLessThan(1e-4);
  });
});
