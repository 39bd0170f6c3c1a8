import { describe, expect, it } from 'vitest';
import { hasConvergence, headlineRows, splitRows, type LayerConvergenceLike } from './convergence-rows.ts';

const stats = (pairCount: number, mean: number | null, std = 0.05, min = mean, max = mean) => ({ pairCount, mean, std, min: min, max: max });

const max: LayerConvergenceLike[] = [
  { layer: 'fc1', all: stats(6, 0.5), sameArchitecture: stats(2, 0.6), crossArchitecture: stats(4, 0.45), chance: { value: 0.2 } },
  { layer: 'conv1', all: stats(6, 0.8, 0.1, 0.7, 0.95), sameArchitecture: stats(2, 0.85), crossArchitecture: stats(4, 0.77), chance: { value: 0.3 } },
];
const semi: LayerConvergenceLike[] = [
  { layer: 'conv1', all: stats(6, 0.85), sameArchitecture: stats(2, 0.9), crossArchitecture: stats(4, 0.8), chance: null },
];

describe('headline rows', () => {
  it('joins semi and max by layer in the experiment’s layer order', () => {
    const rows = headlineRows(['conv1', 'conv2', 'fc1'], max, semi);
    expect(rows.map((r) => r.layer)).toEqual(['conv1', 'fc1']);
    expect(rows[0]).toMatchObject({ max: 0.8, semi: 0.85, chanceMax: 0.3, chanceSemi: null, pairs: 6, maxStd: 0.1 });
    expect(rows[0]!.maxSpread![0]).toBeCloseTo(0.1);
    expect(rows[0]!.maxSpread![1]).toBeCloseTo(0.15);
    expect(rows[1]).toMatchObject({ max: 0.5, semi: null });
    expect(hasConvergence(rows)).toBe(true);
  });

  it('layers missing from the order are appended; no pairs means nothing to plot', () => {
    expect(headlineRows([], max, []).map((r) => r.layer)).toEqual(['fc1', 'conv1']);
    expect(hasConvergence(headlineRows(['a'], [{ layer: 'a', all: stats(0, null), sameArchitecture: stats(0, null), crossArchitecture: stats(0, null) }], []))).toBe(false);
  });
});

describe('split rows (same vs cross architecture)', () => {
  it('carries both groups with their pair counts and the chance level', () => {
    const rows = splitRows(['conv1', 'fc1'], max);
    expect(rows[0]).toEqual({ layer: 'conv1', same: 0.85, sameStd: 0.05, samePairs: 2, cross: 0.77, crossStd: 0.05, crossPairs: 4, chance: 0.3 });
    expect(rows[1]!.layer).toBe('fc1');
  });
});
