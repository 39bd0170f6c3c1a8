import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RowReservoir } from '../stats/row-sample.ts';
import { gaussian, mulberry, planted } from '../../test/planted.ts';
import { miMatching, mutualInformationMatrix } from './mutual-information.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

describe('mutualInformationMatrix', () => {
  it('matches an independent numpy implementation (zero bin, percentile bins, ties, dead unit, negatives)', () => {
    const { cases } = JSON.parse(readFileSync(path.join(fixtures, 'mi_numpy.json'), 'utf8')) as {
      cases: { name: string; rows: number; p: number; q: number; bins: number; a: number[]; b: number[]; mi: number[] }[];
    };
    for (const c of cases) {
      const m = mutualInformationMatrix(Float32Array.from(c.a), Float32Array.from(c.b), c.rows, c.p, c.q, { bins: c.bins });
      for (let k = 0; k < m.length; k++) expect(Math.abs(m[k]! - c.mi[k]!), `${c.name} [${k}]`).toBeLessThan(1e-12);
    }
  });

  it('is the binned entropy for a unit with itself, and ~0 (bias-corrected) for independent units', () => {
    const r = mulberry(1);
    const g = gaussian(r);
    const n = 4000;
    const a = Float32Array.from({ length: n * 2 }, () => Math.max(g(), 0));
    const m = mutualInformationMatrix(a, a, n, 2, 2, { bins: 8 });
    // Unit 0 with itself: H = zero bin (~1/2) plus 8 equal bins of the rest: H ≈ 1 + 0.5·3 = 2.5 bits (minus bias).
    let zeros = 0;
    for (let i = 0; i < n; i++) if (a[i * 2] === 0) zeros++;
    const pz = zeros / n;
    const h = -pz * Math.log2(pz) - (1 - pz) * Math.log2((1 - pz) / 8);
    expect(Math.abs(m[0]! + (8 * 8) / (2 * n * Math.LN2) - h)).toBeLessThan(1e-3);
    // Independent: the plug-in estimate is biased up by ~(B-1)²/(2N ln 2); the correction removes most of it.
    expect(Math.abs(m[1]!)).toBeLessThan(0.01);
    expect(Math.abs(m[1]!)).toBeLessThan((8 * 8) / (2 * n * Math.LN2) / 2);
  });

  it('gives exactly 0 for a dead unit and rejects bad input with a clear message', () => {
    const a = new Float32Array(20); // one dead unit, 20 rows
    const b = Float32Array.from({ length: 20 }, (_, i) => i);
    expect(Array.from(mutualInformationMatrix(a, b, 20, 1, 1))).toEqual([0]);
    expect(() => mutualInformationMatrix(a, b, 20, 1, 1, { bins: 16 })).toThrow(/bins must be an integer in 1..15/);
    const bad = b.slice();
    bad[3] = NaN;
    expect(() => mutualInformationMatrix(a, bad, 20, 1, 1)).toThrow(/unit 0 of B has a non-finite value/);
    expect(() => mutualInformationMatrix(a, b, 10, 1, 1)).toThrow(/expected 10 x 1/);
  });
});

describe('miMatching', () => {
  it('recovers a planted permutation (positive scaling and shifts) from a reservoir sample of rows', () => {
    const d = planted(20000, 24, 8);
    const ra = new RowReservoir(d.p, 4096, 3);
    const rb = new RowReservoir(d.p, 4096, 3);
    ra.update(d.a, d.n);
    rb.update(d.b, d.n);
    const sa = ra.sample();
    const sb = rb.sample();
    expect(Array.from(sa.indices)).toEqual(Array.from(sb.indices));
    const res = miMatching(sa.data, sb.data, sa.rows, d.p, d.p);
    expect(Array.from(res.match)).toEqual(Array.from(d.expected));
    expect(Array.from(res.semi.match)).toEqual(Array.from(d.expected));
    expect(res.semi.oneToOneFraction).toBe(1);
    expect(res.meanMI).toBeGreaterThan(1);
    expect(res.semi.meanCorr).toBeGreaterThanOrEqual(res.meanMI - 1e-12);
  });
});
