/**
 * Reorder correlation matrices by a one-to-one unit matching so matched pairs lie on the diagonal.
 *
 * Matrices are Float32Array in row-major order: element (i, j) at `data[i * cols + j]`.
 */

export interface UnitPair {
  /** Unit index in network A (row of the between-net matrix). */
  a: number;
  /** Unit index in network B (column). */
  b: number;
  /** Matched correlation; used to sort the diagonal from best to worst. */
  score: number;
}

export interface MatchingOrder {
  /** Row order: rows[k] is the A unit shown at position k. */
  rows: Int32Array;
  /** Column order: cols[k] is the B unit shown at position k (the partner of rows[k] for k < matched). */
  cols: Int32Array;
  /** Number of matched pairs; positions [0, matched) of the diagonal are matched pairs. */
  matched: number;
}

/**
 * Order A's units by matched score (best first), B's units by their partner's position; unmatched
 * units follow in index order. Throws on out-of-range or repeated indices (not a one-to-one matching).
 */
export function matchingOrder(nA: number, nB: number, pairs: readonly UnitPair[]): MatchingOrder {
  const usedA = new Uint8Array(nA);
  const usedB = new Uint8Array(nB);
  for (const p of pairs) {
    if (!Number.isInteger(p.a) || p.a < 0 || p.a >= nA) throw new RangeError(`matching refers to unit ${p.a} of A, which has ${nA} units`);
    if (!Number.isInteger(p.b) || p.b < 0 || p.b >= nB) throw new RangeError(`matching refers to unit ${p.b} of B, which has ${nB} units`);
    if (usedA[p.a] || usedB[p.b]) throw new Error(`matching is not one-to-one: unit a=${p.a} or b=${p.b} appears twice`);
    usedA[p.a] = 1;
    usedB[p.b] = 1;
  }
  // NaN scores sort last; ties by A index so the order is deterministic.
  const sorted = [...pairs].sort((x, y) => {
    const sx = Number.isNaN(x.score) ? -Infinity : x.score;
    const sy = Number.isNaN(y.score) ? -Infinity : y.score;
    return sy - sx || x.a - y.a;
  });
  const rows = new Int32Array(nA);
  const cols = new Int32Array(nB);
  sorted.forEach((p, k) => {
    rows[k] = p.a;
    cols[k] = p.b;
  });
  let r = sorted.length;
  for (let i = 0; i < nA; i++) if (!usedA[i]) rows[r++] = i;
  let c = sorted.length;
  for (let j = 0; j < nB; j++) if (!usedB[j]) cols[c++] = j;
  return { rows, cols, matched: sorted.length };
}

/** The identity order (no reordering). */
export function identityOrder(nA: number, nB: number): MatchingOrder {
  return { rows: Int32Array.from({ length: nA }, (_, i) => i), cols: Int32Array.from({ length: nB }, (_, j) => j), matched: 0 };
}

/** out(k, l) = data(rowOrder[k], colOrder[l]) for a rows × cols matrix. */
export function permuteMatrix(
  data: Float32Array,
  rows: number,
  cols: number,
  rowOrder: Int32Array,
  colOrder: Int32Array,
): Float32Array {
  if (data.length !== rows * cols) throw new RangeError(`matrix has ${data.length} values, expected ${rows} × ${cols}`);
  const out = new Float32Array(rowOrder.length * colOrder.length);
  for (let k = 0; k < rowOrder.length; k++) {
    const src = rowOrder[k]!;
    if (src < 0 || src >= rows) throw new RangeError(`row order refers to row ${src} of ${rows}`);
    const base = src * cols;
    const dst = k * colOrder.length;
    for (let l = 0; l < colOrder.length; l++) out[dst + l] = data[base + colOrder[l]!]!;
  }
  return out;
}

export type HeatmapView = 'between' | 'withinA' | 'withinB';

/** The matrix to draw for a view, reordered so its axes follow the matching. */
export function orderedView(
  view: HeatmapView,
  order: MatchingOrder,
  m: { between: Float32Array; withinA?: Float32Array | undefined; withinB?: Float32Array | undefined },
): { data: Float32Array; rows: number; cols: number } {
  const nA = order.rows.length;
  const nB = order.cols.length;
  if (view === 'between') return { data: permuteMatrix(m.between, nA, nB, order.rows, order.cols), rows: nA, cols: nB };
  if (view === 'withinA') {
    if (!m.withinA) throw new Error('within-A correlation matrix is not available for this pair');
    return { data: permuteMatrix(m.withinA, nA, nA, order.rows, order.rows), rows: nA, cols: nA };
  }
  if (!m.withinB) throw new Error('within-B correlation matrix is not available for this pair');
  return { data: permuteMatrix(m.withinB, nB, nB, order.cols, order.cols), rows: nB, cols: nB };
}
