/**
 * Streaming first and second moments over a JOINT vector: several networks' units concatenated side by side
 * (e.g. `[a; b]`, p + q columns), one pass over row-major batches, float64 accumulators.
 *
 * Shifted sums (methods.md): with shift `c` = the first batch's column mean, `S1 = Σ(x − c)`,
 * `S2 = Σ(x − c)(x − c)ᵀ`. The per-batch product `UᵀU` of the shifted batch runs through tfjs in float32 (large
 * batches, `gram-product.ts`: lower triangle only) or in plain float64 loops (tiny batches, where tfjs dispatch
 * costs more than the arithmetic); each batch's product is added into Float64Array sums, so rounding does not grow
 * with N. `merge` re-expresses the other
 * accumulator's sums at this shift (exact algebra), so results do not depend on batch boundaries.
 *
 * Optional unit groups (a network's columns in the joint vector) add the per-row squared norms needed by debiased
 * CKA: for every group g, an extra column `α_g = ‖u_g‖²` rides along in the same product, which yields `Σα_g`,
 * `Σα_g u` (T) and `Σα_g α_h` (Q); `finalize` re-centres them at the sample mean.
 */
import * as tf from '@tensorflow/tfjs-core';
// The align path imports tfjs-core, not the full @tensorflow/tfjs (layers, converter, webgl: ~0.45 s of start-up it
// never uses); the cpu backend is registered as the fallback the full package registered (free: wasm shares its code).
import '@tensorflow/tfjs-backend-cpu';
import { GramProduct } from './gram-product.ts';
import { ortProducts } from '../backend/ort-products.ts';
import { defaultProductThreads, PooledGram, productWorkers } from './product-pool.ts';

/** A network's units inside the joint vector: columns `offset .. offset + count − 1`. */
export interface UnitGroup {
  offset: number;
  count: number;
}

/** Plain serialisable state (numbers and Float64Arrays; postMessage-able between worker threads). */
export interface MomentState {
  width: number;
  groups: UnitGroup[];
  n: number;
  /** Shift `c` (length width); all zeros until the first batch. */
  shift: Float64Array;
  /** Σ of shifted rows, extended with Σα_g (length width + groups). */
  s1: Float64Array;
  /** Full symmetric Σ of outer products of the extended shifted rows ((width + G)², row-major). */
  s2: Float64Array;
}

export interface JointMoments {
  n: number;
  width: number;
  mean: Float64Array;
  /** Population standard deviation (divide by N). */
  std: Float64Array;
  /** 1 where a unit has zero variance (constant over all samples). */
  dead: Uint8Array;
  /** Population covariance, width x width row-major. */
  cov: Float64Array;
  /** Correlation, width x width row-major; 0 in any row/column of a dead unit, 1 on the live diagonal. */
  corr: Float64Array;
  /** The groups given to the accumulator (empty when none). */
  groups: UnitGroup[];
  /**
   * Present when groups were given: sums over samples of the CENTRED per-row squared norms `a_g(i) = ‖x_g(i) − μ_g‖²`:
   * `sumSq[g] = Σ_i a_g(i)`, `sumSqProducts[g*G + h] = Σ_i a_g(i) a_h(i)` (G x G).
   */
  groupExtras?: { sumSq: Float64Array; sumSqProducts: Float64Array };
}

/** Extras for debiased CKA between two groups (centred per-row squared norms a_i of A, b_i of B). */
export interface CkaExtras {
  /** Σ a_i */
  sumSqA: number;
  /** Σ b_i */
  sumSqB: number;
  /** Σ a_i b_i */
  sumSqAB: number;
  /** Σ a_i² */
  sumSqAA: number;
  /** Σ b_i² */
  sumSqBB: number;
}

/**
 * What every pass over a pair yields: the sample count, both widths, and each unit's mean, population standard
 * deviation and dead flag, split into networks A (p units) and B (q units).
 */
export interface PairUnitMoments {
  n: number;
  p: number;
  q: number;
  meanA: Float64Array;
  stdA: Float64Array;
  deadA: Uint8Array;
  meanB: Float64Array;
  stdB: Float64Array;
  deadB: Uint8Array;
}

export interface PairStatistics extends PairUnitMoments {
  /** p x p */
  rAA: Float64Array;
  /** q x q */
  rBB: Float64Array;
  /** p x q row-major: rAB[i*q + j] = corr(A_i, B_j) */
  rAB: Float64Array;
  covAA: Float64Array;
  covBB: Float64Array;
  covAB: Float64Array;
  /** Present when both A and B were accumulator groups (needed for debiased CKA). */
  ckaExtras?: CkaExtras;
}

/**
 * What linear and debiased CKA of a pair read, without any covariance block (issue 12: the memory of
 * `convergent align --method cka`): squared Frobenius norms of the three population covariance blocks, the debiased
 * extras, and the per-unit moments the report needs. `MomentAccumulator.finalizeCka` computes it in place.
 */
export interface CkaMoments extends PairUnitMoments {
  /** ‖Σ_AA‖²_F, ‖Σ_BB‖²_F, ‖Σ_AB‖²_F of the population covariances. */
  frobeniusSq: { aa: number; bb: number; ab: number };
  ckaExtras: CkaExtras;
}

export interface MomentOptions {
  groups?: UnitGroup[];
  /**
   * How per-batch products are computed: 'tfjs' (float32 through the selected tfjs backend), 'js' (float64 loops),
   * 'auto' (default: js for tiny batches, tfjs otherwise).
   */
  products?: 'auto' | 'tfjs' | 'js';
  /** Rows per product (larger batches are split); default 2048 (measured best for wasm). */
  chunkRows?: number;
  /**
   * Threads for the tfjs products: this one plus `threads − 1` product workers (`product-pool.ts`), used on the
   * wasm backend for chunks of at least POOL_MIN_WORK multiply-adds. Default `defaultProductThreads()` (the cores in
   * the main thread, 1 in worker threads; `CONVERGENT_MOMENT_THREADS` overrides). Results agree with one thread to
   * float32 product rounding (the chunks are summed in a different order).
   */
  threads?: number;
}

/** Below this many multiply-adds per chunk, float64 loops beat a tfjs dispatch (and are exact in f64). */
const JS_PRODUCT_LIMIT = 2_000_000;
/**
 * Chunks with fewer multiply-adds (≈ 20 ms of product) stay in this thread. Measured at 4,000 rows × 258 columns
 * (2 chunks of 1.4e8): 87 ms with a worker vs 45 ms without; the pool pays on long passes of wide chunks.
 */
const POOL_MIN_WORK = 500_000_000;
/**
 * The dead-unit rule (issue 11; the one definition used everywhere): a unit is DEAD on the probe set when its
 * population std over all its samples (images × positions) is 0 or at most DEAD_RELATIVE × |mean|. The relative
 * part only catches a constant unit whose float32 rounding leaves a residue (a constant c accumulated in float32
 * shows std ≈ 1e-8·|c|); it is far below any real variation, so a unit that fires on a single probe sample is LIVE.
 * Dead units have correlation 0 with everything, are left out of live-unit figures and never count as "worst
 * matched".
 */
export const DEAD_RELATIVE = 1e-6;

function checkGroups(width: number, groups: UnitGroup[]): void {
  for (const g of groups) {
    if (!Number.isInteger(g.offset) || !Number.isInteger(g.count) || g.offset < 0 || g.count < 1 || g.offset + g.count > width) {
      throw new Error(`unit group {offset: ${g.offset}, count: ${g.count}} does not fit a joint vector of width ${width}`);
    }
  }
}

export class MomentAccumulator {
  readonly width: number;
  readonly groups: UnitGroup[];
  /** width + number of groups: the extended row the products run over. */
  private readonly ext: number;
  private n = 0;
  private shift: Float64Array;
  private s1: Float64Array;
  private s2: Float64Array;
  private readonly products: 'auto' | 'tfjs' | 'js';
  private readonly chunkRows: number;
  private scratch: Float32Array | undefined;
  private gram: GramProduct | undefined;
  private readonly threads: number;
  /** The product workers' share of the work (created on the first chunk worth it; null: not available). */
  private pooled: PooledGram | null | undefined;
  /** True while S2's upper triangle is stale (see settle). */
  private lowerOnly = false;

  constructor(width: number, options: MomentOptions = {}) {
    if (!Number.isInteger(width) || width < 1) throw new Error(`moment width must be a positive integer, got ${width}`);
    const groups = options.groups ?? [];
    checkGroups(width, groups);
    this.width = width;
    this.groups = groups.map((g) => ({ offset: g.offset, count: g.count }));
    this.ext = width + groups.length;
    this.shift = new Float64Array(width);
    this.s1 = new Float64Array(this.ext);
    this.s2 = new Float64Array(this.ext * this.ext);
    this.products = options.products ?? 'auto';
    this.chunkRows = Math.max(1, options.chunkRows ?? 2048);
    const threads = options.threads ?? defaultProductThreads();
    if (!Number.isInteger(threads) || threads < 1) throw new Error(`moment threads must be a positive integer, got ${threads}`);
    this.threads = threads;
  }

  get count(): number {
    return this.n;
  }

  /** How many chunks product workers have finished so far (0 in one thread); diagnostics for benchmarks and tests. */
  get workerChunks(): number {
    return this.pooled?.workerChunks ?? 0;
  }

  /** Add `rows` samples (row-major rows x width). NaN/Inf are the caller's to reject (the IO layer names the unit). */
  update(batch: Float32Array | Float64Array, rows: number): void {
    if (!Number.isInteger(rows) || rows < 0) throw new Error(`update: rows must be a non-negative integer, got ${rows}`);
    if (batch.length < rows * this.width) {
      throw new Error(`update: batch holds ${batch.length} values, fewer than ${rows} rows x ${this.width} units`);
    }
    if (rows === 0) return;
    if (this.n === 0) {
      // Shift = first batch mean: keeps the shifted values small, so float32 products lose little.
      const w = this.width;
      const c = this.shift;
      c.fill(0);
      for (let r = 0; r < rows; r++) {
        const base = r * w;
        for (let j = 0; j < w; j++) c[j]! += batch[base + j]!;
      }
      for (let j = 0; j < w; j++) c[j]! /= rows;
    }
    for (let start = 0; start < rows; start += this.chunkRows) {
      const count = Math.min(this.chunkRows, rows - start);
      this.addChunk(batch, start, count);
    }
  }

  private addChunk(batch: Float32Array | Float64Array, startRow: number, rows: number): void {
    const w = this.width;
    const e = this.ext;
    const useJs = this.products === 'js' || (this.products === 'auto' && rows * e * e <= JS_PRODUCT_LIMIT);
    // Shifted, extended rows. In the tfjs path they are float32 (what the product consumes); sums use the same values.
    const need = rows * e;
    // A product worker's slot when one can take this chunk now: the shifted rows are built there directly.
    const slot = useJs ? undefined : this.productPool(rows)?.acquire(rows);
    let u: Float32Array | Float64Array;
    if (useJs) u = new Float64Array(need);
    else if (slot) u = slot.u;
    else {
      if (!this.scratch || this.scratch.length < need) this.scratch = new Float32Array(need);
      u = need === this.scratch.length ? this.scratch : this.scratch.subarray(0, need);
    }
    const c = this.shift;
    const s1 = this.s1;
    const groups = this.groups;
    for (let r = 0; r < rows; r++) {
      const src = (startRow + r) * w;
      const dst = r * e;
      for (let j = 0; j < w; j++) u[dst + j] = batch[src + j]! - c[j]!;
      for (let g = 0; g < groups.length; g++) {
        const { offset, count } = groups[g]!;
        let a = 0;
        for (let j = offset; j < offset + count; j++) {
          const v = u[dst + j]!;
          a += v * v;
        }
        u[dst + w + g] = a;
      }
    }
    for (let r = 0; r < rows; r++) {
      const dst = r * e;
      for (let j = 0; j < e; j++) s1[j]! += u[dst + j]!;
    }
    if (useJs) this.addProductJs(u as Float64Array, rows);
    else if (slot) {
      this.pooled!.submit(slot.index, rows);
      this.lowerOnly = true;
    } else this.addProductTf(u as Float32Array, rows);
    this.n += rows;
  }

  /** S2 (lower triangle) += UᵀU in float64. */
  private addProductJs(u: Float64Array | Float32Array, rows: number): void {
    const e = this.ext;
    const s2 = this.s2;
    for (let r = 0; r < rows; r++) {
      const base = r * e;
      for (let i = 0; i < e; i++) {
        const ui = u[base + i]!;
        if (ui === 0) continue;
        const rowI = i * e;
        for (let j = 0; j <= i; j++) s2[rowI + j]! += ui * u[base + j]!;
      }
    }
    this.lowerOnly = true;
  }

  /** The product workers for a chunk of `rows`, when this accumulator uses them and the chunk is worth it. */
  private productPool(rows: number): PooledGram | undefined {
    if (this.threads < 2 || this.pooled === null || rows * this.ext * this.ext < POOL_MIN_WORK) return undefined;
    if (this.pooled === undefined) {
      // The workers run the wasm backend; with another backend (native TensorFlow is multi-threaded itself) or with
      // ONNX Runtime's products (its own thread pool, `threads` wide) stay here.
      if (tf.getBackend() !== 'wasm' || ortProducts() !== undefined) {
        this.pooled = null;
        return undefined;
      }
      this.pooled = new PooledGram(this.ext, this.chunkRows, productWorkers(this.threads - 1), (u, r) => this.addProductTf(u, r));
    }
    return this.pooled;
  }

  /** S2 (lower triangle) += UᵀU through tfjs, float32 products added in float64 (see gram-product.ts). */
  private addProductTf(u: Float32Array, rows: number): void {
    if (ortProducts() === undefined && tf.getBackend() === 'webgpu') {
      // The pass is synchronous and a webgpu read is not (dataSync needs OffscreenCanvas in Node): without ONNX
      // Runtime the float64 loops are the synchronous fallback.
      this.addProductJs(u, rows);
      return;
    }
    this.gram ??= new GramProduct(tf);
    this.gram.add(u, rows, this.ext, this.s2);
    this.lowerOnly = true;
  }

  /**
   * Make S2 whole: collect the product workers' chunks, then mirror. The products only add into the lower triangle
   * (half the float64 additions, and no mirroring per chunk, which costs e² strided writes).
   */
  private settle(): void {
    this.pooled?.drain(this.s2);
    if (!this.lowerOnly) return;
    const e = this.ext;
    const s2 = this.s2;
    for (let i = 1; i < e; i++) {
      for (let j = 0; j < i; j++) s2[j * e + i] = s2[i * e + j]!;
    }
    this.lowerOnly = false;
  }

  /**
   * Re-express the sums with every shifted row u moved to u + δ (shift c → c − δ). Exact algebra on S1, S2 and the
   * group extras (see the header); used by merge (δ = other shift − this shift) and finalize (δ = −S1/N: centring).
   */
  private static reshift(state: MomentState, delta: Float64Array): void {
    const { width: w, groups, n, s1, s2 } = state;
    const G = groups.length;
    const e = w + G;
    // k_g = ‖δ_g‖², d_g = δ_gᵀ s_g (using the OLD s1).
    const k = new Float64Array(G);
    const ds = new Float64Array(G);
    for (let g = 0; g < G; g++) {
      const { offset, count } = groups[g]!;
      for (let j = offset; j < offset + count; j++) {
        k[g]! += delta[j]! * delta[j]!;
        ds[g]! += delta[j]! * s1[j]!;
      }
    }
    // Md_g = M[:, g] δ_g (width vector) and δ_hᵀ T_g[h] — all from OLD values.
    const md: Float64Array[] = [];
    for (let g = 0; g < G; g++) {
      const { offset, count } = groups[g]!;
      const v = new Float64Array(w);
      for (let i = 0; i < w; i++) {
        let acc = 0;
        const row = i * e;
        for (let j = offset; j < offset + count; j++) acc += s2[row + j]! * delta[j]!;
        v[i] = acc;
      }
      md.push(v);
    }
    const dT = new Float64Array(G * G); // dT[g*G+h] = δ_hᵀ T_g[h-columns]
    for (let g = 0; g < G; g++) {
      for (let h = 0; h < G; h++) {
        const { offset, count } = groups[h]!;
        let acc = 0;
        for (let j = offset; j < offset + count; j++) acc += delta[j]! * s2[j * e + w + g]!;
        dT[g * G + h] = acc;
      }
    }
    // Q' (group corner).
    for (let g = 0; g < G; g++) {
      const Ag = s1[w + g]!;
      for (let h = 0; h < G; h++) {
        const Ah = s1[w + h]!;
        const { offset, count } = groups[g]!;
        let dMd = 0; // δ_gᵀ M[g,h] δ_h = δ_gᵀ (Md_h)[g-rows]
        for (let i = offset; i < offset + count; i++) dMd += delta[i]! * md[h]![i]!;
        s2[(w + g) * e + w + h]! +=
          2 * dT[g * G + h]! + k[h]! * Ag + 2 * dT[h * G + g]! + 4 * dMd + 2 * k[h]! * ds[g]! + k[g]! * Ah +
          2 * k[g]! * ds[h]! + n * k[g]! * k[h]!;
      }
    }
    // T'_g = T_g + A_g δ + 2 M[:, g] δ_g + 2 d_g δ + k_g s + n k_g δ.
    for (let g = 0; g < G; g++) {
      const Ag = s1[w + g]!;
      const col = w + g;
      for (let i = 0; i < w; i++) {
        const add = Ag * delta[i]! + 2 * md[g]![i]! + 2 * ds[g]! * delta[i]! + k[g]! * s1[i]! + n * k[g]! * delta[i]!;
        s2[i * e + col]! += add;
        s2[col * e + i]! += add;
      }
    }
    // A'_g = A_g + 2 d_g + n k_g.
    for (let g = 0; g < G; g++) s1[w + g]! += 2 * ds[g]! + n * k[g]!;
    // M' = M + δ sᵀ + s δᵀ + n δδᵀ; s' = s + n δ.
    for (let i = 0; i < w; i++) {
      const di = delta[i]!;
      const si = s1[i]!;
      const row = i * e;
      for (let j = 0; j < w; j++) s2[row + j]! += di * s1[j]! + si * delta[j]! + n * di * delta[j]!;
    }
    for (let i = 0; i < w; i++) s1[i]! += n * delta[i]!;
    for (let i = 0; i < w; i++) state.shift[i]! -= delta[i]!;
  }

  /** Add another accumulator's samples (same width and groups). Exact up to rounding, whatever the split. */
  merge(other: MomentAccumulator): void {
    this.mergeState(other.toState());
  }

  private mergeState(o: MomentState): void {
    this.settle();
    if (o.width !== this.width || o.groups.length !== this.groups.length ||
      o.groups.some((g, i) => g.offset !== this.groups[i]!.offset || g.count !== this.groups[i]!.count)) {
      throw new Error(`merge: accumulators differ in width or groups (${o.width} vs ${this.width})`);
    }
    if (o.n === 0) return;
    if (this.n === 0) {
      this.n = o.n;
      this.shift = Float64Array.from(o.shift);
      this.s1 = Float64Array.from(o.s1);
      this.s2 = Float64Array.from(o.s2);
      return;
    }
    const copy: MomentState = { ...o, shift: Float64Array.from(o.shift), s1: Float64Array.from(o.s1), s2: Float64Array.from(o.s2) };
    const delta = new Float64Array(this.width);
    for (let i = 0; i < this.width; i++) delta[i] = copy.shift[i]! - this.shift[i]!;
    MomentAccumulator.reshift(copy, delta);
    this.n += copy.n;
    for (let i = 0; i < this.s1.length; i++) this.s1[i]! += copy.s1[i]!;
    for (let i = 0; i < this.s2.length; i++) this.s2[i]! += copy.s2[i]!;
  }

  /**
   * CKA's sums for two groups A and B that partition the joint vector (A's columns first), centring the sums IN PLACE
   * (an exact re-expression: the accumulator stays valid), so no second (p + q)² array is made — unlike `finalize`,
   * which copies the sums and builds the joint covariance, correlation and pair blocks. Same dead-unit rule.
   */
  finalizeCka(): CkaMoments {
    if (this.n < 2) throw new Error(`moments need at least 2 samples, got ${this.n}`);
    if (this.groups.length !== 2 || this.groups[0]!.offset !== 0 || this.groups[1]!.offset !== this.groups[0]!.count || this.groups[0]!.count + this.groups[1]!.count !== this.width) {
      throw new Error('finalizeCka needs exactly two groups, A then B, covering the joint vector');
    }
    this.settle();
    const w = this.width;
    const e = this.ext;
    const n = this.n;
    const p = this.groups[0]!.count;
    const q = this.groups[1]!.count;
    const mean = new Float64Array(w);
    const delta = new Float64Array(w);
    for (let i = 0; i < w; i++) {
      mean[i] = this.shift[i]! + this.s1[i]! / n;
      delta[i] = -this.s1[i]! / n;
    }
    MomentAccumulator.reshift({ width: w, groups: this.groups, n, shift: this.shift, s1: this.s1, s2: this.s2 }, delta);
    const s2 = this.s2;
    const std = new Float64Array(w);
    const dead = new Uint8Array(w);
    for (let i = 0; i < w; i++) {
      const v = s2[i * e + i]! / n;
      const sd = v > 0 ? Math.sqrt(v) : 0;
      if (sd === 0 || sd <= DEAD_RELATIVE * Math.abs(mean[i]!)) dead[i] = 1;
      else std[i] = sd;
    }
    let aa = 0;
    let bb = 0;
    let ab = 0;
    const n2 = n * n;
    for (let i = 0; i < w; i++) {
      const row = i * e;
      for (let j = 0; j < w; j++) {
        const c = s2[row + j]! * s2[row + j]!;
        if (i < p) {
          if (j < p) aa += c;
          else ab += c;
        } else if (j >= p) bb += c;
      }
    }
    return {
      n,
      p,
      q,
      ...unitBlocks({ mean, std, dead }, { offset: 0, count: p }, { offset: p, count: q }),
      frobeniusSq: { aa: aa / n2, bb: bb / n2, ab: ab / n2 },
      ckaExtras: {
        sumSqA: this.s1[w]!,
        sumSqB: this.s1[w + 1]!,
        sumSqAB: s2[w * e + w + 1]!,
        sumSqAA: s2[w * e + w]!,
        sumSqBB: s2[(w + 1) * e + w + 1]!,
      },
    };
  }

  /** A snapshot (copies), safe to post to another thread. */
  toState(): MomentState {
    this.settle();
    return {
      width: this.width,
      groups: this.groups.map((g) => ({ ...g })),
      n: this.n,
      shift: Float64Array.from(this.shift),
      s1: Float64Array.from(this.s1),
      s2: Float64Array.from(this.s2),
    };
  }

  static fromState(s: MomentState, options: Omit<MomentOptions, 'groups'> = {}): MomentAccumulator {
    const e = s.width + s.groups.length;
    if (s.shift.length !== s.width || s.s1.length !== e || s.s2.length !== e * e) {
      throw new Error(`fromState: array lengths do not match width ${s.width} with ${s.groups.length} groups`);
    }
    const acc = new MomentAccumulator(s.width, { ...options, groups: s.groups });
    acc.n = s.n;
    acc.shift = Float64Array.from(s.shift);
    acc.s1 = Float64Array.from(s.s1);
    acc.s2 = Float64Array.from(s.s2);
    return acc;
  }

  /** Means, population covariance and correlations (with dead units flagged) of everything seen so far. */
  finalize(): JointMoments {
    if (this.n < 2) throw new Error(`moments need at least 2 samples, got ${this.n}`);
    const w = this.width;
    const e = this.ext;
    const n = this.n;
    const state = this.toState();
    const delta = new Float64Array(w);
    for (let i = 0; i < w; i++) delta[i] = -state.s1[i]! / n;
    const mean = new Float64Array(w);
    for (let i = 0; i < w; i++) mean[i] = this.shift[i]! + this.s1[i]! / n;
    // Centre at the sample mean: afterwards S1 = 0 and S2/N is the covariance.
    MomentAccumulator.reshift(state, delta);
    const s2 = state.s2;
    const cov = new Float64Array(w * w);
    for (let i = 0; i < w; i++) {
      for (let j = 0; j < w; j++) cov[i * w + j] = s2[i * e + j]! / n;
    }
    const std = new Float64Array(w);
    const dead = new Uint8Array(w);
    for (let i = 0; i < w; i++) {
      const v = cov[i * w + i]!;
      const sd = v > 0 ? Math.sqrt(v) : 0;
      if (sd === 0 || sd <= DEAD_RELATIVE * Math.abs(mean[i]!)) {
        dead[i] = 1;
        std[i] = 0;
      } else std[i] = sd;
    }
    const corr = new Float64Array(w * w);
    for (let i = 0; i < w; i++) {
      if (dead[i]) continue;
      const si = std[i]!;
      for (let j = 0; j < w; j++) {
        if (dead[j]) continue;
        let r = cov[i * w + j]! / (si * std[j]!);
        // Rounding can push |r| a hair past 1; clamp so downstream (matching, MI) sees a valid correlation.
        if (r > 1) r = 1;
        else if (r < -1) r = -1;
        corr[i * w + j] = r;
      }
      corr[i * w + i] = 1;
    }
    const out: JointMoments = { n, width: w, mean, std, dead, cov, corr, groups: this.groups.map((g) => ({ ...g })) };
    const G = this.groups.length;
    if (G > 0) {
      const sumSq = new Float64Array(G);
      const sumSqProducts = new Float64Array(G * G);
      for (let g = 0; g < G; g++) {
        sumSq[g] = state.s1[w + g]!;
        for (let h = 0; h < G; h++) sumSqProducts[g * G + h] = s2[(w + g) * e + w + h]!;
      }
      out.groupExtras = { sumSq, sumSqProducts };
    }
    return out;
  }
}

function block(src: Float64Array, width: number, r0: number, rows: number, c0: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) out.set(src.subarray((r0 + i) * width + c0, (r0 + i) * width + c0 + cols), i * cols);
  return out;
}

/** The per-unit statistics of two groups of a joint vector, as the A and B fields of a pair's statistics. */
export function unitBlocks(
  m: { mean: Float64Array; std: Float64Array; dead: Uint8Array },
  a: UnitGroup,
  b: UnitGroup,
): Omit<PairUnitMoments, 'n' | 'p' | 'q'> {
  const part = <T extends Float64Array | Uint8Array>(v: T, g: UnitGroup) => v.slice(g.offset, g.offset + g.count) as T;
  return {
    meanA: part(m.mean, a),
    stdA: part(m.std, a),
    deadA: part(m.dead, a),
    meanB: part(m.mean, b),
    stdB: part(m.std, b),
    deadB: part(m.dead, b),
  };
}

/** Split joint moments into the blocks of networks A and B (two groups of the joint vector). */
export function pairStatistics(m: JointMoments, a: UnitGroup, b: UnitGroup): PairStatistics {
  checkGroups(m.width, [a, b]);
  const w = m.width;
  const p = a.count;
  const q = b.count;
  const out: PairStatistics = {
    n: m.n,
    p,
    q,
    ...unitBlocks(m, a, b),
    rAA: block(m.corr, w, a.offset, p, a.offset, p),
    rBB: block(m.corr, w, b.offset, q, b.offset, q),
    rAB: block(m.corr, w, a.offset, p, b.offset, q),
    covAA: block(m.cov, w, a.offset, p, a.offset, p),
    covBB: block(m.cov, w, b.offset, q, b.offset, q),
    covAB: block(m.cov, w, a.offset, p, b.offset, q),
  };
  const ga = m.groups.findIndex((g) => g.offset === a.offset && g.count === a.count);
  const gb = m.groups.findIndex((g) => g.offset === b.offset && g.count === b.count);
  if (m.groupExtras && ga >= 0 && gb >= 0) {
    const G = m.groups.length;
    const { sumSq, sumSqProducts } = m.groupExtras;
    out.ckaExtras = {
      sumSqA: sumSq[ga]!,
      sumSqB: sumSq[gb]!,
      sumSqAB: sumSqProducts[ga * G + gb]!,
      sumSqAA: sumSqProducts[ga * G + ga]!,
      sumSqBB: sumSqProducts[gb * G + gb]!,
    };
  }
  return out;
}

/** Convenience: moments of two row-major matrices A (n x p) and B (n x q) side by side, with CKA extras. */
export function pairMoments(
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  n: number,
  p: number,
  q: number,
  options: Omit<MomentOptions, 'groups'> & { batchRows?: number } = {},
): PairStatistics {
  if (a.length !== n * p || b.length !== n * q) {
    throw new Error(`pairMoments: A has ${a.length} values (want ${n}x${p}), B has ${b.length} (want ${n}x${q})`);
  }
  const ga = { offset: 0, count: p };
  const gb = { offset: p, count: q };
  const acc = new MomentAccumulator(p + q, { ...options, groups: [ga, gb] });
  const batchRows = Math.max(1, options.batchRows ?? 4096);
  // Keep float64 input in float64 (the tiny-batch product path is then exact to f64 rounding).
  const size = Math.min(batchRows, n) * (p + q);
  const buf = a instanceof Float64Array || b instanceof Float64Array ? new Float64Array(size) : new Float32Array(size);
  for (let start = 0; start < n; start += batchRows) {
    const rows = Math.min(batchRows, n - start);
    for (let r = 0; r < rows; r++) {
      buf.set(a.subarray((start + r) * p, (start + r + 1) * p), r * (p + q));
      buf.set(b.subarray((start + r) * q, (start + r + 1) * q), r * (p + q) + p);
    }
    acc.update(buf, rows);
  }
  return pairStatistics(acc.finalize(), ga, gb);
}

/**
 * `pairMoments` split over worker threads (each its own tfjs backend; the wasm backend is single-threaded in
 * Node): contiguous row ranges accumulated in parallel, then merged. Same result as one pass up to float32
 * product rounding. Data is shared with the workers through SharedArrayBuffers (one copy of A and B).
 */
export async function parallelPairMoments(
  a: Float32Array,
  b: Float32Array,
  n: number,
  p: number,
  q: number,
  options: { workers?: number; batchRows?: number } = {},
): Promise<PairStatistics> {
  if (a.length !== n * p || b.length !== n * q) {
    throw new Error(`parallelPairMoments: A has ${a.length} values (want ${n}x${p}), B has ${b.length} (want ${n}x${q})`);
  }
  const { runInWorkers } = await import('../parallel/worker-pool.ts');
  const os = await import('node:os');
  const workers = Math.max(1, Math.min(options.workers ?? os.availableParallelism(), Math.floor(n / 2)));
  const share = (x: Float32Array): Float32Array => {
    if (x.buffer instanceof SharedArrayBuffer) return x;
    const s = new Float32Array(new SharedArrayBuffer(x.byteLength));
    s.set(x);
    return s;
  };
  const sa = share(a);
  const sb = share(b);
  const batchRows = Math.max(1, options.batchRows ?? 4096);
  const jobs = Array.from({ length: workers }, (_, k) => ({
    a: sa,
    b: sb,
    start: Math.floor((k * n) / workers),
    end: Math.floor(((k + 1) * n) / workers),
    p,
    q,
    batchRows,
  }));
  const states = await runInWorkers<(typeof jobs)[number], MomentState>(new URL('./moment-job.ts', import.meta.url), 'accumulatePairRows', jobs, {
    concurrency: workers,
    jobName: (j) => `moments of rows ${j.start}..${j.end}`,
  });
  const total = MomentAccumulator.fromState(states[0]!);
  for (let k = 1; k < states.length; k++) total.merge(MomentAccumulator.fromState(states[k]!));
  return pairStatistics(total.finalize(), { offset: 0, count: p }, { offset: p, count: q });
}
