/**
 * Test data with a planted answer: network B's units are a permutation of A's, each with a positive scale and a
 * shift (B[:, j] = s_j · A[:, perm[j]] + c_j), so every alignment method must recover `perm` exactly.
 */
import { mulberry32 } from '../src/random/seeded-random.ts';

/** The engine's own generator (mulberry32), under the name the tests use. */
export const mulberry = mulberry32;

export function gaussian(r: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(r() + 1e-300)) * Math.cos(2 * Math.PI * r());
}

export interface Planted {
  a: Float32Array;
  b: Float32Array;
  n: number;
  p: number;
  /** perm[j] = unit of A that B's unit j copies; so A's unit perm[j] should match j. */
  perm: Int32Array;
  /** expected match for A: expected[perm[j]] = j. */
  expected: Int32Array;
}

/** ReLU'd correlated Gaussians (n x p) and a scaled, shifted, permuted copy. */
export function planted(n: number, p: number, seed: number): Planted {
  const r = mulberry(seed);
  const g = gaussian(r);
  const k = 4;
  const load = Array.from({ length: k * p }, () => g() * 0.6);
  const a = new Float32Array(n * p);
  for (let i = 0; i < n; i++) {
    const z = Array.from({ length: k }, () => g());
    for (let j = 0; j < p; j++) {
      let v = g() + 0.2;
      for (let f = 0; f < k; f++) v += z[f]! * load[f * p + j]!;
      a[i * p + j] = Math.max(v, 0);
    }
  }
  const perm = new Int32Array(p).map((_, i) => i);
  for (let i = p - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const scale = Array.from({ length: p }, () => 0.1 + 5 * r());
  const shift = Array.from({ length: p }, () => 10 * (r() - 0.5));
  const b = new Float32Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) b[i * p + j] = scale[j]! * a[i * p + perm[j]!]! + shift[j]!;
  const expected = new Int32Array(p);
  for (let j = 0; j < p; j++) expected[perm[j]!] = j;
  return { a, b, n, p, perm, expected };
}
