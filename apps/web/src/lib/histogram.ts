/** Equal-width histogram binning and per-unit best correlations for the pair view. */

export interface Histogram {
  lo: number;
  hi: number;
  /** bins + 1 edges; bin k covers [edges[k], edges[k+1]), the last bin also includes hi. */
  edges: Float64Array;
  counts: Int32Array;
  /** Finite values inside [lo, hi] that were counted. */
  counted: number;
  /** NaN / infinite values and values outside [lo, hi], which are not counted. */
  skipped: number;
}

export function histogram(values: ArrayLike<number>, bins: number, range?: { lo: number; hi: number }): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram needs a positive integer bin count, got ${bins}`);
  let lo = range?.lo ?? Infinity;
  let hi = range?.hi ?? -Infinity;
  if (!range) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    } else if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
  } else if (!(hi > lo)) {
    throw new RangeError(`histogram range must have hi > lo, got [${lo}, ${hi}]`);
  }
  const edges = new Float64Array(bins + 1);
  const width = (hi - lo) / bins;
  for (let k = 0; k <= bins; k++) edges[k] = lo + k * width;
  edges[bins] = hi;
  const counts = new Int32Array(bins);
  let counted = 0;
  let skipped = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v < lo || v > hi) {
      skipped++;
      continue;
    }
    let k = Math.floor((v - lo) / width);
    if (k >= bins) k = bins - 1;
    // Guard against rounding putting v one bin off its edges.
    while (k > 0 && v < edges[k]!) k--;
    while (k < bins - 1 && v >= edges[k + 1]!) k++;
    counts[k]!++;
    counted++;
  }
  return { lo, hi, edges, counts, counted, skipped };
}

/** Rows for a recharts bar chart: one entry per bin with its centre and count. */
export function histogramRows(h: Histogram): { x: number; from: number; to: number; count: number }[] {
  return Array.from(h.counts, (count, k) => ({
    x: (h.edges[k]! + h.edges[k + 1]!) / 2,
    from: h.edges[k]!,
    to: h.edges[k + 1]!,
    count,
  }));
}

/** Max over each row of a rows × cols row-major matrix (each A unit's best correlation in B). NaN ignored. */
export function rowMax(data: Float32Array, rows: number, cols: number): Float32Array {
  if (data.length !== rows * cols) throw new RangeError(`matrix has ${data.length} values, expected ${rows} × ${cols}`);
  const out = new Float32Array(rows).fill(NaN);
  for (let i = 0; i < rows; i++) {
    let best = -Infinity;
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j]!;
      if (v > best) best = v;
    }
    if (best > -Infinity) out[i] = best;
  }
  return out;
}

/** Max over each column (each B unit's best correlation in A). NaN ignored. */
export function colMax(data: Float32Array, rows: number, cols: number): Float32Array {
  if (data.length !== rows * cols) throw new RangeError(`matrix has ${data.length} values, expected ${rows} × ${cols}`);
  const best = new Float32Array(cols).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j]!;
      if (v > best[j]!) best[j] = v;
    }
  }
  for (let j = 0; j < cols; j++) if (best[j] === -Infinity) best[j] = NaN;
  return best;
}
