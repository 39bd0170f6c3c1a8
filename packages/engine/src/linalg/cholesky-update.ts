/**
 * Downdate of a kept Cholesky factor when the matrix loses one row/column, in O((n−k)²) instead of the O(n³/3) of a
 * fresh factorisation. Used by sparse prediction's Newton steps, where the support changes by a few units between
 * consecutive solves (appending a unit is the bordered row, done inline there).
 *
 * Layout: the lower factor L (A = L Lᵀ, n×n) is stored row-major with row stride `stride ≥ n` (so a factor can grow
 * in place inside a larger buffer); row i holds L[i, 0..i], entries right of the diagonal are never read.
 */

/**
 * Remove row/column `k` of A from its factor in place: rows k+1..n−1 move up one, and Givens rotations on column
 * pairs (j, j+1), j = k..n−2, restore the lower-triangular form (the deleted row left one superdiagonal entry per
 * moved row). The result is the factor of A without row/column k, of size n−1, positive diagonal.
 */
export function choleskyDeleteInPlace(l: Float64Array, n: number, stride: number, k: number): void {
  if (!(Number.isInteger(k) && k >= 0 && k < n)) throw new Error(`choleskyDelete: index ${k} is outside 0..${n - 1}`);
  if (stride < n || l.length < (n - 1) * stride + n) {
    throw new Error(`choleskyDelete: buffer of ${l.length} values with stride ${stride} cannot hold a ${n}x${n} factor`);
  }
  // Shift rows up: old row i (entries 0..i) becomes row i−1, whose entry at column i is the new superdiagonal.
  for (let i = k + 1; i < n; i++) {
    const src = i * stride;
    const dst = (i - 1) * stride;
    for (let c = 0; c <= i; c++) l[dst + c] = l[src + c]!;
  }
  // Rotate columns j and j+1 to zero row j's superdiagonal; rows j..n−2 are affected.
  for (let j = k; j < n - 1; j++) {
    const rj = j * stride;
    const a = l[rj + j]!;
    const b = l[rj + j + 1]!;
    const r = Math.hypot(a, b);
    l[rj + j] = r;
    l[rj + j + 1] = 0;
    if (r === 0) continue;
    const c = a / r;
    const s = b / r;
    for (let i = j + 1; i < n - 1; i++) {
      const ri = i * stride;
      const x = l[ri + j]!;
      const y = l[ri + j + 1]!;
      l[ri + j] = c * x + s * y;
      l[ri + j + 1] = c * y - s * x;
    }
  }
}
