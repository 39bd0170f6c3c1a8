import { describe, expect, it } from 'vitest';
import { validateExperimentSpec } from './experiment-spec.ts';
import { SpecError } from '../spec/json-checks.ts';

const base = {
  name: 'demo',
  dataset: 'fashion-mnist',
  split: { seed: 1, validation: 100, probe: 50 },
  architectures: ['lenet', 'lenet-x2'],
  seeds: [1, 2, 3, 4],
  training: { epochs: 1, batchSize: 64, optimizer: 'adam', learningRate: 0.002 },
};

describe('validateExperimentSpec: seeds per architecture', () => {
  it('keeps per-architecture seeds and defaults to none', () => {
    expect(validateExperimentSpec(base).seedsByArchitecture).toEqual({});
    const spec = validateExperimentSpec({ ...base, seedsByArchitecture: { 'lenet-x2': [7] } });
    expect(spec.seedsByArchitecture).toEqual({ 'lenet-x2': [7] });
    expect(spec.seeds).toEqual([1, 2, 3, 4]);
  });

  it('names the JSON path of an unknown architecture or a repeated seed', () => {
    expect(() => validateExperimentSpec({ ...base, seedsByArchitecture: { 'lenet-x3': [1] } })).toThrow(/seedsByArchitecture.*lenet-x3|lenet-x3.*names no architecture/);
    try {
      validateExperimentSpec({ ...base, seedsByArchitecture: { lenet: [2, 2] } });
      expect.unreachable();
    } catch (err) {
      expect(JSON.stringify((err as { errors?: unknown }).errors ?? (err as Error).message)).toMatch(/must not repeat a seed/);
    }
  });
});

describe('validateExperimentSpec: methods, knn and stitch', () => {
  it('defaults to the paper’s six methods; "all" expands to every method; knn and stitch get defaults', () => {
    const spec = validateExperimentSpec(base);
    expect(spec.methods).toEqual(['semi', 'max', 'mi', 'cka', 'sparse', 'spectral']);
    expect(spec.knn).toEqual({ k: 10, metric: 'euclidean' });
    expect(spec.stitch).toEqual({ penalty: 0.01, images: 1000 });
    const all = validateExperimentSpec({ ...base, methods: ['all'], penalties: [0.2, 0.05], stitch: { layers: ['fc1'] } });
    expect(all.methods).toEqual(['semi', 'max', 'mi', 'cka', 'sparse', 'spectral', 'svcca', 'pwcca', 'procrustes', 'knn', 'consensus', 'stitch']);
    expect(all.stitch).toEqual({ layers: ['fc1'], penalty: 0.05, images: 1000 });
    expect(validateExperimentSpec({ ...base, methods: ['knn', 'semi'], knn: { k: 5, metric: 'cosine' } })).toMatchObject({ methods: ['semi', 'knn'], knn: { k: 5, metric: 'cosine' } });
  });

  it('names the JSON path of bad knn and stitch settings', () => {
    expect(() => validateExperimentSpec({ ...base, methods: ['svca'], knn: { k: 0, metric: 'manhattan', extra: 1 }, stitch: { penalty: -1, images: 2.5, layers: [] } })).toThrow(
      /methods\[0\] must be one of .*svcca.*consensus, stitch, all \(got "svca"\).*knn\.extra is not a known field.*knn\.k must be a positive integer.*knn\.metric must be one of euclidean, cosine.*stitch\.layers must not be empty.*stitch\.penalty must be ≥ 0.*stitch\.images must be a positive integer/,
    );
  });
});

describe('validateExperimentSpec: training.dataOrder', () => {
  it('defaults to shared and accepts per-network', () => {
    expect(validateExperimentSpec(base).training.dataOrder).toBe('shared');
    expect(validateExperimentSpec({ ...base, training: { ...base.training, dataOrder: 'per-network' } }).training.dataOrder).toBe('per-network');
  });

  it('names the JSON path of a bad value', () => {
    expect(() => validateExperimentSpec({ ...base, training: { ...base.training, dataOrder: 'random' } })).toThrow(/training\.dataOrder must be one of shared, per-network \(got "random"\)/);
  });
});

function errorsOf(spec: unknown): string[] {
  try {
    validateExperimentSpec(spec);
  } catch (err) {
    expect(err).toBeInstanceOf(SpecError);
    return (err as SpecError).errors;
  }
  return [];
}

describe('validateExperimentSpec: JSON paths through unions and nested specs', () => {
  const inline = { name: 'mine', inputShape: [28, 28, 1], layers: [{ type: 'conv', filters: 4, kernel: 3 }, { type: 'flatten' }, { type: 'dense', units: 8 }, { type: 'dense', units: 0 }] };

  it('names the path inside an inline architecture, and tells a bad preset from a value of the wrong kind', () => {
    expect(errorsOf({ ...base, architectures: ['lenet', inline] })).toEqual(['architectures[1].layers[3].units must be a positive integer']);
    expect(errorsOf({ ...base, architectures: [42, 'lenet-x3'] })).toEqual([
      'architectures[0] must be a preset name (lenet, lenet-x0.5, lenet-x1, lenet-x2, lenet-deep, rescnn, rescnn-x2, mlp, mlp-x2) or an inline architecture spec object',
      'architectures[1] "lenet-x3" is not a preset; use one of lenet, lenet-x0.5, lenet-x1, lenet-x2, lenet-deep, rescnn, rescnn-x2, mlp, mlp-x2 or an inline spec',
    ]);
    const resolved = validateExperimentSpec({ ...base, architectures: ['lenet', { ...inline, layers: inline.layers.map((l, i) => (i === 3 ? { ...l, units: 10 } : l)) }] });
    expect(resolved.architectures[1]).toMatchObject({ name: 'mine', inputShape: [28, 28, 1] });
  });

  it('follows the dataset form the value is meant as', () => {
    expect(errorsOf({ ...base, dataset: { idx: { images: 1, labels: 'l' } } })).toEqual(['dataset.idx.images must be a non-empty string']);
    expect(errorsOf({ ...base, dataset: { npy: { images: 'i', labels: 'l' }, nmae: 'x' } })).toEqual(['dataset.nmae is not a known field (known: npy, name)']);
    const either = 'dataset must be a built-in name (fashion-mnist, mnist) or { "npy": { "images", "labels" } } / { "idx": { "images", "labels" } }';
    expect(errorsOf({ ...base, dataset: { foo: 1 } })).toEqual([either]);
    expect(errorsOf({ ...base, dataset: 5 })).toEqual([either]);
    expect(errorsOf({ ...base, dataset: '' })).toEqual(['dataset must be a non-empty string']);
  });

  it('lists unknown fields first, then cross-field rules, all in one go; a non-object names the root', () => {
    expect(errorsOf({ ...base, nmae: 'x', seeds: [1, 1], training: { ...base.training, epocs: 2, batchSize: 0 } })).toEqual([
      'nmae is not a known field (known: name, dataset, split, architectures, seeds, seedsByArchitecture, training, record, methods, knn, stitch, penalties, clusters, mi, chance, dump, $schema, description)',
      'training.epocs is not a known field (known: epochs, batchSize, optimizer, learningRate, momentum, trainLimit, dataOrder)',
      'training.batchSize must be a positive integer ≤ 8192',
      'seeds must not repeat a seed',
    ]);
    expect(errorsOf([1])).toEqual(['(experiment spec) must be an object']);
    expect(errorsOf({ ...base, seedsByArchitecture: [1] })).toEqual(['seedsByArchitecture must be an object']);
  });
});
