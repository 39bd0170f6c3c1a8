import { describe, expect, it, beforeAll } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { DEAD_RELATIVE, MomentAccumulator, pairMoments, pairStatistics, parallelPairMoments, type JointMoments } from './moments.ts';
import { mulberry } from '../../test/planted.ts';

const rng = mulberry;

/** Correlated ReLU-ish data with an offset far from 0 (stresses the shift) and two dead units. */
function makeData(n: number, w: number, seed: number): Float64Array {
  const r = rng(seed);
  const x = new Float64Array(n * w);
  for (let i = 0; i < n; i++) {
    const z1 = r() - 0.5;
    const z2 = r() - 0.5;
    for (let j = 0; j < w; j++) {
      const v = (j % 3) * z1 + ((j + 1) % 4) * z2 + 0.3 * (r() - 0.5) + 100 + j;
      x[i * w + j] = j % 5 === 4 ? Math.max(v - 100 - j, 0) : v;
    }
    x[i * w + 1] = 0; // dead ReLU unit
    x[i * w + w - 2] = 3.7; // constant unit
  }
  return x;
}

/** Direct two-pass float64 reference. */
function reference(x: Float64Array, n: number, w: number) {
  const mean = new Float64Array(w);
  for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) mean[j]! += x[i * w + j]! / n;
  const cov = new Float64Array(w * w);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < w; a++) {
      const da = x[i * w + a]! - mean[a]!;
      for (let b = 0; b < w; b++) cov[a * w + b]! += (da * (x[i * w + b]! - mean[b]!)) / n;
    }
  return { mean, cov };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function run(x: Float64Array | Float32Array, n: number, w: number, splits: number[], products: 'js' | 'tfjs', groups = [{ offset: 0, count: 4 }, { offset: 4, count: w - 4 }]): JointMoments {
  // One accumulator per split, merged left to right (each has its own shift).
  let start = 0;
  let total: MomentAccumulator | undefined;
  for (const len of [...splits, n - splits.reduce((s, v) => s + v, 0)]) {
    const acc = new MomentAccumulator(w, { groups, products, chunkRows: 7 + (len % 13) });
    acc.update(x.subarray(start * w, (start + len) * w), len);
    start += len;
    if (!total) total = acc;
    else total.merge(acc);
  }
  return total!.finalize();
}

beforeAll(async () => {
  await selectBackend();
});

describe('MomentAccumulator', () => {
  const n = 301;
  const w = 11;
  const x = makeData(n, w, 1);
  const ref = reference(x, n, w);

  it('matches a direct two-pass float64 computation (float64 products)', () => {
    const m = run(x, n, w, [], 'js');
    expect(m.n).toBe(n);
    expect(maxAbsDiff(m.mean, ref.mean)).toBeLessThan(1e-9);
    expect(maxAbsDiff(m.cov, ref.cov)).toBeLessThan(1e-10);
    for (let a = 0; a < w; a++)
      for (let b = 0; b < w; b++) {
        if (m.dead[a] || m.dead[b]) continue;
        const r = ref.cov[a * w + b]! / Math.sqrt(ref.cov[a * w + a]! * ref.cov[b * w + b]!);
        expect(Math.abs(m.corr[a * w + b]! - r)).toBeLessThan(1e-9);
      }
  });

  it('does not depend on how the rows are split into batches (random splits, merge vs single pass)', () => {
    const single = run(x, n, w, [], 'js');
    const r = rng(7);
    for (let trial = 0; trial < 5; trial++) {
      const splits: number[] = [];
      let left = n;
      while (left > 40) {
        const len = 1 + Math.floor(r() * 60);
        splits.push(len);
        left -= len;
      }
      const m = run(x, n, w, splits, 'js');
      // float64 products: only rounding differs between splits.
      expect(maxAbsDiff(m.corr, single.corr)).toBeLessThan(1e-9);
      expect(maxAbsDiff(m.cov, single.cov) / Math.max(...single.cov.map(Math.abs))).toBeLessThan(1e-9);
      expect(maxAbsDiff(m.mean, single.mean)).toBeLessThan(1e-9);
      expect(maxAbsDiff(m.groupExtras!.sumSqProducts, single.groupExtras!.sumSqProducts) /
        Math.max(...single.groupExtras!.sumSqProducts)).toBeLessThan(1e-9);
    }
  });

  it('float32 tfjs products agree with the float64 reference to float32 accuracy, whatever the split', () => {
    const single = run(x, n, w, [], 'tfjs');
    const split = run(x, n, w, [50, 3, 120], 'tfjs');
    const exact = run(x, n, w, [], 'js');
    // Shifted float32 products: relative error ~1e-7 per sum; correlations agree to ~1e-5.
    expect(maxAbsDiff(single.corr, exact.corr)).toBeLessThan(2e-5);
    expect(maxAbsDiff(split.corr, exact.corr)).toBeLessThan(2e-5);
    expect(Array.from(split.dead)).toEqual(Array.from(exact.dead));
  });

  it('uses the blocked tfjs product for wide joint vectors (lower-triangle column blocks) correctly', () => {
    const nw = 200;
    const ww = 1030; // eight column blocks
    const r = rng(3);
    const xw = new Float32Array(nw * ww);
    for (let i = 0; i < xw.length; i++) xw[i] = r() - 0.5 + (i % ww === 5 ? 3 : 0);
    const viaTf = run(xw, nw, ww, [77], 'tfjs', [{ offset: 0, count: 500 }, { offset: 500, count: 530 }]);
    const viaJs = run(xw, nw, ww, [], 'js', [{ offset: 0, count: 500 }, { offset: 500, count: 530 }]);
    expect(maxAbsDiff(viaTf.corr, viaJs.corr)).toBeLessThan(5e-5);
    const rel = maxAbsDiff(viaTf.groupExtras!.sumSqProducts, viaJs.groupExtras!.sumSqProducts) / Math.max(...viaJs.groupExtras!.sumSqProducts);
    expect(rel).toBeLessThan(1e-5);
  });

  it('applies the dead-unit threshold: std ≤ 1e-6·|mean| is dead, one active sample in 1000 is live', () => {
    const rows = 1000;
    const x = new Float64Array(rows * 4);
    for (let r = 0; r < rows; r++) {
      x[r * 4] = r % 7; // ordinary live unit
      x[r * 4 + 1] = r === 500 ? 0.01 : 0; // fires once: live
      x[r * 4 + 2] = 1000 + (r % 2 ? 1 : -1) * 1000 * DEAD_RELATIVE * 0.5; // std 0.5e-6·|mean|: dead
      x[r * 4 + 3] = 1000 + (r % 2 ? 1 : -1) * 1000 * DEAD_RELATIVE * 2; // std 2e-6·|mean|: live
    }
    const acc = new MomentAccumulator(4);
    acc.update(x, rows);
    const m = acc.finalize();
    expect(Array.from(m.dead)).toEqual([0, 0, 1, 0]);
    expect(m.std[2]).toBe(0);
    expect(m.corr[2 * 4 + 2]).toBe(0);
  });

  it('flags dead units (all-zero and constant) with correlation 0 and no NaN', () => {
    for (const products of ['js', 'tfjs'] as const) {
      const m = run(x, n, w, [100], products);
      expect(m.dead[1]).toBe(1);
      expect(m.dead[w - 2]).toBe(1);
      expect(Array.from(m.dead).reduce((s, v) => s + v, 0)).toBe(2);
      expect(m.std[1]).toBe(0);
      for (let j = 0; j < w; j++) {
        expect(m.corr[1 * w + j]).toBe(0);
        expect(m.corr[j * w + (w - 2)]).toBe(0);
      }
      expect(m.corr.every((v) => Number.isFinite(v))).toBe(true);
      expect(m.corr[0]).toBe(1);
      expect(m.mean[w - 2]).toBeCloseTo(3.7, 12);
    }
  });

  it('computes centred per-group squared-norm extras exactly', () => {
    const m = run(x, n, w, [31, 200], 'js');
    const { mean } = ref;
    let sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
    for (let i = 0; i < n; i++) {
      let a = 0, b = 0;
      for (let j = 0; j < w; j++) {
        const d = x[i * w + j]! - mean[j]!;
        if (j < 4) a += d * d;
        else b += d * d;
      }
      sa += a; sb += b; sab += a * b; saa += a * a; sbb += b * b;
    }
    const stats = pairStatistics(m, { offset: 0, count: 4 }, { offset: 4, count: w - 4 });
    const e = stats.ckaExtras!;
    expect(e.sumSqA).toBeCloseTo(sa, 6);
    expect(Math.abs(e.sumSqB - sb) / sb).toBeLessThan(1e-10);
    expect(Math.abs(e.sumSqAB - sab) / sab).toBeLessThan(1e-10);
    expect(Math.abs(e.sumSqAA - saa) / saa).toBeLessThan(1e-10);
    expect(Math.abs(e.sumSqBB - sbb) / sbb).toBeLessThan(1e-10);
  });

  it('round-trips through a structured-clone of its state (worker threads)', () => {
    const acc = new MomentAccumulator(w, { products: 'js' });
    acc.update(x.subarray(0, 150 * w), 150);
    const copy = MomentAccumulator.fromState(structuredClone(acc.toState()), { products: 'js' });
    const rest = new MomentAccumulator(w, { products: 'js' });
    rest.update(x.subarray(150 * w), n - 150);
    copy.merge(rest);
    expect(copy.count).toBe(n);
    expect(maxAbsDiff(copy.finalize().cov, ref.cov)).toBeLessThan(1e-10);
  });

  it('splits joint moments into the A/B blocks and rejects bad shapes', () => {
    const a = new Float64Array(n * 4);
    const b = new Float64Array(n * (w - 4));
    for (let i = 0; i < n; i++) {
      a.set(x.subarray(i * w, i * w + 4), i * 4);
      b.set(x.subarray(i * w + 4, (i + 1) * w), i * (w - 4));
    }
    const s = pairMoments(a, b, n, 4, w - 4, { batchRows: 64 });
    const m = run(x, n, w, [], 'js');
    expect(s.rAB.length).toBe(4 * (w - 4));
    expect(s.rAB[2 * (w - 4) + 3]).toBeCloseTo(m.corr[2 * w + 4 + 3]!, 10);
    expect(s.rBB[1 * (w - 4) + 2]).toBeCloseTo(m.corr[5 * w + 6]!, 10);
    expect(() => new MomentAccumulator(3).update(new Float32Array(5), 2)).toThrow(/fewer than 2 rows x 3 units/);
    expect(() => new MomentAccumulator(3, { groups: [{ offset: 2, count: 2 }] })).toThrow(/does not fit/);
    const one = new MomentAccumulator(2);
    one.update(new Float32Array([1, 2]), 1);
    expect(() => one.finalize()).toThrow(/at least 2 samples/);
  });

  it('gives the same statistics over worker threads as in one pass', async () => {
    const n2 = 3001;
    const r = rng(5);
    const a = Float32Array.from({ length: n2 * 40 }, () => Math.max(r() - 0.3, 0));
    const b = Float32Array.from({ length: n2 * 30 }, (_, k) => a[Math.floor(k / 30) * 40 + (k % 30)]! * 2 + r() * 0.1);
    const one = pairMoments(a, b, n2, 40, 30);
    const par = await parallelPairMoments(a, b, n2, 40, 30, { workers: 2, batchRows: 500 });
    expect(par.n).toBe(n2);
    expect(maxAbsDiff(par.rAB, one.rAB)).toBeLessThan(2e-5);
    expect(maxAbsDiff(par.meanA, one.meanA)).toBeLessThan(1e-6);
    expect(Math.abs(par.ckaExtras!.sumSqAB - one.ckaExtras!.sumSqAB) / one.ckaExtras!.sumSqAB).toBeLessThan(1e-5);
  });
});
