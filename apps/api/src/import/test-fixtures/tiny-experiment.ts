/**
 * A tiny experiment (8x8 synthetic images, two small architectures x two seeds, one epoch) that the
 * engine runs in seconds: the result directory the import and job tests work on.
 */
import type { ExperimentData } from '@convergent/engine/steps';
import { syntheticImages } from '@convergent/engine/testing';

export function tinyData(): ExperimentData {
  return { name: 'synthetic', train: syntheticImages(120, 1), validation: syntheticImages(30, 2), probe: syntheticImages(20, 3) };
}

/** conv1 (recorded) → pool → fc1 (recorded) → out, on 8x8x1 images. */
export const tinyArch = (name: string, filters: number, fc1Units = 6) => ({
  name,
  inputShape: [8, 8, 1],
  layers: [
    { type: 'conv', name: 'conv1', filters, kernel: 3, record: true },
    { type: 'maxpool', name: 'pool1', size: 2 },
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc1', units: fc1Units, record: true },
    { type: 'dense', name: 'out', units: 3 },
  ],
});

export function tinySpec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'tiny',
    dataset: 'synthetic',
    split: { seed: 1, validation: 30, probe: 20 },
    architectures: [tinyArch('tiny-a', 4), tinyArch('tiny-b', 3)],
    seeds: [1, 2],
    training: { epochs: 1, batchSize: 16, optimizer: 'adam', learningRate: 0.01 },
    // Spectral clustering joins once the engine ships it (spectral-pair.ts); the importer handles it.
    methods: ['semi', 'max', 'mi', 'cka', 'sparse'],
    penalties: [0.05, 0.2],
    mi: { bins: 4, samples: 200 },
    ...overrides,
  };
}
