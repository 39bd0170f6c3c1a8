import { describe, expect, it } from 'vitest';
import { networkValuesBootstrap, quantileSorted } from './uncertainty.ts';

const same = () => 'arch';

describe('networkValuesBootstrap (per-network figures, the same network resampler)', () => {
  it('matches the exact bootstrap law of 3 networks (all 27 draws enumerated)', () => {
    const v = [0.1, 0.5, 0.9];
    const exact: number[] = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) for (let z = 0; z < 3; z++) exact.push((v[x]! + v[y]! + v[z]!) / 3);
    exact.sort((a, b) => a - b);
    const r = networkValuesBootstrap(v.map((value, i) => ({ network: `n${i}`, value })), { groupOf: same, seed: 5, resamples: 40000, level: 0.8 });
    expect(r.mean).toBeCloseTo(0.5, 12);
    expect(r.networks).toEqual({ arch: 3 });
    // The exact law is discrete (steps of 0.1333); the Monte Carlo 10% and 90% quantiles land on or next to its values.
    expect(r.ci!.low).toBeCloseTo(quantileSorted(exact, 0.1), 1);
    expect(r.ci!.high).toBeCloseTo(quantileSorted(exact, 0.9), 1);
    const lowShare = exact.filter((e) => e < r.ci!.low - 1e-12).length / exact.length;
    const highShare = exact.filter((e) => e > r.ci!.high + 1e-12).length / exact.length;
    expect(lowShare).toBeLessThanOrEqual(0.1 + 0.02);
    expect(highShare).toBeLessThanOrEqual(0.1 + 0.02);
  });

  it('stratifies by architecture: constant values per architecture give a zero-width interval', () => {
    const values = [
      ...[0, 1, 2].map((i) => ({ network: `a${i}`, value: 0.2 })),
      ...[0, 1, 2, 3].map((i) => ({ network: `b${i}`, value: 0.6 })),
    ];
    const r = networkValuesBootstrap(values, { groupOf: (n) => n[0]!, seed: 1, resamples: 500 });
    // every replicate draws 3 of a and 4 of b: the mean is always (3·0.2 + 4·0.6) / 7
    expect(r.ci!.low).toBeCloseTo(3 / 7, 12);
    expect(r.ci!.high).toBeCloseTo(3 / 7, 12);
  });

  it('gives no interval with fewer than 3 networks, and refuses a network listed twice or a NaN', () => {
    const r = networkValuesBootstrap([{ network: 'x', value: 1 }, { network: 'y', value: 0 }], { groupOf: same });
    expect(r.ci).toBeNull();
    expect(r.reason).toBe('needs at least 3 networks per architecture; have 2 of arch');
    expect(() => networkValuesBootstrap([{ network: 'x', value: 1 }, { network: 'x', value: 0 }], { groupOf: same })).toThrow(/listed twice/);
    expect(() => networkValuesBootstrap([{ network: 'x', value: Number.NaN }], { groupOf: same })).toThrow(/non-finite/);
  });
});
