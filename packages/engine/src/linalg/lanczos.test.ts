import { describe, expect, it } from 'vitest';
import { jacobiEigen } from './jacobi-eigen.ts';
import { lanczosLargest } from './lanczos.ts';
import { mulberry32 } from '../random/seeded-random.ts';
import { tridiagonalEigen } from './tridiagonal-eigen.ts';

function randomSymmetric(n: number, seed: number): Float64Array {
  const r = mulberry32(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = r() - 0.5;
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

const matvec = (a: Float64Array, n: number) => (x: Float64Array, y: Float64Array) => {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
    y[i] = s;
  }
};

function residual(a: Float64Array, n: number, v: (row: number) => number, lambda: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    let mv = 0;
    for (let j = 0; j < n; j++) mv += a[i * n + j]! * v(j);
    s += (mv - lambda * v(i)) ** 2;
  }
  return Math.sqrt(s);
}

describe('jacobiEigen (test oracle)', () => {
  it('diagonalises a random symmetric matrix: A v = λ v, orthonormal', () => {
    const n = 12;
    const a = randomSymmetric(n, 3);
    const { values, vectors } = jacobiEigen(a, n);
    for (let i = 0; i < n; i++) {
      expect(residual(a, n, (r) => vectors[r * n + i]!, values[i]!)).toBeLessThan(1e-10);
      if (i > 0) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    }
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i]!;
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 10);
  });
});

describe('tridiagonalEigen', () => {
  it('matches the dense Jacobi oracle', () => {
    const m = 20;
    const r = mulberry32(5);
    const d = Float64Array.from({ length: m }, () => r() * 4 - 2);
    const e = Float64Array.from({ length: m - 1 }, () => r() - 0.5);
    const dense = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      dense[i * m + i] = d[i]!;
      if (i + 1 < m) {
        dense[i * m + i + 1] = e[i]!;
        dense[(i + 1) * m + i] = e[i]!;
      }
    }
    const ours = tridiagonalEigen(d, e, m);
    const ref = jacobiEigen(dense, m);
    const last = tridiagonalEigen(d, e, m, true);
    expect(last.vectors.length).toBe(m);
    for (let i = 0; i < m; i++) {
      expect(last.values[i]!).toBeCloseTo(ours.values[i]!, 12);
      expect(last.vectors[i]!).toBeCloseTo(ours.vectors[(m - 1) * m + i]!, 10);
    }
    for (let i = 0; i < m; i++) {
      expect(ours.values[i]!).toBeCloseTo(ref.values[i]!, 10);
      expect(residual(dense, m, (row) => ours.vectors[row * m + i]!, ours.values[i]!)).toBeLessThan(1e-10);
    }
  });
});

describe('lanczosLargest', () => {
  it('finds the k largest eigenpairs of a random symmetric matrix (vs Jacobi, residual norms)', () => {
    const n = 60;
    const k = 6;
    const a = randomSymmetric(n, 9);
    const ref = jacobiEigen(a, n);
    const res = lanczosLargest(matvec(a, n), n, k, { tol: 1e-10, seed: 4 });
    expect(res.converged).toBe(true);
    for (let i = 0; i < k; i++) {
      expect(res.values[i]!).toBeCloseTo(ref.values[i]!, 8);
      expect(residual(a, n, (r) => res.vectors[r * k + i]!, res.values[i]!)).toBeLessThan(1e-7);
      // unit length and mutually orthogonal
      for (let j = 0; j <= i; j++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += res.vectors[r * k + i]! * res.vectors[r * k + j]!;
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 8);
      }
    }
  });

  it('finds a repeated top eigenvalue with its multiplicity (disconnected identical blocks)', () => {
    // Three identical 5x5 all-ones blocks: eigenvalue 5 three times, then 0.
    const n = 15;
    const a = new Float64Array(n * n);
    for (let b = 0; b < 3; b++) for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) a[(b * 5 + i) * n + b * 5 + j] = 1;
    const res = lanczosLargest(matvec(a, n), n, 3, { seed: 2 });
    for (let i = 0; i < 3; i++) {
      expect(res.values[i]!).toBeCloseTo(5, 8);
      expect(residual(a, n, (r) => res.vectors[r * 3 + i]!, 5)).toBeLessThan(1e-7);
    }
  });

  it('is deterministic for a seed and rejects k out of range', () => {
    const n = 30;
    const a = randomSymmetric(n, 1);
    const r1 = lanczosLargest(matvec(a, n), n, 3, { seed: 7 });
    const r2 = lanczosLargest(matvec(a, n), n, 3, { seed: 7 });
    expect(Array.from(r1.vectors)).toEqual(Array.from(r2.vectors));
    expect(() => lanczosLargest(matvec(a, n), n, 31)).toThrow(/between 1 and n/);
  });
});
