import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/seeded-random.ts';
import { adjustedMutualInformation, clusterMixing } from './cluster-mixing.ts';
import { spectralClusteringFromStats } from './spectral-clustering.ts';
import { MomentAccumulator, pairStatistics } from '../stats/moments.ts';

describe('adjustedMutualInformation', () => {
  it('equals scikit-learn 1.2.1 adjusted_mutual_info_score (arithmetic and min normalisation)', () => {
    // Expected values printed by /usr/bin/python3 -c "from sklearn.metrics import adjusted_mutual_info_score as ami;
    // print(ami(u, v), ami(u, v, average_method='min'))" (Debian python3-sklearn 1.2.1) on these exact labellings.
    const cases: Array<[number[], number[], number, number]> = [
      [[0, 0, 1, 1, 2, 2, 2, 0], [0, 1, 0, 1, 0, 1, 1, 0], -0.20272812041746682, -0.2803252176349983],
      [[0, 1, 2, 0, 1, 2, 3, 3, 3, 4], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 0.30595990379249993, 0.6447017068409624],
      [[0, 0, 0, 1, 1, 2, 2, 2, 2, 1, 0, 1], [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], -0.023056470802083836, -0.031009821036586258],
    ];
    for (const [u, v, arithmetic, min] of cases) {
      expect(adjustedMutualInformation(u, v)).toBeCloseTo(arithmetic, 10);
      expect(adjustedMutualInformation(u, v, 'min')).toBeCloseTo(min, 10);
    }
  });

  it('is 1 for identical partitions (up to renaming) and invariant to label names', () => {
    expect(adjustedMutualInformation([0, 0, 1, 1, 2], [5, 5, 7, 7, 9])).toBeCloseTo(1, 12);
    expect(adjustedMutualInformation([3, 3, 1, 1, 2, 2], [0, 1, 0, 1, 0, 1])).toBeCloseTo(adjustedMutualInformation([0, 0, 1, 1, 2, 2], [1, 0, 1, 0, 1, 0]), 12);
  });
});

describe('clusterMixing', () => {
  it('is 0 when clusters separate the nets and about 1 when every cluster holds both in proportion', () => {
    // p = q = 6: clusters {A0-2}, {A3-5}, {B0-2}, {B3-5}
    expect(clusterMixing([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], 6, 6)).toBeCloseTo(0, 12);
    // every cluster: 2 of A and 2 of B
    const mixed = clusterMixing([0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2], 6, 6)!;
    expect(mixed).toBeGreaterThan(0.99);
    // The old shared fraction calls this split "fully shared" (every cluster has a unit of each net); mixing does not.
    // 6 clusters of 10 units each per net... each cluster 9 units of one net and 1 of the other: shared fraction 1.
    const a: number[] = [];
    const b: number[] = [];
    for (let c = 0; c < 6; c++) for (let i = 0; i < 10; i++) (c % 2 === 0 ? (i < 9 ? a : b) : i < 9 ? b : a).push(c);
    const skewed = clusterMixing([...a, ...b], a.length, b.length)!;
    expect(new Set(a).size).toBe(6);
    expect(new Set(b).size).toBe(6); // every cluster holds units of both nets
    expect(skewed).toBeLessThan(0.6); // 0.50: far from the 1 of proportional clusters
  });

  it('ignores dead units and is null without live units on both sides', () => {
    const dead = { a: [0, 0, 1], b: [0, 0, 1] };
    // the dead ones would break the perfect mixing
    expect(clusterMixing([0, 1, 2, 0, 1, 3], 3, 3, dead)).toBeGreaterThan(0.99);
    expect(clusterMixing([0, 1, 0, 1], 2, 2, { a: [1, 1], b: [0, 0] })).toBeNull();
    expect(() => clusterMixing([0, 1], 2, 2)).toThrow(/labels/);
  });

  it('separates a pair with shared planted features from a pair without ', () => {
    // Planted: k latent features; net A and net B each have 3 noisy copies of every feature (shared) vs B's
    // units copy features independent of A's (unrelated).
    const rand = mulberry32(5);
    const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-300))) * Math.cos(2 * Math.PI * rand());
    const k = 4;
    const per = 3;
    const p = k * per;
    // 2k clusters: the unrelated pair has 2k groups (k per net); with only k clusters spectral clustering would
    // have to merge groups, and which A group joins which B group is arbitrary.
    const run = (shared: boolean) => {
      const acc = new MomentAccumulator(2 * p, { groups: [{ offset: 0, count: p }, { offset: p, count: p }] });
      const rows = 2000;
      const data = new Float64Array(rows * 2 * p);
      for (let r = 0; r < rows; r++) {
        const fa = Array.from({ length: k }, gauss);
        const fb = shared ? fa : Array.from({ length: k }, gauss);
        for (let u = 0; u < p; u++) {
          data[r * 2 * p + u] = fa[u % k]! + 0.3 * gauss();
          data[r * 2 * p + p + u] = fb[u % k]! + 0.3 * gauss();
        }
      }
      acc.update(data, rows);
      const m = acc.finalize();
      const pair = pairStatistics(m, m.groups![0]!, m.groups![1]!);
      const s = spectralClusteringFromStats(pair, { k: 2 * k, seed: 1, affinity: 'abs' });
      const sharedFraction = s.clusters.filter((c) => c.fromA > 0 && c.fromB > 0).length / s.clusters.length;
      return { mixing: clusterMixing(s.labels, p, p)!, sharedFraction };
    };
    const yes = run(true);
    const no = run(false);
    expect(yes.mixing).toBeGreaterThan(0.9);
    expect(no.mixing).toBeLessThan(0.2);
  });
});
