import { describe, expect, it } from 'vitest';
import { measureCases } from '../../test/measure-fixtures.ts';
import { invertible, permuteColumns, randn, scaleShift, shuffled, times } from '../../test/measure-data.ts';
import { pairMoments } from '../stats/moments.ts';
import { pwcca } from './pwcca.ts';

const stats = (a: Float64Array, b: Float64Array, n: number, p: number, q: number) => pairMoments(a, b, n, p, q, { products: 'js' });

describe('pwcca', () => {
  it('equals the numpy reference (google/svcca-style projection weighting on centred data) on every fixture case', () => {
    for (const c of measureCases) {
      const r = pwcca(stats(Float64Array.from(c.a), Float64Array.from(c.b), c.n, c.p, c.q));
      expect(Math.abs(r.weighted - c.pwcca), c.name).toBeLessThan(1e-9);
      expect(Math.abs(r.mean - c.ccaMean), c.name).toBeLessThan(1e-9);
      expect(r.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    }
  });

  it('B = A·M for an invertible M gives 1; invariant to invertible maps of B and to scaling/permuting A', () => {
    const n = 400;
    const p = 8;
    const x = randn(n, p, 31);
    expect(pwcca(stats(x, times(x, invertible(p, 32), n, p, p), n, p, p)).weighted).toBeCloseTo(1, 9);
    const noise1 = randn(n, 6, 34);
    const y = times(x, randn(p, 6, 33), n, p, 6).map((v, i) => v + 1.5 * noise1[i]!);
    const base = pwcca(stats(x, y, n, p, 6)).weighted;
    expect(base).toBeGreaterThan(0.3);
    expect(base).toBeLessThan(0.99);
    expect(pwcca(stats(x, times(y, invertible(6, 35), n, 6, 6), n, p, 6)).weighted).toBeCloseTo(base, 9);
    expect(pwcca(stats(permuteColumns(scaleShift(x, 3, 1), n, p, shuffled(p, 36)), y, n, p, 6)).weighted).toBeCloseTo(base, 9);
  });

  it('weights favour the canonical variates that carry A: a shared strong direction outweighs weak ones', () => {
    // A: unit 0 large variance shared with B; units 1..3 small independent noise, B unrelated there.
    const n = 600;
    const z = randn(n, 1, 41);
    const x = randn(n, 4, 42).map((v, i) => (i % 4 === 0 ? 10 * z[Math.floor(i / 4)]! + 0.1 * v : 0.3 * v));
    const y = randn(n, 4, 43).map((v, i) => (i % 4 === 0 ? z[Math.floor(i / 4)]! + 0.05 * v : v));
    const r = pwcca(stats(x, y, n, 4, 4));
    expect(r.weights[0]).toBeGreaterThan(0.7);
    expect(r.weighted).toBeGreaterThan(r.mean);
  });
});
