import { describe, expect, it } from 'vitest';
import { validateExperimentSpec } from './experiment-spec.ts';

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
