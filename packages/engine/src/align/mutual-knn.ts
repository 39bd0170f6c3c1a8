/**
 * Mutual k-nearest-neighbour alignment over images (Huh et al. 2024, "The Platonic Representation Hypothesis";
 * methods.md "Mutual k-nearest neighbours"): each probe image is one row (for a conv layer its channels averaged over
 * positions: see record-family.ts), each image's k nearest other images are found in A's space and in B's, and the
 * score is the mean over images of |N_A(i) ∩ N_B(i)| / k: 1 when the neighbourhoods agree, about k / (n − 1) for
 * unrelated spaces.
 *
 * Metric `euclidean` (default, methods.md): Euclidean distance after centring the columns (centring does not change
 * distances; it keeps the float32 products well scaled). Metric `cosine`: platonic-rep's convention, rows scaled to
 * unit length (no centring), nearest = largest inner product. An image is never its own neighbour.
 *
 * Exact search, brute force: the n × n inner products run through tfjs (float32, the backend's GEMM) in row blocks,
 * each row keeps its 2k + 8 best candidates, and those are re-ranked by their exact float64 distance (ties to the lower
 * image index), so float32 rounding can only matter when the k-th and the (2k + 8)-th neighbours are closer together
 * than float32 resolves.
 */
import * as tf from '@tensorflow/tfjs-core';
// The align path imports tfjs-core, not the full @tensorflow/tfjs (layers, converter, webgl: ~0.45 s of start-up it
// never uses); the cpu backend is registered as the fallback the full package registered (free: wasm shares its code).
import '@tensorflow/tfjs-backend-cpu';
import { productEngine, productNT } from '../linalg/dense-products.ts';
import { MeasureInputError } from './cca.ts';
import { DEFAULT_KNN_K, type KnnMetric } from './knn-metric.ts';

export { DEFAULT_KNN_K, KNN_METRICS, type KnnMetric } from './knn-metric.ts';

export interface NeighbourLists {
  /** Images. */
  n: number;
  k: number;
  metric: KnnMetric;
  /** Row-major n × k: the k nearest other images of each image, nearest first. */
  indices: Int32Array;
}

export interface MutualKnnResult {
  /** Mean over images of |N_A(i) ∩ N_B(i)| / k, in [0, 1]. */
  score: number;
  k: number;
  images: number;
  metric: KnnMetric;
  /** The expected score of unrelated spaces, k / (n − 1). */
  uniform: number;
  /** Per image: |N_A(i) ∩ N_B(i)| / k. */
  perImage: Float32Array;
}

/** Throw a MeasureInputError unless 1 ≤ k < n (an image has n − 1 other images). */
export function requireKnnImages(what: string, n: number, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new MeasureInputError(`${what}: k = ${k} must be a positive integer`);
  if (k >= n) {
    throw new MeasureInputError(`${what} with k = ${k} needs more than ${k} images, but there are ${n}; lower k below ${n} or record more probe images`);
  }
}

/** Rows prepared for the metric: float64 (exact distances) and float32 (products). */
function prepare(x: Float32Array | Float64Array, n: number, d: number, metric: KnnMetric): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v)) throw new MeasureInputError(`mutual kNN: image ${Math.floor(i / d)}, unit ${i % d} is not finite (${v})`);
    out[i] = v;
  }
  if (metric === 'euclidean') {
    const mean = new Float64Array(d);
    for (let r = 0; r < n; r++) for (let c = 0; c < d; c++) mean[c] = mean[c]! + out[r * d + c]!;
    for (let c = 0; c < d; c++) mean[c] = mean[c]! / n;
    for (let r = 0; r < n; r++) for (let c = 0; c < d; c++) out[r * d + c] = out[r * d + c]! - mean[c]!;
  } else {
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += out[r * d + c]! ** 2;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let c = 0; c < d; c++) out[r * d + c] = out[r * d + c]! * inv;
    }
  }
  return out;
}

/** Exact dissimilarity of rows i and j: squared distance (euclidean) or −inner product (cosine). */
function exact(x: Float64Array, d: number, i: number, j: number, metric: KnnMetric): number {
  let s = 0;
  const a = i * d;
  const b = j * d;
  if (metric === 'euclidean') {
    for (let c = 0; c < d; c++) {
      const t = x[a + c]! - x[b + c]!;
      s += t * t;
    }
    return s;
  }
  for (let c = 0; c < d; c++) s += x[a + c]! * x[b + c]!;
  return -s;
}

/** The k nearest other images of every image (row-major `x`, n images × d units). */
export function nearestNeighbours(x: Float32Array | Float64Array, n: number, d: number, k: number, metric: KnnMetric = 'euclidean'): NeighbourLists {
  if (x.length !== n * d) throw new Error(`nearestNeighbours: ${x.length} values, expected ${n} images x ${d} units`);
  requireKnnImages('mutual kNN', n, k);
  const x64 = prepare(x, n, d, metric);
  const x32 = Float32Array.from(x64);
  const sq = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += x32[r * d + c]! ** 2;
    sq[r] = s;
  }
  const candidates = Math.min(n - 1, 2 * k + 8);
  const indices = new Int32Array(n * k);
  // Bounded max-heap of the best `candidates` (smallest approximate dissimilarity) per row.
  const heapV = new Float64Array(candidates);
  const heapI = new Int32Array(candidates);
  const exactV = new Float64Array(candidates);
  const order = new Int32Array(candidates);
  const block = Math.max(1, Math.min(1024, Math.floor(8_388_608 / n)));
  // Xᵀ as a tfjs tensor only when the products go through tfjs (ONNX Runtime takes X as it is).
  const xt = productEngine() === 'tfjs' ? tf.tidy(() => tf.tensor2d(x32, [n, d]).transpose() as tf.Tensor2D) : undefined;
  try {
    for (let r0 = 0; r0 < n; r0 += block) {
      const rows = Math.min(block, n - r0);
      const g = productNT(x32.subarray(r0 * d, (r0 + rows) * d), rows, x32, n, d, xt);
      for (let bi = 0; bi < rows; bi++) {
        const i = r0 + bi;
        let size = 0;
        const gi = bi * n;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          // Ranking key: ‖x_j‖² − 2⟨x_i, x_j⟩ (euclidean; ‖x_i‖² is constant in the row) or −⟨x_i, x_j⟩ (cosine).
          const v = metric === 'euclidean' ? sq[j]! - 2 * g[gi + j]! : -g[gi + j]!;
          if (size < candidates) {
            let c = size++;
            while (c > 0) {
              const parent = (c - 1) >> 1;
              // Max-heap on (value, index): among equal values the higher index is evicted first.
              if (heapV[parent]! > v || (heapV[parent] === v && heapI[parent]! > j)) break;
              heapV[c] = heapV[parent]!;
              heapI[c] = heapI[parent]!;
              c = parent;
            }
            heapV[c] = v;
            heapI[c] = j;
          } else if (v < heapV[0]!) {
            // j is larger than every index in the heap, so an equal value never displaces an earlier image.
            let c = 0;
            for (;;) {
              const l = 2 * c + 1;
              if (l >= size) break;
              const r = l + 1;
              const big = r < size && (heapV[r]! > heapV[l]! || (heapV[r] === heapV[l] && heapI[r]! > heapI[l]!)) ? r : l;
              if (heapV[big]! <= v) break;
              heapV[c] = heapV[big]!;
              heapI[c] = heapI[big]!;
              c = big;
            }
            heapV[c] = v;
            heapI[c] = j;
          }
        }
        for (let c = 0; c < size; c++) {
          exactV[c] = exact(x64, d, i, heapI[c]!, metric);
          order[c] = c;
        }
        const sorted = Array.from(order.subarray(0, size)).sort((u, w) => exactV[u]! - exactV[w]! || heapI[u]! - heapI[w]!);
        for (let t = 0; t < k; t++) indices[i * k + t] = heapI[sorted[t]!]!;
      }
    }
  } finally {
    xt?.dispose();
  }
  return { n, k, metric, indices };
}

/** Mutual kNN score of two neighbour lists over the same images (same k). */
export function mutualKnnFromLists(a: NeighbourLists, b: NeighbourLists): MutualKnnResult {
  if (a.n !== b.n) throw new Error(`mutual kNN: A has ${a.n} images, B has ${b.n}; both must describe the same probe images`);
  if (a.k !== b.k) throw new Error(`mutual kNN: A's lists have k = ${a.k}, B's k = ${b.k}`);
  const { n, k } = a;
  const stamp = new Int32Array(n).fill(-1);
  const perImage = new Float32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) stamp[a.indices[i * k + t]!] = i;
    let common = 0;
    for (let t = 0; t < k; t++) if (stamp[b.indices[i * k + t]!] === i) common++;
    perImage[i] = common / k;
    total += common;
  }
  return { score: total / (n * k), k, images: n, metric: a.metric, uniform: k / (n - 1), perImage };
}

/** Mutual kNN of two per-image representation matrices A (n × p) and B (n × q), row-major. */
export function mutualKnn(
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  n: number,
  p: number,
  q: number,
  options: { k?: number; metric?: KnnMetric } = {},
): MutualKnnResult {
  const k = options.k ?? DEFAULT_KNN_K;
  const metric = options.metric ?? 'euclidean';
  requireKnnImages('mutual kNN', n, k);
  return mutualKnnFromLists(nearestNeighbours(a, n, p, k, metric), nearestNeighbours(b, n, q, k, metric));
}
