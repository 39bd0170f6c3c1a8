import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/seeded-random.ts';
import { kMeans } from './kmeans.ts';
import { jointCorrelation, spectralClustering, spectralClusteringFromStats } from './spectral-clustering.ts';

/** Same partition up to renaming: a bijection between planted groups and found labels. */
function samePartition(found: Int32Array, planted: number[]): boolean {
  const map = new Map<number, number>();
  const back = new Map<number, number>();
  for (let i = 0; i < planted.length; i++) {
    const a = planted[i]!;
    const b = found[i]!;
    if ((map.has(a) && map.get(a) !== b) || (back.has(b) && back.get(b) !== a)) return false;
    map.set(a, b);
    back.set(b, a);
  }
  return true;
}

/**
 * Joint correlation of p + q units in planted groups: within a group ±`within` (sign per unit, so |r| is what
 * groups them), across groups small noise. Returns the matrix and each unit's group (A's units first).
 */
function planted(p: number, q: number, groups: number, seed: number, within = 0.6, noise = 0.08) {
  const n = p + q;
  const r = mulberry32(seed);
  const group = Array.from({ length: n }, () => Math.floor(r() * groups));
  // Make sure every group has units from both networks.
  for (let g = 0; g < groups; g++) {
    group[g % p] = g;
    group[p + (g % q)] = g;
  }
  const sign = Array.from({ length: n }, () => (r() < 0.3 ? -1 : 1));
  const corr = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    corr[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const v = group[i] === group[j] ? sign[i]! * sign[j]! * (within + noise * (r() - 0.5)) : noise * (r() - 0.5);
      corr[i * n + j] = v;
      corr[j * n + i] = v;
    }
  }
  return { corr, group };
}

describe('spectralClustering', () => {
  it('recovers planted blocks exactly (|r| affinity, mixed signs) and counts units per network', () => {
    const p = 70;
    const q = 50;
    const k = 6;
    const { corr, group } = planted(p, q, k, 11);
    const res = spectralClustering({ corr, p, q, k, seed: 3 });
    expect(samePartition(res.labels, group)).toBe(true);
    expect(res.clusters.reduce((s, c) => s + c.size, 0)).toBe(p + q);
    for (let c = 0; c < k; c++) {
      const members = [...res.labels.keys()].filter((i) => res.labels[i] === c);
      expect(res.clusters[c]!.fromA).toBe(members.filter((i) => i < p).length);
      expect(res.clusters[c]!.fromB).toBe(members.filter((i) => i >= p).length);
    }
    expect(res.sharedFraction).toBe(1);
    // D^{-1/2} W D^{-1/2} has top eigenvalue 1 (connected graph) and k − 1 more near 1 for k near-disconnected blocks.
    expect(res.eigenvalues[0]!).toBeCloseTo(1, 8);
    expect(res.eigenvalues[k - 1]!).toBeGreaterThan(0.5);
  });

  it('reports clusters holding only one network and the shared fraction', () => {
    const p = 30;
    const q = 30;
    // Groups 0,1 span both nets; group 2 only A's last 10 units; group 3 only B's last 10 units.
    const n = p + q;
    const group = Array.from({ length: n }, (_, i) => (i < p ? (i < 20 ? i % 2 : 2) : i - p < 20 ? (i - p) % 2 : 3));
    const r = mulberry32(1);
    const corr = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      corr[i * n + i] = 1;
      for (let j = i + 1; j < n; j++) {
        const v = group[i] === group[j] ? 0.7 + 0.05 * r() : 0.05 * r();
        corr[i * n + j] = v;
        corr[j * n + i] = v;
      }
    }
    const res = spectralClustering({ corr, p, q, k: 4, seed: 1 });
    expect(samePartition(res.labels, group)).toBe(true);
    expect(res.sharedFraction).toBe(0.5);
    const sizes = res.clusters.map((c) => [c.fromA, c.fromB].join('/')).sort();
    expect(sizes).toEqual(['0/10', '10/0', '10/10', '10/10']);
  });

  it("'positive' affinity separates anti-correlated groups that 'abs' joins", () => {
    const p = 20;
    const q = 20;
    const n = p + q;
    // Four groups of 10 (each 5 from A, 5 from B); groups 0/1 anti-correlated, groups 2/3 anti-correlated.
    const group = Array.from({ length: n }, (_, i) => Math.floor((i % p) / 5));
    const r = mulberry32(2);
    const corr = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      corr[i * n + i] = 1;
      for (let j = i + 1; j < n; j++) {
        const gi = group[i]!;
        const gj = group[j]!;
        let v = 0.03 * (r() - 0.5);
        if (gi === gj) v = 0.7;
        else if (Math.floor(gi / 2) === Math.floor(gj / 2)) v = -0.7;
        corr[i * n + j] = v;
        corr[j * n + i] = v;
      }
    }
    const abs = spectralClustering({ corr, p, q, k: 2, seed: 5 });
    expect(samePartition(abs.labels, group.map((g) => Math.floor(g / 2)))).toBe(true);
    const pos = spectralClustering({ corr, p, q, k: 4, seed: 5, affinity: 'positive' });
    expect(samePartition(pos.labels, group)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const { corr } = planted(40, 40, 5, 4, 0.3, 0.3);
    const a = spectralClustering({ corr, p: 40, q: 40, k: 5, seed: 9 });
    const b = spectralClustering({ corr, p: 40, q: 40, k: 5, seed: 9 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.eigenvalues)).toEqual(Array.from(b.eigenvalues));
  });

  it('handles dead units (zero rows) without NaN', () => {
    const p = 30;
    const q = 30;
    const n = p + q;
    const { corr, group } = planted(p, q, 3, 8);
    const dead = [4, 35];
    for (const d of dead) {
      for (let j = 0; j < n; j++) {
        corr[d * n + j] = 0;
        corr[j * n + d] = 0;
      }
    }
    const res = spectralClustering({ corr, p, q, k: 3, seed: 2 });
    for (const v of res.eigenvalues) expect(Number.isFinite(v)).toBe(true);
    for (const l of res.labels) expect(l >= 0 && l < 3).toBe(true);
    const live = [...Array(n).keys()].filter((i) => !dead.includes(i));
    expect(samePartition(Int32Array.from(live, (i) => res.labels[i]!), live.map((i) => group[i]!))).toBe(true);
  });

  it('builds the joint matrix from pair statistics', () => {
    const p = 2;
    const q = 3;
    const rAA = Float64Array.from([1, 0.1, 0.1, 1]);
    const rBB = Float64Array.from([1, 0.2, 0.3, 0.2, 1, 0.4, 0.3, 0.4, 1]);
    const rAB = Float64Array.from([0.5, 0.6, 0.7, 0.8, 0.9, -0.1]);
    const j = jointCorrelation({ p, q, rAA, rBB, rAB });
    expect(Array.from(j)).toEqual([
      1, 0.1, 0.5, 0.6, 0.7,
      0.1, 1, 0.8, 0.9, -0.1,
      0.5, 0.8, 1, 0.2, 0.3,
      0.6, 0.9, 0.2, 1, 0.4,
      0.7, -0.1, 0.3, 0.4, 1,
    ]);
    const res = spectralClusteringFromStats({ p, q, rAA, rBB, rAB }, { k: 2, seed: 0 });
    expect(res.labels.length).toBe(5);
  });

  it('rejects k out of range and bad shapes with a clear message', () => {
    const { corr } = planted(10, 10, 2, 1);
    expect(() => spectralClustering({ corr, p: 10, q: 10, k: 1 })).toThrow(/k = 1 .*between 2 and the 20 units/);
    expect(() => spectralClustering({ corr, p: 10, q: 10, k: 21 })).toThrow(/k = 21/);
    expect(() => spectralClustering({ corr, p: 10, q: 11, k: 2 })).toThrow(/21x21/);
    const bad = Float64Array.from(corr);
    bad[3] = Number.NaN;
    expect(() => spectralClustering({ corr: bad, p: 10, q: 10, k: 2 })).toThrow(/non-finite/);
  });
});

describe('kMeans', () => {
  it('separates well-spread blobs and keeps the best of several restarts', () => {
    const r = mulberry32(3);
    const n = 90;
    const x = new Float64Array(n * 2);
    const truth: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = i % 3;
      truth.push(c);
      x[i * 2] = c * 10 + r();
      x[i * 2 + 1] = (c % 2) * 10 + r();
    }
    const res = kMeans(x, n, 2, 3, { seed: 1, restarts: 5 });
    expect(samePartition(res.labels, truth)).toBe(true);
    const single = kMeans(x, n, 2, 3, { seed: 1, restarts: 1 });
    expect(res.inertia).toBeLessThanOrEqual(single.inertia);
  });
});
