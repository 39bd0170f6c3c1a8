import { describe, expect, it } from 'vitest';
import { methodOption, OPTIONS, toFigure, warnings } from './overview-methods.ts';

const base = { nLive: 90, nTotal: 128, includesDead: false, pValue: 0.01, nPermutations: 9999, all: { pairCount: 3 }, verdictReason: '' };

describe('overview methods', () => {
  it('offers every figure the issue names, with unique URL ids, and falls back to max matching', () => {
    const ids = OPTIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['max', 'semi', 'mi', 'cka', 'cka-debiased', 'sparse', 'sparse-held-out', 'spectral', 'svcca', 'pwcca', 'procrustes', 'knn']) expect(ids).toContain(id);
    expect(methodOption('nonsense').id).toBe('max');
    expect(methodOption(null).id).toBe('max');
    expect(methodOption('sparse-held-out').variant).toBe('HELD_OUT');
    // Lower is better for FVU (served as variance explained, so flipped back) and the Procrustes distance (served as is).
    expect(OPTIONS.filter((o) => o.direction === 'lower').map((o) => o.method)).toEqual(['SPARSE', 'SPARSE', 'PROCRUSTES']);
    expect(OPTIONS.filter((o) => o.flipped).map((o) => o.method)).toEqual(['SPARSE', 'SPARSE']);
  });

  it('turns an interval into error-bar offsets around the mean', () => {
    const f = toFigure('fc1', { mean: 0.74, ci: { low: 0.706, high: 0.764 }, matchedChance: { mean: 0.438 }, shuffledNull: { mean: 0.466 } }, methodOption('max'));
    expect(f.mean).toBe(0.74);
    expect(f.ciOffsets![0]).toBeCloseTo(0.034, 12);
    expect(f.ciOffsets![1]).toBeCloseTo(0.024, 12);
    expect(f.chance).toBe(0.438);
    expect(f.shuffled).toBe(0.466);
    expect(f.ciReason).toBeNull();
  });

  it('flips the served variance explained back to FVU (lower is better), interval ends swapped', () => {
    const f = toFigure('fc1', { mean: 0.7, ci: { low: 0.6, high: 0.8 }, matchedChance: { mean: 0.2 } }, methodOption('sparse-held-out'));
    expect(f.mean).toBeCloseTo(0.3, 12);
    expect(f.low).toBeCloseTo(0.2, 12);
    expect(f.high).toBeCloseTo(0.4, 12);
    expect(f.chance).toBeCloseTo(0.8, 12);
  });

  it('names a missing interval with its reason, and says when trained is at or below chance', () => {
    const f = toFigure('conv1', { mean: 0.805, ci: null, ciReason: 'needs at least 3 networks per architecture; have 1 of lenet-x2' }, methodOption('cka'));
    expect(f.ciOffsets).toBeNull();
    expect(f.ciReason).toContain('needs at least 3');
    const w = warnings(
      [
        { ...base, layer: 'conv1', mean: 0.737, ci: null, ciReason: 'needs at least 3 networks', matchedChance: { mean: 0.753 }, atOrBelowChance: true, verdict: 'AT_OR_BELOW_CHANCE' },
        { ...base, layer: 'fc1', mean: 0.9, ci: { low: 0.85, high: 0.95 }, matchedChance: { mean: 0.5 }, atOrBelowChance: false, verdict: 'ABOVE_CHANCE' },
      ],
      methodOption('cka'),
    );
    expect(w).toHaveLength(2);
    expect(w[0]).toContain('conv1: the trained figure (0.737) is at or below its matched chance (0.753)');
    expect(w[1]).toBe('conv1: no interval — needs at least 3 networks.');
  });
});
