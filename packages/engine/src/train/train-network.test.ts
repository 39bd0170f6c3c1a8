import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { buildModel } from '../spec/build-model.ts';
import { syntheticImages, tinyArchitecture } from './test-fixtures.ts';
import { type TrainOptions, trainNetwork } from './train-network.ts';
import { loadModel, saveModel } from './weights-io.ts';

const train = syntheticImages(96, 1);
const val = syntheticImages(30, 2);
const opts = { epochs: 2, batchSize: 16, optimizer: 'adam' as const, learningRate: 0.01 };
let tmp: string;

function weightBytes(model: tf.LayersModel): Uint8Array[] {
  return model.getWeights().map((w) => new Uint8Array((w.dataSync() as Float32Array).slice().buffer));
}

beforeAll(async () => {
  await selectBackend();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-train-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('buildModel', () => {
  it('initialises identically for the same seed and differently for another', () => {
    const spec = tinyArchitecture();
    const a = weightBytes(buildModel(spec, 7).model);
    const b = weightBytes(buildModel(spec, 7).model);
    const c = weightBytes(buildModel(spec, 8).model);
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(c[0]);
  });

  it('rejects a recorded layer that does not exist', () => {
    expect(() => buildModel(tinyArchitecture(), 1, { record: ['conv9'] })).toThrow(/recorded layer "conv9" does not exist/);
  });
});

describe('trainNetwork', () => {
  it('learns and is bit-identical for the same seed (dropout + batchnorm included)', async () => {
    const spec = tinyArchitecture({ dropout: true, batchnorm: true });
    const r1 = await trainNetwork(spec, 3, train, val, opts);
    const r2 = await trainNetwork(spec, 3, train, val, opts);
    const r3 = await trainNetwork(spec, 4, train, val, opts);
    expect(r1.metrics).toHaveLength(2);
    expect(r1.metrics[1]!.validationAccuracy).toBeGreaterThan(0.6);
    expect(weightBytes(r1.built.model)).toEqual(weightBytes(r2.built.model));
    expect(weightBytes(r1.built.model)[0]).not.toEqual(weightBytes(r3.built.model)[0]);
    expect(r1.metrics.map((m) => m.trainLoss)).toEqual(r2.metrics.map((m) => m.trainLoss));
  });

  it('follows training.dataOrder: shared orders depend on the family seed only, per-network orders on the network', async () => {
    const spec = tinyArchitecture();
    const run = (o: Partial<TrainOptions>) => trainNetwork(spec, 3, train, val, { ...opts, epochs: 1, ...o }).then((r) => weightBytes(r.built.model));
    const shared = await run({ dataOrderSeed: 1 });
    expect(await run({ dataOrder: 'shared', dataOrderSeed: 1 })).toEqual(shared); // shared is the default
    expect(await run({ dataOrderSeed: 2 })).not.toEqual(shared); // another family order → other weights
    const own = await run({ dataOrder: 'per-network', dataOrderSeed: 1 });
    expect(own).not.toEqual(shared);
    expect(await run({ dataOrder: 'per-network', dataOrderSeed: 2 })).toEqual(own); // the family seed plays no part
  });

  it('resumes from the epoch-1 checkpoint to the same weights as an uninterrupted run', async () => {
    const spec = tinyArchitecture({ dropout: true });
    const full = await trainNetwork(spec, 5, train, val, { ...opts, optimizer: 'momentum' });
    const dir = path.join(tmp, 'ckpt');
    await expect(trainNetwork(spec, 5, train, val, { ...opts, optimizer: 'momentum' }, { checkpointDir: dir, stopAfterEpoch: 1 })).rejects.toThrow(/stopped after epoch 1/);
    const resumed = await trainNetwork(spec, 5, train, val, { ...opts, optimizer: 'momentum' }, { checkpointDir: dir });
    expect(resumed.resumedFrom).toBe(1);
    expect(weightBytes(resumed.built.model)).toEqual(weightBytes(full.built.model));
    expect(resumed.metrics.map((m) => m.validationAccuracy)).toEqual(full.metrics.map((m) => m.validationAccuracy));
    // The per-step series continues across the resume: the same points as the uninterrupted run.
    expect(full.stepMetrics).toHaveLength(12); // 2 epochs × 6 batches ≤ 200 steps: one point per step
    expect(resumed.stepMetrics).toEqual(full.stepMetrics);
    await expect(trainNetwork(spec, 6, train, val, opts, { checkpointDir: dir })).rejects.toThrow(/checkpoint .* is for tiny seed 5/);
  });

  it('resumes Adam state exactly', async () => {
    const spec = tinyArchitecture();
    const full = await trainNetwork(spec, 9, train, val, { ...opts, epochs: 3 });
    const dir = path.join(tmp, 'ckpt-adam');
    await expect(trainNetwork(spec, 9, train, val, { ...opts, epochs: 3 }, { checkpointDir: dir, stopAfterEpoch: 2 })).rejects.toThrow();
    const resumed = await trainNetwork(spec, 9, train, val, { ...opts, epochs: 3 }, { checkpointDir: dir });
    expect(weightBytes(resumed.built.model)).toEqual(weightBytes(full.built.model));
  });

  it('keeps at most 200 per-step points, each the mean of K steps, continued across a resume inside a bucket', async () => {
    const spec = tinyArchitecture();
    // 96 samples / batch 2 = 48 steps an epoch; 5 epochs = 240 steps, K = 2: 120 points
    const o = { ...opts, batchSize: 2, epochs: 5, learningRate: 0.003 };
    const reports: number[] = [];
    const full = await trainNetwork(spec, 2, train, val, o, { progressInterval: 0, onProgress: (p) => p.stepMetrics && reports.push(p.stepMetrics.length) });
    expect(full.stepMetrics).toHaveLength(120);
    expect(full.stepMetrics.map((p) => p.step)).toEqual(Array.from({ length: 120 }, (_, i) => 2 * (i + 1)));
    expect(full.stepMetrics.at(-1)).toMatchObject({ step: 240, epoch: 5, samples: 5 * 96 });
    for (const p of full.stepMetrics) {
      expect(p.loss).toBeGreaterThan(0);
      expect(p.accuracy).toBeGreaterThanOrEqual(0);
      expect(p.accuracy).toBeLessThanOrEqual(1);
      expect([0, 0.25, 0.5, 0.75, 1]).toContain(p.accuracy); // 4 samples a bucket
    }
    // The epoch means are the means of that epoch's points (24 buckets of 2 equal batches each)
    for (const m of full.metrics) {
      const pts = full.stepMetrics.filter((p) => p.epoch === m.epoch);
      expect(pts).toHaveLength(24);
      expect(pts.reduce((s, p) => s + p.loss, 0) / pts.length).toBeCloseTo(m.trainLoss, 5);
      expect(pts.reduce((s, p) => s + p.accuracy, 0) / pts.length).toBeCloseTo(m.trainAccuracy, 10);
    }
    // Progress carried the growing series, ending with all of it
    expect(reports.at(-1)).toBe(120);
    expect(reports.every((n, i) => i === 0 || n > reports[i - 1]!)).toBe(true);
    // An odd epoch length puts the checkpoint inside a bucket: 90 samples / 2 = 45 steps an epoch, 225 steps, K = 2
    const odd = { ...train, count: 90 };
    const whole = await trainNetwork(spec, 2, odd, val, o);
    expect(whole.stepMetrics).toHaveLength(113);
    expect(whole.stepMetrics.at(-1)).toMatchObject({ step: 225, epoch: 5, samples: 450 });
    const dir = path.join(tmp, 'ckpt-steps');
    await expect(trainNetwork(spec, 2, odd, val, o, { checkpointDir: dir, stopAfterEpoch: 3 })).rejects.toThrow(/stopped after epoch 3/);
    const resumed = await trainNetwork(spec, 2, odd, val, o, { checkpointDir: dir });
    expect(resumed.resumedFrom).toBe(3);
    expect(resumed.stepMetrics).toEqual(whole.stepMetrics);
  });

  it('reports progress and stops on abort', async () => {
    const seen: number[] = [];
    const ctl = new AbortController();
    const p = trainNetwork(tinyArchitecture(), 1, train, val, { ...opts, batchSize: 4 }, {
      progressInterval: 0,
      onProgress: (pr) => {
        seen.push(pr.batch);
        expect(pr.samplesPerSecond).toBeGreaterThan(0);
        if (pr.batch === 3) ctl.abort();
      },
      signal: ctl.signal,
    });
    await expect(p).rejects.toThrow(/abort/i);
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('weights io', () => {
  it('round-trips model.json + weights.bin', async () => {
    const { model } = buildModel(tinyArchitecture({ dropout: true, batchnorm: true }), 11);
    const dir = path.join(tmp, 'model');
    await saveModel(model, dir);
    const json = JSON.parse(await fs.readFile(path.join(dir, 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['./weights.bin']);
    const loaded = await loadModel(dir);
    expect(weightBytes(loaded)).toEqual(weightBytes(model));
    const x = tf.randomUniform([2, 8, 8, 1], 0, 1, 'float32', 1);
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
  });
});
