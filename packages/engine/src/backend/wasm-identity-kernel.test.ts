import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { selectBackend } from './select-backend.ts';
import { wasmIdentityKernelInstalled } from './wasm-identity-kernel.ts';

describe('zero-copy wasm Identity', () => {
  beforeAll(async () => {
    await selectBackend({ force: 'wasm' });
  });

  it('is installed on the wasm backend', () => {
    expect(wasmIdentityKernelInstalled()).toBe(true);
  });

  it('shares data with reference counting: each holder frees independently, nothing leaks', () => {
    const backend = tf.backend() as unknown as { numDataIds(): number };
    const before = backend.numDataIds();
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tf.clone(a);
    expect(b.shape).toEqual([2, 3]);
    // One buffer for both: the clone did not allocate.
    expect(backend.numDataIds()).toBe(before + 1);
    expect(Array.from(b.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    a.dispose();
    // The clone still reads its values after the original is gone, and ops on it work.
    expect(tf.tidy(() => Array.from(tf.add(b, 1).dataSync()))).toEqual([2, 3, 4, 5, 6, 7]);
    b.dispose();
    expect(backend.numDataIds()).toBe(before);
  });

  it('keeps int32 and bool data, and strings through the stock kernel', () => {
    expect(Array.from(tf.clone(tf.tensor1d([7, -3], 'int32')).dataSync())).toEqual([7, -3]);
    expect(Array.from(tf.clone(tf.tensor1d([1, 0], 'bool')).dataSync())).toEqual([1, 0]);
    expect(tf.clone(tf.tensor1d(['x', 'yz'], 'string')).arraySync()).toEqual(['x', 'yz']);
  });

  it('gives the same gradients as the cpu backend through a bias add and relu', async () => {
    const f = () =>
      tf.tidy(() => {
        const x = tf.randomUniform([3, 4, 4, 2], -1, 1, 'float32', 5);
        const bias = tf.randomUniform([2], -1, 1, 'float32', 6);
        const g = tf.grads((xx: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.square(tf.relu(tf.add(xx, bb)))))([x, bias]);
        return g.map((t) => Array.from(t.dataSync()));
      });
    const wasm = f();
    await selectBackend({ force: 'cpu' });
    const cpu = f();
    await selectBackend({ force: 'wasm' });
    wasm.forEach((w, i) => w.forEach((v, k) => expect(Math.abs(v - cpu[i]![k]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(cpu[i]![k]!)))));
  });
});
