import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve } from '../linalg/cholesky.ts';
import { sparsePredictionPath, sparseWeightsColumn, type SparsePathPoint } from './sparse-prediction.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function rng(seed: number): () => number {
  let a = seed >>> 0;
  const u = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Population correlation blocks of row-major data A (n×p), B (n×q); dead units get correlation 0. */
function correlations(A: Float64Array, B: Float64Array, n: number, p: number, q: number) {
  const m = p + q;
  const X = new Float64Array(n * m);
  for (let s = 0; s < n; s++) {
    for (let j = 0; j < p; j++) X[s * m + j] = A[s * p + j]!;
    for (let j = 0; j < q; j++) X[s * m + p + j] = B[s * q + j]!;
  }
  for (let j = 0; j < m; j++) {
    let mu = 0;
    for (let s = 0; s < n; s++) mu += X[s * m + j]!;
    mu /= n;
    let v = 0;
    for (let s = 0; s < n; s++) v += (X[s * m + j]! - mu) ** 2;
    const sd = Math.sqrt(v / n);
    for (let s = 0; s < n; s++) X[s * m + j] = sd > 1e-12 ? (X[s * m + j]! - mu) / sd : 0;
  }
  const R = new Float64Array(m * m);
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < m; i++) {
      const xi = X[s * m + i]!;
      if (xi === 0) continue;
      for (let j = 0; j < m; j++) R[i * m + j] = R[i * m + j]! + (xi * X[s * m + j]!) / n;
    }
  }
  const rAA = new Float64Array(p * p);
  const rAB = new Float64Array(p * q);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) rAA[i * p + j] = R[i * m + j]!;
    for (let j = 0; j < q; j++) rAB[i * q + j] = R[i * m + p + j]!;
  }
  return { rAA, rAB };
}

/** Correlated ReLU-ish data: n samples, p inputs, q targets sharing `latent` factors. */
function makeStats(seed: number, n: number, p: number, q: number, latent: number, noise: number) {
  const g = rng(seed);
  const Z = Float64Array.from({ length: n * latent }, g);
  const LA = Float64Array.from({ length: latent * p }, g);
  const LB = Float64Array.from({ length: latent * q }, g);
  const A = new Float64Array(n * p);
  const B = new Float64Array(n * q);
  for (let s = 0; s < n; s++) {
    for (let j = 0; j < p; j++) {
      let v = noise * g();
      for (let l = 0; l < latent; l++) v += Z[s * latent + l]! * LA[l * p + j]!;
      A[s * p + j] = Math.max(v, 0);
    }
    for (let j = 0; j < q; j++) {
      let v = noise * g();
      for (let l = 0; l < latent; l++) v += Z[s * latent + l]! * LB[l * q + j]!;
      B[s * q + j] = Math.max(v, 0);
    }
  }
  return correlations(A, B, n, p, q);
}

function gradient(rAA: Float64Array, rAB: Float64Array, p: number, q: number, k: number, w: Float64Array) {
  const g = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = -rAB[j * q + k]!;
    for (let i = 0; i < p; i++) s += rAA[j * p + i]! * w[i]!;
    g[j] = s;
  }
  return g;
}

/** KKT for every target at this path point, with tolerance `eps`. Returns the worst violation. */
function worstKkt(rAA: Float64Array, rAB: Float64Array, p: number, q: number, pt: SparsePathPoint): number {
  let worst = 0;
  for (let k = 0; k < q; k++) {
    const w = sparseWeightsColumn(pt.weights, k);
    const g = gradient(rAA, rAB, p, q, k, w);
    for (let j = 0; j < p; j++) {
      const v = w[j] !== 0 ? Math.abs(g[j]! + Math.sign(w[j]!) * pt.penalty) : Math.max(0, Math.abs(g[j]!) - pt.penalty);
      worst = Math.max(worst, v);
    }
  }
  return worst;
}

interface Fixture {
  p: number;
  q: number;
  rAA: number[];
  rAB: number[];
  runs: Array<{ penalty: number; coef: number[][]; objective: number[] }>;
}

describe('sparsePredictionPath', () => {
  const fx = JSON.parse(readFileSync(path.join(here, '../../test/fixtures/lasso_sklearn.json'), 'utf8')) as Fixture;
  const fRAA = Float64Array.from(fx.rAA);
  const fRAB = Float64Array.from(fx.rAB);

  it('matches scikit-learn Lasso objectives to 1e-6 relative (fixture with a dead unit)', () => {
    const res = sparsePredictionPath({ rAA: fRAA, rAB: fRAB, p: fx.p, q: fx.q, penalties: fx.runs.map((r) => r.penalty) });
    expect(res.path.length).toBe(fx.runs.length);
    for (const run of fx.runs) {
      const pt = res.path.find((x) => x.penalty === run.penalty)!;
      for (let k = 0; k < fx.q; k++) {
        const ref = run.objective[k]!;
        expect(Math.abs(pt.objectives[k]! - ref) / ref).toBeLessThan(1e-6);
        // Ours is never meaningfully worse than sklearn's: it is a minimum too.
        expect(pt.objectives[k]!).toBeLessThanOrEqual(ref * (1 + 1e-9));
        const w = sparseWeightsColumn(pt.weights, k);
        expect(w[3]).toBe(0); // dead unit
        for (let j = 0; j < fx.p; j++) expect(Math.abs(w[j]! - run.coef[k]![j]!)).toBeLessThan(1e-3);
      }
      expect(pt.unconverged).toBe(0);
    }
  });

  it('gives zero weights and FVU 1 once the penalty reaches max |r|', () => {
    let rmax = 0;
    for (const v of fRAB) rmax = Math.max(rmax, Math.abs(v));
    const res = sparsePredictionPath({ rAA: fRAA, rAB: fRAB, p: fx.p, q: fx.q, penalties: [rmax, 2 * rmax, 1e6] });
    for (const pt of res.path) {
      expect(pt.weights.values.length).toBe(0);
      expect(pt.meanNonzero).toBe(0);
      expect(pt.meanLoss).toBe(1);
      for (const l of pt.losses) expect(l).toBe(1);
    }
    // Just below max|r| some target gets a weight.
    const below = sparsePredictionPath({ rAA: fRAA, rAB: fRAB, p: fx.p, q: fx.q, penalties: [rmax * 0.99] });
    expect(below.path[0]!.meanNonzero).toBeGreaterThan(0);
  });

  it('equals least squares (Cholesky solve) at penalty 0', () => {
    const p = 15;
    const q = 4;
    const { rAA, rAB } = makeStats(7, 3000, p, q, 4, 1.0);
    const res = sparsePredictionPath({ rAA, rAB, p, q, penalties: [0] });
    const L = cholesky(rAA, p);
    for (let k = 0; k < q; k++) {
      const r = Float64Array.from({ length: p }, (_, j) => rAB[j * q + k]!);
      const ls = choleskySolve(L, p, r);
      const w = sparseWeightsColumn(res.path[0]!.weights, k);
      for (let j = 0; j < p; j++) expect(w[j]!).toBeCloseTo(ls[j]!, 7);
      let wr = 0;
      for (let j = 0; j < p; j++) wr += ls[j]! * r[j]!;
      expect(res.path[0]!.losses[k]!).toBeCloseTo(1 - wr, 10); // FVU of least squares = 1 − rᵀ Q⁻¹ r
    }
  });

  it('satisfies the KKT conditions for every target and penalty; loss never falls as the penalty rises', () => {
    const p = 40;
    const q = 12;
    const { rAA, rAB } = makeStats(11, 1500, p, q, 8, 0.8);
    const penalties = [0.3, 0.001, 0.1, 0.03, 0.01, 0.003, 0, 0.2];
    // Solved tightly: at the default tol (1e-6 relative objective) KKT residuals are ~1e-6 themselves.
    const res = sparsePredictionPath({ rAA, rAB, p, q, penalties, tol: 1e-10 });
    expect(res.path.map((x) => x.penalty)).toEqual([...penalties].sort((a, b) => a - b));
    for (const pt of res.path) {
      expect(worstKkt(rAA, rAB, p, q, pt)).toBeLessThan(1e-6);
      expect(pt.unconverged).toBe(0);
    }
    for (let t = 1; t < res.path.length; t++) {
      for (let k = 0; k < q; k++) {
        expect(res.path[t]!.losses[k]!).toBeGreaterThanOrEqual(res.path[t - 1]!.losses[k]! - 1e-9);
      }
      expect(res.path[t]!.meanLoss).toBeGreaterThanOrEqual(res.path[t - 1]!.meanLoss - 1e-9);
    }
    // Also on the fixture's penalties and data.
    const fres = sparsePredictionPath({ rAA: fRAA, rAB: fRAB, p: fx.p, q: fx.q, penalties: fx.runs.map((r) => r.penalty), tol: 1e-10 });
    for (const pt of fres.path) expect(worstKkt(fRAA, fRAB, fx.p, fx.q, pt)).toBeLessThan(1e-6);
  });

  it('stops with the objective within 1e-6 relative of the optimum at the default tolerance', () => {
    // The optimum is approximated by a 1e-13 gap solve; the default stops at a certified 1e-6 relative duality gap.
    const p = 60;
    const q = 10;
    const { rAA, rAB } = makeStats(23, 2000, p, q, 6, 0.6);
    const penalties = [0.2, 0.05, 0.02, 0.008, 0.003, 0.001, 0.0003];
    const loose = sparsePredictionPath({ rAA, rAB, p, q, penalties });
    const tight = sparsePredictionPath({ rAA, rAB, p, q, penalties, tol: 1e-13 });
    for (let t = 0; t < penalties.length; t++) {
      for (let k = 0; k < q; k++) {
        const opt = tight.path[t]!.objectives[k]!;
        const got = loose.path[t]!.objectives[k]!;
        expect(got).toBeGreaterThanOrEqual(opt - 1e-12 * opt);
        expect(got - opt).toBeLessThanOrEqual(1e-6 * opt);
      }
      expect(loose.path[t]!.unconverged).toBe(0);
    }
  });

  it('has non-increasing non-zeros along the path for uncorrelated inputs (soft-thresholding)', () => {
    // With R_AA = I the lasso solution is w = soft(r, α): the support shrinks monotonically as α rises.
    const p = 30;
    const q = 5;
    const g = rng(3);
    const rAA = new Float64Array(p * p);
    for (let j = 0; j < p; j++) rAA[j * p + j] = 1;
    const rAB = Float64Array.from({ length: p * q }, () => 0.15 * g());
    const penalties = [0.001, 0.01, 0.03, 0.05, 0.1, 0.2, 0.4];
    const res = sparsePredictionPath({ rAA, rAB, p, q, penalties });
    for (let t = 1; t < res.path.length; t++) {
      expect(res.path[t]!.meanNonzero).toBeLessThanOrEqual(res.path[t - 1]!.meanNonzero);
      for (let k = 0; k < q; k++) expect(res.path[t]!.nonzero[k]!).toBeLessThanOrEqual(res.path[t - 1]!.nonzero[k]!);
    }
    const pt = res.path[2]!;
    for (let k = 0; k < q; k++) {
      const w = sparseWeightsColumn(pt.weights, k);
      for (let j = 0; j < p; j++) {
        const r = rAB[j * q + k]!;
        expect(w[j]!).toBeCloseTo(Math.sign(r) * Math.max(Math.abs(r) - pt.penalty, 0), 12);
      }
    }
  });

  it('reports held-out FVU with the fitted weights', () => {
    const p = 20;
    const q = 6;
    const fit = makeStats(21, 800, p, q, 5, 0.7);
    const same = sparsePredictionPath({ ...fit, p, q, penalties: [0.01, 0.05], heldOut: fit });
    for (const pt of same.path) {
      expect(pt.heldOutMeanLoss!).toBeCloseTo(pt.meanLoss, 10);
      for (let k = 0; k < q; k++) expect(pt.heldOutLosses![k]!).toBeCloseTo(pt.losses[k]!, 10);
    }
    // Other samples of the same process: held-out loss exceeds the fitted one at a tiny penalty (overfitting).
    const other = makeStats(22, 800, p, q, 5, 0.7);
    const res = sparsePredictionPath({ ...fit, p, q, penalties: [0], heldOut: other });
    expect(res.path[0]!.heldOutMeanLoss!).toBeGreaterThan(res.path[0]!.meanLoss);
  });

  it('gives dead units zero weight and dead targets FVU 1', () => {
    const p = 6;
    const q = 2;
    const { rAA, rAB } = makeStats(5, 500, p, q, 3, 0.5);
    for (let j = 0; j < p; j++) {
      rAA[2 * p + j] = 0;
      rAA[j * p + 2] = 0;
    }
    for (let k = 0; k < q; k++) rAB[2 * q + k] = 0;
    for (let j = 0; j < p; j++) rAB[j * q + 1] = 0; // target 1 dead
    const res = sparsePredictionPath({ rAA, rAB, p, q, penalties: [0, 0.01] });
    for (const pt of res.path) {
      expect(sparseWeightsColumn(pt.weights, 0)[2]).toBe(0);
      expect(pt.nonzero[1]).toBe(0);
      expect(pt.losses[1]).toBe(1);
      for (const l of pt.losses) expect(Number.isFinite(l)).toBe(true);
    }
  });

  it('converges on singular statistics (duplicated units, more units than samples)', () => {
    const p = 30;
    const q = 4;
    // 20 samples for 30 units: R_AA has rank ≤ 19; unit 1 duplicates unit 0 exactly.
    const g = rng(17);
    const n = 20;
    const A = Float64Array.from({ length: n * p }, g);
    for (let s = 0; s < n; s++) A[s * p + 1] = A[s * p]!;
    const B = Float64Array.from({ length: n * q }, g);
    const { rAA, rAB } = correlations(A, B, n, p, q);
    const res = sparsePredictionPath({ rAA, rAB, p, q, penalties: [0.01, 0.05, 0.2] });
    for (const pt of res.path) {
      expect(pt.unconverged).toBe(0);
      expect(worstKkt(rAA, rAB, p, q, pt)).toBeLessThan(1e-6);
      for (const l of pt.losses) expect(l).toBeGreaterThanOrEqual(-1e-9);
    }
  });

  it('rejects bad input with a clear message', () => {
    const base = { rAA: fRAA, rAB: fRAB, p: fx.p, q: fx.q };
    expect(() => sparsePredictionPath({ ...base, penalties: [0.1, -0.01] })).toThrow(/penalty -0.01 .*≥ 0/);
    expect(() => sparsePredictionPath({ ...base, penalties: [Number.NaN] })).toThrow(/penalty NaN/);
    expect(() => sparsePredictionPath({ ...base, penalties: [] })).toThrow(/at least one penalty/);
    expect(() => sparsePredictionPath({ ...base, p: fx.p + 1, penalties: [0.1] })).toThrow(/rAA has/);
    const bad = Float64Array.from(fRAB);
    bad[5] = Number.NaN;
    expect(() => sparsePredictionPath({ ...base, rAB: bad, penalties: [0.1] })).toThrow(/non-finite/);
  });
});
