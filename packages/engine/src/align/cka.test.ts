import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { MomentAccumulator, pairMoments, pairStatistics } from '../stats/moments.ts';
import { gaussian, mulberry } from '../../test/planted.ts';
import { ckaAlignment, debiasedLinearCka, linearCka } from './cka.ts';

/** Vendored reference data (provenance in test/fixtures/README.md): the repository reads nothing outside itself. */
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

function flat(rows: number[][]): Float64Array {
  return Float64Array.from(rows.flat());
}

/** Song et al. (2012) unbiased HSIC on linear Gram matrices of the raw (uncentred) rows; O(n²) reference. */
function gramDebiasedCka(x: Float64Array, y: Float64Array, n: number, p: number, q: number): number {
  const gram = (m: Float64Array, w: number) => {
    const k = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue; // K̃: zero diagonal
        let s = 0;
        for (let c = 0; c < w; c++) s += m[i * w + c]! * m[j * w + c]!;
        k[i * n + j] = s;
      }
    return k;
  };
  const hsic = (k: Float64Array, l: Float64Array) => {
    let tr = 0, sk = 0, sl = 0, kl1 = 0;
    const rk = new Float64Array(n), rl = new Float64Array(n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        tr += k[i * n + j]! * l[j * n + i]!;
        rk[i]! += k[i * n + j]!;
        rl[i]! += l[i * n + j]!;
      }
    for (let i = 0; i < n; i++) {
      sk += rk[i]!;
      sl += rl[i]!;
      kl1 += rk[i]! * rl[i]!; // 1ᵀ K̃ L̃ 1 (symmetric)
    }
    return (tr + (sk * sl) / ((n - 1) * (n - 2)) - (2 / (n - 2)) * kl1) / (n * (n - 3));
  };
  const k = gram(x, p), l = gram(y, q);
  return hsic(k, l) / Math.sqrt(hsic(k, k) * hsic(l, l));
}

beforeAll(async () => {
  await selectBackend();
});

describe('CKA', () => {
  it('reproduces the google-research demo values (cka_demo_seed1337.json) to 1e-6', () => {
    const ref = JSON.parse(readFileSync(path.join(fixtures, 'cka_demo_seed1337.json'), 'utf8')) as {
      X: number[][];
      Y: number[][];
      expected: { linear_cka: number; linear_cka_debiased: number };
    };
    const x = flat(ref.X);
    const y = flat(ref.Y);
    const stats = pairMoments(x, y, 100, 10, 10, { batchRows: 17 });
    const { linear, debiased } = ckaAlignment(stats);
    expect(Math.abs(linear - ref.expected.linear_cka)).toBeLessThan(1e-6);
    expect(Math.abs(debiased - ref.expected.linear_cka_debiased)).toBeLessThan(1e-6);
    expect(linear).toBeCloseTo(0.5576132566, 9);
    expect(debiased).toBeCloseTo(0.5134564895, 9);
  });

  it('streamed debiased CKA equals the Gram-matrix unbiased-HSIC formula on small uncentred data', () => {
    const r = mulberry(9);
    const g = gaussian(r);
    for (const [n, p, q] of [[30, 5, 7], [57, 12, 3]] as const) {
      const x = Float64Array.from({ length: n * p }, () => g() + 4);
      const y = new Float64Array(n * q);
      for (let i = 0; i < n; i++) for (let j = 0; j < q; j++) y[i * q + j] = Math.max(x[i * p + (j % p)]! - 4 + 0.7 * g(), 0) - 3;
      const stats = pairMoments(x, y, n, p, q, { batchRows: 11 });
      expect(Math.abs(debiasedLinearCka(stats) - gramDebiasedCka(x, y, n, p, q))).toBeLessThan(1e-10);
    }
  });

  it('finalizeCka (no covariance blocks) gives the full path\'s CKA, dead flags and moments, and leaves the accumulator valid', () => {
    const r = mulberry(21);
    const g = gaussian(r);
    const [n, p, q] = [240, 9, 6];
    const x = Float64Array.from({ length: n * p }, (_, i) => (i % p === 3 ? 2.5 : g() + 4));
    const y = new Float64Array(n * q);
    for (let i = 0; i < n; i++) for (let j = 0; j < q; j++) y[i * q + j] = j === 0 ? -1 : Math.max(x[i * p + (j % p)]! - 4 + 0.5 * g(), 0);
    const joint = new Float64Array(n * (p + q));
    for (let i = 0; i < n; i++) {
      joint.set(x.subarray(i * p, (i + 1) * p), i * (p + q));
      joint.set(y.subarray(i * q, (i + 1) * q), i * (p + q) + p);
    }
    const groups = [{ offset: 0, count: p }, { offset: p, count: q }];
    const full = pairMoments(x, y, n, p, q, { products: 'js', batchRows: 50 });
    const acc = new MomentAccumulator(p + q, { groups, products: 'js' });
    acc.update(joint.subarray(0, 100 * (p + q)), 100);
    acc.update(joint.subarray(100 * (p + q)), n - 100);
    const c = acc.finalizeCka();
    expect(Math.abs(linearCka(c) - linearCka(full))).toBeLessThan(1e-12);
    expect(Math.abs(debiasedLinearCka(c) - debiasedLinearCka(full))).toBeLessThan(1e-12);
    expect(Array.from(c.deadA)).toEqual(Array.from(full.deadA));
    expect(Array.from(c.deadB)).toEqual(Array.from(full.deadB));
    expect(c.deadA[3]).toBe(1);
    expect(c.deadB[0]).toBe(1);
    for (let i = 0; i < p; i++) expect(c.meanA[i]).toBeCloseTo(full.meanA[i]!, 12);
    for (let j = 0; j < q; j++) expect(c.stdB[j]).toBeCloseTo(full.stdB[j]!, 12);
    // Centring in place is an exact re-expression: the accumulator still gives the same full statistics.
    const again = pairStatistics(acc.finalize(), groups[0]!, groups[1]!);
    expect(Math.abs(linearCka(again) - linearCka(full))).toBeLessThan(1e-12);
    expect(() => new MomentAccumulator(p + q).finalizeCka()).toThrow(/at least 2 samples/);
  });

  it('is 1 for identical and for rotated/scaled copies, and needs the group extras for the debiased form', () => {
    const r = mulberry(4);
    const g = gaussian(r);
    const n = 200, p = 6;
    const x = Float64Array.from({ length: n * p }, () => g());
    const y = x.map((v) => 3 * v + 1); // isotropic scaling + shift
    const stats = pairMoments(x, y, n, p, p);
    expect(linearCka(stats)).toBeCloseTo(1, 12);
    expect(debiasedLinearCka(stats)).toBeCloseTo(1, 12);
    const acc = new MomentAccumulator(2 * p, { products: 'js' });
    const joint = new Float64Array(n * 2 * p);
    for (let i = 0; i < n; i++) {
      joint.set(x.subarray(i * p, (i + 1) * p), i * 2 * p);
      joint.set(y.subarray(i * p, (i + 1) * p), i * 2 * p + p);
    }
    acc.update(joint, n);
    const noGroups = pairStatistics(acc.finalize(), { offset: 0, count: p }, { offset: p, count: p });
    expect(linearCka(noGroups)).toBeCloseTo(1, 12);
    expect(() => debiasedLinearCka(noGroups)).toThrow(/accumulate the moments with groups/);
  });
});
