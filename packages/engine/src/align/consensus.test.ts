import { describe, expect, it } from 'vitest';
import { mulberry } from '../../test/planted.ts';
import { shuffled } from '../../test/measure-data.ts';
import { consensus, maxCliqueSize } from './consensus.ts';

/**
 * A planted family: every network holds the same `shared` features (unit identity feature f sits at unit perm_x[f] of
 * network x); matchings map feature to feature. `broken(x, y)` lists features whose match between x and y is rotated
 * among themselves, so cycles through that pair break for exactly those features.
 */
function family(n: number, units: number, broken: (x: number, y: number) => number[] = () => []) {
  const perms = Array.from({ length: n }, (_, x) => shuffled(units, 100 + x));
  const featureAt = perms.map((perm) => {
    const inv = new Int32Array(units);
    perm.forEach((unit, f) => (inv[unit] = f));
    return inv;
  });
  const match = (x: number, y: number) => {
    const out = new Int32Array(units);
    const bad = broken(x, y);
    for (let u = 0; u < units; u++) {
      let f = featureAt[x]![u]!;
      const k = bad.indexOf(f);
      if (k >= 0) f = bad[(k + 1) % bad.length]!;
      out[u] = perms[y]![f]!;
    }
    return out;
  };
  return { perms, match, units: Array(n).fill(units) as number[] };
}

describe('consensus across N networks', () => {
  it('a perfectly consistent family: every unit is found in all networks, grouped by feature', () => {
    const f = family(4, 6);
    const r = consensus({ units: f.units, match: f.match });
    expect(r.count).toBe(6);
    expect(r.fraction).toBe(1);
    expect(Array.from(r.found)).toEqual([6, 6, 6, 6, 6, 6].map(() => 4));
    for (const g of r.groups) {
      const feature = f.perms[0]!.indexOf(g[0]!);
      g.forEach((unit, x) => expect(unit).toBe(f.perms[x]![feature]));
    }
  });

  it('planted inconsistencies: features 1 and 4 swapped between networks 2 and 3 are found in 3 of 4 networks', () => {
    const f = family(4, 6, (x, y) => (x === 2 && y === 3 ? [1, 4] : []));
    const r = consensus({ units: f.units, match: f.match });
    expect(r.count).toBe(4);
    expect(r.fraction).toBeCloseTo(4 / 6, 15);
    const byFeature = (feature: number) => r.found[f.perms[0]![feature]!];
    expect([0, 1, 2, 3, 4, 5].map(byFeature)).toEqual([4, 3, 4, 4, 3, 4]);
  });

  it('the consensus count does not depend on the reference; a matching that breaks everything through one network caps found at N − 1', () => {
    const f = family(5, 8, (x, y) => (x === 0 && y === 4 ? [0, 1, 2, 3, 4, 5, 6, 7] : x === 1 && y === 2 ? [3, 5] : []));
    const counts = [0, 1, 2, 3, 4].map((reference) => consensus({ units: f.units, match: f.match, reference }).count);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBe(0);
    const r = consensus({ units: f.units, match: f.match, reference: 1 });
    expect(Math.max(...r.found)).toBe(4);
  });

  it('dead units never agree; unmatched units (−1, wider networks) are not found there', () => {
    const f = family(3, 4);
    const dead = [new Uint8Array(4), new Uint8Array(4), new Uint8Array(4)];
    dead[0]![f.perms[0]![2]!] = 1; // feature 2 dead in the reference
    dead[2]![f.perms[2]![3]!] = 1; // feature 3 dead in network 2
    const r = consensus({ units: f.units, match: f.match, dead });
    expect(r.liveUnits).toBe(3);
    expect(r.count).toBe(2);
    expect(r.found[f.perms[0]![2]!]).toBe(0);
    expect(r.found[f.perms[0]![3]!]).toBe(2);
    // A narrower middle network: its matching from the reference leaves unit 3 unmatched.
    const r2 = consensus({
      units: [4, 3],
      match: () => Int32Array.of(0, 1, 2, -1),
    });
    expect(Array.from(r2.found)).toEqual([2, 2, 2, 1]);
    expect(r2.fraction).toBe(0.75);
  });

  it('maxCliqueSize equals brute force over all subsets on random graphs', () => {
    const r = mulberry(5);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(r() * 9);
      const adj = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) adj[i]![j] = adj[j]![i] = r() < 0.5;
      let best = 0;
      for (let mask = 0; mask < 1 << n; mask++) {
        const members = [...Array(n).keys()].filter((i) => mask & (1 << i));
        if (members.every((i) => members.every((j) => i === j || adj[i]![j]))) best = Math.max(best, members.length);
      }
      expect(maxCliqueSize(adj)).toBe(best);
    }
  });

  it('rejects malformed matchings with what is wrong', () => {
    expect(() => consensus({ units: [3], match: () => new Int32Array(3) })).toThrow('consensus needs at least 2 networks, got 1');
    expect(() => consensus({ units: [2, 2], match: () => Int32Array.of(1, 1) })).toThrow('maps two units to unit 1; matchings must be one-to-one');
    expect(() => consensus({ units: [2, 2], match: () => Int32Array.of(0, 5) })).toThrow('match(0, 1)[1] = 5 is not a unit of network 1');
  });
});
