/**
 * Projection-weighted CCA (Morcos et al. 2018; methods.md "SVCCA and PWCCA"): CCA on the un-reduced sides (every
 * numerically non-null direction, cca.ts), the canonical correlations weighted by how much of A each canonical variate
 * accounts for, `α_i ∝ Σ_j |⟨h_i, x_j⟩|` with h_i = X a_i the i-th canonical variate of A (unit norm) and x_j A's
 * centred unit columns, normalised to sum 1; PWCCA = Σ α_i ρ_i.
 *
 * From the statistics: ⟨X a_i, x_j⟩ = N (Σ_AA a_i)_j and ‖X a_i‖ = √N (a_iᵀ Σ_AA a_i = 1), so
 * α_i ∝ Σ_j |(Σ_AA a_i)_j|. google/svcca's `compute_pwcca` orthonormalises the variates by QR (they are already
 * orthogonal) and projects them on A's activations without centring; on centred data the two agree. anatome's
 * `pwcca_distance` sums |X a_i| over samples instead of neurons, a different weighting.
 * The weights come from A, so PWCCA(A, B) ≠ PWCCA(B, A) in general.
 */
import type { PairStatistics } from '../stats/moments.ts';
import { canonicalCorrelations } from './cca.ts';

export interface PwccaResult {
  /** Σ α_i ρ_i, in [0, 1]. */
  weighted: number;
  /** Plain mean canonical correlation of the same CCA. */
  mean: number;
  correlations: Float64Array;
  /** α_i, summing to 1. */
  weights: Float64Array;
  /** Non-null directions used per side. */
  rankA: number;
  rankB: number;
}

/** PWCCA of a pair (weights from A). Throws MeasureInputError when N < 2 (p + q) or a side has no variance. */
export function pwcca(pair: PairStatistics, options: { what?: string } = {}): PwccaResult {
  const r = canonicalCorrelations(pair, { keepVariance: 1, directionsA: true, what: options.what ?? 'PWCCA' });
  const m = r.correlations.length;
  const p = pair.p;
  const loadings = r.loadingsA!;
  const weights = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += Math.abs(loadings[i * p + j]!);
    weights[i] = s;
    total += s;
  }
  let weighted = 0;
  for (let i = 0; i < m; i++) {
    weights[i] = weights[i]! / total;
    weighted += weights[i]! * r.correlations[i]!;
  }
  const mean = r.correlations.reduce((s, v) => s + v, 0) / m;
  return { weighted: Math.min(1, weighted), mean, correlations: r.correlations, weights, rankA: r.a.rank, rankB: r.b.rank };
}
