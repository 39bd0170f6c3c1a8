/**
 * Maximum-weight bipartite matching (the paper's "bipartite matching"): the injective assignment of the smaller
 * side's units that maximises the total weight, as scipy's `linear_sum_assignment(W, maximize=True)`, and exact
 * like it (optimal up to floating-point rounding of the dual updates).
 *
 * Shortest augmenting paths with dual potentials (Jonker–Volgenant family, the Crouse 2016 variant scipy uses),
 * O(n² m) worst case, run on the smaller side as rows (the matrix is transposed when rows > cols). Correlation
 * matrices have a few dominant entries per row, so the solver works on candidate lists (`assignment/`):
 * 1. the k best columns per row and a bound on the rest (one pass over the matrix);
 * 2. Jonker–Volgenant augmenting row reduction on those lists, which assigns most rows;
 * 3. shortest-path searches for the rest on the lists, scanning a full row only when its bound requires it, so
 *    every step is exact for the full matrix (no verification or repair needed);
 * 4. when full-row scans dominate (e.g. rank-one matrices, where all rows prefer the same columns), the remaining
 *    searches switch to the dense scipy-style kernel from the same dual state.
 */
import { checkScoreMatrix } from './semi-matching.ts';
import { selectCandidates } from './assignment/candidates.ts';
import { candidateRowReduction } from './assignment/row-reduction.ts';
import { type AssignmentWork, candidateSearches, denseSearches, newWork } from './assignment/shortest-path.ts';

export type { AssignmentWork } from './assignment/shortest-path.ts';

export interface MaxWeightMatching {
  /** match[i] = column matched to row i, or -1 (only when rows > cols). */
  match: Int32Array;
  /** Σ of matched weights. */
  total: number;
  /** What the solver did (searches, scanned rows, full-row expansions). */
  work: AssignmentWork;
}

export interface MaxWeightMatchingOptions {
  /**
   * Candidate columns per row (default 16; ≥ the column count means all). 0 skips the candidate stages and runs
   * only dense searches. Any value gives the same optimum; it only changes the work.
   */
  candidatesPerRow?: number;
}

/** Default list length: on the 1,024-unit benchmark, 8 needs ~1,500 row expansions, 16 ~200, 24 ~15. */
export const DEFAULT_CANDIDATES_PER_ROW = 16;

/** Throws, naming the first NaN or infinite weight (row-major order of the caller's matrix). */
function checkFinite(weights: Float64Array | Float32Array, cols: number): void {
  for (let k = 0; k < weights.length; k++) {
    if (!Number.isFinite(weights[k]!)) {
      throw new Error(`maxWeightMatching: weight [${Math.floor(k / cols)}, ${k % cols}] is ${weights[k]}; weights must be finite`);
    }
  }
}

/**
 * Minimum-cost assignment of every row of an nr x nc problem (nr <= nc) with costs −w (row-major). `checkFinite`
 * throws on a non-finite weight: called up front by the dense path, and by the candidate path only when its pass
 * over the matrix met one.
 */
function solveAssignment(
  w: Float64Array,
  nr: number,
  nc: number,
  candidatesPerRow: number,
  work: AssignmentWork,
  checkFinite: () => void,
): Int32Array {
  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const col4row = new Int32Array(nr).fill(-1);
  const row4col = new Int32Array(nc).fill(-1);
  let searchesDone = false;
  if (candidatesPerRow > 0) {
    const cand = selectCandidates(w, nr, nc, candidatesPerRow);
    if (!cand.finite) {
      checkFinite();
      throw new Error('maxWeightMatching: weights must be finite'); // not reached: checkFinite names the entry
    }
    candidateRowReduction(w, nr, nc, cand, u, v, col4row, row4col);
    searchesDone = candidateSearches(w, nr, nc, cand, u, v, col4row, row4col, work);
  } else {
    checkFinite();
    // Dual feasibility for the searches: u_i = min_j c_ij with v = 0.
    for (let i = 0; i < nr; i++) {
      let min = Infinity;
      const base = i * nc;
      for (let j = 0; j < nc; j++) min = Math.min(min, -w[base + j]!);
      u[i] = min;
    }
  }
  if (!searchesDone) denseSearches(w, nr, nc, u, v, col4row, row4col, work);
  return col4row;
}

/** Maximum-weight matching of a rows x cols weight matrix (row-major). Rectangular: the larger side keeps -1s. */
export function maxWeightMatching(
  weights: Float64Array | Float32Array,
  rows: number,
  cols: number,
  options: MaxWeightMatchingOptions = {},
): MaxWeightMatching {
  checkScoreMatrix('maxWeightMatching', weights, rows, cols);
  const candidatesPerRow = options.candidatesPerRow ?? DEFAULT_CANDIDATES_PER_ROW;
  if (!Number.isInteger(candidatesPerRow) || candidatesPerRow < 0) {
    throw new Error(`maxWeightMatching: candidatesPerRow must be a non-negative integer, got ${candidatesPerRow}`);
  }
  const transposed = rows > cols;
  const nr = transposed ? cols : rows;
  const nc = transposed ? rows : cols;
  // The kernels read one Float64Array type only (monomorphic loops): float64 input is used as is, other input is
  // copied once (the transpose needs a copy anyway).
  let w: Float64Array;
  if (transposed) {
    w = new Float64Array(nr * nc);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) w[j * nc + i] = weights[i * cols + j]!;
  } else w = weights instanceof Float64Array ? weights : Float64Array.from(weights);
  const work = newWork();
  const col4row = solveAssignment(w, nr, nc, candidatesPerRow, work, () => checkFinite(weights, cols));
  const match = new Int32Array(rows).fill(-1);
  if (transposed) for (let r = 0; r < nr; r++) match[col4row[r]!] = r;
  else match.set(col4row);
  let total = 0;
  for (let i = 0; i < rows; i++) if (match[i]! >= 0) total += weights[i * cols + match[i]!]!;
  return { match, total, work };
}

export interface HungarianAlignment {
  /** match[i] = unit of B matched to unit i of A, or -1 when A has more units than B and i is left out. */
  match: Int32Array;
  /** corr[i] = rAB[i, match[i]]; NaN where unmatched (null in JSON). */
  corr: Float64Array;
  /** Mean correlation over matched units. */
  meanCorr: number;
}

/** Max-weight matching on the signed correlation between A's and B's units (p x q, row-major). */
export function hungarianAlignment(rAB: Float64Array | Float32Array, p: number, q: number): HungarianAlignment {
  const { match } = maxWeightMatching(rAB, p, q);
  const corr = new Float64Array(p).fill(NaN);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < p; i++) {
    const j = match[i]!;
    if (j < 0) continue;
    corr[i] = rAB[i * q + j]!;
    sum += corr[i]!;
    count++;
  }
  return { match, corr, meanCorr: sum / count };
}
