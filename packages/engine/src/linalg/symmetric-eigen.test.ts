import { describe, expect, it } from 'vitest';
import { randn } from '../../test/measure-data.ts';
import { jacobiEigen } from './jacobi-eigen.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

function symmetric(n: number, seed: number): Float64Array {
  const r = randn(n, n, seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r[i * n + j]!;
  return a;
}

describe('symmetricEigen (Householder + implicit QL)', () => {
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
});
