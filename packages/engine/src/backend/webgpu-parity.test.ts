/**
 * The webgpu backend against the cpu backend / float64 references: products, conv/pool/relu gradients and a few
 * training steps of a small CNN. Runs wherever Dawn finds an adapter (CI installs Mesa lavapipe, a CPU Vulkan
 * driver; a GPU machine has its own) by forcing CONVERGENT_BACKEND=webgpu; elsewhere the suite is skipped with the
 * reason printed. Every read is `await data()`: webgpu in Node cannot read synchronously.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { probeWebgpu, selectBackend } from './select-backend.ts';
import { networkGrads, productErrors, relErr, trainedWeights, PARITY_LIMITS, type Grads } from './parity-cases.ts';

const probe = await probeWebgpu();
const reason = 'reason' in probe ? probe.reason : undefined;
// CI installs lavapipe and sets CONVERGENT_REQUIRE_WEBGPU=1: there a missing adapter is a failure, not a skip.
if (reason && process.env.CONVERGENT_REQUIRE_WEBGPU === '1') throw new Error(`CONVERGENT_REQUIRE_WEBGPU=1 but ${reason}`);
if (reason) console.warn(`webgpu parity tests skipped: ${reason}`);

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
    const e = await productErrors();
    expect(e.ab).toBeLessThan(PARITY_LIMITS.product);
    expect(e.ata).toBeLessThan(PARITY_LIMITS.product);
  });

  it('conv, relu, max/avg-pool and dense gradients equal the cpu backend', async () => {
    const g = await networkGrads(11);
    expect(g.length).toBe(gradsCpu.length);
    for (let i = 0; i < g.length; i++) {
      expect(g[i]!.length).toBe(gradsCpu[i]!.length);
      expect(relErr(g[i]!, gradsCpu[i]!)).toBeLessThan(PARITY_LIMITS.gradients);
    }
  });

  it('five Adam steps of a small CNN land on the cpu backend’s weights', async () => {
    const w = await trainedWeights(5);
    for (let i = 0; i < w.length; i++) expect(relErr(w[i]!, weightsCpu[i]!)).toBeLessThan(PARITY_LIMITS.training);
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
