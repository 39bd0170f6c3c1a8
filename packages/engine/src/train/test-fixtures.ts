/**
 * Tiny synthetic image sets and a tiny architecture for fast tests (not used by product code paths).
 * Images of class k have a bright bar at row 2k; enough structure that a small net learns quickly.
 */
import type { ExperimentData } from '../experiment/experiment-data.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { validateArchitectureSpec } from '../spec/architecture-spec.ts';
import type { ImageSet } from './image-set.ts';
import { mulberry32 } from '../random/seeded-random.ts';

export function syntheticImages(count: number, seed: number, classes = 3, size = 8): ImageSet {
  const rand = mulberry32(seed);
  const images = new Uint8Array(count * size * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const k = i % classes;
    labels[i] = k;
    for (let p = 0; p < size * size; p++) images[i * size * size + p] = Math.floor(rand() * 60);
    const row = (2 * k + 1) % size;
    for (let x = 0; x < size; x++) images[i * size * size + row * size + x] = 200 + Math.floor(rand() * 55);
  }
  return { images, labels, count, shape: [size, size, 1], classes };
}

export function tinyArchitecture(options: { dropout?: boolean; batchnorm?: boolean; name?: string; filters?: number } = {}): ResolvedArchitecture {
  return validateArchitectureSpec({
    name: options.name ?? 'tiny',
    inputShape: [8, 8, 1],
    layers: [
      { type: 'conv', name: 'conv1', filters: options.filters ?? 4, kernel: 3, record: true },
      ...(options.batchnorm ? [{ type: 'batchnorm', name: 'bn1' }] : []),
      { type: 'maxpool', name: 'pool1', size: 2 },
      { type: 'flatten', name: 'flatten' },
      { type: 'dense', name: 'fc1', units: 6, record: true },
      ...(options.dropout ? [{ type: 'dropout', name: 'drop', rate: 0.3 }] : []),
      { type: 'dense', name: 'out', units: 3 },
    ],
  });
}

/**
 * The spec (not yet validated) of a two-recorded-layer architecture on 8x8x1 images: conv1 (recorded, `filters`) →
 * pool1 → flatten → fc1 (recorded, `fc1Units`) → out (3 classes).
 */
export function tinyArchitectureSpec(name: string, filters: number, fc1Units = 6) {
  return {
    name,
    inputShape: [8, 8, 1],
    layers: [
      { type: 'conv', name: 'conv1', filters, kernel: 3, record: true },
      { type: 'maxpool', name: 'pool1', size: 2 },
      { type: 'flatten', name: 'flatten' },
      { type: 'dense', name: 'fc1', units: fc1Units, record: true },
      { type: 'dense', name: 'out', units: 3 },
    ],
  };
}

/** A tiny experiment's data: 120 training, 30 validation and `probe` probe images (synthetic, seeds 1, 2, 3). */
export function tinyExperimentData(probe = 20): ExperimentData {
  return { name: 'synthetic', train: syntheticImages(120, 1), validation: syntheticImages(30, 2), probe: syntheticImages(probe, 3) };
}

/**
 * A tiny experiment's spec (not yet validated): the two tiny architectures × seeds 1 and 2, one epoch, on
 * `tinyExperimentData()`; it runs in seconds. `overrides` replace top-level fields.
 */
export function tinyExperimentSpec<O extends Record<string, unknown>>(overrides: O = {} as O) {
  return {
    name: 'tiny',
    dataset: 'synthetic',
    split: { seed: 1, validation: 30, probe: 20 },
    architectures: [tinyArchitectureSpec('tiny-a', 4), tinyArchitectureSpec('tiny-b', 3)],
    seeds: [1, 2],
    training: { epochs: 1, batchSize: 16, optimizer: 'adam', learningRate: 0.01 },
    methods: ['semi', 'max', 'mi', 'cka', 'sparse'],
    penalties: [0.05, 0.2],
    mi: { bins: 4, samples: 200 },
    ...overrides,
  };
}
