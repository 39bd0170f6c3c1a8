import { describe, expect, it } from 'vitest';
import { measureCases } from '../../test/measure-fixtures.ts';
import { lowRank, orthogonal, permuteColumns, randn, scaleShift, shuffled, times } from '../../test/measure-data.ts';
import { pairMoments } from '../stats/moments.ts';
import { svcca } from './svcca.ts';

const stats = (a: Float64Array, b: Float64Array, n: number, p: number, q: number) => pairMoments(a, b, n, p, q, { products: 'js' });

describe('svcca', () => {
  it('equals the numpy reference (SVD of the centred data, QR-based CCA) on every fixture case', () => {
    for (const c of measureCases) {
      const r = svcca(stats(Float64Array.from(c.a), Float64Array.from(c.b), c.n, c.p, c.q));
      expect(r.keptA, c.name).toBe(c.svccaKeptA);
      expect(r.keptB, c.name).toBe(c.svccaKeptB);
      expect(Math.abs(r.mean - c.svcca), c.name).toBeLessThan(1e-10);
    }
  });

  it('is invariant to orthogonal transforms, isotropic scaling, shifts and permutations of either side', () => {
    const n = 400;
    const p = 10;
    const q = 8;
    const x = randn(n, p, 11);
    const noise1 = randn(n, q, 13);
    const y = times(x, randn(p, q, 12), n, p, q).map((v, i) => v + 2 * noise1[i]!);
    const base = svcca(stats(x, y, n, p, q)).mean;
    const xr = times(x, orthogonal(p, 14), n, p, p);
    const yp = permuteColumns(scaleShift(y, 7.5, -3), n, q, shuffled(q, 15));
    expect(svcca(stats(xr, yp, n, p, q)).mean).toBeCloseTo(base, 10);
    expect(svcca(stats(scaleShift(x, 0.01, 5), y, n, p, q)).mean).toBeCloseTo(base, 10);
    expect(svcca(stats(y, x, n, q, p)).mean).toBeCloseTo(base, 10);
  });

  it('planted: B an invertible map of A on exact low-rank data gives 1; unrelated data gives a low value', () => {
    const n = 500;
    const p = 12;
    const x = lowRank(n, p, 4, 21);
    const y = times(x, randn(p, p, 22).map((v, i) => v + (i % (p + 1) === 0 ? 2 : 0)), n, p, p);
    const r = svcca(stats(x, y, n, p, p));
    expect(r.keptA).toBeLessThanOrEqual(4);
    expect(r.mean).toBeCloseTo(1, 8);
    const noise = svcca(stats(randn(n, p, 23), randn(n, p, 24), n, p, p));
    expect(noise.mean).toBeLessThan(0.25);
  });

  it('keeps 99% of the variance: the kept directions explain at least that share, one fewer would not', () => {
    const c = measureCases[0]!;
    const r = svcca(stats(Float64Array.from(c.a), Float64Array.from(c.b), c.n, c.p, c.q));
    expect(r.explainedA).toBeGreaterThanOrEqual(0.99);
    expect(r.explainedB).toBeGreaterThanOrEqual(0.99);
    expect(r.keptA).toBeLessThanOrEqual(c.p);
    expect(r.correlations.length).toBe(Math.min(r.keptA, r.keptB));
  });
});
