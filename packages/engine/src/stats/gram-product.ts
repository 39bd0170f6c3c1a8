/**
 * The heavy step of the moments pass: S += UᵀU for a float32 block U (rows × e, row-major) through tfjs (XNNPACK
 * on the wasm backend), added in float64 into the LOWER triangle of S (e × e, row-major; the caller mirrors it).
 *
 * The product workers (`product-worker.ts`) and the main thread use the same code, so both sides compute exactly the
 * same sums. `tf` is passed in (`@tensorflow/tfjs` on the main
 * thread, `@tensorflow/tfjs-core` in the worker).
 *
 * Only the lower triangle is computed: the columns are cut into B blocks [lo_b, hi_b), and block b multiplies
 * Uᵀ[lo_b:, :] · U[:, lo_b:hi_b], the rows ≥ lo_b of S's block column b ((B + 1)/(2B) of the full product's flops).
 * Both operands are contiguous in JS-built buffers: Uᵀ by a cache-tiled transpose (rows of Uᵀ from lo_b on are one
 * suffix) and U's column blocks copied side by side. Measured (e = 1,026, 2,048 rows): the wasm backend's own
 * `transpose` and column `slice` cost 30 + 27 ms of a 186 ms chunk; this layout costs ~19 ms for both.
 *
 * With ONNX Runtime loaded (`ort-products.ts`, MLAS GEMM) the products go there instead, by ROW blocks of S: block b
 * is `Uᵀ[lo_b:hi_b] · Uᵀ[0:hi_b]ᵀ` (rows lo_b..hi_b of S, columns up to hi_b), both operands contiguous slices of the
 * same transposed buffer, so no column copies at all. Measured (one process, ORT's threads): 2,048 rows × 1,026
 * columns: transpose 7.7 ms + 8 row-block products 16.4 ms, where ONE full `Gemm(transA)` on the untransposed rows
 * took 53 ms (MLAS is slow with transA); 8,192 × 514: 12.6 + 17.2 ms vs 33 ms.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { type OrtGemm, ortProducts } from '../backend/ort-products.ts';

/** What the products use of a tfjs namespace (`@tensorflow/tfjs` on the main thread, `@tensorflow/tfjs-core` in a worker). */
type Tf = Pick<typeof tfc, 'tidy' | 'matMul' | 'tensor2d'>;

/**
 * Column blocks for width e: more blocks skip more of the upper triangle, but each is a separate (smaller) product.
 * Measured per 2,048-row chunk: e = 1,026: 4 / 8 / 16 blocks 112 / 97 / 99 ms; e = 2,050: 8 / 16 / 32 blocks
 * 352–371 / 341–347 / 386 ms; e = 258: 1 / 2 / 4 blocks 16 / 12 / 13 ms.
 */
export function gramBlockCount(e: number): number {
  return e >= 1536 ? 16 : e >= 768 ? 8 : e >= 384 ? 4 : e >= 192 ? 2 : 1;
}

/** Transpose tile (rows × columns): keeps the strided writes of Uᵀ inside a few cache lines (measured 3x faster). */
const TILE = 32;

export class GramProduct {
  private readonly tf: Tf;
  /** The ONNX Runtime products in use, if any. */
  readonly ort: OrtGemm | undefined;
  private ut = new Float32Array(0);
  private cols = new Float32Array(0);

  /**
   * `tf`: the tfjs namespace whose backend runs the products when ONNX Runtime is not used; `blocks`: column blocks
   * (default `gramBlockCount(e)`; tests vary it); `ort`: the ONNX Runtime products (default: this thread's loaded
   * engine, if any; null: tfjs).
   */
  constructor(
    tf: unknown,
    private readonly blocks?: number,
    ort?: OrtGemm | null,
  ) {
    this.tf = tf as Tf;
    this.ort = ort === undefined ? ortProducts() : (ort ?? undefined);
  }

  /**
   * S (lower triangle, float64, e × e row-major; only entries with column ≤ row are updated) += UᵀU for the shifted
   * rows `u` (rows × e row-major).
   */
  add(u: Float32Array, rows: number, e: number, s: Float64Array): void {
    const tf = this.tf;
    const B = Math.max(1, Math.min(e, this.blocks ?? gramBlockCount(e)));
    const bounds: number[] = [];
    for (let b = 0; b <= B; b++) bounds.push(Math.round((b * e) / B));
    const need = rows * e;
    if (this.ut.length < need) {
      this.ut = new Float32Array(need);
      this.cols = new Float32Array(this.ort ? 0 : need);
    }
    const ut = this.ut;
    const cols = this.cols;
    // Uᵀ (e × rows), tile by tile.
    for (let r0 = 0; r0 < rows; r0 += TILE) {
      const r1 = Math.min(rows, r0 + TILE);
      for (let c0 = 0; c0 < e; c0 += TILE) {
        const c1 = Math.min(e, c0 + TILE);
        for (let j = c0; j < c1; j++) {
          const d = j * rows;
          for (let r = r0; r < r1; r++) ut[d + r] = u[r * e + j]!;
        }
      }
    }
    if (this.ort) {
      // Row block b of S: Uᵀ[lo:hi] · Uᵀ[0:hi]ᵀ (w × hi); keep j ≤ i.
      for (let b = 0; b < B; b++) {
        const lo = bounds[b]!;
        const hi = bounds[b + 1]!;
        const vals = this.ort.gemmNT(ut.subarray(lo * rows, hi * rows), hi - lo, ut.subarray(0, hi * rows), hi, rows);
        for (let i = lo; i < hi; i++) {
          const src = (i - lo) * hi;
          const dst = i * e;
          for (let j = 0; j <= i; j++) s[dst + j]! += vals[src + j]!;
        }
      }
      return;
    }
    // Column block b of U at offset rows·lo_b, as a contiguous rows × w_b matrix.
    if (B === 1) cols.set(u.subarray(0, need));
    else {
      for (let b = 0; b < B; b++) {
        const lo = bounds[b]!;
        const w = bounds[b + 1]! - lo;
        const base = rows * lo;
        for (let r = 0; r < rows; r++) cols.set(u.subarray(r * e + lo, r * e + lo + w), base + r * w);
      }
    }
    for (let b = 0; b < B; b++) {
      const lo = bounds[b]!;
      const hi = bounds[b + 1]!;
      const w = hi - lo;
      const m = e - lo;
      const out = tf.tidy(() =>
        tf.matMul(tf.tensor2d(ut.subarray(lo * rows, e * rows), [m, rows]), tf.tensor2d(cols.subarray(rows * lo, rows * hi), [rows, w])),
      );
      const vals = out.dataSync();
      out.dispose();
      // vals[(i − lo)·w + (j − lo)] = Σ_r u[r, i] u[r, j] for i ≥ lo, j in the block: keep j ≤ i.
      for (let i = lo; i < e; i++) {
        const src = (i - lo) * w - lo;
        const dst = i * e;
        const end = Math.min(hi, i + 1);
        for (let j = lo; j < end; j++) s[dst + j]! += vals[src + j]!;
      }
    }
  }
}
