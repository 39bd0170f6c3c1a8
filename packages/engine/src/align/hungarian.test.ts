import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pairMoments } from '../stats/moments.ts';
import { mulberry, planted } from '../../test/planted.ts';
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
  it('is optimal against brute force for every shape up to 8 (square and rectangular, with ties)', () => {
    const r = mulberry(11);
    for (let trial = 0; trial < 120; trial++) {
      const rows = 1 + Math.floor(r() * 8);
      const cols = 1 + Math.floor(r() * 8);
      const ties = trial % 3 === 0;
      const w = Float64Array.from({ length: rows * cols }, () => (ties ? Math.floor(r() * 3) : 2 * r() - 1));
      const { match, total } = maxWeightMatching(w, rows, cols);
      checkInjective(match, rows, cols);
      let sum = 0;
      match.forEach((j, i) => {
        if (j >= 0) sum += w[i * cols + j]!;
      });
      expect(total).toBeCloseTo(sum, 12);
      expect(total).toBeCloseTo(bruteForce(w, rows, cols), 12);
    }
  });

  it('matches scipy linear_sum_assignment(maximize=True) on the committed fixtures', () => {
    const { cases } = JSON.parse(readFileSync(path.join(fixtures, 'lsa_scipy.json'), 'utf8')) as {
      cases: { name: string; rows: number; cols: number; weights: number[]; match: number[]; total: number }[];
    };
    expect(cases.length).toBeGreaterThanOrEqual(7);
    for (const c of cases) {
      const { match, total } = maxWeightMatching(Float64Array.from(c.weights), c.rows, c.cols);
      checkInjective(match, c.rows, c.cols);
      expect(Math.abs(total - c.total), c.name).toBeLessThan(1e-9);
      // Continuous weights have a unique optimum: the assignment itself must agree.
      if (!c.name.includes('ties')) expect(Array.from(match), c.name).toEqual(c.match);
    }
  });

  it('rejects non-finite weights and bad shapes with a clear message', () => {
    expect(() => maxWeightMatching(new Float64Array([1, NaN, 0, 1]), 2, 2)).toThrow(/weight \[0, 1\] is NaN/);
    expect(() => maxWeightMatching(new Float64Array(5), 2, 2)).toThrow(/expected 2 x 2/);
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
