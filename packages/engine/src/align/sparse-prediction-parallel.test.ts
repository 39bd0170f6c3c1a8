import { describe, expect, it } from 'vitest';
import { autoWorkers, sparsePredictionPathParallel } from './sparse-prediction-parallel.ts';
import { sparsePredictionPath, type SparsePredictionInput } from './sparse-prediction.ts';

/** Correlation-like statistics from seeded random data: n samples, p inputs, q targets, some shared signal. */
function stats(seed: number, n: number, p: number, q: number) {
  let s = seed;
  const u = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const A = Float64Array.from({ length: n * p }, u);
  const B = new Float64Array(n * q);
  for (let r = 0; r < n; r++) for (let k = 0; k < q; k++) B[r * q + k] = A[r * p + (k % p)]! + A[r * p + ((3 * k + 1) % p)]! + 0.5 * u();
  const cols = (X: Float64Array, m: number) => {
    const Z = new Float64Array(n * m);
    for (let j = 0; j < m; j++) {
      let mu = 0;
      for (let r = 0; r < n; r++) mu += X[r * m + j]!;
      mu /= n;
      let v = 0;
      for (let r = 0; r < n; r++) v += (X[r * m + j]! - mu) ** 2;
      const sd = Math.sqrt(v / n);
      for (let r = 0; r < n; r++) Z[r * m + j] = (X[r * m + j]! - mu) / sd;
    }
    return Z;
  };
  const ZA = cols(A, p);
  const ZB = cols(B, q);
  const cross = (X: Float64Array, a: number, Y: Float64Array, b: number) => {
    const R = new Float64Array(a * b);
    for (let r = 0; r < n; r++) for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) R[i * b + j] = R[i * b + j]! + (X[r * a + i]! * Y[r * b + j]!) / n;
    return R;
  };
  return { rAA: cross(ZA, p, ZA, p), rAB: cross(ZA, p, ZB, q) };
}

describe('sparsePredictionPathParallel', () => {
  it('equals the single-thread path exactly, with or without the caller solving (weights, losses, held-out)', async () => {
    const p = 24;
    const q = 37;
    const fit = stats(5, 400, p, q);
    const held = stats(9, 300, p, q);
    const input: SparsePredictionInput = { ...fit, p, q, penalties: [0.1, 0.001, 0.03, 0.01, 0.3], heldOut: held };
    const serial = sparsePredictionPath(input);
    // Caller solving too (it may finish everything before a worker starts), and workers only (1 and 2 of them).
    for (const [workers, callerSolves] of [[2, true], [2, false], [3, false]] as const) {
      const par = await sparsePredictionPathParallel(input, { workers, callerSolves });
      expect(par.path.length).toBe(serial.path.length);
      par.path.forEach((pt, t) => {
        const ref = serial.path[t]!;
        expect(pt.penalty).toBe(ref.penalty);
        expect(pt.losses).toEqual(ref.losses);
        expect(pt.heldOutLosses).toEqual(ref.heldOutLosses);
        expect(pt.objectives).toEqual(ref.objectives);
        expect(pt.nonzero).toEqual(ref.nonzero);
        expect(pt.weights.colPtr).toEqual(ref.weights.colPtr);
        expect(pt.weights.rowIndex).toEqual(ref.weights.rowIndex);
        expect(pt.weights.values).toEqual(ref.weights.values);
        expect(pt.meanLoss).toBe(ref.meanLoss);
        expect(pt.unconverged).toBe(0);
      });
    }
  }, 30_000);

  it('rejects bad input with the single-thread messages, before starting any worker', async () => {
    const { rAA, rAB } = stats(1, 50, 4, 3);
    await expect(sparsePredictionPathParallel({ rAA, rAB, p: 4, q: 3, penalties: [-1] }, { workers: 2 })).rejects.toThrow(/penalty -1/);
    await expect(sparsePredictionPathParallel({ rAA, rAB, p: 4, q: 3, penalties: [0.1] }, { workers: 0 })).rejects.toThrow(/workers 0/);
  });

  it('stays on one thread for small problems', () => {
    expect(autoWorkers(64, 64, 10)).toBe(1);
    expect(autoWorkers(512, 8, 10)).toBe(1);
    expect(autoWorkers(512, 512, 10)).toBeGreaterThanOrEqual(1);
  });
});
