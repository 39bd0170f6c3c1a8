/**
 * Matrices for the representation-similarity measures' tests: seeded Gaussian data, random orthogonal and invertible
 * maps, column permutations, and data of an exact low rank (so SVCCA's 99%-variance reduction keeps all of it).
 */
import { gaussian, mulberry } from './planted.ts';

/** n × d standard normal entries, row-major float64. */
export function randn(n: number, d: number, seed: number): Float64Array {
  const g = gaussian(mulberry(seed));
  return Float64Array.from({ length: n * d }, () => g());
}

/** Row-major product of X (n × m) and M (m × k). */
export function times(x: Float64Array, m: Float64Array, n: number, inner: number, k: number): Float64Array {
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let t = 0; t < inner; t++) {
    const v = x[i * inner + t]!;
    for (let j = 0; j < k; j++) out[i * k + j] = out[i * k + j]! + v * m[t * k + j]!;
  }
  return out;
}

/** A random d × d orthogonal matrix (Gram–Schmidt of Gaussian columns). */
export function orthogonal(d: number, seed: number): Float64Array {
  const m = randn(d, d, seed);
  for (let c = 0; c < d; c++) {
    for (let prev = 0; prev < c; prev++) {
      let dot = 0;
      for (let r = 0; r < d; r++) dot += m[r * d + c]! * m[r * d + prev]!;
      for (let r = 0; r < d; r++) m[r * d + c] = m[r * d + c]! - dot * m[r * d + prev]!;
    }
    let norm = 0;
    for (let r = 0; r < d; r++) norm += m[r * d + c]! ** 2;
    for (let r = 0; r < d; r++) m[r * d + c] = m[r * d + c]! / Math.sqrt(norm);
  }
  return m;
}

/** A well-conditioned invertible d × d map: identity plus a scaled Gaussian. */
export function invertible(d: number, seed: number): Float64Array {
  const m = randn(d, d, seed);
  for (let i = 0; i < d * d; i++) m[i] = m[i]! * 0.3;
  for (let i = 0; i < d; i++) m[i * d + i] = m[i * d + i]! + 1.5;
  return m;
}

/** Columns of X (n × d) reordered: out[:, j] = X[:, perm[j]]. */
export function permuteColumns(x: Float64Array, n: number, d: number, perm: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = x[i * d + perm[j]!]!;
  return out;
}

/** A seeded permutation of 0..d-1. */
export function shuffled(d: number, seed: number): Int32Array {
  const r = mulberry(seed);
  const perm = Int32Array.from({ length: d }, (_, i) => i);
  for (let i = d - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  return perm;
}

/** x · s + c elementwise (isotropic scaling and a shift). */
export function scaleShift(x: Float64Array, s: number, c = 0): Float64Array {
  return x.map((v) => v * s + c);
}

/** n × p data of exact rank r: Z (n × r) times a Gaussian r × p loading. */
export function lowRank(n: number, p: number, r: number, seed: number): Float64Array {
  return times(randn(n, r, seed), randn(r, p, seed + 1), n, r, p);
}
