import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { selectBackend } from './select-backend.ts';
import { wasmConvKernelsInstalled } from './wasm-conv-kernels.ts';

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
interface Case {
  x: [number, number, number, number];
  k: [number, number, number, number];
  stride: number | [number, number];
  pad: Pad;
}

const cases: Case[] = [
  { x: [2, 28, 28, 1], k: [5, 5, 1, 8], stride: 1, pad: 'same' },
  { x: [1, 14, 14, 6], k: [5, 5, 6, 4], stride: 1, pad: 'same' },
  { x: [3, 9, 11, 3], k: [3, 3, 3, 5], stride: 1, pad: 'valid' },
  { x: [2, 10, 10, 4], k: [3, 3, 4, 6], stride: 2, pad: 'same' },
  { x: [2, 11, 9, 2], k: [3, 2, 2, 3], stride: [2, 3], pad: 'valid' },
  { x: [1, 8, 8, 3], k: [4, 4, 3, 2], stride: 2, pad: 'same' },
  { x: [2, 7, 8, 2], k: [3, 3, 2, 3], stride: 1, pad: [[0, 0], [1, 0], [2, 1], [0, 0]] },
  // Stride-1 `same` with an even kernel (uneven padding) and a kernel taller than the image: the
  // one-copy-per-row patch fill with its edge fixes.
  { x: [3, 9, 7, 3], k: [4, 2, 3, 5], stride: 1, pad: 'same' },
  { x: [2, 3, 6, 2], k: [5, 3, 2, 2], stride: 1, pad: 'same' },
  { x: [2, 9, 9, 2], k: [3, 3, 2, 2], stride: 2, pad: [[0, 0], [0, 2], [1, 1], [0, 0]] },
  // >= 8 input channels: the filter gradient runs as a conv of transposed tensors.
  { x: [3, 14, 14, 8], k: [5, 5, 8, 6], stride: 1, pad: 'same' },
  { x: [1, 10, 10, 9], k: [3, 3, 9, 4], stride: 2, pad: 'same' },
  { x: [2, 11, 10, 8], k: [3, 3, 8, 5], stride: [2, 3], pad: 'valid' },
  { x: [2, 8, 9, 12], k: [2, 3, 12, 3], stride: 1, pad: [[0, 0], [2, 1], [0, 2], [0, 0]] },
];

function seeded(shape: number[], seed: number): tf.Tensor {
  return tf.randomUniform(shape, -1, 1, 'float32', seed);
}

/** dL/dx and dL/dW of sum(conv2d(x, W) * r) on the current backend, as plain arrays. */
async function convGrads(c: Case, seed: number): Promise<[Float32Array, Float32Array]> {
  const [dx, dw] = tf.tidy(() => {
    const x = seeded(c.x, seed) as tf.Tensor4D;
    const w = seeded(c.k, seed + 1) as tf.Tensor4D;
    const y = tf.conv2d(x, w, c.stride, c.pad);
    const r = seeded(y.shape, seed + 2);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), r)),
    )([x, w]);
    return [dx!, dw!];
  });
  const out: [Float32Array, Float32Array] = [dx!.dataSync() as Float32Array, dw!.dataSync() as Float32Array];
  tf.dispose([dx!, dw!]);
  return out;
}

function relErr(a: Float32Array, b: Float32Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return Math.sqrt(num / den);
}

describe('wasm conv gradient kernels', () => {
  const reference: Array<[Float32Array, Float32Array]> = [];

  beforeAll(async () => {
    await selectBackend({ force: 'cpu' });
    for (const [i, c] of cases.entries()) reference.push(await convGrads(c, 10 * i + 1));
    await selectBackend({ force: 'wasm' });
  });

  it('replaces the stock kernels on the wasm backend', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(wasmConvKernelsInstalled()).toBe(true);
  });

  it.each(cases.map((c, i) => [i, c] as const))('case %i matches the cpu gradients (%j)', async (i, c) => {
    const [dx, dw] = await convGrads(c, 10 * i + 1);
    const [rdx, rdw] = reference[i]!;
    expect(dx.length).toBe(rdx.length);
    expect(dw.length).toBe(rdw.length);
    expect(relErr(dx, rdx)).toBeLessThan(1e-4);
    expect(relErr(dw, rdw)).toBeLessThan(1e-4);
  });

  it('leaks no tensors and no backend memory across gradient calls', async () => {
    const before = tf.memory();
    await convGrads(cases[3]!, 99);
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    expect((after as { numDataBuffers?: number }).numDataBuffers).toBe((before as { numDataBuffers?: number }).numDataBuffers);
  });

  it('chunks the batch of a large filter gradient and still sums every example', async () => {
    // 64 x 28x28 x 32 channels with a 5x5 kernel needs a 40M-float patch matrix: above the chunk limit.
    const dw = tf.tidy(() => {
      const x = tf.ones([64, 28, 28, 32]) as tf.Tensor4D;
      const dy = tf.ones([64, 28, 28, 2]) as tf.Tensor4D;
      const attrs = { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [5, 5, 32, 2] };
      return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
    });
    const v = dw.dataSync();
    dw.dispose();
    // All-ones: each filter tap counts the in-bounds positions, e.g. the centre tap sees all 64*28*28.
    const centre = ((2 * 5 + 2) * 32 + 0) * 2;
    expect(v[centre]).toBe(64 * 28 * 28);
    const corner = 0; // tap (0,0) is in bounds for 26x26 output positions
    expect(v[corner]).toBe(64 * 26 * 26);
  });
});
