import { describe, expect, it } from 'vitest';
import { fisherExactGreater, wilsonInterval } from '../stats/proportion.ts';
import { consensusStatistic, stitchingStatistics } from './family-check-statistics.ts';
import type { ConsensusFamily, StitchPairRecord } from './manifest.ts';

function family(count: number, liveUnits: number): ConsensusFamily {
  const found = Array.from({ length: liveUnits }, (_, i) => (i < count ? 3 : 1));
  return { networks: ['n0', 'n1', 'n2'], reference: 'n0', liveUnits, count, fraction: liveUnits ? count / liveUnits : 0, found, meanFound: liveUnits ? found.reduce((a, b) => a + b, 0) / liveUnits : 0, units: Array.from({ length: count }, (_, i) => [i, i, i]) };
}

describe('consensusStatistic', () => {
  it('a clear consensus above chance: Wilson interval, Fisher p, verdict above-chance', () => {
    const s = consensusStatistic({ trained: family(40, 100), chance: family(8, 100) });
    expect(s.mean).toBe(0.4);
    expect(s.n).toBe(100);
    expect(s.interval).toMatchObject(wilsonInterval(40, 100));
    expect(s.interval!.method).toMatch(/100 live units/);
    expect(s.chance).toBe(0.08);
    expect(s.pValue).toBe(fisherExactGreater(40, 100, 8, 100));
    expect(s.pValue!).toBeLessThan(1e-6);
    expect(s.test).toMatch(/Fisher/);
    expect(s.verdict).toBe('above-chance');
    expect(s.verdictReason).toMatch(/40 of 100 vs chance 8 of 100/);
  });

  it('at or below chance when the trained fraction does not exceed the untrained one', () => {
    const s = consensusStatistic({ trained: family(5, 50), chance: family(6, 50) });
    expect(s.verdict).toBe('at-or-below-chance');
    expect(s.pValue!).toBeGreaterThan(0.5);
  });

  it('inconclusive when above chance but not significantly (small counts)', () => {
    const s = consensusStatistic({ trained: family(3, 10), chance: family(2, 10) });
    expect(s.verdict).toBe('inconclusive');
    expect(s.verdictReason).toMatch(/not distinguishable/);
  });

  it('no untrained family: interval kept, no test, inconclusive with the reason', () => {
    const s = consensusStatistic({ trained: family(10, 20), chance: null });
    expect(s.interval).not.toBeNull();
    expect(s.pValue).toBeNull();
    expect(s.chance).toBeNull();
    expect(s.verdict).toBe('inconclusive');
    expect(s.verdictReason).toMatch(/no untrained family/);
  });

  it('a reference with no live unit: no interval, says why, never NaN', () => {
    const s = consensusStatistic({ trained: family(0, 0), chance: family(1, 4) });
    expect(s.interval).toBeNull();
    expect(s.intervalReason).toMatch(/no live unit/);
    expect(Number.isNaN(s.mean)).toBe(false);
    expect(s.verdict).toBe('inconclusive');
  });
});

describe('stitchingStatistics', () => {
  const nets = ['t0', 't1', 't2', 't3'];
  const arch = (id: string) => (id.startsWith('u') ? 'lenet-untrained' : 'lenet');
  function pairs(trainedAcc: (i: number) => number, chanceAcc: (i: number) => number): StitchPairRecord[] {
    const out: StitchPairRecord[] = [];
    let i = 0;
    for (const a of nets)
      for (const b of nets) {
        if (a === b) continue;
        out.push({ a, b, kind: 'between', ownAccuracy: 0.95, maps: [{ kind: 'linear', accuracy: trainedAcc(i), nonzero: 10 }, { kind: 'permutation', accuracy: 0.5 + 0.01 * (i % 3), nonzero: 1 }] });
        out.push({ a: `u${a}`, b, kind: 'chance', ownAccuracy: 0.95, maps: [{ kind: 'linear', accuracy: chanceAcc(i), nonzero: 10 }, { kind: 'permutation', accuracy: 0.5 + 0.01 * ((i + 1) % 3), nonzero: 1 }] });
        i++;
      }
    return out;
  }

  it('a planted gap: linear map above chance with an interval; a map with no gap is not', () => {
    const r = stitchingStatistics({ pairs: pairs((i) => 0.9 + 0.001 * i, (i) => 0.3 + 0.001 * i) }, { architectureOf: arch, seed: 1 });
    const linear = r.find((x) => x.map === 'linear')!.statistic;
    expect(linear.n).toBe(12);
    expect(linear.mean).toBeCloseTo(0.9 + 0.001 * 5.5, 12);
    expect(linear.chance).toBeCloseTo(0.3 + 0.001 * 5.5, 12);
    expect(linear.interval).not.toBeNull();
    expect(linear.interval!.low).toBeGreaterThan(0.89);
    expect(linear.verdict).toBe('above-chance');
    expect(linear.test).toMatch(/permutation/);
    const perm = r.find((x) => x.map === 'permutation')!.statistic;
    expect(perm.verdict).not.toBe('above-chance');
  });

  it('fewer than 3 networks: no interval, with the reason', () => {
    const two: StitchPairRecord[] = [
      { a: 't0', b: 't1', kind: 'between', ownAccuracy: 0.9, maps: [{ kind: 'linear', accuracy: 0.8, nonzero: 4 }] },
      { a: 't1', b: 't0', kind: 'between', ownAccuracy: 0.9, maps: [{ kind: 'linear', accuracy: 0.82, nonzero: 4 }] },
      { a: 'ut0', b: 't1', kind: 'chance', ownAccuracy: 0.9, maps: [{ kind: 'linear', accuracy: 0.2, nonzero: 4 }] },
    ];
    const [s] = stitchingStatistics({ pairs: two }, { architectureOf: arch });
    expect(s!.statistic.interval).toBeNull();
    expect(s!.statistic.intervalReason).toMatch(/3/);
  });

  it('maps with no finite accuracy are left out', () => {
    const r = stitchingStatistics({ pairs: [{ a: 't0', b: 't1', kind: 'between', ownAccuracy: 0.9, maps: [{ kind: 'sparse', accuracy: Number.NaN, nonzero: 0 }] }] }, { architectureOf: arch });
    expect(r).toEqual([]);
  });
});
