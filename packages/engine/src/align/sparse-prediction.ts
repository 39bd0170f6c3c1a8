/**
 * Sparse prediction (one-to-many alignment): predict every unit of B from all units of A by L1-regularised linear
 * regression on standardised units, for a path of penalties, from the correlation statistics alone.
 *
 * Per target unit k, with r = R_AB[:, k] and Q = R_AA:
 *   minimise_w  ½ (1 − 2 wᵀr + wᵀQw) + α ‖w‖₁
 * which is scikit-learn's `Lasso(alpha=α, fit_intercept=False)` objective on standardised data.
 * FVU (fraction of variance unexplained) = 1 − 2 wᵀr + wᵀQw.
 *
 * Solver: covariance-form coordinate descent with warm starts along the path (largest penalty first), sequential
 * strong-rule screening, a compact working-set Gram matrix, and a KKT check of the full gradient G = R_AA W − R_AB.
 * Stopping rule: relative duality gap ≤ `tol` (gap ≥ objective − optimum, so the objective is within `tol` relative of
 * the optimum), or every KKT condition holds to 1e-10 (needed at α = 0, where the gap is not informative).
 *
 * The gradient products are sparse: G[:, k] = −r + Σ_{i: w_i ≠ 0} w_i Q[i, :], contiguous rows in float64, cost
 * p · nnz. That is cheaper than a dense tfjs p×p·p×q product (float32 only, 2p²q flops) for every path point with
 * fewer than about 1/20 of the weights non-zero, and keeps the KKT test in float64 (see README, measured).
 *
 * Layout: rAA is p×p, rAB is p×q, both row-major Float64Array (row = unit of A). Weights are returned per target in
 * compressed sparse columns (CSC over the p×q weight matrix). Dead units (zero variance: R_AA[j, j] = 0) of A are
 * never used (weight 0). A target whose column of R_AB is all zero (dead or unrelated) gets w = 0 and FVU 1.
 */

/** A p×q weight matrix in compressed sparse columns: column k (target unit k of B) holds
 *  `values[colPtr[k] .. colPtr[k+1])` at rows (units of A) `rowIndex[...]`, rows ascending. */
export interface SparseWeights {
  p: number;
  q: number;
  colPtr: Int32Array;
  rowIndex: Int32Array;
  values: Float64Array;
}

export interface SparsePathPoint {
  penalty: number;
  /** Mean over targets of the FVU on the fitted statistics. */
  meanLoss: number;
  /** Mean over targets of the FVU of the same weights on the held-out statistics (when given). */
  heldOutMeanLoss?: number;
  /** Mean number of non-zero weights per target. */
  meanNonzero: number;
  /** Per target FVU on the fitted statistics. */
  losses: Float64Array;
  /** Per target FVU on the held-out statistics (when given). */
  heldOutLosses?: Float64Array;
  /** Per target number of non-zero weights. */
  nonzero: Int32Array;
  /** Per target objective value ½ FVU + α‖w‖₁. */
  objectives: Float64Array;
  weights: SparseWeights;
  /** Targets that hit `maxSweeps` before meeting the tolerance (0 in normal runs). */
  unconverged: number;
}

export interface SparsePredictionInput {
  /** p×p correlation matrix within A, row-major. */
  rAA: Float64Array;
  /** p×q correlation matrix between A (rows) and B (columns), row-major. */
  rAB: Float64Array;
  p: number;
  q: number;
  /** Penalties α ≥ 0, any order; the path is returned sorted ascending. */
  penalties: number[];
  /** Statistics of held-out samples (same shapes) to report held-out FVU with the fitted weights. */
  heldOut?: { rAA: Float64Array; rAB: Float64Array };
  /** Relative duality-gap tolerance (default 1e-6: the objective is then certified within 1e-6 relative of the optimum). */
  tol?: number;
  /** Safety cap on coordinate-descent sweeps per target and penalty (default 100000). */
  maxSweeps?: number;
}

export interface SparsePredictionResult {
  path: SparsePathPoint[];
}

const KKT_TOL = 1e-10;

function checkMatrix(name: string, m: Float64Array, rows: number, cols: number): void {
  if (!(m instanceof Float64Array)) throw new Error(`sparse prediction: ${name} must be a Float64Array`);
  if (m.length !== rows * cols) {
    throw new Error(`sparse prediction: ${name} has ${m.length} values, expected ${rows}x${cols} = ${rows * cols}`);
  }
  for (let i = 0; i < m.length; i++) {
    if (!Number.isFinite(m[i]!)) {
      throw new Error(`sparse prediction: ${name} has a non-finite value at row ${Math.floor(i / cols)}, column ${i % cols}`);
    }
  }
}

export function validateSparseInput(input: SparsePredictionInput): void {
  const { p, q, penalties } = input;
  if (!Number.isInteger(p) || p < 1 || !Number.isInteger(q) || q < 1) {
    throw new Error(`sparse prediction: p and q must be positive integers (got p=${p}, q=${q})`);
  }
  checkMatrix('rAA', input.rAA, p, p);
  checkMatrix('rAB', input.rAB, p, q);
  if (input.heldOut) {
    checkMatrix('heldOut.rAA', input.heldOut.rAA, p, p);
    checkMatrix('heldOut.rAB', input.heldOut.rAB, p, q);
  }
  if (!Array.isArray(penalties) || penalties.length === 0) {
    throw new Error('sparse prediction: give at least one penalty, e.g. [0.001, 0.01, 0.1]');
  }
  for (const a of penalties) {
    if (typeof a !== 'number' || !Number.isFinite(a) || a < 0) {
      throw new Error(`sparse prediction: penalty ${a} is not a finite number ≥ 0; use penalties like 0.001,0.01,0.1`);
    }
  }
  if (input.tol !== undefined && !(input.tol > 0 && input.tol < 1)) {
    throw new Error(`sparse prediction: tol ${input.tol} must be in (0, 1)`);
  }
  if (input.maxSweeps !== undefined && !(Number.isInteger(input.maxSweeps) && input.maxSweeps >= 1)) {
    throw new Error(`sparse prediction: maxSweeps ${input.maxSweeps} must be a positive integer`);
  }
}

import { choleskyDeleteInPlace } from '../linalg/cholesky-update.ts';
import { float64Kernels, type Float64Kernels } from '../linalg/simd-kernels.ts';

/**
 * Per-target solver state and scratch, reused across targets (no allocation in the hot loops). The arrays the inner
 * loops stream through (R_AA, the working-set Gram block, the Cholesky factor, gradients) live in the memory of
 * WebAssembly SIMD kernels (`src/linalg/simd-kernels.ts`): the sweeps' axpy and the factor's dot products and
 * substitutions were ~80% of the time; with them the solver needs 2.7x less CPU (measured, p = 512, 96 targets).
 */
class TargetSolver {
  readonly w: Float64Array;
  readonly g: Float64Array;
  readonly r: Float64Array;
  private readonly inSet: Uint8Array;
  private readonly set: Int32Array;
  private setSize = 0;
  private readonly qE: Float64Array;
  private gathered = 0;
  private readonly gE: Float64Array;
  private readonly wE: Float64Array;
  private readonly dE: Float64Array;
  private readonly rE: Float64Array;
  private readonly nzList: Int32Array;
  private readonly sIdx: Int32Array;
  private readonly nb: Float64Array;
  private readonly nx: Float64Array;
  private readonly stamp: Int32Array;
  private stampValue = 0;
  private readonly fac: Float64Array;
  private readonly facList: Int32Array;
  private readonly facY: Float64Array;
  private readonly posInS: Int32Array;
  private facSize = 0;
  private supportChanges = 0;
  unconverged = false;

  /** Inner loops (axpy, dot) on Q, qE, fac, gE, g and facY, which live in the kernels' memory at these offsets. */
  private readonly K: Float64Kernels;
  private readonly Q: Float64Array;
  private readonly baseQ: number;
  private readonly baseQE: number;
  private readonly baseFac: number;
  private readonly baseGE: number;
  private readonly baseG: number;
  private readonly baseFacY: number;

  constructor(
    rAA: Float64Array,
    private readonly p: number,
    private readonly live: Uint8Array,
    private readonly tol: number,
    private readonly maxSweeps: number,
  ) {
    const pp = p * p;
    const K = float64Kernels(3 * pp + 3 * p);
    this.K = K;
    this.baseQ = 0;
    this.baseQE = pp;
    this.baseFac = 2 * pp;
    this.baseGE = 3 * pp;
    this.baseG = 3 * pp + p;
    this.baseFacY = 3 * pp + 2 * p;
    this.Q = K.f64.subarray(0, pp);
    this.Q.set(rAA);
    this.qE = K.f64.subarray(this.baseQE, this.baseQE + pp);
    this.fac = K.f64.subarray(this.baseFac, this.baseFac + pp);
    this.gE = K.f64.subarray(this.baseGE, this.baseGE + p);
    this.g = K.f64.subarray(this.baseG, this.baseG + p);
    this.facY = K.f64.subarray(this.baseFacY, this.baseFacY + p);
    this.w = new Float64Array(p);
    this.r = new Float64Array(p);
    this.inSet = new Uint8Array(p);
    this.set = new Int32Array(p);
    this.wE = new Float64Array(p);
    this.dE = new Float64Array(p);
    this.rE = new Float64Array(p);
    this.nzList = new Int32Array(p);
    this.sIdx = new Int32Array(p);
    this.nb = new Float64Array(p);
    this.nx = new Float64Array(p);
    this.stamp = new Int32Array(p);
    this.facList = new Int32Array(p);
    this.posInS = new Int32Array(p);
  }

  /** Load target column k of rAB (p×q row-major); start from w = 0. Returns λ_max = max_live |r_j|. */
  reset(rAB: Float64Array, q: number, k: number): number {
    const { p, w, g, r, live, inSet } = this;
    let lmax = 0;
    for (let j = 0; j < p; j++) {
      const v = live[j] ? rAB[j * q + k]! : 0;
      r[j] = v;
      g[j] = -v;
      w[j] = 0;
      inSet[j] = 0;
      const a = Math.abs(v);
      if (a > lmax) lmax = a;
    }
    this.setSize = 0;
    this.gathered = 0;
    this.facSize = 0;
    return lmax;
  }

  /** Full gradient g = Q w − r from the non-zeros of w (contiguous rows of the symmetric Q). */
  private fullGradient(): void {
    const { p, w, g, r, nzList } = this;
    let nnz = 0;
    for (let j = 0; j < p; j++) if (w[j] !== 0) nzList[nnz++] = j;
    for (let j = 0; j < p; j++) g[j] = -r[j]!;
    for (let t = 0; t < nnz; t++) {
      const i = nzList[t]!;
      const wi = w[i]!;
      const off = i * p;
      this.K.axpy(this.baseG, wi, this.baseQ + off, p);
    }
  }

  private addToSet(j: number): void {
    this.inSet[j] = 1;
    this.set[this.setSize++] = j;
  }

  /**
   * Copy the working set's Gram block (row stride p), gradient, weights and diagonal into compact arrays. The set
   * only grows within a target, so only the rows and columns of members added since the last call are copied.
   */
  private gatherSet(): void {
    const { set, Q, p, qE } = this;
    const m = this.setSize;
    const g0 = this.gathered;
    for (let a = 0; a < m; a++) {
      const ja = set[a]!;
      const off = ja * p;
      const oa = a * p;
      for (let b = a < g0 ? g0 : 0; b < m; b++) qE[oa + b] = Q[off + set[b]!]!;
      this.gE[a] = this.g[ja]!;
      this.wE[a] = this.w[ja]!;
      this.dE[a] = Q[off + ja]!;
      this.rE[a] = this.r[ja]!;
    }
    this.gathered = m;
  }

  private scatterSet(): void {
    const m = this.setSize;
    for (let a = 0; a < m; a++) this.w[this.set[a]!] = this.wE[a]!;
  }

  /**
   * Convergence test on the working set (its gradient is exact on the set): relative duality gap or KKT violation.
   * Outside the set every |g_j| ≤ α has been checked, so after a clean KKT pass this is the full problem's test.
   */
  private setConverged(alpha: number): boolean {
    const m = this.setSize;
    const { gE, wE, rE } = this;
    let wr = 0;
    let wg = 0;
    let l1 = 0;
    let gmax = 0;
    let viol = 0;
    for (let a = 0; a < m; a++) {
      const wa = wE[a]!;
      const ga = gE[a]!;
      const absg = Math.abs(ga);
      if (absg > gmax) gmax = absg;
      if (wa !== 0) {
        wr += wa * rE[a]!;
        wg += wa * ga;
        l1 += Math.abs(wa);
        const v = Math.abs(ga + (wa > 0 ? alpha : -alpha));
        if (v > viol) viol = v;
      } else if (absg - alpha > viol) {
        viol = absg - alpha;
      }
    }
    if (viol <= KKT_TOL) return true;
    if (alpha === 0) return false;
    const fvu = 1 - wr + wg;
    const primal = 0.5 * fvu + alpha * l1;
    const s = gmax > alpha ? alpha / gmax : 1;
    const gap = 0.5 * fvu + alpha * l1 - s * (1 - wr) + 0.5 * s * s * fvu;
    return gap <= this.tol * primal;
  }

  /**
   * One coordinate-descent sweep over compact indices `idx[0..n)`. Returns the largest weight change; sets
   * `supportChanges` to the number of coordinates whose sign pattern (−, 0, +) changed.
   */
  private sweep(alpha: number, idx: Int32Array, n: number): number {
    const m = this.setSize;
    const { gE, wE, dE } = this;
    let maxDelta = 0;
    let changes = 0;
    for (let t = 0; t < n; t++) {
      const a = idx[t]!;
      const d = dE[a]!;
      const wa = wE[a]!;
      const z = d * wa - gE[a]!;
      const nw = z > alpha ? (z - alpha) / d : z < -alpha ? (z + alpha) / d : 0;
      if (nw !== wa) {
        const delta = nw - wa;
        wE[a] = nw;
        if (Math.sign(nw) !== Math.sign(wa)) changes++;
        const off = a * this.p;
        this.K.axpy(this.baseGE, delta, this.baseQE + off, m);
        const ad = Math.abs(delta);
        if (ad > maxDelta) maxDelta = ad;
      }
    }
    this.supportChanges = changes;
    return maxDelta;
  }

  /**
   * Cholesky solve of Q_SS x = b with a factor kept across calls for this target: consecutive Newton steps (and the
   * first step at the next penalty) mostly share the support, so the factor is reused: new units are appended as
   * bordered rows and units leaving the support are removed by Givens downdates, O(|S|²) each instead of a fresh
   * O(|S|³/3) factorisation. The factor is row-major with stride p, in the order of `facList` (global unit indices).
   */
  private factorSolve(ns: number): boolean {
    const { set, sIdx, nb, nx, Q, p, fac, facList, stamp, posInS, facY, K } = this;
    const bf = this.baseFac;
    this.stampValue++;
    const sv = this.stampValue;
    for (let t = 0; t < ns; t++) {
      const j = set[sIdx[t]!]!;
      stamp[j] = sv;
      posInS[j] = t;
    }
    // Units that left the support: Givens downdates, O((n−r)²) each, unless refactoring from scratch is cheaper.
    const n0 = this.facSize;
    let dropCost = 0;
    for (let r = 0; r < n0; r++) if (stamp[facList[r]!] !== sv) dropCost += 3 * (n0 - r) * (n0 - r);
    if (dropCost > (ns * ns * ns) / 3) {
      this.facSize = 0;
    } else if (dropCost > 0) {
      for (let r = n0 - 1; r >= 0; r--) {
        if (stamp[facList[r]!] === sv) continue;
        choleskyDeleteInPlace(fac, this.facSize, p, r);
        facList.copyWithin(r, r + 1, this.facSize);
        this.facSize--;
      }
    }
    // Append the support's units not yet in the factor.
    this.stampValue++;
    const inFac = this.stampValue;
    for (let r = 0; r < this.facSize; r++) stamp[facList[r]!] = inFac;
    for (let t = 0; t < ns; t++) {
      const j = set[sIdx[t]!]!;
      if (stamp[j] === inFac) continue;
      const r = this.facSize;
      const rowR = r * p;
      const qj = j * p;
      let dsum = 0;
      for (let i = 0; i < r; i++) {
        const rowI = i * p;
        const v = (Q[qj + facList[i]!]! - K.dot(bf + rowI, bf + rowR, i)) / fac[rowI + i]!;
        fac[rowR + i] = v;
        dsum += v * v;
      }
      const dd = Q[qj + j]! - dsum;
      if (!(dd > 1e-12 * Q[qj + j]!)) {
        this.facSize = 0; // numerically dependent units: leave this step to coordinate descent
        return false;
      }
      fac[rowR + r] = Math.sqrt(dd);
      facList[r] = j;
      stamp[j] = inFac;
      this.facSize = r + 1;
    }
    const n = this.facSize;
    // b in factor order, forward then backward substitution (row-wise axpy form, contiguous rows).
    for (let r = 0; r < n; r++) facY[r] = nb[posInS[facList[r]!]!]!;
    for (let i = 0; i < n; i++) {
      const rowI = i * p;
      facY[i] = (facY[i]! - K.dot(bf + rowI, this.baseFacY, i)) / fac[rowI + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      const rowI = i * p;
      const xi = facY[i]! / fac[rowI + i]!;
      facY[i] = xi;
      K.axpy(this.baseFacY, -xi, bf + rowI, i);
    }
    for (let r = 0; r < n; r++) nx[posInS[facList[r]!]!] = facY[r]!;
    return true;
  }

  /**
   * Subspace (Newton) step once the sign pattern has settled: on the support S with signs s the optimum solves
   * Q_SS w_S = r_S − α s_S exactly, where coordinate descent would need about κ(Q_SS) sweeps. If the solution would
   * cross zero somewhere, step only to the first crossing (the objective decreases along the segment) and zero it.
   */
  private newtonStep(alpha: number): void {
    const m = this.setSize;
    const { wE, rE, sIdx, nb, nx } = this;
    let ns = 0;
    for (let a = 0; a < m; a++) {
      const wa = wE[a]!;
      if (wa !== 0) {
        nb[ns] = rE[a]! - (wa > 0 ? alpha : -alpha);
        sIdx[ns++] = a;
      }
    }
    if (ns === 0 || !this.factorSolve(ns)) return;
    // Largest step along x − w that keeps every sign.
    let tMax = 1;
    let hit = -1;
    for (let t = 0; t < ns; t++) {
      const w0 = wE[sIdx[t]!]!;
      const x = nx[t]!;
      if (x === 0 || Math.sign(x) !== Math.sign(w0)) {
        const tc = w0 / (w0 - x);
        if (tc < tMax) {
          tMax = tc;
          hit = t;
        }
      }
    }
    for (let t = 0; t < ns; t++) {
      const a = sIdx[t]!;
      const w0 = wE[a]!;
      const nw = t === hit ? 0 : w0 + tMax * (nx[t]! - w0);
      const delta = nw - w0;
      if (delta === 0) continue;
      wE[a] = nw;
      const off = a * this.p;
      this.K.axpy(this.baseGE, delta, this.baseQE + off, m);
    }
  }

  /** Coordinate descent (with Newton steps on a settled support) on the working set until its test passes. */
  private solveSet(alpha: number, allIdx: Int32Array, activeIdx: Int32Array): number {
    const m = this.setSize;
    for (let a = 0; a < m; a++) allIdx[a] = a;
    let sweeps = 0;
    // Along the path the support often survives a change of α, and then the new optimum is one linear solve away.
    this.newtonStep(alpha);
    for (;;) {
      this.sweep(alpha, allIdx, m);
      sweeps++;
      if (this.setConverged(alpha) || sweeps >= this.maxSweeps) return sweeps;
      if (this.supportChanges === 0) {
        this.newtonStep(alpha);
        if (this.setConverged(alpha)) return sweeps;
        continue;
      }
      // Sweep the non-zero coordinates only until their signs settle, then sweep all again.
      let na = 0;
      for (let a = 0; a < m; a++) if (this.wE[a] !== 0) activeIdx[na++] = a;
      for (let inner = 0; inner < 50; inner++) {
        this.sweep(alpha, activeIdx, na);
        sweeps++;
        if (this.supportChanges === 0 || sweeps >= this.maxSweeps) break;
      }
    }
  }

  /** Solve for penalty α warm-started from the current w (whose full gradient g is exact), screening with αPrev. */
  solve(alpha: number, alphaPrev: number, allIdx: Int32Array, activeIdx: Int32Array): void {
    const { p, w, g, live, inSet } = this;
    // Sequential strong rule: keep the current support and coordinates likely to enter.
    const strong = 2 * alpha - alphaPrev;
    for (let j = 0; j < p; j++) {
      if (!live[j] || inSet[j]) continue;
      if (w[j] !== 0 || Math.abs(g[j]!) >= strong) this.addToSet(j);
    }
    let totalSweeps = 0;
    this.unconverged = false;
    for (;;) {
      this.gatherSet();
      totalSweeps += this.solveSet(alpha, allIdx, activeIdx);
      this.scatterSet();
      this.fullGradient();
      // KKT check outside the working set; violators join it.
      let added = 0;
      for (let j = 0; j < p; j++) {
        if (live[j] && !inSet[j] && Math.abs(g[j]!) > alpha) {
          this.addToSet(j);
          added++;
        }
      }
      if (added > 0) continue;
      // Re-test with the exact (freshly recomputed) gradient; drift in the incremental one is the only way to fail.
      this.gatherSet();
      if (this.setConverged(alpha)) return;
      if (totalSweeps >= this.maxSweeps) {
        this.unconverged = true;
        return;
      }
    }
  }

  /** FVU 1 − 2wᵀr + wᵀQw = 1 − wᵀr + wᵀg using the exact gradient. */
  fvu(): number {
    const { p, w, g, r } = this;
    let wr = 0;
    let wg = 0;
    for (let j = 0; j < p; j++) {
      const wj = w[j]!;
      if (wj !== 0) {
        wr += wj * r[j]!;
        wg += wj * g[j]!;
      }
    }
    return 1 - wr + wg;
  }
}

/** FVU of weights `w` (non-zeros listed in `nz`) on other statistics: 1 − 2wᵀr + wᵀQw, with r = rAB[:, k]. */
function fvuOn(rAA: Float64Array, rAB: Float64Array, p: number, q: number, k: number, w: Float64Array, nz: readonly number[]): number {
  let wr = 0;
  let quad = 0;
  for (const i of nz) {
    const wi = w[i]!;
    wr += wi * rAB[i * q + k]!;
    let s = 0;
    const off = i * p;
    for (const j of nz) s += rAA[off + j]! * w[j]!;
    quad += wi * s;
  }
  return 1 - 2 * wr + quad;
}

/**
 * The solutions of a set of targets (all of them, or the share one thread solved), for penalties ascending. Entry
 * e = i·n + t is target `targets[i]` at penalty t; its non-zero weights are `rowIndex/values[start[e] .. +nonzero[e])`.
 * Plain typed arrays, so a worker thread can post it (transfer) and the caller assembles the path from any blocks.
 */
export interface SparseTargetBlock {
  targets: Int32Array;
  penalties: number;
  losses: Float64Array;
  heldOutLosses?: Float64Array;
  objectives: Float64Array;
  nonzero: Int32Array;
  unconverged: Uint8Array;
  start: Int32Array;
  rowIndex: Int32Array;
  values: Float64Array;
}

/** Penalties sorted ascending (the path's order) from a validated input. */
export function ascendingPenalties(penalties: number[]): number[] {
  return [...penalties].sort((x, y) => x - y);
}

/**
 * Solve targets claimed chunk by chunk: `claim()` returns the first target of the next chunk of `chunk` targets, or
 * a value ≥ q when none is left (threads sharing one atomic counter split the targets dynamically). The input must
 * be validated already; `ascending` = ascendingPenalties(input.penalties). Internal to sparse prediction and its
 * worker threads.
 */
export function solveTargetBlock(
  input: SparsePredictionInput,
  ascending: number[],
  claim: () => number,
  chunk: number,
): SparseTargetBlock {
  const { rAA, rAB, p, q } = input;
  const tol = input.tol ?? 1e-6;
  const maxSweeps = input.maxSweeps ?? 100_000;
  const live = new Uint8Array(p);
  for (let j = 0; j < p; j++) live[j] = rAA[j * p + j]! > 0 ? 1 : 0;
  const n = ascending.length;
  const held = input.heldOut;

  const targets: number[] = [];
  let cap = Math.max(16, q * n);
  let losses = new Float64Array(cap);
  let heldLosses = held ? new Float64Array(cap) : undefined;
  let objectives = new Float64Array(cap);
  let nonzero = new Int32Array(cap);
  let unconverged = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let rowIndex = new Int32Array(Math.max(1024, p * 4));
  let values = new Float64Array(rowIndex.length);
  let used = 0;

  const solver = new TargetSolver(rAA, p, live, tol, maxSweeps);
  const allIdx = new Int32Array(p);
  const activeIdx = new Int32Array(p);
  const nz: number[] = [];
  for (let k0 = claim(); k0 < q; k0 = claim()) {
    for (let k = k0; k < Math.min(q, k0 + chunk); k++) {
      const i = targets.length;
      targets.push(k);
      if ((i + 1) * n > cap) {
        cap *= 2;
        const grow = <T extends Float64Array | Int32Array | Uint8Array>(x: T): T => {
          const y = new (x.constructor as new (len: number) => T)(cap);
          y.set(x);
          return y;
        };
        losses = grow(losses);
        if (heldLosses) heldLosses = grow(heldLosses);
        objectives = grow(objectives);
        nonzero = grow(nonzero);
        unconverged = grow(unconverged);
        start = grow(start);
      }
      const lambdaMax = solver.reset(rAB, q, k);
      let alphaPrev = lambdaMax;
      for (let t = n - 1; t >= 0; t--) {
        const alpha = ascending[t]!;
        const e = i * n + t;
        if (alpha < lambdaMax) {
          solver.solve(alpha, Math.max(alphaPrev, alpha), allIdx, activeIdx);
          if (solver.unconverged) unconverged[e] = 1;
          alphaPrev = alpha;
        }
        // else: w = 0 is optimal (every |r_j| ≤ α) and the solver still holds w = 0.
        const w = solver.w;
        nz.length = 0;
        let l1 = 0;
        for (let j = 0; j < p; j++) {
          if (w[j] !== 0) {
            nz.push(j);
            l1 += Math.abs(w[j]!);
          }
        }
        if (used + nz.length > rowIndex.length) {
          const r2 = new Int32Array(Math.max(2 * rowIndex.length, used + nz.length));
          r2.set(rowIndex);
          rowIndex = r2;
          const v2 = new Float64Array(r2.length);
          v2.set(values);
          values = v2;
        }
        start[e] = used;
        for (const j of nz) {
          rowIndex[used] = j;
          values[used++] = w[j]!;
        }
        const fvu = solver.fvu();
        losses[e] = fvu;
        objectives[e] = 0.5 * fvu + alpha * l1;
        nonzero[e] = nz.length;
        if (heldLosses && held) heldLosses[e] = fvuOn(held.rAA, held.rAB, p, q, k, w, nz);
      }
    }
  }
  const m = targets.length * n;
  const block: SparseTargetBlock = {
    targets: Int32Array.from(targets),
    penalties: n,
    losses: losses.slice(0, m),
    objectives: objectives.slice(0, m),
    nonzero: nonzero.slice(0, m),
    unconverged: unconverged.slice(0, m),
    start: start.slice(0, m),
    rowIndex: rowIndex.slice(0, used),
    values: values.slice(0, used),
  };
  if (heldLosses) block.heldOutLosses = heldLosses.slice(0, m);
  return block;
}

/** The path (penalties ascending) from blocks that together solved every target of 0..q−1 exactly once. */
export function assembleSparsePath(p: number, q: number, ascending: number[], blocks: SparseTargetBlock[]): SparsePredictionResult {
  const n = ascending.length;
  const owner = new Int32Array(q).fill(-1);
  const slot = new Int32Array(q);
  blocks.forEach((b, bi) => {
    b.targets.forEach((k, i) => {
      if (owner[k] !== -1) throw new Error(`sparse prediction: target ${k} was solved twice (internal error)`);
      owner[k] = bi;
      slot[k] = i;
    });
  });
  for (let k = 0; k < q; k++) if (owner[k] === -1) throw new Error(`sparse prediction: target ${k} was not solved (internal error)`);
  const held = blocks.length > 0 && blocks.every((b) => b.heldOutLosses !== undefined);
  const mean = (x: Float64Array | Int32Array): number => {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i]!;
    return s / x.length;
  };
  const path: SparsePathPoint[] = ascending.map((a, t) => {
    const losses = new Float64Array(q);
    const heldOutLosses = held ? new Float64Array(q) : undefined;
    const objectives = new Float64Array(q);
    const nonzero = new Int32Array(q);
    const colPtr = new Int32Array(q + 1);
    let unconverged = 0;
    for (let k = 0; k < q; k++) {
      const b = blocks[owner[k]!]!;
      const e = slot[k]! * n + t;
      losses[k] = b.losses[e]!;
      if (heldOutLosses) heldOutLosses[k] = b.heldOutLosses![e]!;
      objectives[k] = b.objectives[e]!;
      nonzero[k] = b.nonzero[e]!;
      unconverged += b.unconverged[e]!;
      colPtr[k + 1] = colPtr[k]! + nonzero[k]!;
    }
    const rowIndex = new Int32Array(colPtr[q]!);
    const values = new Float64Array(colPtr[q]!);
    for (let k = 0; k < q; k++) {
      const b = blocks[owner[k]!]!;
      const e = slot[k]! * n + t;
      const from = b.start[e]!;
      rowIndex.set(b.rowIndex.subarray(from, from + nonzero[k]!), colPtr[k]!);
      values.set(b.values.subarray(from, from + nonzero[k]!), colPtr[k]!);
    }
    const point: SparsePathPoint = {
      penalty: a,
      meanLoss: mean(losses),
      meanNonzero: mean(nonzero),
      losses,
      nonzero,
      objectives,
      weights: { p, q, colPtr, rowIndex, values },
      unconverged,
    };
    if (heldOutLosses) {
      point.heldOutLosses = heldOutLosses;
      point.heldOutMeanLoss = mean(heldOutLosses);
    }
    return point;
  });
  return { path };
}

/**
 * Lasso path for every unit of B predicted from all units of A, from correlation statistics (one thread; see
 * `sparsePredictionPathParallel` for worker threads over targets).
 * Throws a one-line error on bad input (shapes, non-finite values, negative or NaN penalties).
 */
export function sparsePredictionPath(input: SparsePredictionInput): SparsePredictionResult {
  validateSparseInput(input);
  const ascending = ascendingPenalties(input.penalties);
  let next = 0;
  const chunk = 64;
  const block = solveTargetBlock(input, ascending, () => (next += chunk) - chunk, chunk);
  return assembleSparsePath(input.p, input.q, ascending, [block]);
}

/** Dense column k of a SparseWeights matrix (length p). */
export function sparseWeightsColumn(weights: SparseWeights, k: number): Float64Array {
  if (!(k >= 0 && k < weights.q)) throw new Error(`sparseWeightsColumn: target ${k} is outside 0..${weights.q - 1}`);
  const out = new Float64Array(weights.p);
  for (let t = weights.colPtr[k]!; t < weights.colPtr[k + 1]!; t++) out[weights.rowIndex[t]!] = weights.values[t]!;
  return out;
}
