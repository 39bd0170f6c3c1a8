import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { loadOrtProducts, ortProductsFailure } from '../backend/ort-products.ts';
import { hungarianAlignment } from '../align/hungarian.ts';
import { CrossMomentAccumulator, type CrossStatistics } from './cross-moments.ts';
import { pairMoments, type PairStatistics } from './moments.ts';

beforeAll(async () => {
  await selectBackend();
});

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

/** n × p and n × q float32 with an offset (so the shift matters), a constant unit in each and a few correlated units. */
function randomPair(n: number, p: number, q: number, seed: number): { a: Float32Array; b: Float32Array } {
  const r = rng(seed);
  const a = new Float32Array(n * p);
  const b = new Float32Array(n * q);
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < p; i++) a[s * p + i] = i === 1 ? 3.25 : 5 + (r() - 0.5) * (1 + i);
    for (let j = 0; j < q; j++) b[s * q + j] = j === q - 1 ? -7 : j < p ? 0.7 * a[s * p + j]! + (r() - 0.5) : 100 + r();
  }
  return { a, b };
}

/** Joint rows [a; b] of samples [start, end). */
function jointRows(a: Float32Array, b: Float32Array, p: number, q: number, start: number, end: number): Float32Array {
  const out = new Float32Array((end - start) * (p + q));
  for (let s = start; s < end; s++) {
    out.set(a.subarray(s * p, (s + 1) * p), (s - start) * (p + q));
    out.set(b.subarray(s * q, (s + 1) * q), (s - start) * (p + q) + p);
  }
  return out;
}

function accumulate(a: Float32Array, b: Float32Array, n: number, p: number, q: number, batch: number, options: ConstructorParameters<typeof CrossMomentAccumulator>[2]) {
  const acc = new CrossMomentAccumulator(p, q, options);
  for (let s = 0; s < n; s += batch) {
    const end = Math.min(n, s + batch);
    acc.update(jointRows(a, b, p, q, s, end), end - s);
  }
  return acc;
}

/** Largest |x − y| relative to the largest |y| (at least 1): float32 products round relative to the values' scale. */
function worstDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  expect(x.length).toBe(y.length);
  let worst = 0;
  let scale = 1;
  for (let i = 0; i < x.length; i++) {
    worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
    scale = Math.max(scale, Math.abs(y[i]!));
  }
  return worst / scale;
}

function expectSame(cross: CrossStatistics, full: PairStatistics, tol: number): void {
  expect(cross.n).toBe(full.n);
  expect(Array.from(cross.deadA)).toEqual(Array.from(full.deadA));
  expect(Array.from(cross.deadB)).toEqual(Array.from(full.deadB));
  for (const k of ['meanA', 'meanB', 'stdA', 'stdB', 'rAB', 'covAB'] as const) {
    expect(worstDiff(cross[k], full[k]), k).toBeLessThanOrEqual(tol);
  }
  // Per-unit variances: the within blocks' diagonals (dead units included), or another cross pass's.
  const diag = (cov: Float64Array, n: number) => Float64Array.from({ length: n }, (_, i) => Math.max(0, cov[i * n + i]!));
  const want = full.covAA.length > 0 ? { varA: diag(full.covAA, full.p), varB: diag(full.covBB, full.q) } : (full as unknown as CrossStatistics);
  expect(worstDiff(cross.varA, want.varA), 'varA').toBeLessThanOrEqual(tol);
  expect(worstDiff(cross.varB, want.varB), 'varB').toBeLessThanOrEqual(tol);
}

describe('CrossMomentAccumulator', () => {
  it('equals the full joint-Gram path (float64 products on both sides) whatever the batch, chunk and split', () => {
    const [n, p, q] = [331, 5, 7];
    const { a, b } = randomPair(n, p, q, 3);
    const full = pairMoments(a, b, n, p, q, { products: 'js', batchRows: 64 });
    expect(full.deadA[1]).toBe(1);
    expect(full.deadB[q - 1]).toBe(1);
    for (const [batch, chunkRows] of [[331, 2048], [50, 17], [7, 64], [1000, 1]] as const) {
      const cross = accumulate(a, b, n, p, q, batch, { products: 'js', chunkRows }).finalize();
      expectSame(cross, full, 1e-12);
    }
    // Three ranges merged (as the worker threads do), through states.
    const parts = [[0, 100], [100, 101], [101, 331]].map(([s, e]) => {
      const acc = new CrossMomentAccumulator(p, q, { products: 'js', chunkRows: 40 });
      acc.update(jointRows(a, b, p, q, s!, e!), e! - s!);
      return CrossMomentAccumulator.fromState(acc.toState(), { products: 'js' });
    });
    const total = new CrossMomentAccumulator(p, q, { products: 'js' });
    for (const part of parts) total.merge(part);
    expectSame(total.finalize(), full, 1e-12);
  });

  it.each(['tfjs', 'onnxruntime'] as const)('float32 products on %s agree with float64 loops and with the full path', async (engine) => {
    if (engine === 'onnxruntime' && !(await loadOrtProducts())) throw new Error(`onnxruntime-node is a dependency and must load here: ${ortProductsFailure()}`);
    const prev = process.env.CONVERGENT_PRODUCTS;
    if (engine === 'tfjs') process.env.CONVERGENT_PRODUCTS = 'tfjs';
    try {
      const [n, p, q] = [1500, 40, 60];
      const { a, b } = randomPair(n, p, q, 9);
      const exact = accumulate(a, b, n, p, q, 500, { products: 'js', chunkRows: 256 }).finalize();
      // Forced products (a chunk's 256 × 40 × 60 would otherwise take the float64 loops).
      const got = accumulate(a, b, n, p, q, 500, { products: 'tfjs', chunkRows: 256 }).finalize();
      expectSame(got, { ...exact, rAA: new Float64Array(), rBB: new Float64Array(), covAA: new Float64Array(), covBB: new Float64Array() }, 2e-5);
      const full = pairMoments(a, b, n, p, q, { products: 'tfjs', batchRows: 500 });
      expectSame(got, full, 2e-5);
    } finally {
      if (prev === undefined) delete process.env.CONVERGENT_PRODUCTS;
      else process.env.CONVERGENT_PRODUCTS = prev;
    }
  });

  it('recovers a planted permutation exactly as the full path does', () => {
    const [n, p] = [2000, 24];
    const r = rng(17);
    const a = new Float32Array(n * p);
    const b = new Float32Array(n * p);
    const perm = Array.from({ length: p }, (_, j) => (j * 7 + 3) % p);
    for (let s = 0; s < n; s++) for (let i = 0; i < p; i++) a[s * p + i] = r() * 2 - 1 + (i % 3);
    for (let s = 0; s < n; s++) for (let j = 0; j < p; j++) b[s * p + j] = 2 * a[s * p + perm[j]!]! + 0.4 * (r() - 0.5);
    const cross = accumulate(a, b, n, p, p, 300, {}).finalize();
    const full = pairMoments(a, b, n, p, p, { batchRows: 300 });
    expectSame(cross, full, 1e-5);
    const hc = hungarianAlignment(cross.rAB, p, p);
    const hf = hungarianAlignment(full.rAB, p, p);
    expect(Array.from(hc.match)).toEqual(Array.from(hf.match));
    // A_i is B_j's source when perm[j] = i.
    Array.from(hc.match).forEach((j, i) => expect(perm[j]).toBe(i));
    expect(Math.abs(hc.meanCorr - hf.meanCorr)).toBeLessThan(1e-6);
  });

  it('refuses bad shapes and too few samples with one clear error', () => {
    expect(() => new CrossMomentAccumulator(0, 3)).toThrow(/p must be a positive integer/);
    const acc = new CrossMomentAccumulator(2, 2);
    expect(() => acc.update(new Float32Array(3), 1)).toThrow(/fewer than 1 rows x 4 units/);
    acc.update(new Float32Array([1, 2, 3, 4]), 1);
    expect(() => acc.finalize()).toThrow(/at least 2 samples/);
    expect(() => acc.merge(new CrossMomentAccumulator(2, 3))).toThrow(/differ in units/);
  });
});
