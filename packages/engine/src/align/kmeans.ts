/**
 * k-means on the rows of a row-major n×d Float64Array: k-means++ seeding (Arthur & Vassilvitskii 2007) from a
 * seeded generator, Lloyd iterations to a fixed point, several restarts, best inertia kept. An empty cluster is
 * re-seeded with the point farthest from its centre, so every cluster ends non-empty when n ≥ k distinct points.
 */
import { mulberry32 } from '../linalg/lanczos.ts';

export interface KMeansOptions {
  /** Seed of the generator (default 0); the same seed gives the same labels. */
  seed?: number;
  /** Independent k-means++ starts; the one with the smallest inertia wins (default 10). */
  restarts?: number;
  /** Lloyd iterations per start (default 300). */
  maxIter?: number;
  /**
   * Stop a start when the centres move less than `tol` × the mean per-feature variance in total squared distance
   * (scikit-learn's rule, default 1e-4), or when no label changes.
   */
  tol?: number;
}

export interface KMeansResult {
  labels: Int32Array;
  /** Row-major k×d centres. */
  centers: Float64Array;
  /** Sum of squared distances of points to their centre. */
  inertia: number;
}

function dist2(x: Float64Array, xi: number, c: Float64Array, ci: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const v = x[xi + t]! - c[ci + t]!;
    s += v * v;
  }
  return s;
}

function seedPlusPlus(x: Float64Array, n: number, d: number, k: number, rand: () => number): Float64Array {
  const centers = new Float64Array(k * d);
  const best = new Float64Array(n).fill(Infinity);
  let first = Math.min(n - 1, Math.floor(rand() * n));
  centers.set(x.subarray(first * d, first * d + d), 0);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dd = dist2(x, i * d, centers, (c - 1) * d, d);
      if (dd < best[i]!) best[i] = dd;
      total += best[i]!;
    }
    let pick = n - 1;
    if (total > 0) {
      let target = rand() * total;
      for (let i = 0; i < n; i++) {
        target -= best[i]!;
        if (target < 0) {
          pick = i;
          break;
        }
      }
    } else {
      pick = Math.min(n - 1, Math.floor(rand() * n)); // all points coincide with centres: any point
    }
    first = pick;
    centers.set(x.subarray(pick * d, pick * d + d), c * d);
  }
  return centers;
}

/** Nearest centre of every point via ‖x‖² − 2x·c + ‖c‖² (one multiply–add per term); returns the inertia. */
function assign(
  x: Float64Array,
  xNorm: Float64Array,
  n: number,
  d: number,
  k: number,
  centers: Float64Array,
  labels: Int32Array,
  nearest: Float64Array,
): { inertia: number; changed: boolean } {
  const cNorm = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += centers[c * d + t]! ** 2;
    cNorm[c] = s;
  }
  let inertia = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const xi = i * d;
    let bestC = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const cc = c * d;
      let dot = 0;
      for (let t = 0; t < d; t++) dot += x[xi + t]! * centers[cc + t]!;
      const dd = cNorm[c]! - 2 * dot;
      if (dd < bestD) {
        bestD = dd;
        bestC = c;
      }
    }
    const dist = Math.max(0, bestD + xNorm[i]!);
    nearest[i] = dist;
    inertia += dist;
    if (labels[i] !== bestC) {
      labels[i] = bestC;
      changed = true;
    }
  }
  return { inertia, changed };
}

function lloyd(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  centers: Float64Array,
  maxIter: number,
  shiftTol: number,
  xNorm: Float64Array,
): KMeansResult {
  const previous = new Float64Array(k * d);
  const labels = new Int32Array(n).fill(-1);
  const counts = new Int32Array(k);
  const nearest = new Float64Array(n);
  let inertia = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    const step = assign(x, xNorm, n, d, k, centers, labels, nearest);
    inertia = step.inertia;
    const changed = step.changed;
    if (!changed && iter > 0) break;
    previous.set(centers);
    centers.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      counts[c]!++;
      for (let t = 0; t < d; t++) centers[c * d + t] = centers[c * d + t]! + x[i * d + t]!;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c]! > 0) {
        for (let t = 0; t < d; t++) centers[c * d + t] = centers[c * d + t]! / counts[c]!;
      } else {
        // Empty cluster: move it to the point farthest from its centre.
        let far = 0;
        for (let i = 1; i < n; i++) if (nearest[i]! > nearest[far]!) far = i;
        centers.set(x.subarray(far * d, far * d + d), c * d);
        nearest[far] = 0;
      }
    }
    let shift = 0;
    for (let t = 0; t < k * d; t++) shift += (centers[t]! - previous[t]!) ** 2;
    if (shift <= shiftTol) {
      // Converged: final assignment to the final centres.
      inertia = assign(x, xNorm, n, d, k, centers, labels, nearest).inertia;
      break;
    }
  }
  return { labels, centers, inertia };
}

/** Cluster the n rows of `x` (row-major n×d) into k groups. */
export function kMeans(x: Float64Array, n: number, d: number, k: number, options: KMeansOptions = {}): KMeansResult {
  if (x.length !== n * d) throw new Error(`kMeans: data has ${x.length} values, expected ${n}x${d}`);
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new Error(`kMeans: k = ${k} must be between 1 and the ${n} points`);
  const restarts = options.restarts ?? 10;
  if (!(Number.isInteger(restarts) && restarts >= 1)) throw new Error(`kMeans: restarts = ${restarts} must be a positive integer`);
  const rand = mulberry32(options.seed ?? 0);
  // scikit-learn's tolerance: tol × mean variance of the features.
  let meanVar = 0;
  for (let t = 0; t < d; t++) {
    let mu = 0;
    for (let i = 0; i < n; i++) mu += x[i * d + t]!;
    mu /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * d + t]! - mu) ** 2;
    meanVar += v / n / d;
  }
  const shiftTol = (options.tol ?? 1e-4) * meanVar;
  const xNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += x[i * d + t]! ** 2;
    xNorm[i] = s;
  }
  let best: KMeansResult | undefined;
  for (let r = 0; r < restarts; r++) {
    const res = lloyd(x, n, d, k, seedPlusPlus(x, n, d, k, rand), options.maxIter ?? 300, shiftTol, xNorm);
    if (!best || res.inertia < best.inertia) best = res;
  }
  return best!;
}
