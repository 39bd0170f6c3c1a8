/**
 * Maximum-weight bipartite matching (the paper's "bipartite matching"): the injective assignment of the smaller
 * side's units that maximises the total weight, as scipy's `linear_sum_assignment(W, maximize=True)`.
 *
 * Shortest augmenting paths with dual potentials (Jonker–Volgenant family; the variant of Crouse 2016 that scipy
 * uses): one Dijkstra-like search per row over the still-unscanned columns, O(n² m) worst case, O(n m) memory.
 * Square problems first run the Jonker–Volgenant initialisation (column reduction, reduction transfer, augmenting
 * row reduction), which assigns most rows cheaply so few shortest-path searches remain.
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
 * Jonker–Volgenant initialisation for a square problem: column reduction, reduction transfer and two rounds of
 * augmenting row reduction. Leaves a partial assignment in which every assigned row's column minimises
 * cost − v over its row (so u = that minimum is dual feasible) and typically only a few rows free.
 */
function jvInitialise(cost: Float64Array, n: number, v: Float64Array, col4row: Int32Array, row4col: Int32Array): void {
  const matches = new Int32Array(n);
  // Column reduction: v[j] = column minimum; the minimising row takes the column if it has none better.
  for (let j = n - 1; j >= 0; j--) {
    let min = cost[j]!;
    let imin = 0;
    for (let i = 1; i < n; i++) {
      const c = cost[i * n + j]!;
      if (c < min) {
        min = c;
        imin = i;
      }
    }
    v[j] = min;
    if (++matches[imin]! === 1) {
      col4row[imin] = j;
      row4col[j] = imin;
    } else if (v[j]! < v[col4row[imin]!]!) {
      row4col[col4row[imin]!] = -1;
      col4row[imin] = j;
      row4col[j] = imin;
    } else row4col[j] = -1;
  }
  // Reduction transfer: a row owning one column passes its slack (second-best reduced cost) to that column.
  const free = new Int32Array(n);
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    if (matches[i] === 0) {
      free[numFree++] = i;
    } else if (matches[i] === 1) {
      const j1 = col4row[i]!;
      let min = Infinity;
      const base = i * n;
      for (let j = 0; j < n; j++) if (j !== j1) min = Math.min(min, cost[base + j]! - v[j]!);
      v[j1]! -= min;
    }
  }
  // Augmenting row reduction: a free row takes its cheapest column, lowering that column's v so the row stays
  // tight; the evicted owner becomes free. Bounded work (the remaining free rows go to shortest paths anyway).
  let budget = 8 * n + 64;
  for (let round = 0; round < 2; round++) {
    let k = 0;
    const prevFree = numFree;
    numFree = 0;
    while (k < prevFree) {
      const i = free[k++]!;
      const base = i * n;
      let umin = cost[base]! - v[0]!;
      let j1 = 0;
      let j2 = -1;
      let usubmin = Infinity;
      for (let j = 1; j < n; j++) {
        const h = cost[base + j]! - v[j]!;
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      let i0 = row4col[j1]!;
      const strict = umin < usubmin;
      if (strict) v[j1]! -= usubmin - umin;
      else if (i0 > -1) {
        j1 = j2;
        i0 = row4col[j2]!;
      }
      if (i0 > -1) col4row[i0] = -1;
      col4row[i] = j1;
      row4col[j1] = i;
      if (i0 > -1) {
        if (strict && --budget > 0) free[--k] = i0;
        else free[numFree++] = i0;
      }
    }
  }
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
  const SC = new Uint8Array(nc);
  const remaining = new Int32Array(nc);
  const scannedRows = new Int32Array(nr);

  if (nr === nc && nr >= 2) jvInitialise(cost, nr, v, col4row, row4col);
  // Dual feasibility for the shortest-path phase: u_i = min_j (cost_ij − v_j); tight on every assigned pair.
  // (Rectangular problems keep v = 0 so unassigned columns satisfy complementary slackness.)
  for (let i = 0; i < nr; i++) {
    let min = Infinity;
    const base = i * nc;
    for (let j = 0; j < nc; j++) min = Math.min(min, cost[base + j]! - v[j]!);
    u[i] = min;
  }

  for (let curRow = 0; curRow < nr; curRow++) {
    if (col4row[curRow] !== -1) continue;
    // Dijkstra from curRow over reduced costs cost - u - v until it reaches an unassigned column.
    let minVal = 0;
    let numRemaining = nc;
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    shortest.fill(Infinity);
    let nScanned = 0;
    let i = curRow;
    let sink = -1;
    while (sink === -1) {
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
    for (let k = 1; k < nScanned; k++) {
      const r = scannedRows[k]!;
      u[r]! += minVal - shortest[col4row[r]!]!;
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
