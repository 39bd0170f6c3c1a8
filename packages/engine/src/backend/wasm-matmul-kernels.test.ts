import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { selectBackend } from './select-backend.ts';
import { wasmMatMulKernelsInstalled } from './wasm-matmul-kernels.ts';
import { wasmSumKernelInstalled } from './wasm-sum-kernel.ts';

/** Every product/reduction case, computed on the current backend. */
function compute(): Float32Array[] {
  const u = (shape: number[], seed: number) => tf.randomUniform(shape, -1, 1, 'float32', seed);
  const ts = tf.tidy(() => [
    tf.matMul(u([7, 5], 1), u([7, 3], 2), true, false),
    tf.matMul(u([4, 6], 3), u([5, 6], 4), false, true),
    tf.matMul(u([6, 4], 5), u([5, 6], 6), true, true),
    tf.matMul(u([2, 6, 4], 7), u([2, 6, 3], 8), true, false),
    tf.matMul(u([3, 4, 6], 9), u([3, 5, 6], 10), false, true),
    tf.fused.matMul({ a: u([7, 5], 11), b: u([3, 7], 12), transposeA: true, transposeB: true, bias: u([3], 13), activation: 'relu' }),
    // Dense-layer gradients (transposed products inside tfjs' gradient functions).
    ...tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.relu(tf.matMul(a, b)), u([9, 4], 14))))([u([9, 6], 15), u([6, 4], 16)]),
    tf.sum(u([4, 5, 6, 3], 17), [0, 1, 2]),
    // >= 4096 rows: summed as a ones-vector product; then a short sum with an odd row count.
    tf.sum(u([8, 32, 32, 5], 22), [0, 1, 2]),
    tf.sum(u([8, 32, 32, 5], 23), [0, 1], true),
    tf.sum(u([3, 5, 7, 2], 24), [0, 1, 2]),
    tf.sum(u([4, 5, 6, 3], 18), [1, 0], true),
    tf.sum(u([4, 5, 6], 19), [1]),
    tf.sum(u([4, 5, 6], 20)),
    tf.sum(tf.cast(tf.mul(u([6, 5], 21), 10), 'int32'), 0),
  ]);
  const out = ts.map((t) => Float32Array.from(t.dataSync()));
  tf.dispose(ts);
  return out;
}

describe('wasm matmul and sum fast paths', () => {
  let reference: Float32Array[] = [];
  beforeAll(async () => {
    await selectBackend({ force: 'cpu' });
    reference = compute();
    await selectBackend({ force: 'wasm' });
  });

  it('are installed on the wasm backend', () => {
    expect(wasmMatMulKernelsInstalled()).toBe(true);
    expect(wasmSumKernelInstalled()).toBe(true);
  });

  it('give the cpu backend results for transposed, batched and fused products and for sums', () => {
    const got = compute();
    expect(got.length).toBe(reference.length);
    got.forEach((g, i) => {
      const r = reference[i]!;
      expect(g.length, `case ${i}`).toBe(r.length);
      // float32 sums of up to 8,192 values: rounding relative to the magnitude.
      for (let k = 0; k < g.length; k++) expect(Math.abs(g[k]! - r[k]!), `case ${i} element ${k}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(r[k]!)));
    });
  });

  it('keeps shapes: keepDims sums and batched products', () => {
    const s = tf.sum(tf.ones([2, 3, 4]), [0, 1], true);
    expect(s.shape).toEqual([1, 1, 4]);
    expect(Array.from(s.dataSync())).toEqual([6, 6, 6, 6]);
    const m = tf.matMul(tf.ones([2, 3, 4]), tf.ones([2, 3, 5]), true, false);
    expect(m.shape).toEqual([2, 4, 5]);
    tf.dispose([s, m]);
  });
});
