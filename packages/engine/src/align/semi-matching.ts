/**
 * Semi-matching (methods.md): every unit of A takes its most correlated unit of B (signed correlation, not |r|),
 * and every unit of B its most correlated unit of A. Several units may pick the same partner.
 * Ties go to the lowest index (dead units, whose correlations are all 0, therefore pick unit 0 with r = 0).
 */
export interface SemiMatching {
  /** match[i] = argmax_j rAB[i, j] (index in B), length p. */
  match: Int32Array;
  /** corr[i] = rAB[i, match[i]]. */
  corr: Float64Array;
  /** mean_i corr[i]. */
  meanCorr: number;
  /** reverseMatch[j] = argmax_i rAB[i, j] (index in A), length q. */
  reverseMatch: Int32Array;
  reverseCorr: Float64Array;
  reverseMeanCorr: number;
  /** Fraction of A's units i with reverseMatch[match[i]] = i (their best matches agree both ways). */
  oneToOneFraction: number;
}

export function checkScoreMatrix(name: string, m: Float64Array | Float32Array, p: number, q: number): void {
  if (!Number.isInteger(p) || !Number.isInteger(q) || p < 1 || q < 1) throw new Error(`${name}: need at least one unit on each side, got ${p} x ${q}`);
  if (m.length !== p * q) throw new Error(`${name}: matrix holds ${m.length} values, expected ${p} x ${q} = ${p * q}`);
}

/** Semi-matching on any p x q row-major score matrix (correlations, mutual information). */
export function semiMatching(rAB: Float64Array | Float32Array, p: number, q: number): SemiMatching {
  checkScoreMatrix('semiMatching', rAB, p, q);
  const match = new Int32Array(p);
  const corr = new Float64Array(p).fill(-Infinity);
  const reverseMatch = new Int32Array(q);
  const reverseCorr = new Float64Array(q).fill(-Infinity);
  for (let i = 0; i < p; i++) {
    const row = i * q;
    let best = -Infinity;
    let arg = 0;
    for (let j = 0; j < q; j++) {
      const v = rAB[row + j]!;
      if (v > best) {
        best = v;
        arg = j;
      }
      if (v > reverseCorr[j]!) {
        reverseCorr[j] = v;
        reverseMatch[j] = i;
      }
    }
    match[i] = arg;
    corr[i] = best;
  }
  let sum = 0;
  let oneToOne = 0;
  for (let i = 0; i < p; i++) {
    sum += corr[i]!;
    if (reverseMatch[match[i]!] === i) oneToOne++;
  }
  let rsum = 0;
  for (let j = 0; j < q; j++) rsum += reverseCorr[j]!;
  return {
    match,
    corr,
    meanCorr: sum / p,
    reverseMatch,
    reverseCorr,
    reverseMeanCorr: rsum / q,
    oneToOneFraction: oneToOne / p,
  };
}
