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
