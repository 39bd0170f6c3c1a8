/**
 * The engine's previous dense symmetric eigen-solver, kept as a REFERENCE for tests and the eigen-solver benchmark
 * (benchmark/eigen-solver.ts); the engine uses symmetric-eigen.ts. Householder reduction to tridiagonal form, then
 * the implicit QL method with Wilkinson shifts, each rotation applied to the accumulated matrix as it is made (the
 * EISPACK tred2 / tql2 pair, as in JAMA). Row-major Float64Arrays throughout.
 */
import type { SymmetricEigen } from './symmetric-eigen.ts';

/**
 * All eigenpairs of the symmetric n×n matrix `a` (row-major; only its lower triangle is read). Throws on non-finite
 * input and if QL fails to converge (not seen for finite input).
 */
export function symmetricEigenJama(a: Float64Array, n: number, options: { valuesOnly?: boolean } = {}): SymmetricEigen {
  const vectorsToo = options.valuesOnly !== true;
  if (a.length < n * n) throw new Error(`symmetricEigenJama: matrix has ${a.length} values, fewer than ${n}x${n}`);
  for (let i = 0; i < n * n; i++) if (!Number.isFinite(a[i]!)) throw new Error(`symmetricEigenJama: non-finite value at (${Math.floor(i / n)}, ${i % n})`);
  // V holds the matrix, then the accumulated orthogonal transformation. Work on its TRANSPOSE layout (vt[j*n + i] =
  // V[i][j]) so that the inner loops of tred2/tql2, which run down columns of V, run along contiguous rows.
  const vt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) vt[j * n + i] = vt[i * n + j] = a[i * n + j]!;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tred2(vt, d, e, n, vectorsToo);
    tql2(vt, d, e, n, vectorsToo);
  }
  // Sort descending; eigenvector i is row i of vt.
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y]! - d[x]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(vectorsToo ? n * n : 0);
  order.forEach((src, k) => {
    values[k] = d[src]!;
    if (vectorsToo) for (let r = 0; r < n; r++) vectors[r * n + k] = vt[src * n + r]!;
  });
  return { values, vectors };
}

/**
 * Householder tridiagonalisation; `c[j*n + i]` = V[i][j] (column j of V stored contiguously). Without `accumulate`
 * only the tridiagonal (d, e) is produced: the diagonal is then V's diagonal after the reduction.
 */
function tred2(c: Float64Array, d: Float64Array, e: Float64Array, n: number, accumulate: boolean): void {
  for (let j = 0; j < n; j++) d[j] = c[j * n + n - 1]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = c[j * n + i - 1]!;
        c[j * n + i] = 0;
        c[i * n + j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] = d[k]! / scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        c[i * n + j] = f;
        g = e[j]! + c[j * n + j]! * f;
        const cj = j * n;
        for (let k = j + 1; k <= i - 1; k++) {
          g += c[cj + k]! * d[k]!;
          e[k] = e[k]! + c[cj + k]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = e[j]! / h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = e[j]! - hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        const cj = j * n;
        for (let k = j; k <= i - 1; k++) c[cj + k] = c[cj + k]! - (f * e[k]! + g * d[k]!);
        d[j] = c[cj + i - 1]!;
        c[cj + i] = 0;
      }
    }
    d[i] = h;
  }
  if (!accumulate) {
    for (let j = 0; j < n; j++) d[j] = c[j * n + j]!;
    e[0] = 0;
    return;
  }
  // Accumulate transformations.
  for (let i = 0; i < n - 1; i++) {
    c[i * n + n - 1] = c[i * n + i]!;
    c[i * n + i] = 1;
    const h = d[i + 1]!;
    const ci1 = (i + 1) * n;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = c[ci1 + k]! / h;
      for (let j = 0; j <= i; j++) {
        const cj = j * n;
        let g = 0;
        for (let k = 0; k <= i; k++) g += c[ci1 + k]! * c[cj + k]!;
        for (let k = 0; k <= i; k++) c[cj + k] = c[cj + k]! - g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) c[ci1 + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = c[j * n + n - 1]!;
    c[j * n + n - 1] = 0;
  }
  c[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e); rotations applied to the columns of V (rows of `c`). */
function tql2(c: Float64Array, d: Float64Array, e: Float64Array, n: number, rotate: boolean): void {
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
        if (++iter > 200) throw new Error('symmetricEigenJama: QL iteration did not converge');
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
          // Rotate columns i and i+1 of V (rows i, i+1 of c).
          const ri = i * n;
          const ri1 = (i + 1) * n;
          if (rotate) for (let k = 0; k < n; k++) {
            const hk = c[ri1 + k]!;
            const vk = c[ri + k]!;
            c[ri1 + k] = s * vk + cc * hk;
            c[ri + k] = cc * vk - s * hk;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = cc * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}
