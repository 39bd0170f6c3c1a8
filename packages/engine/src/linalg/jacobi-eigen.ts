/**
 * Dense symmetric eigen-decomposition by cyclic Jacobi rotations, O(n³) per sweep. A brute-force ORACLE for tests of
 * the iterative solvers on small matrices; not used by the engine's methods (too slow for 1,024 units).
 */

/** Eigenvalues (descending) and eigenvectors (columns of an n×n row-major matrix) of a symmetric `a`. */
export function jacobiEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  if (a.length !== n * n) throw new Error(`jacobiEigen: matrix has ${a.length} values, expected ${n}x${n}`);
  const A = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let offNorm = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) offNorm += A[i * n + j]! ** 2;
    if (offNorm < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * n + q]! - A[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p]!;
          const akq = A[k * n + q]!;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k]!;
          const aqk = A[q * n + k]!;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p]!;
          const vkq = V[k * n + q]!;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => A[y * n + y]! - A[x * n + x]!);
  const values = Float64Array.from(order, (i) => A[i * n + i]!);
  const vectors = new Float64Array(n * n);
  for (let t = 0; t < n; t++) for (let r = 0; r < n; r++) vectors[r * n + t] = V[r * n + order[t]!]!;
  return { values, vectors };
}
