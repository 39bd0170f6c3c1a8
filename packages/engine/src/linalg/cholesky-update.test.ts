import { describe, expect, it } from 'vitest';
import { cholesky } from './cholesky.ts';
import { choleskyDeleteInPlace } from './cholesky-update.ts';

/** Random SPD matrix B Bᵀ + 0.1 I (n×n), B with n+3 columns, from a seeded LCG. */
function spd(n: number, seed: number): Float64Array {
  let s = seed;
  const u = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const m = n + 3;
  const b = Float64Array.from({ length: n * m }, u);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let v = i === j ? 0.1 : 0;
      for (let c = 0; c < m; c++) v += b[i * m + c]! * b[j * m + c]!;
      a[i * n + j] = v;
    }
  }
  return a;
}

describe('choleskyDeleteInPlace', () => {
  it('gives the factor of the matrix without row/column k, for every k, inside a wider buffer', () => {
    const n = 9;
    const stride = 12;
    const a = spd(n, 7);
    const l0 = cholesky(a, n);
    for (let k = 0; k < n; k++) {
      const buf = new Float64Array(stride * stride).fill(NaN);
      for (let i = 0; i < n; i++) for (let c = 0; c <= i; c++) buf[i * stride + c] = l0[i * n + c]!;
      choleskyDeleteInPlace(buf, n, stride, k);
      const keep = [...Array(n).keys()].filter((i) => i !== k);
      const sub = new Float64Array((n - 1) * (n - 1));
      keep.forEach((i, r) => keep.forEach((j, c) => (sub[r * (n - 1) + c] = a[i * n + j]!)));
      const want = cholesky(sub, n - 1); // unique with a positive diagonal
      for (let i = 0; i < n - 1; i++) {
        for (let c = 0; c <= i; c++) expect(buf[i * stride + c]!).toBeCloseTo(want[i * (n - 1) + c]!, 12);
      }
    }
  });

  it('supports repeated deletions down to an empty factor', () => {
    const n = 6;
    const a = spd(n, 3);
    const l = cholesky(a, n);
    let alive = [...Array(n).keys()];
    for (let size = n; size > 1; size--) {
      const k = size % 2 === 0 ? 0 : size - 2;
      choleskyDeleteInPlace(l, size, n, k);
      alive = alive.filter((_, i) => i !== k);
      const m = size - 1;
      const sub = new Float64Array(m * m);
      alive.forEach((i, r) => alive.forEach((j, c) => (sub[r * m + c] = a[i * n + j]!)));
      const want = cholesky(sub, m);
      for (let i = 0; i < m; i++) for (let c = 0; c <= i; c++) expect(l[i * n + c]!).toBeCloseTo(want[i * m + c]!, 12);
    }
  });

  it('rejects an index outside the factor and a buffer too small', () => {
    const l = new Float64Array(16);
    expect(() => choleskyDeleteInPlace(l, 4, 4, 4)).toThrow(/index 4 is outside 0..3/);
    expect(() => choleskyDeleteInPlace(l, 5, 4, 0)).toThrow(/cannot hold a 5x5 factor/);
  });
});
