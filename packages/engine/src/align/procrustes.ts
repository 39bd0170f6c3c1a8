/**
 * Orthogonal Procrustes distance (Ding et al. 2021; methods.md "Orthogonal Procrustes"): centre both sides, scale each
 * to unit Frobenius norm, zero-pad the narrower one; distance = min_Q ‖X − YQ‖²_F over orthogonal Q = 2 − 2‖XᵀY‖_*,
 * 0 when Y = XQ, at most 2. The angular form arccos ‖XᵀY‖_* (netrep's LinearMetric with alpha = 1) is reported too.
 *
 * From the statistics: XᵀY = N Σ_AB and ‖X‖²_F = N tr Σ_AA before scaling, so ‖XᵀY‖_* = ‖Σ_AB‖_* / √(tr Σ_AA tr Σ_BB);
 * zero-padding adds zero rows or columns and leaves the nuclear norm unchanged. The nuclear norm is the sum of the
 * square roots of the eigenvalues of the smaller Gram matrix Σ_AB Σ_ABᵀ (or Σ_ABᵀ Σ_AB); a singular value s has
 * absolute error about ε‖Σ_AB‖²/(2s) this way (≤ √ε ‖Σ_AB‖ for s near 0), well below what float32 statistics resolve.
 */
import { symmetricEigen } from '../linalg/symmetric-eigen.ts';
import type { PairStatistics } from '../stats/moments.ts';
import { MeasureInputError } from './cca.ts';

export interface ProcrustesResult {
  /** 2 − 2‖XᵀY‖_*, in [0, 2]. */
  distance: number;
  /** arccos ‖XᵀY‖_*, radians in [0, π/2]. */
  angular: number;
  /** ‖XᵀY‖_* of the normalised sides, in [0, 1] (a similarity). */
  nuclear: number;
}

/** Nuclear norm (sum of singular values) of a p × q row-major matrix. */
export function nuclearNorm(m: Float64Array, p: number, q: number): number {
  const small = Math.min(p, q);
  const g = new Float64Array(small * small);
  if (p <= q) {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k < q; k++) s += m[i * q + k]! * m[j * q + k]!;
        g[i * p + j] = g[j * p + i] = s;
      }
    }
  } else {
    for (let r = 0; r < p; r++) {
      const row = r * q;
      for (let i = 0; i < q; i++) {
        const x = m[row + i]!;
        if (x === 0) continue;
        for (let j = 0; j <= i; j++) g[i * q + j] = g[i * q + j]! + x * m[row + j]!;
      }
    }
    for (let i = 0; i < q; i++) for (let j = 0; j < i; j++) g[j * q + i] = g[i * q + j]!;
  }
  const { values } = symmetricEigen(g, small, { valuesOnly: true });
  let s = 0;
  for (const v of values) s += Math.sqrt(Math.max(0, v));
  return s;
}

/**
 * What Procrustes reads: the cross covariance and each side's total variance — from the within blocks' diagonals
 * (`covAA`, `covBB`: the full joint pass) or per-unit variances (`varA`, `varB`: the cross-only pass,
 * stats/cross-moments.ts), so `convergent align --method procrustes` never builds the within Grams.
 */
export type ProcrustesInput = { p: number; q: number; covAB: Float64Array } & (
  | Pick<PairStatistics, 'covAA' | 'covBB'>
  | { varA: ArrayLike<number>; varB: ArrayLike<number> }
);

/** Orthogonal Procrustes distance of a pair from its covariance blocks. Throws MeasureInputError if a side has no variance. */
export function procrustes(pair: ProcrustesInput, options: { what?: string } = {}): ProcrustesResult {
  const { p, q } = pair;
  let trA = 0;
  let trB = 0;
  if ('varA' in pair) {
    for (let i = 0; i < p; i++) trA += Math.max(0, pair.varA[i]!);
    for (let j = 0; j < q; j++) trB += Math.max(0, pair.varB[j]!);
  } else {
    for (let i = 0; i < p; i++) trA += Math.max(0, pair.covAA[i * p + i]!);
    for (let j = 0; j < q; j++) trB += Math.max(0, pair.covBB[j * q + j]!);
  }
  if (!(trA > 0) || !(trB > 0)) {
    throw new MeasureInputError(`${options.what ?? 'Procrustes distance'} is undefined: every unit of ${trA > 0 ? 'B' : 'A'} has zero variance on these samples`);
  }
  const nuclear = Math.min(1, nuclearNorm(pair.covAB, p, q) / Math.sqrt(trA * trB));
  return { distance: Math.max(0, 2 - 2 * nuclear), angular: Math.acos(nuclear), nuclear };
}
