import { describe, expect, it } from 'vitest';
import { fisherExactGreater, normalQuantile, wilsonInterval } from './proportion.ts';

// Reference values: scipy 1.17.1, `scipy.stats.fisher_exact([[k1, n1-k1], [k2, n2-k2]], alternative='greater')[1]`
// and `scipy.stats.binomtest(k, n).proportion_ci(0.95, method='wilson')`, computed on this project's dev machine.
const FISHER: Array<[number, number, number, number, number]> = [
  [30, 100, 12, 100, 0.0014332803816422214],
  [5, 20, 5, 20, 0.6417867224318836],
  [0, 10, 3, 12, 1.0],
  [400, 554, 120, 600, 3.2666429622925802e-74],
  [7, 9, 1, 9, 0.007610037021801728],
];
const WILSON: Array<[number, number, number, number]> = [
  [30, 100, 0.21894885294932764, 0.39584854633346667],
  [0, 10, 0, 0.27753279986288926],
  [10, 10, 0.7224672001371109, 1],
  [1, 3, 0.06149194472039626, 0.7923403991979523],
  [400, 554, 0.6832844199909176, 0.7577010896197462],
];

describe('normalQuantile', () => {
  it('matches known quantiles and is antisymmetric', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    for (const p of [0.01, 0.2, 0.4]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 9);
  });
});

describe('wilsonInterval', () => {
  it.each(WILSON)('%i of %i matches scipy', (k, n, low, high) => {
    const ci = wilsonInterval(k, n);
    expect(ci.low).toBeCloseTo(low, 8);
    expect(ci.high).toBeCloseTo(high, 8);
    expect(ci.level).toBe(0.95);
  });

  it('covers the true proportion about 95% of the time (simulation)', () => {
    let state = 12345;
    const rand = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const p = 0.3;
    const n = 80;
    let covered = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      let k = 0;
      for (let i = 0; i < n; i++) if (rand() < p) k++;
      const ci = wilsonInterval(k, n);
      if (ci.low <= p && p <= ci.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.93);
    expect(covered / trials).toBeLessThan(0.97);
  });

  it('a wider level gives a wider interval', () => {
    const a = wilsonInterval(12, 40, 0.9);
    const b = wilsonInterval(12, 40, 0.99);
    expect(b.low).toBeLessThan(a.low);
    expect(b.high).toBeGreaterThan(a.high);
  });

  it('rejects impossible counts with a message naming them', () => {
    expect(() => wilsonInterval(3, 0)).toThrow(/n ≥ 1/);
    expect(() => wilsonInterval(5, 4)).toThrow(/\[0, 4\]/);
    expect(() => wilsonInterval(1.5, 4)).toThrow(/integer/);
  });
});

describe('fisherExactGreater', () => {
  it.each(FISHER)('%i/%i vs %i/%i matches scipy', (k1, n1, k2, n2, p) => {
    const got = fisherExactGreater(k1, n1, k2, n2);
    if (p < 1e-10) expect(Math.abs(got - p) / p).toBeLessThan(1e-8);
    else expect(got).toBeCloseTo(p, 10);
  });

  it('equals the brute-force hypergeometric tail on small tables', () => {
    const choose = (n: number, k: number): number => (k < 0 || k > n ? 0 : k === 0 ? 1 : (choose(n - 1, k - 1) * n) / k);
    for (let n1 = 1; n1 <= 6; n1++)
      for (let n2 = 1; n2 <= 6; n2++)
        for (let k1 = 0; k1 <= n1; k1++)
          for (let k2 = 0; k2 <= n2; k2++) {
            const K = k1 + k2;
            let tail = 0;
            for (let x = k1; x <= Math.min(n1, K); x++) tail += (choose(K, x) * choose(n1 + n2 - K, n1 - x)) / choose(n1 + n2, n1);
            expect(fisherExactGreater(k1, n1, k2, n2)).toBeCloseTo(Math.min(1, tail), 12);
          }
  });

  it('is monotone: more successes on the first side, smaller p', () => {
    let last = 1.1;
    for (let k1 = 0; k1 <= 30; k1++) {
      const p = fisherExactGreater(k1, 30, 10, 30);
      expect(p).toBeLessThanOrEqual(last);
      last = p;
    }
  });

  it('rejects impossible counts', () => {
    expect(() => fisherExactGreater(3, 2, 1, 2)).toThrow(/first count/);
    expect(() => fisherExactGreater(1, 2, 1, 0)).toThrow(/second proportion needs n ≥ 1/);
  });
});
