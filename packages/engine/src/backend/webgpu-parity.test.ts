/**
 * The webgpu backend against the cpu backend / float64 references: products, conv/pool/relu gradients and a few
 * training steps of a small CNN. Runs wherever Dawn finds an adapter (CI installs Mesa lavapipe, a CPU Vulkan
 * driver; a GPU machine has its own) by forcing CONVERGENT_BACKEND=webgpu; elsewhere the suite is skipped with the
 * reason printed. Every read is `await data()`: webgpu in Node cannot read synchronously.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { validateResultDirectory } from '../experiment/manifest.ts';
import { runExperiment } from '../experiment/run-experiment.ts';
import { syntheticImages } from '../train/test-fixtures.ts';
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

describe.skipIf(reason !== undefined)('experiment run on webgpu (CONVERGENT_BACKEND=webgpu)', () => {
  let tmp: string;
  const before = process.env.CONVERGENT_BACKEND;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-webgpu-run-'));
    process.env.CONVERGENT_BACKEND = 'webgpu';
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.CONVERGENT_BACKEND;
    else process.env.CONVERGENT_BACKEND = before;
    await selectBackend({ force: 'cpu' });
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('trains, records and aligns a small family, and the manifest says webgpu', async () => {
    const arch = {
      name: 'tiny',
      inputShape: [8, 8, 1],
      layers: [
        { type: 'conv', name: 'conv1', filters: 4, kernel: 3, record: true },
        { type: 'maxpool', name: 'pool1', size: 2 },
        { type: 'flatten', name: 'flatten' },
        { type: 'dense', name: 'fc1', units: 6, record: true },
        { type: 'dense', name: 'out', units: 3 },
      ],
    };
    const spec = {
      name: 'tiny-webgpu',
      dataset: 'synthetic',
      split: { seed: 1, validation: 16, probe: 16 },
      architectures: [arch],
      seeds: [1, 2],
      training: { epochs: 1, batchSize: 16, optimizer: 'adam', learningRate: 0.01 },
      methods: ['max', 'cka'],
    };
    const data = { name: 'synthetic', train: syntheticImages(48, 1), validation: syntheticImages(16, 2), probe: syntheticImages(16, 3) };
    const out = path.join(tmp, 'result');
    const { manifest } = await runExperiment(spec, { out, data, concurrency: 1 });
    expect(manifest.backend.name).toBe('webgpu');
    const trained = manifest.networks.filter((n) => n.role === 'trained');
    expect(trained).toHaveLength(2);
    for (const n of trained) {
      expect(n.metrics).toHaveLength(1);
      expect(Number.isFinite(n.metrics[0]!.trainLoss)).toBe(true);
    }
    const between = manifest.alignments.filter((a) => a.kind === 'between');
    expect(between.map((a) => a.layer).sort()).toEqual(['conv1', 'fc1']);
    for (const a of between) {
      expect(a.max!.mean).toBeGreaterThan(-1);
      expect(a.max!.mean).toBeLessThanOrEqual(1);
      expect(Number.isFinite(a.cka!.linear)).toBe(true);
    }
    await validateResultDirectory(out);
  }, 600_000);
});
