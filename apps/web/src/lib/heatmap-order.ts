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

/**
 * The matrix to draw for a view, reordered so its axes follow the matching. `sizes` are the stored matrices' unit
 * counts when the order leaves units out (hidden dead units); by default the order covers every unit.
 */
export function orderedView(
  view: HeatmapView,
  order: MatchingOrder,
  m: { between: Float32Array; withinA?: Float32Array | undefined; withinB?: Float32Array | undefined },
  sizes: { nA: number; nB: number } = { nA: order.rows.length, nB: order.cols.length },
): { data: Float32Array; rows: number; cols: number } {
  const { nA, nB } = sizes;
  const rA = order.rows.length;
  const rB = order.cols.length;
  if (view === 'between') return { data: permuteMatrix(m.between, nA, nB, order.rows, order.cols), rows: rA, cols: rB };
  if (view === 'withinA') {
    if (!m.withinA) throw new Error('within-A correlation matrix is not available for this pair');
    return { data: permuteMatrix(m.withinA, nA, nA, order.rows, order.rows), rows: rA, cols: rA };
  }
  if (!m.withinB) throw new Error('within-B correlation matrix is not available for this pair');
  return { data: permuteMatrix(m.withinB, nB, nB, order.cols, order.cols), rows: rB, cols: rB };
}

/**
 * Dead units as the correlation matrix shows them: a unit with zero variance over the probe set has no defined
 * correlation with anything, so its whole row (A) or column (B) of the between matrix is NaN. (The API's
 * Layer.deadCount counts the same units from the recorded statistics; the page shows both.)
 */
export function deadUnits(between: Float32Array, nA: number, nB: number): { a: number[]; b: number[] } {
  if (between.length !== nA * nB) throw new RangeError(`matrix has ${between.length} values, expected ${nA} × ${nB}`);
  const a: number[] = [];
  const colLive = new Uint8Array(nB);
  for (let i = 0; i < nA; i++) {
    let live = false;
    for (let j = 0; j < nB; j++) {
      if (!Number.isNaN(between[i * nB + j]!)) {
        live = true;
        colLive[j] = 1;
      }
    }
    if (!live) a.push(i);
  }
  const b: number[] = [];
  for (let j = 0; j < nB; j++) if (!colLive[j]) b.push(j);
  // A matrix of one live unit against only dead ones would mark everything dead: then nothing is "dead" by this test.
  return a.length === nA || b.length === nB ? { a: a.length === nA ? [] : a, b: b.length === nB ? [] : b } : { a, b };
}

/**
 * The order without some units: a matched pair with a hidden unit leaves the diagonal (its live partner moves to
 * the unmatched tail), so every remaining diagonal position is still a matched pair.
 */
export function withoutUnits(order: MatchingOrder, hideA: ReadonlySet<number>, hideB: ReadonlySet<number>): MatchingOrder {
  const rows: number[] = [];
  const cols: number[] = [];
  const tailA: number[] = [];
  const tailB: number[] = [];
  for (let k = 0; k < order.matched; k++) {
    const ra = order.rows[k]!;
    const cb = order.cols[k]!;
    if (!hideA.has(ra) && !hideB.has(cb)) {
      rows.push(ra);
      cols.push(cb);
    } else {
      if (!hideA.has(ra)) tailA.push(ra);
      if (!hideB.has(cb)) tailB.push(cb);
    }
  }
  const matched = rows.length;
  const byIndex = (x: number, y: number) => x - y;
  const restA = [...tailA, ...Array.from(order.rows.subarray(order.matched)).filter((i) => !hideA.has(i))].sort(byIndex);
  const restB = [...tailB, ...Array.from(order.cols.subarray(order.matched)).filter((j) => !hideB.has(j))].sort(byIndex);
  return { rows: Int32Array.from([...rows, ...restA]), cols: Int32Array.from([...cols, ...restB]), matched };
}
