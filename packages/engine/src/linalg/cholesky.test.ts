import { describe, expect, it } from 'vitest';
import { cholesky, choleskyInPlace, choleskySolve, choleskySolveInPlace, spdInverse } from './cholesky.ts';
import { mulberry32 } from '../random/seeded-random.ts';

/** A random SPD matrix XᵀX + I. */
function spd(n: number, seed: number): Float64Array {
  const r = mulberry32(seed);
  const x = Float64Array.from({ length: n * n }, () => r() - 0.5);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let v = i === j ? 1 : 0;
      for (let k = 0; k < n; k++) v += x[k * n + i]! * x[k * n + j]!;
      a[i * n + j] = v;
    }
  }
  return a;
}

describe('cholesky', () => {
  it('factors A = L Lᵀ and solves A x = b', () => {
    const n = 25;
    const a = spd(n, 1);
    const l = cholesky(a, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let v = 0;
        for (let k = 0; k < n; k++) v += l[i * n + k]! * l[j * n + k]!;
        expect(v).toBeCloseTo(a[i * n + j]!, 12);
        if (j > i) expect(l[i * n + j]).toBe(0);
      }
    }
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const x = choleskySolve(l, n, b);
    const inPlace = Float64Array.from(a);
    expect(choleskyInPlace(inPlace, n)).toBe(true);
    const y = Float64Array.from(b);
    choleskySolveInPlace(inPlace, n, y);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let k = 0; k < n; k++) v += a[i * n + k]! * x[k]!;
      expect(v).toBeCloseTo(b[i]!, 10);
      expect(y[i]!).toBeCloseTo(x[i]!, 12);
    }
  });

  it('inverts SPD matrices and refuses singular ones', () => {
    const n = 40;
    const a = spd(n, 2);
    const inv = spdInverse(a, n)!;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let v = 0;
        for (let k = 0; k < n; k++) v += a[i * n + k]! * inv[k * n + j]!;
        expect(Math.abs(v - (i === j ? 1 : 0))).toBeLessThan(1e-10);
      }
    }
    const singular = Float64Array.from([1, 1, 1, 1]);
    expect(spdInverse(singular, 2)).toBeUndefined();
    expect(() => cholesky(singular, 2)).toThrow(/not positive definite/);
  });
});
