/**
 * The webgpu backend against the cpu backend / float64 references: products, conv/pool/relu gradients and a few
 * training steps of a small CNN. Runs wherever Dawn finds an adapter (CI installs Mesa lavapipe, a CPU Vulkan
 * driver; a GPU machine has its own) by forcing CONVERGENT_BACKEND=webgpu; elsewhere the suite is skipped with the
 * reason printed. Every read is `await data()`: webgpu in Node cannot read synchronously.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { probeWebgpu, selectBackend } from './select-backend.ts';

const probe = await probeWebgpu();
const reason = 'reason' in probe ? probe.reason : undefined;
// CI installs lavapipe and sets CONVERGENT_REQUIRE_WEBGPU=1: there a missing adapter is a failure, not a skip.
if (reason && process.env.CONVERGENT_REQUIRE_WEBGPU === '1') throw new Error(`CONVERGENT_REQUIRE_WEBGPU=1 but ${reason}`);
if (reason) console.warn(`webgpu parity tests skipped: ${reason}`);

type Grads = Float32Array[];

function relErr(a: Float32Array, b: Float32Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return Math.sqrt(num / Math.max(den, 1e-30));
}

/** Gradients of a conv → relu → max-pool → avg-pool → dense loss w.r.t. input and weights, on the current backend. */
async function networkGrads(seed: number): Promise<Grads> {
  const out = tf.tidy(() => {
    const x = tf.randomUniform([3, 12, 12, 2], -1, 1, 'float32', seed) as tf.Tensor4D;
    const w1 = tf.randomUniform([3, 3, 2, 5], -1, 1, 'float32', seed + 1) as tf.Tensor4D;
    const w2 = tf.randomUniform([3, 3, 5, 4], -1, 1, 'float32', seed + 2) as tf.Tensor4D;
    const wd = tf.randomUniform([3 * 3 * 4, 7], -1, 1, 'float32', seed + 3) as tf.Tensor2D;
    const r = tf.randomUniform([3, 7], -1, 1, 'float32', seed + 4);
    const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor, d: tf.Tensor) => {
      let h = tf.relu(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'));
      h = tf.maxPool(h as tf.Tensor4D, 2, 2, 'valid');
      h = tf.relu(tf.conv2d(h as tf.Tensor4D, c as tf.Tensor4D, [2, 2], 'same'));
      h = tf.avgPool(h as tf.Tensor4D, 1, 1, 'valid');
      return tf.sum(tf.mul(tf.matMul(h.reshape([3, -1]), d as tf.Tensor2D), r));
    };
    return tf.grads(f)([x, w1, w2, wd]);
  });
  const vals = await Promise.all(out.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(out);
  return vals;
}

/** Weights of a small CNN after `steps` Adam steps on fixed data, on the current backend. */
async function trainedWeights(steps: number): Promise<Float32Array[]> {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [10, 10, 1], filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  const optimizer = tf.train.adam(0.01);
  const x = tf.randomUniform([16, 10, 10, 1], 0, 1, 'float32', 7);
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0], 'int32'), 3);
  const vars = model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  for (let s = 0; s < steps; s++) {
    const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar, true, vars)!;
    await cost.data();
    cost.dispose();
  }
  const out = await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  return out;
}

describe.skipIf(reason !== undefined)('webgpu backend parity (forced CONVERGENT_BACKEND=webgpu)', () => {
  let gradsCpu: Grads;
  let weightsCpu: Float32Array[];

  beforeAll(async () => {
    await selectBackend({ force: 'cpu' });
    gradsCpu = await networkGrads(11);
    weightsCpu = await trainedWeights(5);
    const info = await selectBackend({ force: 'webgpu' });
    expect(info.name).toBe('webgpu');
  });

  afterAll(async () => {
    await selectBackend({ force: 'cpu' });
  });

  it('runs on webgpu, and a synchronous read is the error we work around', () => {
    expect(tf.getBackend()).toBe('webgpu');
    const t = tf.matMul(tf.ones([64, 64]), tf.ones([64, 64])); // big enough not to be forwarded to the cpu
    // If Dawn for Node ever gains OffscreenCanvas this starts failing: then `await data()` is no longer required.
    expect(() => t.dataSync()).toThrow(/OffscreenCanvas/);
    t.dispose();
  });

  it('matrix products equal float64 references', async () => {
    for (const [m, k, n] of [[7, 5, 3], [130, 257, 66], [512, 300, 128]] as const) {
      const a = tf.randomUniform([m, k], -1, 1, 'float32', m);
      const b = tf.randomUniform([k, n], -1, 1, 'float32', n);
      const [av, bv] = [(await a.data()) as Float32Array, (await b.data()) as Float32Array];
      const c = tf.matMul(a, b);
      const ct = tf.matMul(a, a, true, false); // Aᵀ A: the statistics pass's product shape
      const [cv, ctv] = [(await c.data()) as Float32Array, (await ct.data()) as Float32Array];
      tf.dispose([a, b, c, ct]);
      let worst = 0;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let c2 = 0; c2 < k; c2++) s += av[i * k + c2]! * bv[c2 * n + j]!;
          worst = Math.max(worst, Math.abs(cv[i * n + j]! - s));
        }
      }
      let worstT = 0;
      for (let i = 0; i < k; i += 7) {
        for (let j = 0; j < k; j += 5) {
          let s = 0;
          for (let r = 0; r < m; r++) s += av[r * k + i]! * av[r * k + j]!;
          worstT = Math.max(worstT, Math.abs(ctv[i * k + j]! - s));
        }
      }
      // float32 sums of k (or m) products of |v| ≤ 1.
      expect(worst).toBeLessThan(4e-7 * k * Math.sqrt(k));
      expect(worstT).toBeLessThan(4e-7 * m * Math.sqrt(m));
    }
  });

  it('conv, relu, max/avg-pool and dense gradients equal the cpu backend', async () => {
    const g = await networkGrads(11);
    expect(g.length).toBe(gradsCpu.length);
    for (let i = 0; i < g.length; i++) {
      expect(g[i]!.length).toBe(gradsCpu[i]!.length);
      expect(relErr(g[i]!, gradsCpu[i]!)).toBeLessThan(1e-5);
    }
  });

  it('five Adam steps of a small CNN land on the cpu backend’s weights', async () => {
    const w = await trainedWeights(5);
    for (let i = 0; i < w.length; i++) expect(relErr(w[i]!, weightsCpu[i]!)).toBeLessThan(1e-4);
  });
});

describe('webgpu selection', () => {
  it('forced webgpu either runs or fails with one error naming why; never a silent fallback', async () => {
    if (reason) {
      await expect(selectBackend({ force: 'webgpu' })).rejects.toThrow(/^CONVERGENT_BACKEND=webgpu: .+; unset CONVERGENT_BACKEND to use wasm$/);
    } else {
      const info = await selectBackend({ force: 'webgpu' });
      expect(info.name).toBe('webgpu');
      expect(info.detail).toMatch(/^@tensorflow\/tfjs-backend-webgpu on .+; products: /);
    }
    await selectBackend({ force: 'cpu' });
  });
});
