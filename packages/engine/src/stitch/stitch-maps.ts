/**
 * Stitching maps (the functional check of an alignment): affine maps from network A's layer-l activations to network
 * B's, built from the recorded statistics only (no second pass), in original units:
 *   b̂_j = μ_Bj + σ_Bj Σ_i W_ij (a_i − μ_Ai) / σ_Ai,  i.e.  b̂ = a M + c with M_ij = W_ij σ_Bj / σ_Ai,
 *   c_j = μ_Bj − Σ_i μ_Ai M_ij,
 * where W (p × q) acts on standardised units, as the alignment methods do:
 * - `permutation`: W_ij = 1 where the max-weight matching (hungarian.ts, on signed correlation) pairs A's unit i with
 *   B's unit j: each matched unit of B is its partner of A re-scaled to B's mean and std; unmatched B units get
 *   their mean;
 * - `sparse`: W = the sparse-prediction (lasso) weights at one penalty α (sparse-prediction.ts);
 * - `linear`: W = R_AA⁻¹ R_AB, the least-squares map (the lasso at α = 0), which minimises each B unit's squared
 *   error over all affine maps from A.
 * Dead units (std 0) of A get no weight; a dead unit of B is its constant mean. A conv layer's unit is a channel, so
 * the map is a 1×1 convolution applied at every position. No nonlinearity follows the map: B's upper layers get
 * exactly b̂.
 */
import { hungarianAlignment } from '../align/hungarian.ts';
import { sparsePredictionPath, sparseWeightsColumn } from '../align/sparse-prediction.ts';
import type { PairStatistics } from '../stats/moments.ts';

export type StitchMapKind = 'permutation' | 'sparse' | 'linear';
export const STITCH_MAP_KINDS: readonly StitchMapKind[] = ['permutation', 'sparse', 'linear'];

export interface AffineMap {
  kind: StitchMapKind;
  p: number;
  q: number;
  /** p × q row-major, original units. */
  weights: Float64Array;
  /** q */
  bias: Float64Array;
  /** `sparse`: its L1 penalty. */
  penalty?: number;
  /** Mean non-zero weights per unit of B. */
  nonzero: number;
}

/** The affine map in original units from a standardised-space W (p × q). */
export function destandardise(pair: PairStatistics, w: Float64Array, kind: StitchMapKind, penalty?: number): AffineMap {
  const { p, q } = pair;
  const weights = new Float64Array(p * q);
  const bias = Float64Array.from(pair.meanB);
  let nonzero = 0;
  for (let i = 0; i < p; i++) {
    const sa = pair.stdA[i]!;
    if (pair.deadA[i] || !(sa > 0)) continue;
    for (let j = 0; j < q; j++) {
      const wij = w[i * q + j]!;
      if (wij === 0 || pair.deadB[j]) continue;
      const m = (wij * pair.stdB[j]!) / sa;
      weights[i * q + j] = m;
      bias[j] = bias[j]! - pair.meanA[i]! * m;
      nonzero++;
    }
  }
  return { kind, p, q, weights, bias, nonzero: nonzero / q, ...(penalty !== undefined ? { penalty } : {}) };
}

/** The permutation map from a matching (match[i] = B's unit for A's unit i, −1 = none). */
export function permutationMap(pair: PairStatistics, match: Int32Array): AffineMap {
  const w = new Float64Array(pair.p * pair.q);
  match.forEach((j, i) => {
    if (j >= 0) w[i * pair.q + j] = 1;
  });
  return destandardise(pair, w, 'permutation');
}

/** The three maps of a pair: permutation (max-weight matching), sparse prediction at `penalty`, least squares. */
export function stitchMaps(pair: PairStatistics, options: { penalty: number }): AffineMap[] {
  const { p, q } = pair;
  if (!(options.penalty >= 0)) throw new Error(`stitching: the sparse map's penalty must be ≥ 0, got ${options.penalty}`);
  const matching = hungarianAlignment(pair.rAB, p, q);
  const { path } = sparsePredictionPath({ rAA: pair.rAA, rAB: pair.rAB, p, q, penalties: options.penalty === 0 ? [0] : [0, options.penalty] });
  const dense = (pt: (typeof path)[number]) => {
    const w = new Float64Array(p * q);
    for (let k = 0; k < q; k++) {
      const col = sparseWeightsColumn(pt.weights, k);
      for (let i = 0; i < p; i++) w[i * q + k] = col[i]!;
    }
    return w;
  };
  const atPenalty = path.find((pt) => pt.penalty === options.penalty)!;
  const leastSquares = path.find((pt) => pt.penalty === 0)!;
  return [
    permutationMap(pair, matching.match),
    destandardise(pair, dense(atPenalty), 'sparse', options.penalty),
    destandardise(pair, dense(leastSquares), 'linear'),
  ];
}
