/**
 * k-means on the rows of a row-major n×d Float64Array: k-means++ seeding (Arthur & Vassilvitskii 2007) from a
 * seeded generator, Lloyd iterations to a fixed point, several restarts, best inertia kept. An empty cluster is
 * re-seeded with the point farthest from its centre, so every cluster ends non-empty when n ≥ k distinct points.
 */
import { float64Kernels, type Float64Kernels } from '../linalg/simd-kernels.ts';
import { mulberry32 } from '../random/seeded-random.ts';

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

/**
 * Lloyd iterations with Hamerly's bounds (2010): per point an upper bound on the distance to its centre and a lower
 * bound on the distance to any other centre; when the centres move by δ the bounds move by δ, and a point whose
 * upper bound stays below its lower bound provably keeps its centre, so its k distances are skipped. The
 * assignments are exactly those of plain Lloyd. Distances use ‖x‖² − 2x·c + ‖c‖² (one multiply–add per term).
 */
function lloyd(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  centers: Float64Array,
  maxIter: number,
  shiftTol: number,
  xNorm: Float64Array,
  K: Float64Kernels,
): KMeansResult {
  const labels = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const counts = new Int32Array(k);
  const cNorm = new Float64Array(k);
  const moved = new Float64Array(k);
  const previous = new Float64Array(k * d);
  // In the SIMD kernels' memory (`K`, shared by the restarts): the centres transposed (d×k at 0, row t = feature t of
  // every centre), the k dots of one point (at d·k), and a copy of the points (at d·k + k).
  const f64 = K.f64;
  const dotsAt = d * k;
  const xAt = dotsAt + k;
  const updateNorms = (): void => {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        s += centers[c * d + t]! ** 2;
        f64[t * k + c] = centers[c * d + t]!;
      }
      cNorm[c] = s;
    }
  };
  /** Exact nearest and second-nearest centre of point i; returns whether its label changed. */
  const fullAssign = (i: number): boolean => {
    const xi = i * d;
    let b1 = Infinity;
    let b2 = Infinity;
    let c1 = 0;
    // All k dots at once: dots += x_i[t] · (row t of the transposed centres) for t = 0 … d − 1 (SIMD gemvT). Each dot
    // is still summed in t order (x_i[t]·c[t] added to it for t = 0, 1, …), so the values are those of a plain loop.
    f64.fill(0, dotsAt, dotsAt + k);
    K.gemvT(dotsAt, 0, xAt + xi, d, k);
    for (let c = 0; c < k; c++) {
      const dd = cNorm[c]! - 2 * f64[dotsAt + c]!;
      if (dd < b1) {
        b2 = b1;
        b1 = dd;
        c1 = c;
      } else if (dd < b2) {
        b2 = dd;
      }
    }
    upper[i] = Math.sqrt(Math.max(0, b1 + xNorm[i]!));
    lower[i] = k > 1 ? Math.sqrt(Math.max(0, b2 + xNorm[i]!)) : Infinity;
    const changed = labels[i] !== c1;
    labels[i] = c1;
    return changed;
  };
  const distTo = (i: number, c: number): number => {
    const xi = i * d;
    const cc = c * d;
    let dot = 0;
    for (let t = 0; t < d; t++) dot += x[xi + t]! * centers[cc + t]!;
    return Math.sqrt(Math.max(0, cNorm[c]! - 2 * dot + xNorm[i]!));
  };

  updateNorms();
  for (let i = 0; i < n; i++) fullAssign(i);
  for (let iter = 0; iter < maxIter; iter++) {
    // Move every centre to the mean of its points.
    previous.set(centers);
    centers.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      counts[c]!++;
      for (let t = 0; t < d; t++) centers[c * d + t] = centers[c * d + t]! + x[i * d + t]!;
    }
    let empty = false;
    for (let c = 0; c < k; c++) {
      if (counts[c]! > 0) {
        for (let t = 0; t < d; t++) centers[c * d + t] = centers[c * d + t]! / counts[c]!;
      } else {
        // Empty cluster: move it to the point farthest from its centre.
        let far = 0;
        for (let i = 1; i < n; i++) if (upper[i]! > upper[far]!) far = i;
        centers.set(x.subarray(far * d, far * d + d), c * d);
        upper[far] = 0;
        empty = true;
      }
    }
    updateNorms();
    let shift = 0;
    let maxMove = 0;
    for (let c = 0; c < k; c++) {
      let m2 = 0;
      for (let t = 0; t < d; t++) m2 += (centers[c * d + t]! - previous[c * d + t]!) ** 2;
      shift += m2;
      moved[c] = Math.sqrt(m2);
      if (moved[c]! > maxMove) maxMove = moved[c]!;
    }
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (empty) {
        if (fullAssign(i)) changed = true;
        continue;
      }
      upper[i] = upper[i]! + moved[labels[i]!]!;
      lower[i] = lower[i]! - maxMove;
      if (upper[i]! <= lower[i]!) continue;
      upper[i] = distTo(i, labels[i]!);
      if (upper[i]! <= lower[i]!) continue;
      if (fullAssign(i)) changed = true;
    }
    if (!changed || shift <= shiftTol) break;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += distTo(i, labels[i]!) ** 2;
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
  const K = float64Kernels(d * k + k + n * d);
  K.f64.set(x, d * k + k);
  let best: KMeansResult | undefined;
  for (let r = 0; r < restarts; r++) {
    const res = lloyd(x, n, d, k, seedPlusPlus(x, n, d, k, rand), options.maxIter ?? 300, shiftTol, xNorm, K);
    if (!best || res.inertia < best.inertia) best = res;
  }
  return best!;
}
