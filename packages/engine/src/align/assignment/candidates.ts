/**
 * Candidate lists for the assignment solver: the k largest weights of each row, plus a lower bound on the cost
 * (= −weight) of every other column of that row. On correlation matrices the optimal partner of a unit is almost
 * always among its few best-correlated units (rank ≤ 18 of 1,024 on the benchmark data), so the shortest-path
 * searches can run on these lists and touch the full row only when the bound says they must.
 */

export interface CandidateLists {
  /** Candidates per row (≤ columns). */
  k: number;
  /** cols[i*k + t] = the t-th candidate column of row i (no particular order). */
  cols: Int32Array;
  /** costs[i*k + t] = −weight of that entry (the solver minimises cost). */
  costs: Float64Array;
  /** bound[i] ≤ cost of every non-candidate column of row i (+Infinity when every column is a candidate). */
  bound: Float64Array;
  /** False when the pass met a NaN or infinite weight (the lists are then incomplete and must not be used). */
  finite: boolean;
}

/**
 * Per row, the k largest weights by a (k+1)-entry min-heap in one sequential pass over the row-major matrix; the
 * heap's root after the pass is the (k+1)-th largest weight, whose negation bounds the cost of all non-candidates.
 * The same pass checks that every weight is finite (a separate check would cost a second pass over the matrix).
 */
export function selectCandidates(w: Float64Array, nr: number, nc: number, kWanted: number): CandidateLists {
  const k = Math.min(kWanted, nc);
  const cols = new Int32Array(nr * k);
  const costs = new Float64Array(nr * k);
  const bound = new Float64Array(nr);
  if (k === nc) {
    let finite = true;
    for (let i = 0; i < nr; i++) {
      for (let j = 0; j < nc; j++) {
        const x = w[i * nc + j]!;
        if (x - x !== 0) finite = false;
        cols[i * nc + j] = j;
        costs[i * nc + j] = -x;
      }
    }
    bound.fill(Infinity);
    return { k, cols, costs, bound, finite };
  }
  const size = k + 1;
  const hw = new Float64Array(size);
  const hj = new Int32Array(size);
  for (let i = 0; i < nr; i++) {
    const base = i * nc;
    // Start at a row-dependent column so that equal weights spread the candidates over all columns instead of
    // every row keeping the same first few (constant or integer-valued matrices).
    const off = Math.floor((i * nc) / nr);
    let filled = 0;
    let top = -Infinity;
    for (let seg = 0; seg < 2; seg++) {
      const from = seg === 0 ? off : 0;
      const to = seg === 0 ? nc : off;
      for (let j = from; j < to; j++) {
        const x = w[base + j]!;
        if (x - x !== 0) return { k, cols, costs, bound, finite: false }; // NaN or ±Infinity
        if (filled < size) {
          let pos = filled++;
          while (pos > 0) {
            const parent = (pos - 1) >> 1;
            if (hw[parent]! <= x) break;
            hw[pos] = hw[parent]!;
            hj[pos] = hj[parent]!;
            pos = parent;
          }
          hw[pos] = x;
          hj[pos] = j;
          top = hw[0]!;
          continue;
        }
        if (x <= top) continue;
        // Replace the root (the smallest kept weight) and sift down.
        let pos = 0;
        for (;;) {
          const l = 2 * pos + 1;
          if (l >= size) break;
          const r = l + 1;
          const c = r < size && hw[r]! < hw[l]! ? r : l;
          if (hw[c]! >= x) break;
          hw[pos] = hw[c]!;
          hj[pos] = hj[c]!;
          pos = c;
        }
        hw[pos] = x;
        hj[pos] = j;
        top = hw[0]!;
      }
    }
    bound[i] = -top;
    const out = i * k;
    for (let t = 1; t < size; t++) {
      cols[out + t - 1] = hj[t]!;
      costs[out + t - 1] = -hw[t]!;
    }
  }
  return { k, cols, costs, bound, finite: true };
}
