/**
 * Maximum-weight bipartite matching (the paper's "bipartite matching"): the injective assignment of the smaller
 * side's units that maximises the total weight, as scipy's `linear_sum_assignment(W, maximize=True)`.
 *
 * Shortest augmenting paths with dual potentials (Jonker–Volgenant family; the variant of Crouse 2016 that scipy
 * uses): one Dijkstra-like search per row over the still-unscanned columns, O(n² m) worst case, O(n m) memory.
 * Runs on the smaller side as rows (the matrix is transposed internally when rows > cols).
 */
import { checkScoreMatrix } from './semi-matching.ts';

export interface MaxWeightMatching {
  /** match[i] = column matched to row i, or -1 (only when rows > cols). */
  match: Int32Array;
  /** Σ of matched weights. */
  total: number;
}

/**
 * Minimum-cost assignment of every row of an nr x nc cost matrix (nr <= nc), row-major. Returns col4row.
 */
function solveMinCost(cost: Float64Array, nr: number, nc: number): Int32Array {
  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const shortest = new Float64Array(nc);
  const path = new Int32Array(nc).fill(-1);
  const col4row = new Int32Array(nr).fill(-1);
  const row4col = new Int32Array(nc).fill(-1);
  const SR = new Uint8Array(nr);
  const SC = new Uint8Array(nc);
  const remaining = new Int32Array(nc);
  const scannedRows = new Int32Array(nr);

  for (let curRow = 0; curRow < nr; curRow++) {
    // Dijkstra from curRow over reduced costs cost - u - v until it reaches an unassigned column.
    let minVal = 0;
    let numRemaining = nc;
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    shortest.fill(Infinity);
    let nScanned = 0;
    let i = curRow;
    let sink = -1;
    while (sink === -1) {
      SR[i] = 1;
      scannedRows[nScanned++] = i;
      let index = -1;
      let lowest = Infinity;
      const base = i * nc;
      const ui = u[i]!;
      for (let it = 0; it < numRemaining; it++) {
        const j = remaining[it]!;
        const r = minVal + cost[base + j]! - ui - v[j]!;
        let sj = shortest[j]!;
        if (r < sj) {
          path[j] = i;
          shortest[j] = r;
          sj = r;
        }
        // Prefer an unassigned column among equals: it ends the search sooner.
        if (sj < lowest || (sj === lowest && row4col[j] === -1)) {
          lowest = sj;
          index = it;
        }
      }
      minVal = lowest;
      if (index === -1 || minVal === Infinity) throw new Error('maxWeightMatching: no feasible assignment (non-finite weights?)');
      const j = remaining[index]!;
      if (row4col[j] === -1) sink = j;
      else i = row4col[j]!;
      SC[j] = 1;
      remaining[index] = remaining[--numRemaining]!;
    }
    // Update the duals along the scanned tree, then flip the augmenting path.
    u[curRow]! += minVal;
    for (let k = 0; k < nScanned; k++) {
      const r = scannedRows[k]!;
      if (r !== curRow) u[r]! += minVal - shortest[col4row[r]!]!;
      SR[r] = 0;
    }
    for (let j = 0; j < nc; j++) {
      if (SC[j]) {
        v[j]! -= minVal - shortest[j]!;
        SC[j] = 0;
      }
    }
    let j = sink;
    for (;;) {
      const r = path[j]!;
      row4col[j] = r;
      const prev = col4row[r]!;
      col4row[r] = j;
      j = prev;
      if (r === curRow) break;
    }
  }
  return col4row;
}

/** Maximum-weight matching of a rows x cols weight matrix (row-major). Rectangular: the larger side keeps -1s. */
export function maxWeightMatching(weights: Float64Array | Float32Array, rows: number, cols: number): MaxWeightMatching {
  checkScoreMatrix('maxWeightMatching', weights, rows, cols);
  for (let k = 0; k < weights.length; k++) {
    if (!Number.isFinite(weights[k]!)) {
      throw new Error(`maxWeightMatching: weight [${Math.floor(k / cols)}, ${k % cols}] is ${weights[k]}; weights must be finite`);
    }
  }
  const transposed = rows > cols;
  const nr = transposed ? cols : rows;
  const nc = transposed ? rows : cols;
  // Minimise the negated weights.
  const cost = new Float64Array(nr * nc);
  if (transposed) {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cost[j * nc + i] = -weights[i * cols + j]!;
  } else {
    for (let k = 0; k < cost.length; k++) cost[k] = -weights[k]!;
  }
  const col4row = solveMinCost(cost, nr, nc);
  const match = new Int32Array(rows).fill(-1);
  if (transposed) for (let r = 0; r < nr; r++) match[col4row[r]!] = r;
  else match.set(col4row);
  let total = 0;
  for (let i = 0; i < rows; i++) if (match[i]! >= 0) total += weights[i * cols + match[i]!]!;
  return { match, total };
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
