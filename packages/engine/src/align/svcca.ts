/**
 * SVCCA (Raghu et al. 2017; methods.md "SVCCA and PWCCA"): keep the top singular directions of each centred side that
 * explain 99% of its variance, run CCA between the reduced sides, report the mean canonical correlation. Computed from
 * the covariance blocks (cca.ts): the right singular vectors of centred X are the eigenvectors of Σ_AA and the squared
 * singular values are N × its eigenvalues, so "99% of the variance" is 99% of Σ_AA's trace.
 *
 * Other implementations differ in the reduction rule: anatome's `_svd_reduction` keeps directions until the cumulative
 * sum of singular values (not their squares) reaches 99%, and google/svcca's tutorial keeps a fixed number (20). Ours
 * follows the variance wording of the paper and methods.md.
 */
import type { PairStatistics } from '../stats/moments.ts';
import { canonicalCorrelations } from './cca.ts';

export const SVCCA_KEEP_VARIANCE = 0.99;

export interface SvccaResult {
  /** Mean canonical correlation of the reduced sides, in [0, 1]. */
  mean: number;
  /** The canonical correlations, descending. */
  correlations: Float64Array;
  /** Directions kept per side and the share of variance they explain. */
  keptA: number;
  keptB: number;
  explainedA: number;
  explainedB: number;
}

/** SVCCA of a pair from its statistics. Throws MeasureInputError when N < 2 (p + q) or a side has no variance. */
export function svcca(pair: PairStatistics, options: { keepVariance?: number; what?: string } = {}): SvccaResult {
  const keep = options.keepVariance ?? SVCCA_KEEP_VARIANCE;
  if (!(keep > 0 && keep <= 1)) throw new Error(`SVCCA: keepVariance must be in (0, 1], got ${keep}`);
  const r = canonicalCorrelations(pair, { keepVariance: keep, what: options.what ?? 'SVCCA' });
  const m = r.correlations.length;
  const mean = r.correlations.reduce((s, v) => s + v, 0) / m;
  return { mean, correlations: r.correlations, keptA: r.a.rank, keptB: r.b.rank, explainedA: r.a.explained, explainedB: r.b.explained };
}
