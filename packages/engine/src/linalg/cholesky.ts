/**
 * Cholesky factorisation and solves for symmetric positive-definite matrices, row-major `n x n` Float64Array.
 * Small dense helper (the least-squares oracle of sparse prediction, ridge-like solves); O(n³/3).
 */

/** Lower factor `L` (row-major, upper triangle zero) with `A = L Lᵀ`; throws if `A` is not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array {
  if (a.length !== n * n) throw new Error(`cholesky: matrix has ${a.length} values, expected ${n}x${n}`);
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j]!;
    for (let k = 0; k < j; k++) d -= l[rj + k]! * l[rj + k]!;
    if (!(d > 0)) {
      throw new Error(`cholesky: matrix is not positive definite (pivot ${j} = ${d}); drop dependent or dead units`);
    }
    const ljj = Math.sqrt(d);
    l[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= l[ri + k]! * l[rj + k]!;
      l[ri + j] = s / ljj;
    }
  }
  return l;
}

/** Solve `L Lᵀ x = b` given the lower factor from `cholesky`. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  if (b.length !== n) throw new Error(`choleskySolve: right-hand side has ${b.length} values, expected ${n}`);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= l[ri + k]! * y[k]!;
    y[i] = s / l[ri + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/**
 * In-place variant for hot loops: overwrite the leading `n x n` block of `a` (row-major, stride n) with its lower
 * Cholesky factor. Returns false (leaving `a` partly overwritten) when the matrix is not numerically positive
 * definite (a pivot ≤ `minPivot` times the largest diagonal entry).
 */
export function choleskyInPlace(a: Float64Array, n: number, minPivot = 1e-13): boolean {
  let dmax = 0;
  for (let j = 0; j < n; j++) dmax = Math.max(dmax, a[j * n + j]!);
  const floor = minPivot * dmax;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j]!;
    for (let k = 0; k < j; k++) d -= a[rj + k]! * a[rj + k]!;
    if (!(d > floor)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= a[ri + k]! * a[rj + k]!;
      a[ri + j] = s * inv;
    }
  }
  return true;
}

/** Solve `L Lᵀ x = b` in place (`b` becomes `x`) with the lower factor in the leading `n x n` block of `l`. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= l[ri + k]! * b[k]!;
    b[i] = s / l[ri + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    const xi = b[i]! / l[i * n + i]!;
    b[i] = xi;
    // Column i of Lᵀ's back substitution, done as an axpy over row i of L (contiguous).
    const ri = i * n;
    for (let k = 0; k < i; k++) b[k] = b[k]! - l[ri + k]! * xi;
  }
}

/** Inverse of a symmetric positive-definite `n x n` matrix (row-major), or undefined if it is not PD. */
export function spdInverse(a: Float64Array, n: number, minPivot = 1e-13): Float64Array | undefined {
  const l = Float64Array.from(a.subarray(0, n * n));
  if (!choleskyInPlace(l, n, minPivot)) return undefined;
  // Invert L (lower), then A⁻¹ = L⁻ᵀ L⁻¹.
  // Row i of L⁻¹ = −(Σ_k L[i][k] · row k of L⁻¹) / L[i][i], accumulated over contiguous rows.
  const li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < i; k++) {
      const lik = l[ri + k]!;
      if (lik === 0) continue;
      const rk = k * n;
      for (let j = 0; j <= k; j++) li[ri + j] = li[ri + j]! + lik * li[rk + j]!;
    }
    const inv = 1 / l[ri + i]!;
    for (let j = 0; j < i; j++) li[ri + j] = -li[ri + j]! * inv;
    li[ri + i] = inv;
  }
  const inv = new Float64Array(n * n);
  // inv = liᵀ li: inv[j][c] = Σ_k li[k][j] li[k][c]; accumulate row k of li as outer products (contiguous).
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    for (let j = 0; j <= k; j++) {
      const v = li[rk + j]!;
      if (v === 0) continue;
      const rj = j * n;
      for (let c = 0; c <= k; c++) inv[rj + c] = inv[rj + c]! + v * li[rk + c]!;
    }
  }
  return inv;
}
