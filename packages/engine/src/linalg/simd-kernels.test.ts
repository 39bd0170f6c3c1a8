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
});
