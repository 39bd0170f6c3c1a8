import { describe, expect, it } from 'vitest';
import { randn } from '../../test/measure-data.ts';
import { jacobiEigen } from './jacobi-eigen.ts';
import { symmetricEigen } from './symmetric-eigen.ts';
import { symmetricEigenJama } from './symmetric-eigen-jama.ts';

function symmetric(n: number, seed: number): Float64Array {
  const r = randn(n, n, seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r[i * n + j]!;
  return a;
}

describe('symmetricEigen (Householder + implicit QL, SIMD kernels)', () => {
  it('equals the Jacobi oracle: values descending, vectors up to sign', () => {
    const n = 24;
    const a = symmetric(n, 3);
    const ours = symmetricEigen(a, n);
    const ref = jacobiEigen(a, n);
    for (let i = 0; i < n; i++) {
      expect(ours.values[i]).toBeCloseTo(ref.values[i]!, 11);
      if (i > 0) expect(ours.values[i]!).toBeLessThanOrEqual(ours.values[i - 1]!);
      let dot = 0;
      for (let r = 0; r < n; r++) dot += ours.vectors[r * n + i]! * ref.vectors[r * n + i]!;
      expect(Math.abs(dot)).toBeCloseTo(1, 9);
    }
  });

  it('A v = λ v and VᵀV = I on a larger matrix; values-only gives the same values', () => {
    const n = 120;
    const a = symmetric(n, 9);
    const { values, vectors } = symmetricEigen(a, n);
    let residual = 0;
    let ortho = 0;
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += a[i * n + j]! * vectors[j * n + k]!;
        residual = Math.max(residual, Math.abs(s - values[k]! * vectors[i * n + k]!));
      }
      for (let l = 0; l <= k; l++) {
        let s = 0;
        for (let r = 0; r < n; r++) s += vectors[r * n + k]! * vectors[r * n + l]!;
        ortho = Math.max(ortho, Math.abs(s - (k === l ? 1 : 0)));
      }
    }
    expect(residual).toBeLessThan(1e-12);
    expect(ortho).toBeLessThan(1e-12);
    const only = symmetricEigen(a, n, { valuesOnly: true });
    only.values.forEach((v, i) => expect(v).toBeCloseTo(values[i]!, 12));
    expect(only.vectors.length).toBe(0);
  });

  it('repeated eigenvalues, a zero matrix and 1×1 input', () => {
    const n = 6;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) a[i * n + i] = i < 3 ? 2 : -1;
    expect(Array.from(symmetricEigen(a, n).values)).toEqual([2, 2, 2, -1, -1, -1]);
    expect(Array.from(symmetricEigen(new Float64Array(9), 3).values)).toEqual([0, 0, 0]);
    const one = symmetricEigen(Float64Array.of(-4), 1);
    expect(one.values[0]).toBe(-4);
    expect(Math.abs(one.vectors[0]!)).toBe(1);
  });

  it('rejects non-finite input with the position', () => {
    const a = new Float64Array(4);
    a[3] = Number.NaN;
    expect(() => symmetricEigen(a, 2)).toThrow(/non-finite value at \(1, 1\)/);
  });

  /** max |A v_k − λ_k v_k| / max(1, max|λ|) and max |VᵀV − I|. */
  function residuals(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array): { res: number; ortho: number } {
    const scale = Math.max(1, ...Array.from(values, Math.abs));
    let res = 0;
    let ortho = 0;
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += a[i * n + j]! * vectors[j * n + k]!;
        res = Math.max(res, Math.abs(s - values[k]! * vectors[i * n + k]!) / scale);
      }
      for (let l = 0; l <= k; l++) {
        let s = 0;
        for (let r = 0; r < n; r++) s += vectors[r * n + k]! * vectors[r * n + l]!;
        ortho = Math.max(ortho, Math.abs(s - (k === l ? 1 : 0)));
      }
    }
    return { res, ortho };
  }

  /** Q diag(λ) Qᵀ with Q orthogonal (the eigenvectors of a random symmetric matrix). */
  function withSpectrum(lambda: number[], seed: number): Float64Array {
    const n = lambda.length;
    const q = jacobiEigen(symmetric(n, seed), n).vectors;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += q[i * n + k]! * lambda[k]! * q[j * n + k]!;
        a[i * n + j] = s;
      }
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[i * n + j] = a[j * n + i]!;
    return a;
  }

  /** Covariance of `samples` × `units` data where every third unit is dead (constant) and two units are copies. */
  function deadUnitCovariance(units: number, samples: number, seed: number): Float64Array {
    const x = randn(samples, units, seed);
    for (let r = 0; r < samples; r++) {
      for (let u = 0; u < units; u += 3) x[r * units + u] = 0.5;
      x[r * units + 1] = x[r * units + 4]!;
    }
    const mean = new Float64Array(units);
    for (let r = 0; r < samples; r++) for (let u = 0; u < units; u++) mean[u] = mean[u]! + x[r * units + u]! / samples;
    const c = new Float64Array(units * units);
    for (let r = 0; r < samples; r++) {
      for (let i = 0; i < units; i++) {
        const xi = x[r * units + i]! - mean[i]!;
        for (let j = 0; j <= i; j++) c[i * units + j] = c[i * units + j]! + (xi * (x[r * units + j]! - mean[j]!)) / samples;
      }
    }
    for (let i = 0; i < units; i++) for (let j = 0; j < i; j++) c[j * units + i] = c[i * units + j]!;
    return c;
  }

  const cases: [string, number, () => Float64Array][] = [
    ['random 1×1', 1, () => Float64Array.of(3.5)],
    ['random 2×2', 2, () => Float64Array.of(2, -1, -1, 5)],
    ['random 9×9 (one partial panel)', 9, () => symmetric(9, 21)],
    ['random 67×67', 67, () => symmetric(67, 22)],
    ['diagonal, unsorted', 13, () => {
      const a = new Float64Array(169);
      for (let i = 0; i < 13; i++) a[i * 13 + i] = ((i * 7) % 13) - 4;
      return a;
    }],
    ['zero', 10, () => new Float64Array(100)],
    ['clustered: 40 of 48 eigenvalues equal', 48, () => withSpectrum(Array.from({ length: 48 }, (_, i) => (i < 40 ? 1 : i)), 23)],
    ['clustered: near-equal (1 + 1e-12 k)', 32, () => withSpectrum(Array.from({ length: 32 }, (_, i) => 1 + 1e-12 * i), 24)],
    ['rank-deficient: rank 5 of 40', 40, () => withSpectrum(Array.from({ length: 40 }, (_, i) => (i < 5 ? 10 * (i + 1) : 0)), 25)],
    ['covariance with dead and duplicated units', 60, () => deadUnitCovariance(60, 400, 26)],
  ];
  for (const [name, n, make] of cases) {
    it(`${name}: A V = V Λ and VᵀV = I to 1e-12, values as the previous solver and the Jacobi oracle`, () => {
      const a = make();
      const ours = symmetricEigen(a, n);
      const { res, ortho } = residuals(a, n, ours.values, ours.vectors);
      expect(res).toBeLessThan(1e-12);
      expect(ortho).toBeLessThan(1e-12);
      const old = symmetricEigenJama(a, n);
      const brute = jacobiEigen(a, n);
      const scale = Math.max(1, ...Array.from(brute.values, Math.abs));
      for (let i = 0; i < n; i++) {
        if (i > 0) expect(ours.values[i]!).toBeLessThanOrEqual(ours.values[i - 1]!);
        expect(Math.abs(ours.values[i]! - old.values[i]!) / scale).toBeLessThan(1e-13);
        expect(Math.abs(ours.values[i]! - brute.values[i]!) / scale).toBeLessThan(1e-12);
      }
      const only = symmetricEigen(a, n, { valuesOnly: true });
      for (let i = 0; i < n; i++) expect(Math.abs(only.values[i]! - ours.values[i]!) / scale).toBeLessThan(1e-13);
    });
  }

  it('512 units (64 full panels, several rotation batches): same pairs as the previous solver', () => {
    const n = 512;
    const a = deadUnitCovariance(n, 1200, 27);
    const ours = symmetricEigen(a, n);
    const old = symmetricEigenJama(a, n);
    const top = old.values[0]!;
    let dv = 0;
    for (let i = 0; i < n; i++) dv = Math.max(dv, Math.abs(ours.values[i]! - old.values[i]!) / top);
    expect(dv).toBeLessThan(1e-13);
    // A V = V Λ and orthogonality, sampled on 40 columns (the full check is O(n³) in a test).
    let res = 0;
    let ortho = 0;
    for (let k = 0; k < n; k += 13) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += a[i * n + j]! * ours.vectors[j * n + k]!;
        res = Math.max(res, Math.abs(s - ours.values[k]! * ours.vectors[i * n + k]!) / top);
      }
      for (let l = 0; l < n; l++) {
        let s = 0;
        for (let r = 0; r < n; r++) s += ours.vectors[r * n + k]! * ours.vectors[r * n + l]!;
        ortho = Math.max(ortho, Math.abs(s - (k === l ? 1 : 0)));
      }
    }
    expect(res).toBeLessThan(1e-12);
    expect(ortho).toBeLessThan(1e-12);
  });

  it('rejects a bad size with the value', () => {
    expect(() => symmetricEigen(new Float64Array(4), -1)).toThrow(/size must be a whole number/);
    expect(() => symmetricEigen(new Float64Array(4), 3)).toThrow(/fewer than 3x3/);
  });
});
