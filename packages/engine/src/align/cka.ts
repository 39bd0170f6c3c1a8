/**
 * Linear CKA (Kornblith et al. 2019) from the covariance blocks, and its debiased variant (unbiased HSIC of
 * Song et al. 2012), both from one streaming pass (methods.md).
 *
 * With centred X (N x p), Y (N x q): linear CKA = ‖YᵀX‖²_F / (‖XᵀX‖_F ‖YᵀY‖_F); N cancels, so the population
 * covariance blocks suffice. Debiased CKA needs, besides those, the centred per-row squared norms a_i = ‖x_i‖²,
 * b_i = ‖y_i‖² through Σa, Σb, Σab, Σa², Σb² (MomentAccumulator groups). In the feature-space form of
 * google-research's `feature_space_linear_cka(debiased=True)`:
 *   h(XᵀY) = ‖XᵀY‖²_F − N/(N−2) Σ a_i b_i + Σa Σb / ((N−1)(N−2)),   CKA_d = h_xy / sqrt(h_xx h_yy),
 * which equals the Gram-matrix unbiased-HSIC formula (checked in the tests).
 */
import type { CkaMoments, PairStatistics } from '../stats/moments.ts';

function frobeniusSq(m: Float64Array): number {
  let s = 0;
  for (let i = 0; i < m.length; i++) s += m[i]! * m[i]!;
  return s;
}

/** The squared Frobenius norms CKA reads: from the covariance blocks, or already summed (`finalizeCka`). */
function normsOf(pair: PairStatistics | CkaMoments): { aa: number; bb: number; ab: number } {
  return 'frobeniusSq' in pair ? pair.frobeniusSq : { aa: frobeniusSq(pair.covAA), bb: frobeniusSq(pair.covBB), ab: frobeniusSq(pair.covAB) };
}

/** Linear CKA in [0, 1]; 0 when either side has no variance at all. */
export function linearCka(pair: PairStatistics | CkaMoments): number {
  const f = normsOf(pair);
  const xx = Math.sqrt(f.aa);
  const yy = Math.sqrt(f.bb);
  return xx > 0 && yy > 0 ? f.ab / (xx * yy) : 0;
}

/**
 * Debiased linear CKA. Needs `pair.ckaExtras` (accumulate with groups for A and B) and N >= 4. Can be slightly
 * negative for unrelated representations (it is an unbiased estimate); NaN never: 0 when a side has no variance.
 */
export function debiasedLinearCka(pair: PairStatistics | CkaMoments): number {
  const e = pair.ckaExtras;
  if (!e) throw new Error('debiased CKA needs per-network squared-norm sums: accumulate the moments with groups for A and B');
  const n = pair.n;
  if (n < 4) throw new Error(`debiased CKA needs at least 4 samples, got ${n}`);
  const n2 = n * n;
  const f = normsOf(pair);
  const h = (prodSq: number, sab: number, sa: number, sb: number): number =>
    prodSq - (n / (n - 2)) * sab + (sa * sb) / ((n - 1) * (n - 2));
  const xy = h(n2 * f.ab, e.sumSqAB, e.sumSqA, e.sumSqB);
  const xx = h(n2 * f.aa, e.sumSqAA, e.sumSqA, e.sumSqA);
  const yy = h(n2 * f.bb, e.sumSqBB, e.sumSqB, e.sumSqB);
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
}

export interface CkaResult {
  linear: number;
  debiased: number;
}

export function ckaAlignment(pair: PairStatistics): CkaResult {
  return { linear: linearCka(pair), debiased: debiasedLinearCka(pair) };
}
