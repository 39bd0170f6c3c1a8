import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pairMoments } from '../stats/moments.ts';
import { gaussian, mulberry, planted } from '../../test/planted.ts';
import { hungarianAlignment, maxWeightMatching } from './hungarian.ts';
import { semiMatching } from './semi-matching.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

/** Best total over all injective maps of the smaller side (brute force). */
function bruteForce(w: Float64Array, rows: number, cols: number): number {
  const small = Math.min(rows, cols);
  const big = Math.max(rows, cols);
  const at = (s: number, t: number) => (rows <= cols ? w[s * cols + t]! : w[t * cols + s]!);
  const used = new Uint8Array(big);
  let best = -Infinity;
  const rec = (s: number, acc: number): void => {
    if (s === small) {
      best = Math.max(best, acc);
      return;
    }
    for (let t = 0; t < big; t++) {
      if (used[t]) continue;
      used[t] = 1;
      rec(s + 1, acc + at(s, t));
      used[t] = 0;
    }
  };
  rec(0, 0);
  return best;
}

function matchedSum(w: Float64Array, cols: number, match: Int32Array): number {
  let sum = 0;
  match.forEach((j, i) => {
    if (j >= 0) sum += w[i * cols + j]!;
  });
  return sum;
}

function checkInjective(match: Int32Array, rows: number, cols: number): void {
  const seen = new Set<number>();
  let matched = 0;
  for (const j of match) {
    if (j < 0) continue;
    expect(j).toBeLessThan(cols);
    expect(seen.has(j)).toBe(false);
    seen.add(j);
    matched++;
  }
  expect(matched).toBe(Math.min(rows, cols));
}

describe('maxWeightMatching', () => {
  it('is optimal against brute force for every shape up to 8 (square and rectangular, with ties), on every path', () => {
    // candidatesPerRow 1-3 forces the candidate searches to expand rows past their bound; 0 is the dense kernel.
    const r = mulberry(11);
    let expanded = 0;
    for (let trial = 0; trial < 120; trial++) {
      const rows = 1 + Math.floor(r() * 8);
      const cols = 1 + Math.floor(r() * 8);
      const ties = trial % 3 === 0;
      const w = Float64Array.from({ length: rows * cols }, () => (ties ? Math.floor(r() * 3) : 2 * r() - 1));
      const best = bruteForce(w, rows, cols);
      for (const candidatesPerRow of [undefined, 0, 1, 2, 3]) {
        const { match, total, work } = maxWeightMatching(w, rows, cols, { candidatesPerRow });
        checkInjective(match, rows, cols);
        expect(total).toBeCloseTo(matchedSum(w, cols, match), 12);
        expect(total, `trial ${trial}, ${candidatesPerRow} candidates`).toBeCloseTo(best, 12);
        expanded += work.expandedRows;
      }
    }
    expect(expanded).toBeGreaterThan(0);
  });

  it('is optimal on rank-one weights, where every row prefers the same columns (dense hand-over)', () => {
    // w_ij = a_i b_j with positive a, b: by the rearrangement inequality the optimum pairs the sorted a with the
    // largest b's in the same order. Every row's candidates are the same few columns, so full-row expansions pile
    // up and the solver hands the remaining searches to the dense kernel.
    const r = mulberry(5);
    for (const [rows, cols] of [
      [200, 200],
      [150, 230],
      [230, 150],
    ] as const) {
      const a = Float64Array.from({ length: rows }, () => 0.1 + r());
      const b = Float64Array.from({ length: cols }, () => 0.1 + r());
      const w = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) w[i * cols + j] = a[i]! * b[j]!;
      const sa = Array.from(a).sort((x, y) => y - x);
      const sb = Array.from(b).sort((x, y) => y - x);
      let best = 0;
      for (let t = 0; t < Math.min(rows, cols); t++) best += sa[t]! * sb[t]!;
      const { match, total, work } = maxWeightMatching(w, rows, cols);
      checkInjective(match, rows, cols);
      expect(Math.abs(total - best) / best, `${rows}x${cols}`).toBeLessThan(1e-12);
      expect(work.denseSearches).toBeGreaterThan(0);
    }
  });

  it('gives the same optimum on every path for larger correlation-like, tied and float32 inputs', () => {
    const r = mulberry(23);
    const g = gaussian(r);
    const shapes = [
      [120, 120],
      [90, 140],
      [140, 90],
    ] as const;
    for (const [rows, cols] of shapes) {
      // Correlation-like: a few strong entries per row over a background of weak ones (near-ties included).
      const corr = Float64Array.from({ length: rows * cols }, () => 0.05 * g());
      for (let i = 0; i < rows; i++) for (let t = 0; t < 3; t++) corr[i * cols + Math.floor(r() * cols)] = 0.3 + 0.1 * r();
      const ints = Float64Array.from({ length: rows * cols }, () => Math.floor(r() * 3));
      for (const [name, w] of [
        ['correlation-like', corr],
        ['integer ties', ints],
      ] as const) {
        const dense = maxWeightMatching(w, rows, cols, { candidatesPerRow: 0 });
        expect(dense.work.denseSearches).toBeGreaterThan(0);
        for (const candidatesPerRow of [1, 4, undefined, 1000]) {
          const got = maxWeightMatching(w, rows, cols, { candidatesPerRow });
          checkInjective(got.match, rows, cols);
          expect(Math.abs(got.total - dense.total), `${name} ${rows}x${cols}, ${candidatesPerRow}`).toBeLessThan(1e-12);
        }
      }
      // Float32 input: the same optimum as the float64 matrix holding the same values.
      const f32 = Float32Array.from(corr);
      const from32 = maxWeightMatching(f32, rows, cols);
      expect(from32.total).toBeCloseTo(maxWeightMatching(Float64Array.from(f32), rows, cols).total, 12);
      checkInjective(from32.match, rows, cols);
    }
  });

  it('matches scipy linear_sum_assignment(maximize=True) on the committed fixtures', () => {
    const { cases } = JSON.parse(readFileSync(path.join(fixtures, 'lsa_scipy.json'), 'utf8')) as {
      cases: { name: string; rows: number; cols: number; weights: number[]; match: number[]; total: number }[];
    };
    expect(cases.length).toBeGreaterThanOrEqual(7);
    for (const c of cases) {
      for (const candidatesPerRow of [undefined, 0, 1, 4]) {
        const { match, total } = maxWeightMatching(Float64Array.from(c.weights), c.rows, c.cols, { candidatesPerRow });
        checkInjective(match, c.rows, c.cols);
        expect(Math.abs(total - c.total), c.name).toBeLessThan(1e-9);
        // Continuous weights have a unique optimum: the assignment itself must agree.
        if (!c.name.includes('ties')) expect(Array.from(match), `${c.name}, ${candidatesPerRow} candidates`).toEqual(c.match);
      }
    }
  });

  it('rejects non-finite weights and bad shapes with a clear message', () => {
    expect(() => maxWeightMatching(new Float64Array([1, NaN, 0, 1]), 2, 2)).toThrow(/weight \[0, 1\] is NaN/);
    // Larger matrices, where the check rides on the candidate pass (also transposed, float32, and the dense path).
    const r = mulberry(2);
    for (const [rows, cols] of [
      [40, 50],
      [50, 40],
    ] as const) {
      for (const [bad, text] of [
        [NaN, 'NaN'],
        [Infinity, 'Infinity'],
        [-Infinity, '-Infinity'],
      ] as const) {
        const w = Float64Array.from({ length: rows * cols }, () => r());
        w[17 * cols + 33] = bad;
        w[30 * cols + 2] = bad;
        const message = new RegExp(`weight \\[17, 33\\] is ${text.replace('-', '\\-')};`);
        for (const candidatesPerRow of [undefined, 0, 1]) {
          expect(() => maxWeightMatching(w, rows, cols, { candidatesPerRow })).toThrow(message);
          expect(() => maxWeightMatching(Float32Array.from(w), rows, cols, { candidatesPerRow })).toThrow(message);
        }
      }
    }
    expect(() => maxWeightMatching(new Float64Array(5), 2, 2)).toThrow(/expected 2 x 2/);
    expect(() => maxWeightMatching(new Float64Array(4), 2, 2, { candidatesPerRow: -1 })).toThrow(/candidatesPerRow must be a non-negative integer/);
  });
});

describe('hungarianAlignment and semiMatching on a planted permutation', () => {
  it('recover the permutation exactly despite positive scaling and shifts', () => {
    const d = planted(3000, 40, 5);
    const stats = pairMoments(d.a, d.b, d.n, d.p, d.p);
    const h = hungarianAlignment(stats.rAB, d.p, d.p);
    expect(Array.from(h.match)).toEqual(Array.from(d.expected));
    expect(h.meanCorr).toBeGreaterThan(0.99999);
    const s = semiMatching(stats.rAB, d.p, d.p);
    expect(Array.from(s.match)).toEqual(Array.from(d.expected));
    expect(Array.from(s.reverseMatch)).toEqual(Array.from(d.perm));
    expect(s.oneToOneFraction).toBe(1);
    expect(s.meanCorr).toBeGreaterThanOrEqual(h.meanCorr - 1e-12);
  });

  it('leaves the surplus units of the larger side unmatched (-1, corr NaN) and semi >= max always', () => {
    const r = mulberry(3);
    const p = 7;
    const q = 4;
    const rab = Float64Array.from({ length: p * q }, () => 2 * r() - 1);
    const h = hungarianAlignment(rab, p, q);
    expect(Array.from(h.match).filter((j) => j === -1).length).toBe(3);
    h.match.forEach((j, i) => expect(Number.isNaN(h.corr[i]!)).toBe(j === -1));
    // Per unit, the semi-matching partner is at least as correlated as the max-matching one.
    const s = semiMatching(rab, p, q);
    h.match.forEach((j, i) => {
      if (j >= 0) expect(s.corr[i]!).toBeGreaterThanOrEqual(h.corr[i]!);
    });
    const sq = hungarianAlignment(rab.subarray(0, q * q), q, q);
    expect(semiMatching(rab.subarray(0, q * q), q, q).meanCorr).toBeGreaterThanOrEqual(sq.meanCorr - 1e-12);
  });
});
