import { describe, expect, it } from 'vitest';
import { invertible, randn, times } from '../../test/measure-data.ts';
import { pairMoments } from '../stats/moments.ts';
import { MeasureInputError, canonicalCorrelations, requireCcaSamples } from './cca.ts';

const stats = (a: Float64Array, b: Float64Array, n: number, p: number, q: number) => pairMoments(a, b, n, p, q, { products: 'js' });

describe('canonicalCorrelations (CCA from covariance blocks)', () => {
  it('one unit each: the single canonical correlation is |r|', () => {
    const n = 500;
    const x = randn(n, 1, 1);
    const e = randn(n, 1, 2);
    const y = x.map((v, i) => -0.6 * v + 0.8 * e[i]!);
    const pair = stats(x, y, n, 1, 1);
    const r = canonicalCorrelations(pair, { keepVariance: 1 });
    expect(r.correlations.length).toBe(1);
    expect(r.correlations[0]).toBeCloseTo(Math.abs(pair.rAB[0]!), 12);
  });

  it('two units vs one: the canonical correlation is the multiple correlation sqrt(rᵀ R_AA⁻¹ r)', () => {
    const n = 600;
    const x = randn(n, 2, 3);
    const e = randn(n, 1, 4);
    for (let i = 0; i < n; i++) x[i * 2 + 1] = 0.5 * x[i * 2]! + x[i * 2 + 1]!; // correlated inputs
    const y = Float64Array.from({ length: n }, (_, i) => x[i * 2]! - 0.7 * x[i * 2 + 1]! + e[i]!);
    const pair = stats(x, y, n, 2, 1);
    const [r11, r12, r22] = [pair.rAA[0]!, pair.rAA[1]!, pair.rAA[3]!];
    const [c1, c2] = [pair.rAB[0]!, pair.rAB[1]!];
    const det = r11 * r22 - r12 * r12;
    const multiple = Math.sqrt((r22 * c1 * c1 - 2 * r12 * c1 * c2 + r11 * c2 * c2) / det);
    expect(canonicalCorrelations(pair, { keepVariance: 1 }).correlations[0]).toBeCloseTo(multiple, 12);
  });

  it('B = A·M for an invertible M: every canonical correlation is 1', () => {
    const n = 300;
    const p = 6;
    const x = randn(n, p, 5);
    const y = times(x, invertible(p, 6), n, p, p);
    const r = canonicalCorrelations(stats(x, y, n, p, p), { keepVariance: 1 });
    expect(r.correlations.length).toBe(p);
    for (const c of r.correlations) expect(c).toBeCloseTo(1, 9);
  });

  it('refuses too few samples with the numbers and the fix', () => {
    expect(() => requireCcaSamples('SVCCA at fc1', 300, 128, 64)).toThrow(MeasureInputError);
    expect(() => requireCcaSamples('SVCCA at fc1', 300, 128, 64)).toThrow(
      'SVCCA at fc1 needs at least 2 × (p + q) = 384 samples for 128 + 64 units, but the statistics hold 300; record more probe images (or positions), or compare a layer with fewer units',
    );
    expect(() => requireCcaSamples('x', 384, 128, 64)).not.toThrow();
    const x = randn(20, 6, 1);
    expect(() => canonicalCorrelations(stats(x, x, 20, 6, 6), { keepVariance: 1 })).toThrow(/needs at least 2 × \(p \+ q\) = 24 samples/);
  });

  it('a side with no variance at all is an error, never NaN', () => {
    const n = 100;
    const x = new Float64Array(n * 2).fill(3);
    const y = randn(n, 2, 8);
    expect(() => canonicalCorrelations(stats(x, y, n, 2, 2), { keepVariance: 1, what: 'PWCCA' })).toThrow('PWCCA is undefined: every unit of A has zero variance on these samples');
  });
});
