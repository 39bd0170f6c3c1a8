import { describe, expect, it } from 'vitest';
import { float64Kernels } from './simd-kernels.ts';

describe('float64Kernels', () => {
  it('uses WebAssembly SIMD on this Node', () => {
    expect(float64Kernels(16).kind).toBe('wasm-simd');
  });

  for (const kind of ['wasm-simd', 'js'] as const) {
    it(`${kind}: axpy and dot equal the plain loops for every length 0..40 and unaligned offsets`, () => {
      const k = float64Kernels(4096, kind === 'js' ? 'js' : undefined);
      expect(k.kind).toBe(kind);
      for (let n = 0; n <= 40; n++) {
        for (const [a, b] of [[0, 1000], [3, 1001], [17, 2050]] as const) {
          for (let i = 0; i < n + 2; i++) {
            k.f64[a + i] = Math.sin(i + n) * 3;
            k.f64[b + i] = Math.cos(2 * i - n);
          }
          let want = 0;
          for (let i = 0; i < n; i++) want += k.f64[a + i]! * k.f64[b + i]!;
          expect(k.dot(a, b, n)).toBeCloseTo(want, 12);
          const d = -0.75;
          const y = Array.from({ length: n + 2 }, (_, i) => (i < n ? k.f64[a + i]! + d * k.f64[b + i]! : k.f64[a + i]!));
          k.axpy(a, d, b, n);
          // Elementwise axpy has no summation order: bit-identical, and the element after the range is untouched.
          for (let i = 0; i < n + 2; i++) expect(k.f64[a + i]).toBe(y[i]);
        }
      }
    });
  }

  for (const kind of ['wasm-simd', 'js'] as const) {
    it(`${kind}: rot8 applies a sweep to a column-interleaved 8-row panel exactly as per-row rotations do`, () => {
      const k = float64Kernels(4096, kind === 'js' ? 'js' : undefined);
      const len = 12;
      for (const [m, cnt] of [[11, 11], [7, 3], [5, 0], [1, 1]] as const) {
        const rows = Array.from({ length: 8 }, (_, r) => Array.from({ length: len }, (_, i) => Math.sin(3 * r + i * 1.7)));
        for (let r = 0; r < 8; r++) for (let i = 0; i < len; i++) k.f64[100 + 8 * i + r] = rows[r]![i]!;
        const q = 1000;
        for (let t = 0; t < cnt; t++) {
          const th = 0.3 + t;
          k.f64[q + 2 * t] = Math.cos(th);
          k.f64[q + 2 * t + 1] = Math.sin(th);
        }
        // The reference: each rotation applied to the whole pair of elements in turn (EISPACK tql2's order).
        for (let t = 0; t < cnt; t++) {
          const i = m - 1 - t;
          const c = k.f64[q + 2 * t]!;
          const s = k.f64[q + 2 * t + 1]!;
          for (const row of rows) {
            const hk = row[i + 1]!;
            const vk = row[i]!;
            row[i + 1] = s * vk + c * hk;
            row[i] = c * vk - s * hk;
          }
        }
        k.rot8(100 + 8 * m, q, cnt);
        for (let r = 0; r < 8; r++) for (let i = 0; i < len; i++) expect(k.f64[100 + 8 * i + r]).toBe(rows[r]![i]);
      }
    });
  }

  for (const kind of ['wasm-simd', 'js'] as const) {
    it(`${kind}: gemvT adds x[t]·row t of a d×k matrix in t order, bit-identical to the plain loop`, () => {
      const kk = float64Kernels(8192, kind === 'js' ? 'js' : undefined);
      for (const [d, k] of [[0, 5], [1, 1], [3, 7], [32, 32], [5, 33]] as const) {
        const [y, a, x] = [11, 301, 4001];
        for (let i = 0; i < d * k; i++) kk.f64[a + i] = Math.sin(1.3 * i + d);
        for (let t = 0; t < d; t++) kk.f64[x + t] = Math.cos(0.7 * t - k);
        for (let c = 0; c < k + 1; c++) kk.f64[y + c] = c === k ? 42 : 0.25 * c;
        const want = Array.from({ length: k }, (_, c) => {
          let s = 0.25 * c;
          for (let t = 0; t < d; t++) s += kk.f64[x + t]! * kk.f64[a + t * k + c]!;
          return s;
        });
        kk.gemvT(y, a, x, d, k);
        for (let c = 0; c < k; c++) expect(kk.f64[y + c]).toBe(want[c]);
        expect(kk.f64[y + k]).toBe(42);
      }
    });
  }
});
