/**
 * All eigenpairs of a symmetric tridiagonal matrix by the implicit QL method with Wilkinson-type shifts
 * (Numerical Recipes `tqli`). Used on the small Lanczos matrix T (m ≤ a few hundred).
 */

export interface TridiagonalEigen {
  /** Eigenvalues, in descending order. */
  values: Float64Array;
  /**
   * Eigenvectors as columns of an m×m row-major matrix: vectors[row * m + i] is component `row` of vector i. With
   * `lastRowOnly`, only the last row (length m: the last component of every eigenvector, all Lanczos needs to bound
   * the residuals), at O(m²) instead of O(m³).
   */
  vectors: Float64Array;
}

/**
 * `diag` (length m) and `off` (length m − 1; off[i] couples i and i + 1). Inputs are not modified.
 * Throws if QL fails to converge (never seen for finite input).
 */
export function tridiagonalEigen(diag: Float64Array, off: Float64Array, m: number, lastRowOnly = false): TridiagonalEigen {
  if (diag.length < m || off.length < m - 1) throw new Error(`tridiagonalEigen: need ${m} diagonal and ${m - 1} off-diagonal values`);
  const d = Float64Array.from(diag.subarray(0, m));
  const e = new Float64Array(m);
  e.set(off.subarray(0, m - 1));
  // Rotations act on columns of Z; keep all rows, or only row m − 1 (a 1×m matrix starting as e_{m−1}ᵀ). Z is stored
  // column-major (zc[col * rows + row]) so that a rotation of columns i and i + 1 runs over two contiguous runs:
  // row-major, it strode by m through the whole matrix (the same arithmetic; 3–5x slower at m ≈ 250).
  const rows = lastRowOnly ? 1 : m;
  const zc = new Float64Array(rows * m);
  if (lastRowOnly) zc[m - 1] = 1;
  else for (let i = 0; i < m; i++) zc[i * m + i] = 1;
  for (let l = 0; l < m; l++) {
    let iter = 0;
    let mm: number;
    do {
      for (mm = l; mm < m - 1; mm++) {
        const dd = Math.abs(d[mm]!) + Math.abs(d[mm + 1]!);
        if (Math.abs(e[mm]!) <= Number.EPSILON * dd) break;
      }
      if (mm !== l) {
        if (iter++ === 100) throw new Error('tridiagonalEigen: QL iteration did not converge');
        let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
        let r = Math.sqrt(g * g + 1);
        g = d[mm]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        let underflow = false;
        for (i = mm - 1; i >= l; i--) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          r = hypot2(f, g);
          e[i + 1] = r;
          if (r === 0) {
            d[i + 1] = d[i + 1]! - p;
            e[mm] = 0;
            underflow = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1]! - p;
          r = (d[i]! - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          const ci = i * rows;
          const cf = ci + rows;
          for (let row = 0; row < rows; row++) {
            const zf = zc[cf + row]!;
            const zi = zc[ci + row]!;
            zc[cf + row] = s * zi + c * zf;
            zc[ci + row] = c * zi - s * zf;
          }
        }
        if (underflow) continue;
        d[l] = d[l]! - p;
        e[l] = g;
        e[mm] = 0;
      }
    } while (mm !== l);
  }
  // Sort descending.
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => d[b]! - d[a]!);
  const values = new Float64Array(m);
  const vectors = new Float64Array(rows * m);
  for (let t = 0; t < m; t++) {
    const src = order[t]!;
    values[t] = d[src]!;
    for (let row = 0; row < rows; row++) vectors[row * m + t] = zc[src * rows + row]!;
  }
  return { values, vectors };
}

/** √(a² + b²) without overflow or underflow (Math.hypot's variadic path costs ~40% of QL in V8). */
function hypot2(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const big = Math.max(x, y);
  if (big === 0) return 0;
  const small = Math.min(x, y);
  const q = small / big;
  return big * Math.sqrt(1 + q * q);
}
