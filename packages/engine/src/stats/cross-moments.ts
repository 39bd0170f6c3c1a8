/**
 * Streaming moments of a PAIR of networks when only the CROSS block is needed (issue 12): the per-unit means and
 * standard deviations of A and B (sums and sums of squares: the diagonal of the within blocks, never the within
 * Grams) and the cross sums `S_AB = Σ u_a u_bᵀ` (p × q). That is what matching (semi, hungarian) reads; the full
 * joint Gram of `MomentAccumulator` costs `(p + q)² / 2` multiply-adds per row where this costs `p · q` (half at
 * p = q), and keeps p · q float64 sums instead of (p + q)² (plus no joint covariance / correlation copies).
 *
 * Same algebra as `moments.ts`: rows are shifted by the first batch's column mean `c`, sums are float64 across
 * batches, `merge` re-expresses another accumulator's sums at this shift (exact), `finalize` centres at the mean. The
 * same dead-unit rule (DEAD_RELATIVE) and the same clamp of |r| to 1, so results equal the full path's to float
 * rounding.
 *
 * Products: shifted rows are gathered TRANSPOSED (Uᵀ_A: p × k, Uᵀ_B: q × k, k ≤ chunkRows rows, float32) and
 * `S_AB += Uᵀ_A · (Uᵀ_B)ᵀ` runs as ONE GEMM per chunk: ONNX Runtime's `Gemm` (MLAS) when it is loaded — the `nt`
 * form (transB) on the two transposed operands, since MLAS is slow with transA (gram-product.ts) — else a tfjs
 * `matMul(Uᵀ_A, Uᵀ_B, false, true)` on the selected backend, or float64 loops for tiny chunks (and on webgpu
 * without ONNX Runtime, whose reads are asynchronous). Rows are buffered across `update` calls, so the GEMM size
 * does not depend on the caller's batch size.
 */
import * as tf from '@tensorflow/tfjs-core';
// The align path imports tfjs-core, not the full @tensorflow/tfjs (layers, converter, webgl: ~0.45 s of start-up it
// never uses); the cpu backend is registered as the fallback the full package registered (free: wasm shares its code).
import '@tensorflow/tfjs-backend-cpu';
import { ortProducts } from '../backend/ort-products.ts';
import { DEAD_RELATIVE, type PairUnitMoments, unitBlocks } from './moments.ts';

export interface CrossMomentState {
  p: number;
  q: number;
  n: number;
  /** Shift `c` (length p + q, A's units first). */
  shift: Float64Array;
  /** Σ of shifted values per unit (p + q). */
  s1: Float64Array;
  /** Σ of squared shifted values per unit (p + q). */
  ss: Float64Array;
  /** Σ u_a u_bᵀ of shifted values, p × q row-major. */
  sab: Float64Array;
}

/** What the cross-only pass yields: the fields of `PairStatistics` that matching reads. */
export interface CrossStatistics extends PairUnitMoments {
  /** p × q row-major: rAB[i*q + j] = corr(A_i, B_j); 0 in a dead unit's row/column. */
  rAB: Float64Array;
  /** Population covariance, p × q row-major. */
  covAB: Float64Array;
  /** Population variance per unit of A and of B (the within blocks' diagonals, dead units included, ≥ 0). */
  varA: Float64Array;
  varB: Float64Array;
}

export interface CrossMomentOptions {
  /** 'auto' (default: float64 loops for tiny chunks, else ONNX Runtime or tfjs), 'js' (float64 loops), 'tfjs'. */
  products?: 'auto' | 'tfjs' | 'js';
  /** Rows per GEMM (default 2048). */
  chunkRows?: number;
}

/** Below this many multiply-adds per chunk, float64 loops beat a product dispatch (as in moments.ts). */
const JS_PRODUCT_LIMIT = 2_000_000;

export class CrossMomentAccumulator {
  readonly p: number;
  readonly q: number;
  private n = 0;
  private shift: Float64Array;
  private s1: Float64Array;
  private ss: Float64Array;
  private sab: Float64Array;
  private readonly products: 'auto' | 'tfjs' | 'js';
  private readonly chunkRows: number;
  /** Pending shifted rows, transposed: unit j's values at [j * chunkRows, j * chunkRows + pending). */
  private utA: Float32Array | Float64Array | undefined;
  private utB: Float32Array | Float64Array | undefined;
  private pending = 0;

  constructor(p: number, q: number, options: CrossMomentOptions = {}) {
    for (const [name, v] of [['p', p], ['q', q]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`cross moments: ${name} must be a positive integer, got ${v}`);
    }
    this.p = p;
    this.q = q;
    this.shift = new Float64Array(p + q);
    this.s1 = new Float64Array(p + q);
    this.ss = new Float64Array(p + q);
    this.sab = new Float64Array(p * q);
    this.products = options.products ?? 'auto';
    const chunk = options.chunkRows ?? 2048;
    if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`cross moments: chunkRows must be a positive integer, got ${chunk}`);
    this.chunkRows = chunk;
  }

  get count(): number {
    return this.n + this.pending;
  }

  /** Add `rows` joint rows (row-major rows × (p + q), A's units first). */
  update(batch: Float32Array | Float64Array, rows: number): void {
    const w = this.p + this.q;
    if (!Number.isInteger(rows) || rows < 0) throw new Error(`update: rows must be a non-negative integer, got ${rows}`);
    if (batch.length < rows * w) throw new Error(`update: batch holds ${batch.length} values, fewer than ${rows} rows x ${w} units`);
    if (rows === 0) return;
    if (this.n === 0 && this.pending === 0) {
      const c = this.shift;
      for (let r = 0; r < rows; r++) for (let j = 0; j < w; j++) c[j]! += batch[r * w + j]!;
      for (let j = 0; j < w; j++) c[j]! /= rows;
    }
    const K = this.chunkRows;
    // 'js' keeps the shifted values in float64 (exact to f64 rounding, like MomentAccumulator's float64 loops).
    const f64 = this.products === 'js';
    this.utA ??= f64 ? new Float64Array(this.p * K) : new Float32Array(this.p * K);
    this.utB ??= f64 ? new Float64Array(this.q * K) : new Float32Array(this.q * K);
    const p = this.p;
    const utA = this.utA;
    const utB = this.utB;
    const c = this.shift;
    const s1 = this.s1;
    const ss = this.ss;
    for (let start = 0; start < rows; ) {
      const take = Math.min(K - this.pending, rows - start);
      const at = this.pending;
      // Column by column (a strided read of the batch, contiguous writes of Uᵀ); sums in float64 of the float32
      // values the product consumes.
      for (let j = 0; j < w; j++) {
        const dst = j < p ? utA : utB;
        const d = (j < p ? j : j - p) * K + at;
        const cj = c[j]!;
        let sum = 0;
        let sq = 0;
        for (let r = 0; r < take; r++) {
          const v = f64 ? batch[(start + r) * w + j]! - cj : Math.fround(batch[(start + r) * w + j]! - cj);
          dst[d + r] = v;
          sum += v;
          sq += v * v;
        }
        s1[j]! += sum;
        ss[j]! += sq;
      }
      this.pending += take;
      start += take;
      if (this.pending === K) this.flush();
    }
  }

  /** S_AB += Uᵀ_A · Uᵀ_Bᵀ over the pending rows. */
  private flush(): void {
    const k = this.pending;
    if (k === 0) return;
    const { p, q, chunkRows: K } = this;
    let a = this.utA!;
    let b = this.utB!;
    if (k < K) {
      // A partial chunk (the end of the data): compact to stride k so the operands are dense k-column matrices.
      a = a instanceof Float64Array ? new Float64Array(p * k) : new Float32Array(p * k);
      b = b instanceof Float64Array ? new Float64Array(q * k) : new Float32Array(q * k);
      for (let i = 0; i < p; i++) a.set(this.utA!.subarray(i * K, i * K + k), i * k);
      for (let j = 0; j < q; j++) b.set(this.utB!.subarray(j * K, j * K + k), j * k);
    }
    const sab = this.sab;
    const ort = ortProducts();
    const tiny = k * p * q <= JS_PRODUCT_LIMIT;
    const useJs = a instanceof Float64Array || b instanceof Float64Array || (this.products === 'auto' && tiny) || (!ort && this.products !== 'tfjs' && tf.getBackend() === 'webgpu');
    if (useJs) {
      for (let i = 0; i < p; i++) {
        const ai = i * k;
        const row = i * q;
        for (let j = 0; j < q; j++) {
          const bj = j * k;
          let acc = 0;
          for (let r = 0; r < k; r++) acc += a[ai + r]! * b[bj + r]!;
          sab[row + j]! += acc;
        }
      }
    } else {
      let vals: Float32Array;
      const a32 = a as Float32Array;
      const b32 = b as Float32Array;
      if (ort && this.products !== 'tfjs') vals = ort.gemmNT(a32, p, b32, q, k);
      else {
        const out = tf.tidy(() => tf.matMul(tf.tensor2d(a32.subarray(0, p * k), [p, k]), tf.tensor2d(b32.subarray(0, q * k), [q, k]), false, true));
        vals = out.dataSync() as Float32Array;
        out.dispose();
      }
      for (let i = 0; i < p * q; i++) sab[i]! += vals[i]!;
    }
    this.n += k;
    this.pending = 0;
  }

  /** Re-express a state's sums with every shifted row moved to u + δ (see MomentAccumulator.reshift). */
  private static reshift(s: CrossMomentState, delta: Float64Array): void {
    const { p, q, n, s1, ss, sab } = s;
    for (let i = 0; i < p; i++) {
      const di = delta[i]!;
      const si = s1[i]!;
      const row = i * q;
      for (let j = 0; j < q; j++) {
        const dj = delta[p + j]!;
        sab[row + j]! += di * s1[p + j]! + si * dj + n * di * dj;
      }
    }
    for (let j = 0; j < p + q; j++) {
      const d = delta[j]!;
      ss[j]! += 2 * d * s1[j]! + n * d * d;
      s1[j]! += n * d;
      s.shift[j]! -= d;
    }
  }

  /** A snapshot (copies; pending rows are multiplied in first), safe to post to another thread. */
  toState(): CrossMomentState {
    this.flush();
    return {
      p: this.p,
      q: this.q,
      n: this.n,
      shift: Float64Array.from(this.shift),
      s1: Float64Array.from(this.s1),
      ss: Float64Array.from(this.ss),
      sab: Float64Array.from(this.sab),
    };
  }

  static fromState(s: CrossMomentState, options: CrossMomentOptions = {}): CrossMomentAccumulator {
    const w = s.p + s.q;
    if (s.shift.length !== w || s.s1.length !== w || s.ss.length !== w || s.sab.length !== s.p * s.q) {
      throw new Error(`fromState: array lengths do not match ${s.p} + ${s.q} units`);
    }
    const acc = new CrossMomentAccumulator(s.p, s.q, options);
    acc.n = s.n;
    acc.shift = Float64Array.from(s.shift);
    acc.s1 = Float64Array.from(s.s1);
    acc.ss = Float64Array.from(s.ss);
    acc.sab = Float64Array.from(s.sab);
    return acc;
  }

  /** Add another accumulator's samples (same p and q). Exact up to rounding, whatever the split. */
  merge(other: CrossMomentAccumulator): void {
    this.flush();
    const o = other.toState();
    if (o.p !== this.p || o.q !== this.q) throw new Error(`merge: accumulators differ in units (${o.p} + ${o.q} vs ${this.p} + ${this.q})`);
    if (o.n === 0) return;
    if (this.n === 0) {
      this.n = o.n;
      this.shift = o.shift;
      this.s1 = o.s1;
      this.ss = o.ss;
      this.sab = o.sab;
      return;
    }
    const delta = new Float64Array(this.p + this.q);
    for (let j = 0; j < delta.length; j++) delta[j] = o.shift[j]! - this.shift[j]!;
    CrossMomentAccumulator.reshift(o, delta);
    this.n += o.n;
    for (let j = 0; j < this.s1.length; j++) {
      this.s1[j]! += o.s1[j]!;
      this.ss[j]! += o.ss[j]!;
    }
    for (let i = 0; i < this.sab.length; i++) this.sab[i]! += o.sab[i]!;
  }

  /** Means, stds, dead units, and the cross covariance / correlation of everything seen so far. */
  finalize(): CrossStatistics {
    this.flush();
    const { p, q, n } = this;
    if (n < 2) throw new Error(`moments need at least 2 samples, got ${n}`);
    const w = p + q;
    const mean = new Float64Array(w);
    const std = new Float64Array(w);
    const dead = new Uint8Array(w);
    const variance = new Float64Array(w);
    for (let j = 0; j < w; j++) {
      const m = this.s1[j]! / n;
      mean[j] = this.shift[j]! + m;
      const v = this.ss[j]! / n - m * m;
      variance[j] = Math.max(0, v);
      const sd = v > 0 ? Math.sqrt(v) : 0;
      if (sd === 0 || sd <= DEAD_RELATIVE * Math.abs(mean[j]!)) dead[j] = 1;
      else std[j] = sd;
    }
    const covAB = new Float64Array(p * q);
    const rAB = new Float64Array(p * q);
    for (let i = 0; i < p; i++) {
      const mi = this.s1[i]! / n;
      for (let j = 0; j < q; j++) {
        const c = this.sab[i * q + j]! / n - mi * (this.s1[p + j]! / n);
        covAB[i * q + j] = c;
        if (dead[i] || dead[p + j]) continue;
        let r = c / (std[i]! * std[p + j]!);
        if (r > 1) r = 1;
        else if (r < -1) r = -1;
        rAB[i * q + j] = r;
      }
    }
    return {
      n,
      p,
      q,
      ...unitBlocks({ mean, std, dead }, { offset: 0, count: p }, { offset: p, count: q }),
      rAB,
      covAB,
      varA: variance.slice(0, p),
      varB: variance.slice(p),
    };
  }
}
