/**
 * Dense symmetric eigen-decomposition: Householder reduction to tridiagonal form, then the implicit QL method with
 * Wilkinson shifts on the tridiagonal matrix, accumulating the transformations (the EISPACK tred2 / tql2 pair, as in
 * JAMA; the previous plain-JS build is kept as symmetric-eigen-jama.ts, the tests' and benchmark's reference). O(n³);
 * used for the covariance blocks of CCA and Procrustes (n up to a few thousand units).
 *
 * The work runs in WebAssembly memory with the SIMD kernels of simd-kernels.ts: the reduction's symmetric
 * matrix-vector product and rank-2 update and the accumulation are dot products and axpys over contiguous rows, and
 * the QL rotations — the bulk of the cost — are recorded as they are made and applied afterwards to panels of 8
 * rows of Q stored column-interleaved (rot8), so that each rotation touches each entry with one load and one store,
 * two rows per SIMD instruction. Every entry of Q meets the same rotations in the same order with the same
 * arithmetic as in tql2, so the rotations change no rounding; the reduction's sums run in another order (results
 * agree with the reference to ~1e-15 relative).
 */
import { float64Kernels, type Float64Kernels } from './simd-kernels.ts';

export interface SymmetricEigen {
  /** Eigenvalues in descending order. */
  values: Float64Array;
  /** Eigenvectors as COLUMNS of an n×n row-major matrix: vectors[row * n + i] is component `row` of vector i. */
  vectors: Float64Array;
}

/** Rotations recorded before they are applied to Q (a batch's (cos, sin) pairs stay in cache while Q streams). */
const LOG_PAIRS = 1 << 15;

/**
 * All eigenpairs of the symmetric n×n matrix `a` (row-major; only its lower triangle is read). Throws on non-finite
 * input and if QL fails to converge (not seen for finite input).
 */
export function symmetricEigen(a: Float64Array, n: number, options: { valuesOnly?: boolean } = {}): SymmetricEigen {
  const vectorsToo = options.valuesOnly !== true;
  if (!Number.isInteger(n) || n < 0) throw new Error(`symmetricEigen: size must be a whole number ≥ 0, got ${n}`);
  if (a.length < n * n) throw new Error(`symmetricEigen: matrix has ${a.length} values, fewer than ${n}x${n}`);
  for (let i = 0; i < n * n; i++) if (!Number.isFinite(a[i]!)) throw new Error(`symmetricEigen: non-finite value at (${Math.floor(i / n)}, ${i % n})`);
  const values = new Float64Array(n);
  const vectors = new Float64Array(vectorsToo ? n * n : 0);
  if (n === 0) return { values, vectors };
  // Workspace (Float64 indices): C = the matrix, then Q in TRANSPOSE layout (C[j*n + i] = Q[i][j], so the
  // reduction's loops down columns of Q run along contiguous rows); D, E = the tridiagonal; W = Q as 8-row panels,
  // column-interleaved (W[g*8n + 8i + r] = Q[8g + r][i], rows past n zero); L = the rotation log.
  const panels = Math.ceil(n / 8);
  const D = n * n;
  const E = D + n;
  const W = E + n;
  const L = W + (vectorsToo ? panels * 8 * n : 0);
  const K = float64Kernels(L + (vectorsToo ? 2 * Math.max(LOG_PAIRS, n) : 0));
  const f64 = K.f64;
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) f64[j * n + i] = f64[i * n + j] = a[i * n + j]!;
  tred2(K, 0, D, E, n, vectorsToo);
  if (vectorsToo) {
    for (let i = 0; i < n; i++) {
      const ci = i * n;
      for (let r = 0; r < n; r++) f64[W + (r >> 3) * 8 * n + 8 * i + (r & 7)] = f64[ci + r]!;
    }
  }
  const d = f64.subarray(D, D + n);
  const e = f64.subarray(E, E + n);
  tql2(d, e, n, vectorsToo ? new RotationLog(K, W, panels, n, L, Math.max(LOG_PAIRS, n)) : undefined);
  // Sort descending; eigenvector k is column order[k] of Q.
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y]! - d[x]!);
  for (let k = 0; k < n; k++) values[k] = d[order[k]!]!;
  if (vectorsToo) {
    for (let r = 0; r < n; r++) {
      const base = W + (r >> 3) * 8 * n + (r & 7);
      const row = r * n;
      for (let k = 0; k < n; k++) vectors[row + k] = f64[base + 8 * order[k]!]!;
    }
  }
  return { values, vectors };
}

/** The QL sweeps' rotations, recorded and applied to the panels of Q in batches (see the file comment). */
class RotationLog {
  /** Per sweep: first pair's index, m, l. */
  private readonly sweeps: Int32Array;
  private count = 0;
  private nSweeps = 0;

  constructor(
    private readonly K: Float64Kernels,
    private readonly W: number,
    private readonly panels: number,
    private readonly n: number,
    private readonly L: number,
    private readonly cap: number,
  ) {
    this.sweeps = new Int32Array(3 * cap);
  }

  /** Start a sweep over rotations i = m−1 … l (applied to columns i, i+1 of Q). */
  begin(m: number, l: number): void {
    if (this.count + (m - l) > this.cap) this.flush();
    const w = 3 * this.nSweeps++;
    this.sweeps[w] = this.count;
    this.sweeps[w + 1] = m;
    this.sweeps[w + 2] = l;
  }

  /** Record the next rotation of the current sweep. */
  push(cc: number, s: number): void {
    const at = this.L + 2 * this.count++;
    this.K.f64[at] = cc;
    this.K.f64[at + 1] = s;
  }

  /** Apply every recorded sweep, in order, to every panel of Q. */
  flush(): void {
    const { K, W, n, L, sweeps, nSweeps } = this;
    for (let g = 0; g < this.panels; g++) {
      const base = W + g * 8 * n;
      for (let w = 0; w < 3 * nSweeps; w += 3) {
        const m = sweeps[w + 1]!;
        K.rot8(base + 8 * m, L + 2 * sweeps[w]!, m - sweeps[w + 2]!);
      }
    }
    this.count = 0;
    this.nSweeps = 0;
  }
}

/**
 * Householder tridiagonalisation of the matrix at f64[C…] (n×n, symmetric); with `accumulate`, C then holds Q in
 * transpose layout (C[j*n + i] = Q[i][j]). D, E receive the diagonal and the sub-diagonal (E[i] couples i−1 and i).
 */
function tred2(K: Float64Kernels, C: number, D: number, E: number, n: number, accumulate: boolean): void {
  const c = K.f64;
  for (let j = 0; j < n; j++) c[D + j] = c[C + j * n + n - 1]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(c[D + k]!);
    if (scale === 0) {
      c[E + i] = c[D + i - 1]!;
      for (let j = 0; j < i; j++) {
        c[D + j] = c[C + j * n + i - 1]!;
        c[C + j * n + i] = 0;
        c[C + i * n + j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        const x = c[D + k]! / scale;
        c[D + k] = x;
        h += x * x;
      }
      let f = c[D + i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      c[E + i] = scale * g;
      h -= f * g;
      c[D + i - 1] = f - g;
      for (let j = 0; j < i; j++) c[E + j] = 0;
      // e = (lower triangle of A) d, row by row: a dot product with the row's tail and an axpy into e's tail.
      for (let j = 0; j < i; j++) {
        f = c[D + j]!;
        const cj = C + j * n;
        c[C + i * n + j] = f;
        const len = i - 1 - j;
        c[E + j] = c[E + j]! + c[cj + j]! * f + (len > 0 ? K.dot(cj + j + 1, D + j + 1, len) : 0);
        if (len > 0) K.axpy(E + j + 1, f, cj + j + 1, len);
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        c[E + j] = c[E + j]! / h;
        f += c[E + j]! * c[D + j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) c[E + j] = c[E + j]! - hh * c[D + j]!;
      // Rank-2 update A ← A − d eᵀ − e dᵀ of the lower triangle.
      for (let j = 0; j < i; j++) {
        f = c[D + j]!;
        g = c[E + j]!;
        const cj = C + j * n;
        K.axpy(cj + j, -f, E + j, i - j);
        K.axpy(cj + j, -g, D + j, i - j);
        c[D + j] = c[cj + i - 1]!;
        c[cj + i] = 0;
      }
    }
    c[D + i] = h;
  }
  if (!accumulate) {
    for (let j = 0; j < n; j++) c[D + j] = c[C + j * n + j]!;
    c[E] = 0;
    return;
  }
  // Accumulate transformations.
  for (let i = 0; i < n - 1; i++) {
    c[C + i * n + n - 1] = c[C + i * n + i]!;
    c[C + i * n + i] = 1;
    const h = c[D + i + 1]!;
    const ci1 = C + (i + 1) * n;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) c[D + k] = c[ci1 + k]! / h;
      for (let j = 0; j <= i; j++) {
        const cj = C + j * n;
        K.axpy(cj, -K.dot(ci1, cj, i + 1), D, i + 1);
      }
    }
    for (let k = 0; k <= i; k++) c[ci1 + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    c[D + j] = c[C + j * n + n - 1]!;
    c[C + j * n + n - 1] = 0;
  }
  c[C + (n - 1) * n + n - 1] = 1;
  c[E] = 0;
}

/** Implicit QL on the tridiagonal (d, e); with `log`, its rotations are recorded there and applied to Q. */
function tql2(d: Float64Array, e: Float64Array, n: number, log: RotationLog | undefined): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]!) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 200) throw new Error('symmetricEigen: QL iteration did not converge');
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i] = d[i]! - h;
        f += h;
        p = d[m]!;
        let cc = 1;
        let c2 = cc;
        let c3 = cc;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        log?.begin(m, l);
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = cc;
          s2 = s;
          g = cc * e[i]!;
          h = cc * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          cc = p / r;
          p = cc * d[i]! - s * g;
          d[i + 1] = h + s * (cc * g + s * d[i]!);
          log?.push(cc, s);
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = cc * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  log?.flush();
}
