import { describe, expect, it } from 'vitest';
import { measureCases } from '../../test/measure-fixtures.ts';
import { orthogonal, permuteColumns, randn, scaleShift, shuffled, times } from '../../test/measure-data.ts';
import { CrossMomentAccumulator } from '../stats/cross-moments.ts';
import { pairMoments } from '../stats/moments.ts';
import { nuclearNorm, procrustes } from './procrustes.ts';

const stats = (a: Float64Array, b: Float64Array, n: number, p: number, q: number) => pairMoments(a, b, n, p, q, { products: 'js' });

describe('procrustes', () => {
  it('equals numpy (SVD nuclear norm of the normalised data) on every fixture case', () => {
    for (const c of measureCases) {
      const r = procrustes(stats(Float64Array.from(c.a), Float64Array.from(c.b), c.n, c.p, c.q));
      expect(Math.abs(r.distance - c.procrustes), c.name).toBeLessThan(1e-10);
      expect(Math.abs(r.angular - c.procrustesAngular), c.name).toBeLessThan(1e-8);
    }
  });

  it('the cross-only statistics (Σ_AB and per-unit variances) give the same distance on every fixture case', () => {
    for (const c of measureCases) {
      const acc = new CrossMomentAccumulator(c.p, c.q, { products: 'js' });
      const rows = new Float32Array(c.n * (c.p + c.q));
      for (let i = 0; i < c.n; i++) {
        for (let j = 0; j < c.p; j++) rows[i * (c.p + c.q) + j] = c.a[i * c.p + j]!;
        for (let j = 0; j < c.q; j++) rows[i * (c.p + c.q) + c.p + j] = c.b[i * c.q + j]!;
      }
      acc.update(rows, c.n);
      const viaCross = procrustes(acc.finalize());
      expect(Math.abs(viaCross.distance - c.procrustes), c.name).toBeLessThan(1e-5);
      expect(Math.abs(viaCross.distance - procrustes(stats(Float64Array.from(c.a), Float64Array.from(c.b), c.n, c.p, c.q)).distance), c.name).toBeLessThan(1e-5);
    }
  });

  it('2×2 brute force: the nuclear norm is sqrt(‖M‖²_F + 2|det M|)', () => {
    for (let seed = 0; seed < 5; seed++) {
      const m = randn(2, 2, 50 + seed);
      const fro = m.reduce((s, v) => s + v * v, 0);
      const det = m[0]! * m[3]! - m[1]! * m[2]!;
      expect(nuclearNorm(m, 2, 2)).toBeCloseTo(Math.sqrt(fro + 2 * Math.abs(det)), 12);
    }
    // Rectangular: a 1 × 3 matrix has one singular value, its length.
    expect(nuclearNorm(Float64Array.of(3, 0, 4), 1, 3)).toBeCloseTo(5, 12);
    expect(nuclearNorm(Float64Array.of(3, 0, 4), 3, 1)).toBeCloseTo(5, 12);
  });

  it('0 for B = A·Q (Q orthogonal), also under scaling and shifts; invariant to orthogonal maps and permutations', () => {
    const n = 300;
    const p = 7;
    const x = randn(n, p, 61);
    const q = orthogonal(p, 62);
    expect(procrustes(stats(x, scaleShift(times(x, q, n, p, p), 4, 2), n, p, p)).distance).toBeLessThan(1e-10);
    const noise1 = randn(n, p, 63);
    const y = x.map((v, i) => v + noise1[i]!);
    const base = procrustes(stats(x, y, n, p, p)).distance;
    expect(base).toBeGreaterThan(0.05);
    const moved = procrustes(stats(times(x, orthogonal(p, 64), n, p, p), permuteColumns(scaleShift(y, 0.2), n, p, shuffled(p, 65)), n, p, p));
    expect(moved.distance).toBeCloseTo(base, 10);
  });

  it('zero-pads the narrower side: a copy of A plus extra independent units is at the distance the padding predicts', () => {
    // B = [A, E] with E independent of A and ‖E‖_F = ‖A‖_F: nuclear norm ‖AᵀB‖_* = ‖AᵀA‖_* / (‖A‖‖B‖) ≈ 1/√2.
    const n = 20000;
    const p = 3;
    const x = randn(n, p, 71);
    const e = randn(n, p, 72);
    const b = new Float64Array(n * 2 * p);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) {
      b[i * 2 * p + j] = x[i * p + j]!;
      b[i * 2 * p + p + j] = e[i * p + j]!;
    }
    const r = procrustes(stats(x, b, n, p, 2 * p));
    expect(r.nuclear).toBeCloseTo(Math.SQRT1_2, 2);
    expect(r.distance).toBeCloseTo(2 - Math.SQRT2, 2);
  });

  it('a side without variance is an error naming it', () => {
    const n = 50;
    expect(() => procrustes(stats(randn(n, 2, 1), new Float64Array(n * 2), n, 2, 2))).toThrow('Procrustes distance is undefined: every unit of B has zero variance on these samples');
  });
});
