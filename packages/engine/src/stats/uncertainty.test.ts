import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/seeded-random.js';
import { binomial, networkBootstrap, permutationTest, quantileSorted, type PairFigure } from './uncertainty.js';

/** Standard normal from a uniform generator (Box–Muller). */
function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Every pair of `ids` (i < j). */
function allPairs(ids: string[], value: (a: number, b: number) => number): PairFigure[] {
  const out: PairFigure[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push({ a: ids[i]!, b: ids[j]!, value: value(i, j) });
  return out;
}

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics (numpy default)', () => {
    // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75, q=0.5 -> 2.5, q=1 -> 4
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(() => quantileSorted([], 0.5)).toThrow(/empty/);
  });
});

describe('networkBootstrap', () => {
  const same = () => 'arch';

  it('gives a zero-width interval at the value when every pair has the same figure', () => {
    const r = networkBootstrap(allPairs(['a', 'b', 'c', 'd'], () => 0.42), { groupOf: same, seed: 3 });
    expect(r.mean).toBeCloseTo(0.42, 12);
    expect(r.ci!.low).toBeCloseTo(0.42, 12);
    expect(r.ci!.high).toBeCloseTo(0.42, 12);
    expect(r.reason).toBeNull();
  });

  it('refuses an interval with fewer than 3 networks of an architecture, saying why', () => {
    const two = networkBootstrap([{ a: 'a', b: 'b', value: 0.5 }], { groupOf: same });
    expect(two.ci).toBeNull();
    expect(two.reason).toBe('needs at least 3 networks per architecture; have 2 of arch');
    expect(two.mean).toBe(0.5);
    // cross-architecture: 4 of A, 1 of B
    const arch = (id: string) => (id.startsWith('x') ? 'B' : 'A');
    const cross = networkBootstrap(['a1', 'a2', 'a3', 'a4'].map((a) => ({ a, b: 'x1', value: 0.3 })), { groupOf: arch });
    expect(cross.ci).toBeNull();
    expect(cross.reason).toMatch(/have 1 of B/);
    expect(cross.networks).toEqual({ A: 4, B: 1 });
  });

  it('matches the exact bootstrap distribution of 3 networks (full enumeration of the 27 draws)', () => {
    const ids = ['n0', 'n1', 'n2'];
    const v = new Map([['0,1', 0.1], ['0,2', 0.5], ['1,2', 0.9]]);
    const pairs = allPairs(ids, (i, j) => v.get(`${i},${j}`)!);
    // Oracle: enumerate every draw (with replacement) of 3 networks, weight pairs by c_i c_j, drop draws with no pair.
    const exact: number[] = [];
    for (let x = 0; x < 3; x++)
      for (let y = 0; y < 3; y++)
        for (let z = 0; z < 3; z++) {
          const c = [0, 0, 0];
          c[x]!++;
          c[y]!++;
          c[z]!++;
          let num = 0;
          let den = 0;
          for (const [key, val] of v) {
            const [i, j] = key.split(',').map(Number) as [number, number];
            num += c[i]! * c[j]! * val;
            den += c[i]! * c[j]!;
          }
          if (den > 0) exact.push(num / den);
        }
    expect(exact.length).toBe(24);
    const resamples = 40000;
    // The library's replicate means are not exposed; compare CDFs through intervals at several levels instead.
    for (const level of [0.5, 0.8, 0.95]) {
      const r = networkBootstrap(pairs, { groupOf: same, seed: 11, resamples, level });
      const sorted = [...exact].sort((a, b) => a - b);
      const lowShare = sorted.filter((e) => e < r.ci!.low - 1e-12).length / sorted.length;
      const highShare = sorted.filter((e) => e > r.ci!.high + 1e-12).length / sorted.length;
      // No more than (1 - level)/2 of the exact mass lies strictly outside each end (up to Monte Carlo error).
      expect(lowShare).toBeLessThanOrEqual((1 - level) / 2 + 0.01);
      expect(highShare).toBeLessThanOrEqual((1 - level) / 2 + 0.01);
      expect(r.ci!.low).toBeGreaterThanOrEqual(Math.min(...exact) - 1e-12);
      expect(r.ci!.high).toBeLessThanOrEqual(Math.max(...exact) + 1e-12);
    }
    // The exact law: 6 of the 24 draws hold all three networks (the full mean, 0.5), 6 hold only networks {i, j}
    // (the pair value): mass 1/4 on each of 0.1, 0.5, 0.9 and 1/4 more on 0.5. The 2.5% and 97.5% points are the
    // lowest and highest atoms:
    const big = networkBootstrap(pairs, { groupOf: same, seed: 5, resamples: 200000 });
    const sorted = [...exact].sort((a, b) => a - b);
    expect(big.ci!.low).toBeCloseTo(sorted[0]!, 6); // the lowest atom holds more than 2.5% of the mass
    expect(big.ci!.high).toBeCloseTo(sorted[sorted.length - 1]!, 6);
    expect(big.mean).toBeCloseTo(0.5, 12);
  });

  it('covers the true mean about 95% of the time on planted network effects, and is wider than resampling pairs', () => {
    // value(i, j) = mu + u_i + u_j + e_ij: pairs sharing a network are correlated through u.
    const mu = 0.6;
    const rand = mulberry32(2024);
    let covered = 0;
    let widthNets = 0;
    let widthPairs = 0;
    const trials = 200;
    const nNets = 8;
    const ids = Array.from({ length: nNets }, (_, i) => `n${i}`);
    for (let t = 0; t < trials; t++) {
      const u = ids.map(() => 0.05 * normal(rand));
      const pairs = allPairs(ids, (i, j) => mu + u[i]! + u[j]! + 0.01 * normal(rand));
      const r = networkBootstrap(pairs, { groupOf: () => 'g', seed: t, resamples: 1000 });
      if (r.ci!.low <= mu && mu <= r.ci!.high) covered++;
      widthNets += r.ci!.high - r.ci!.low;
      // naive: every pair its own "network" pair (a, b unique) -> resample pairs
      const naive = networkBootstrap(
        pairs.map((p, k) => ({ a: `p${k}`, b: `q${k}`, value: p.value })),
        { groupOf: (id) => (id.startsWith('p') ? 'P' : 'Q'), seed: t, resamples: 1000 },
      );
      widthPairs += naive.ci!.high - naive.ci!.low;
    }
    const coverage = covered / trials;
    expect(coverage).toBeGreaterThan(0.85);
    expect(coverage).toBeLessThanOrEqual(1);
    // Ignoring the shared-network dependence gives visibly narrower (over-confident) intervals.
    expect(widthNets / widthPairs).toBeGreaterThan(1.3);
  });

  it('resamples architectures separately for cross-architecture pairs', () => {
    const arch = (id: string) => (id.startsWith('x') ? 'B' : 'A');
    const pairs: PairFigure[] = [];
    const rand = mulberry32(9);
    for (const a of ['a1', 'a2', 'a3']) for (const b of ['x1', 'x2', 'x3']) pairs.push({ a, b, value: 0.5 + 0.1 * rand() });
    const r = networkBootstrap(pairs, { groupOf: arch, seed: 1 });
    expect(r.networks).toEqual({ A: 3, B: 3 });
    expect(r.ci!.low).toBeLessThanOrEqual(r.mean);
    expect(r.ci!.high).toBeGreaterThanOrEqual(r.mean);
    // a cross-only design never draws a degenerate replicate (one A and one B always form a pair)
    expect(r.resamples).toBe(2000);
  });

  it('is deterministic for a seed and rejects bad input with a clear error', () => {
    const pairs = allPairs(['a', 'b', 'c', 'd'], (i, j) => i * 0.1 + j * 0.05);
    expect(networkBootstrap(pairs, { groupOf: same, seed: 4 })).toEqual(networkBootstrap(pairs, { groupOf: same, seed: 4 }));
    expect(() => networkBootstrap([{ a: 'a', b: 'b', value: Number.NaN }], { groupOf: same })).toThrow(/non-finite/);
    expect(() => networkBootstrap([{ a: 'a', b: 'a', value: 1 }], { groupOf: same })).toThrow(/itself/);
    expect(networkBootstrap([], { groupOf: same }).reason).toBe('no pairs');
  });
});

describe('permutationTest', () => {
  /** Oracle: enumerate every labelling by brute force over bitmasks. */
  function bruteForceP(trained: number[], chance: number[]): number {
    const pooled = [...trained, ...chance];
    const n = pooled.length;
    const k = trained.length;
    const obs = trained.reduce((a, b) => a + b, 0) / k - chance.reduce((a, b) => a + b, 0) / chance.length;
    let count = 0;
    let atLeast = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
      let bits = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) bits++;
      if (bits !== k) continue;
      count++;
      const t = pooled.filter((_, i) => mask & (1 << i));
      const c = pooled.filter((_, i) => !(mask & (1 << i)));
      const d = t.reduce((a, b) => a + b, 0) / k - c.reduce((a, b) => a + b, 0) / c.length;
      if (d >= obs - 1e-12) atLeast++;
    }
    return atLeast / count;
  }

  it('equals full enumeration on a tiny case, exactly and within Monte Carlo error', () => {
    const trained = [0.3, 0.41, 0.5, 0.27];
    const chance = [0.2, 0.35, 0.1, 0.33];
    const oracle = bruteForceP(trained, chance);
    const exact = permutationTest(trained, chance);
    expect(exact.exact).toBe(true);
    expect(exact.permutations).toBe(70);
    expect(exact.pValue).toBeCloseTo(oracle, 12);
    const mc = permutationTest(trained, chance, { permutations: 69, seed: 1 }); // forces Monte Carlo (70 > 69)
    expect(mc.exact).toBe(false);
    expect(mc.pValue).toBeGreaterThanOrEqual(1 / 70);
    // A large Monte Carlo run on a bigger case agrees with brute force within 3 standard errors.
    const t2 = [0.5, 0.52, 0.48, 0.61, 0.44, 0.55, 0.47];
    const c2 = [0.45, 0.5, 0.41, 0.49, 0.53, 0.4, 0.46];
    const truth = bruteForceP(t2, c2);
    expect(permutationTest(t2, c2).pValue).toBeCloseTo(truth, 12); // C(14, 7) = 3432: exact within the default budget
    const r = permutationTest(t2, c2, { permutations: 3000, seed: 7 });
    expect(r.exact).toBe(false);
    const se = Math.sqrt((truth * (1 - truth)) / 3000);
    expect(Math.abs(r.pValue - truth)).toBeLessThan(3 * se + 1e-4);
    expect(permutationTest(t2, c2, { permutations: 5000 })).toEqual(permutationTest(t2, c2, { permutations: 5000 }));
  });

  it('gives the smallest possible p-value when every trained value exceeds every chance value', () => {
    const r = permutationTest([0.9, 0.8, 0.85, 0.95, 0.7, 0.75], [0.1, 0.2, 0.15, 0.05, 0.3, 0.25]);
    expect(r.exact).toBe(true);
    expect(r.permutations).toBe(binomial(12, 6));
    expect(r.pValue).toBeCloseTo(1 / 924, 12);
  });

  it('does not reject when trained is below chance (one-sided) or the same', () => {
    expect(permutationTest([0.1, 0.2, 0.15], [0.8, 0.9, 0.85]).pValue).toBe(1);
    expect(permutationTest([0.5, 0.5, 0.5], [0.5, 0.5, 0.5]).pValue).toBe(1);
  });

  it('is about uniform under the null (planted equal distributions)', () => {
    const rand = mulberry32(77);
    let rejections = 0;
    const trials = 300;
    for (let t = 0; t < trials; t++) {
      const a = Array.from({ length: 8 }, () => normal(rand));
      const b = Array.from({ length: 8 }, () => normal(rand));
      if (permutationTest(a, b, { permutations: 500, seed: t }).pValue <= 0.05) rejections++;
    }
    expect(rejections / trials).toBeGreaterThan(0.01);
    expect(rejections / trials).toBeLessThan(0.1);
  });

  it('rejects empty sides and non-finite values', () => {
    expect(() => permutationTest([], [1])).toThrow(/both sides/);
    expect(() => permutationTest([1, Number.NaN], [1])).toThrow(/non-finite/);
  });

  it('binomial', () => {
    expect(binomial(5, 2)).toBe(10);
    expect(binomial(12, 6)).toBe(924);
    expect(binomial(3, 5)).toBe(0);
    expect(binomial(2000, 1000)).toBe(Infinity);
  });
});
