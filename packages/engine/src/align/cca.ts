/**
 * Canonical correlation analysis from the streamed covariance blocks (no second pass over activations), the core of
 * SVCCA (svcca.ts) and PWCCA (pwcca.ts); methods.md "SVCCA and PWCCA".
 *
 * With population covariances Σ_AA (p×p), Σ_BB (q×q), Σ_AB (p×q) of centred X (N×p) and Y (N×q):
 *   Σ_AA = U_A Λ_A U_Aᵀ; keep r_A directions (all numerically non-null ones, or the top ones explaining a share of
 *   the variance: SVCCA's SVD step, since the right singular vectors of centred X are U_A and s² = N·λ);
 *   W_A = U_A,r Λ_A,r^{-1/2} whitens the kept directions (likewise W_B);
 *   T = W_Aᵀ Σ_AB W_B (r_A × r_B); its singular values are the canonical correlations ρ_1 ≥ … ≥ ρ_m,
 *   m = min(r_A, r_B), and its left singular vectors P_i give A's canonical directions a_i = W_A P_i.
 * Whitening by the eigen-decomposition equals CCA on the reduced data X U_A,r (whose covariance is Λ_A,r), so the
 * reduction and the CCA share one eigen-decomposition per side.
 */
import { float64Kernels } from '../linalg/simd-kernels.ts';
import { symmetricEigen } from '../linalg/symmetric-eigen.ts';
import type { PairStatistics } from '../stats/moments.ts';

/**
 * Directions of a covariance block with variance at or below this share of the largest are numerically null and never
 * kept: the statistics' products run in float32 (covariances accurate to ~1e-6 relative), so whitening such a
 * direction would amplify rounding into spurious canonical correlations near 1. Dead units land here too.
 */
export const NULL_VARIANCE = 1e-6;

/** CCA needs N ≥ MIN_SAMPLES_PER_UNIT × (p + q) samples (methods.md: "N well above p + q"). */
export const MIN_SAMPLES_PER_UNIT = 2;

/** A measure asked of statistics with too few samples (or a similar precondition); the message says what to do. */
export class MeasureInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeasureInputError';
  }
}

/** Throw a MeasureInputError unless N ≥ MIN_SAMPLES_PER_UNIT × (p + q). `what` names the measure (and layer). */
export function requireCcaSamples(what: string, n: number, p: number, q: number): void {
  const need = MIN_SAMPLES_PER_UNIT * (p + q);
  if (n < need) {
    throw new MeasureInputError(
      `${what} needs at least ${MIN_SAMPLES_PER_UNIT} × (p + q) = ${need} samples for ${p} + ${q} units, but the statistics hold ${n}; ` +
        'record more probe images (or positions), or compare a layer with fewer units',
    );
  }
}

export interface CcaSide {
  /** Directions kept. */
  rank: number;
  /** Kept eigenvectors (columns, p × rank row-major) and their eigenvalues (variances), descending. */
  vectors: Float64Array;
  values: Float64Array;
  /** Share of the side's total variance the kept directions explain. */
  explained: number;
}

export interface CcaResult {
  /** Canonical correlations, descending, length min(rankA, rankB), each in [0, 1]. */
  correlations: Float64Array;
  a: CcaSide;
  b: CcaSide;
  /**
   * With `directionsA`: for each canonical pair i, Σ_AA a_i (p values, row-major m × p): the covariance of A's
   * canonical variate with every unit of A, which PWCCA's weights are built from.
   */
  loadingsA?: Float64Array;
}

/**
 * The kept eigen-directions of a covariance block: every direction above NULL_VARIANCE × the largest variance, or,
 * with `keepVariance` < 1, the fewest leading directions whose variances add up to at least that share of the total.
 */
export function reduceSide(cov: Float64Array, p: number, keepVariance: number): CcaSide {
  const { values, vectors } = symmetricEigen(cov, p);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  const top = values[0] ?? 0;
  let rank = 0;
  if (top > 0) {
    let acc = 0;
    while (rank < p && values[rank]! > NULL_VARIANCE * top) {
      acc += values[rank]!;
      rank++;
      if (keepVariance < 1 && acc >= keepVariance * total) break;
    }
  }
  const kept = new Float64Array(p * rank);
  for (let r = 0; r < p; r++) for (let k = 0; k < rank; k++) kept[r * rank + k] = vectors[r * p + k]!;
  const explainedSum = values.subarray(0, rank).reduce((s, v) => s + v, 0);
  return { rank, vectors: kept, values: values.slice(0, rank), explained: total > 0 ? explainedSum / total : 0 };
}

/**
 * C = Aᵀ B for A (n×a) and B (n×b), row-major, float64: C's row i += A[r][i] · B's row r, as WebAssembly SIMD axpys
 * (elementwise, so the same bits as the plain loop).
 */
function atb(A: Float64Array, B: Float64Array, n: number, a: number, b: number): Float64Array {
  const K = float64Kernels(n * b + a * b);
  K.f64.set(B.subarray(0, n * b), 0);
  const C = n * b;
  for (let r = 0; r < n; r++) {
    const ar = r * a;
    for (let i = 0; i < a; i++) {
      const x = A[ar + i]!;
      if (x !== 0) K.axpy(C + i * b, x, r * b, b);
    }
  }
  return K.f64.slice(C, C + a * b);
}

/** C = A B for A (n×m) and B (m×k), row-major, float64: C's row i += A[i][t] · B's row t (SIMD axpys, as atb). */
export function matmul(A: Float64Array, B: Float64Array, n: number, m: number, k: number): Float64Array {
  const K = float64Kernels(m * k + n * k);
  K.f64.set(B.subarray(0, m * k), 0);
  const C = m * k;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < m; t++) {
      const x = A[i * m + t]!;
      if (x !== 0) K.axpy(C + i * k, x, t * k, k);
    }
  }
  return K.f64.slice(C, C + n * k);
}

export interface CcaOptions {
  /** Share of each side's variance the kept directions must explain (SVCCA: 0.99); 1 keeps every non-null direction. */
  keepVariance: number;
  /** Also compute A's canonical loadings (PWCCA). */
  directionsA?: boolean;
  /** Names the measure in errors, e.g. `SVCCA at conv2`. */
  what?: string;
}

/** Canonical correlations of a pair from its covariance blocks; see the file comment. */
export function canonicalCorrelations(pair: PairStatistics, options: CcaOptions): CcaResult {
  const { p, q, n } = pair;
  const what = options.what ?? 'CCA';
  requireCcaSamples(what, n, p, q);
  const a = reduceSide(pair.covAA, p, options.keepVariance);
  const b = reduceSide(pair.covBB, q, options.keepVariance);
  if (a.rank === 0 || b.rank === 0) {
    throw new MeasureInputError(`${what} is undefined: every unit of ${a.rank === 0 ? 'A' : 'B'} has zero variance on these samples`);
  }
  const ra = a.rank;
  const rb = b.rank;
  // W = U_r Λ_r^{-1/2}
  const wa = Float64Array.from(a.vectors);
  for (let r = 0; r < p; r++) for (let k = 0; k < ra; k++) wa[r * ra + k] = wa[r * ra + k]! / Math.sqrt(a.values[k]!);
  const wb = Float64Array.from(b.vectors);
  for (let r = 0; r < q; r++) for (let k = 0; k < rb; k++) wb[r * rb + k] = wb[r * rb + k]! / Math.sqrt(b.values[k]!);
  // T = W_Aᵀ (Σ_AB W_B)
  const t = atb(wa, matmul(pair.covAB, wb, p, q, rb), p, ra, rb);
  const m = Math.min(ra, rb);
  const correlations = new Float64Array(m);
  const out: CcaResult = { correlations, a, b };
  if (options.directionsA || ra <= rb) {
    // T Tᵀ (ra × ra): eigenvalues ρ², eigenvectors P (A's side).
    const g = new Float64Array(ra * ra);
    const K = float64Kernels(ra * rb);
    K.f64.set(t);
    for (let i = 0; i < ra; i++) {
      for (let j = 0; j <= i; j++) g[i * ra + j] = g[j * ra + i] = K.dot(i * rb, j * rb, rb);
    }
    const eig = symmetricEigen(g, ra, { valuesOnly: !options.directionsA });
    for (let i = 0; i < m; i++) correlations[i] = Math.min(1, Math.sqrt(Math.max(0, eig.values[i]!)));
    if (options.directionsA) {
      // Σ_AA a_i = U_r Λ_r^{1/2} P_i; row i of the result holds it for canonical pair i.
      // As (U_r · S)ᵀ with S[k][i] = √λ_k P[k][i]: one row-axpy product, then a transpose.
      const sp = new Float64Array(ra * m);
      for (let k = 0; k < ra; k++) for (let i = 0; i < m; i++) sp[k * m + i] = Math.sqrt(a.values[k]!) * eig.vectors[k * ra + i]!;
      const us = matmul(a.vectors, sp, p, ra, m);
      const loadings = new Float64Array(m * p);
      for (let r = 0; r < p; r++) for (let i = 0; i < m; i++) loadings[i * p + r] = us[r * m + i]!;
      out.loadingsA = loadings;
    }
  } else {
    const g = atb(t, t, ra, rb, rb);
    const eig = symmetricEigen(g, rb, { valuesOnly: true });
    for (let i = 0; i < m; i++) correlations[i] = Math.min(1, Math.sqrt(Math.max(0, eig.values[i]!)));
  }
  return out;
}
