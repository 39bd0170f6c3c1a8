import { describe, expect, it } from 'vitest';
import {
  CONSENSUS_NO_CHANCE,
  checkFigure,
  commonMajority,
  consensusRows,
  consensusUnitRows,
  consensusWarnings,
  emptyReason,
  foundBins,
  foundDistribution,
  pageOf,
  pairStitchRows,
  pText,
  specMethods,
  stitchRows,
  stitchWarnings,
  type ConsensusFamilyLike,
  type StitchPairLike,
} from './consensus-stitching.ts';

const family = (over: Partial<ConsensusFamilyLike> = {}): ConsensusFamilyLike => ({
  reference: { id: 'n1', name: 'net-1' },
  networks: [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }],
  liveUnits: 4,
  count: 2,
  fraction: 0.5,
  meanFound: 2.25,
  found: [3, 0, 3, 2, 1],
  ...over,
});

describe('consensus rows', () => {
  it('orders layers as recorded and keeps trained against matched chance', () => {
    const rows = consensusRows(
      [
        { layer: 'fc1', fraction: 0.5, chanceFraction: 0.1, trained: family(), chance: family({ fraction: 0.1, count: 1, liveUnits: 10, meanFound: 1.2 }) },
        { layer: 'conv1', fraction: 0.25, chanceFraction: null, trained: family({ fraction: 0.25, count: 1 }), chance: null },
      ],
      ['conv1', 'fc1'],
    );
    expect(rows.map((r) => r.layer)).toEqual(['conv1', 'fc1']);
    expect(rows[1]).toMatchObject({ fraction: 0.5, chance: 0.1, chanceCount: 1, chanceLive: 10, networks: 3, reference: 'net-1', chanceReason: null });
    expect(rows[1]!.excess).toBeCloseTo(0.4);
    expect(rows[0]).toMatchObject({ chance: null, excess: null, chanceReason: CONSENSUS_NO_CHANCE });
  });
  it('says plainly when chance is missing or not beaten', () => {
    const rows = consensusRows(
      [
        { layer: 'a', fraction: 0.2, chanceFraction: 0.3, trained: family({ fraction: 0.2 }), chance: family({ fraction: 0.3 }) },
        { layer: 'b', fraction: 0.2, trained: family({ fraction: 0.2 }), chance: null },
        { layer: 'c', fraction: 0.9, chanceFraction: 0.1, trained: family({ fraction: 0.9 }), chance: family({ fraction: 0.1 }) },
      ],
      [],
    );
    const w = consensusWarnings(rows);
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^a: the trained consensus fraction \(0\.200\) is at or below its matched chance \(0\.300\)/);
    expect(w[1]).toBe(`b: ${CONSENSUS_NO_CHANCE}.`);
  });
});

describe('statistics', () => {
  it('turns a served interval into offsets around the mean, or names why there is none', () => {
    expect(checkFigure(0.5, { n: 10, mean: 0.5, interval: { low: 0.2, high: 0.8, level: 0.95, method: 'Wilson' }, verdict: 'INCONCLUSIVE', verdictReason: 'r' })).toMatchObject({
      low: 0.2,
      high: 0.8,
      intervalNote: 'Wilson',
    });
    expect(checkFigure(0.5, { n: 0, mean: 0, interval: null, intervalReason: 'no live unit', verdict: 'INCONCLUSIVE', verdictReason: 'r' })).toMatchObject({ ciOffsets: null, intervalNote: 'no live unit' });
    expect(checkFigure(null, null)).toMatchObject({ served: false, low: null, verdict: 'INCONCLUSIVE', intervalNote: 'no statistic served' });
    expect(pText(null)).toBe('—');
    expect(pText(0.0001)).toBe('1.0e-4');
    expect(pText(0.25)).toBe('0.250');
  });
  it('says when consensus beats chance but not distinguishably', () => {
    const rows = consensusRows(
      [{ layer: 'a', fraction: 0.4, chanceFraction: 0.3, trained: family({ fraction: 0.4 }), chance: family({ fraction: 0.3 }), statistic: { n: 4, mean: 0.4, verdict: 'INCONCLUSIVE', verdictReason: 'not distinguishable from chance (p = 0.4 > 0.05)' } }],
      [],
    );
    expect(consensusWarnings(rows)).toEqual(['a: not distinguishable from chance (p = 0.4 > 0.05).']);
  });
});

describe('found counts', () => {
  it('counts live reference units by networks found in, leaving dead units (0) out', () => {
    expect(foundDistribution([3, 0, 3, 2, 1], 3)).toEqual([1, 1, 2]);
    expect(foundDistribution([0, 0], 2)).toEqual([0, 0]);
  });
  it('puts trained and chance side by side, chance null when there is none', () => {
    expect(foundBins(family(), family({ found: [1, 1, 2, 0, 0] }))).toEqual([
      { networks: 1, trained: 1, chance: 2 },
      { networks: 2, trained: 1, chance: 1 },
      { networks: 3, trained: 2, chance: 0 },
    ]);
    expect(foundBins(family(), null).every((b) => b.chance === null)).toBe(true);
  });
});

describe('consensus unit rows', () => {
  it('keeps only groups whose reference unit is found in every network, in reference order', () => {
    const { rows, dropped } = consensusUnitRows({
      networks: [1, 2, 3],
      found: [3, 0, 3, 2],
      units: [
        [2, 7, 1],
        [0, 4, 5],
        [1, 3, 3], // dead reference unit (found 0): never consensus
        [3, 2, 2], // found in 2 of 3: not consensus
        [0, 1], // wrong shape
      ],
    });
    expect(rows).toEqual([
      { reference: 0, indices: [0, 4, 5], found: 3 },
      { reference: 2, indices: [2, 7, 1], found: 3 },
    ]);
    expect(dropped).toBe(3);
  });
  it('pages rows and clamps the page', () => {
    const rows = Array.from({ length: 25 }, (_, i) => i);
    expect(pageOf(rows, 3, 10)).toEqual({ rows: [20, 21, 22, 23, 24], page: 3, pages: 3 });
    expect(pageOf(rows, 9, 10).page).toBe(3);
    expect(pageOf(rows, Number.NaN, 10).page).toBe(1);
    expect(pageOf([], 1, 10)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});

describe('empty states', () => {
  it('names the missing spec method, or why nothing is stored', () => {
    expect(specMethods({ methods: ['max', 'consensus'] })).toEqual(['max', 'consensus']);
    expect(specMethods(null)).toBeNull();
    expect(emptyReason({ methods: ['max'] }, 'consensus', 'COMPLETED')).toMatch(/did not include the `consensus` method/);
    expect(emptyReason({ methods: ['max'] }, 'stitch', 'COMPLETED')).toMatch(/did not include the `stitch` method, so no stitching/);
    expect(emptyReason({ methods: ['stitch'] }, 'stitch', 'RUNNING')).toMatch(/not stored yet|stored yet/);
    expect(emptyReason({ methods: ['consensus'] }, 'consensus', 'COMPLETED')).toMatch(/at least 2 trained networks/);
  });
});

describe('stitching rows', () => {
  const layer = (name: string, majority: number) => ({
    layer: name,
    images: 30,
    majorityRate: majority,
    summary: [
      { map: 'own', between: { pairCount: 4, mean: 0.9 }, chance: null },
      { map: 'linear', between: { pairCount: 12, mean: 0.8, min: 0.7, max: 0.85 }, chance: { pairCount: 4, mean: 0.5 } },
      { map: 'permutation', between: { pairCount: 12, mean: 0.4, min: 0.3, max: 0.6 }, chance: { pairCount: 4, mean: 0.45 } },
      { map: 'sparse', between: { pairCount: 12, mean: Number.NaN }, chance: null },
    ],
  });
  it('makes one row per layer and map with its range, untrained-twin chance, own accuracy and majority rate', () => {
    const rows = stitchRows([layer('fc1', 0.4), layer('conv1', 0.4)], ['conv1', 'fc1']);
    expect(rows.map((r) => r.key)).toEqual(['conv1 · permutation', 'conv1 · sparse', 'conv1 · linear', 'fc1 · permutation', 'fc1 · sparse', 'fc1 · linear']);
    const lin = rows[2]!;
    expect(lin).toMatchObject({ stitched: 0.8, pairs: 12, untrained: 0.5, own: 0.9, majority: 0.4, images: 30 });
    expect(lin).toMatchObject({ min: 0.7, max: 0.85 });
    expect(rows[1]).toMatchObject({ stitched: null, untrained: null, ciOffsets: null });
    expect(commonMajority(rows)).toBe(0.4);
    expect(commonMajority(stitchRows([layer('a', 0.4), layer('b', 0.5)], []))).toBeNull();
  });
  it('warns where trained stitching does not beat untrained twins, and where there is no interval', () => {
    const w = stitchWarnings(stitchRows([layer('conv1', 0.4)], []));
    expect(w).toEqual(['conv1, permutation (max matching): stitching from trained networks (0.400) does no better than from untrained twins (0.450).']);
    const noInterval = { ...layer('fc1', 0.4), summary: [{ map: 'linear', between: { pairCount: 2, mean: 0.8 }, chance: { pairCount: 1, mean: 0.5 }, statistic: { n: 2, mean: 0.8, interval: null, intervalReason: 'needs at least 3 networks', verdict: 'INCONCLUSIVE', verdictReason: 'r' } }] };
    expect(stitchWarnings(stitchRows([noInterval], []))).toEqual(['fc1, least-squares map: no interval — needs at least 3 networks.']);
  });
  it('carries the served statistic: interval as error-bar offsets, p, test and verdict', () => {
    const withStat = {
      ...layer('fc1', 0.4),
      summary: [
        {
          map: 'linear',
          between: { pairCount: 6, mean: 0.8 },
          chance: { pairCount: 3, mean: 0.5 },
          statistic: { n: 6, mean: 0.8, interval: { low: 0.7, high: 0.95, level: 0.95, method: 'network bootstrap' }, chance: 0.5, pValue: 0.02, test: 'permutation', verdict: 'ABOVE_CHANCE', verdictReason: 'above chance' },
        },
      ],
    };
    const [r] = stitchRows([withStat], []);
    expect(r).toMatchObject({ low: 0.7, high: 0.95, intervalNote: 'network bootstrap', pValue: 0.02, verdict: 'ABOVE_CHANCE' });
    expect(r!.ciOffsets![0]).toBeCloseTo(0.1);
    expect(r!.ciOffsets![1]).toBeCloseTo(0.15);
    expect(stitchWarnings([r!])).toEqual([]);
  });
});

describe('pair stitching rows', () => {
  const net = (id: string, architecture: string, untrained = false) => ({ id, name: id, architecture, untrained });
  const pair = (a: ReturnType<typeof net>, b: ReturnType<typeof net>, kind: string, acc: number): StitchPairLike => ({
    layer: 'fc1',
    kind,
    ownAccuracy: 0.9,
    networkA: a,
    networkB: { id: b.id, name: b.name },
    maps: [
      { kind: 'PERMUTATION', accuracy: acc },
      { kind: 'SPARSE', accuracy: acc + 0.1 },
      { kind: 'LINEAR', accuracy: null },
    ],
  });
  it('finds both directions of the pair with the chance pairs of the sender’s architecture', () => {
    const A = net('a', 'small');
    const B = net('b', 'wide');
    const C = net('c', 'small');
    const uSmall = net('u-small', 'small', true);
    const uWide = net('u-wide', 'wide', true);
    const rows = pairStitchRows(
      [{ layer: 'fc1', majorityRate: 0.34, pairs: [pair(A, B, 'between', 0.5), pair(B, A, 'between', 0.6), pair(C, B, 'between', 0.7), pair(uSmall, B, 'chance', 0.2), pair(uWide, A, 'chance', 0.3), pair(uSmall, A, 'chance', 0.25)] }],
      A,
      B,
      ['fc1'],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ direction: 'A → B', from: 'a', to: 'b', permutation: 0.5, linear: null, own: 0.9, majority: 0.34 });
    expect(rows[0]!.sparse).toBeCloseTo(0.6);
    expect(rows[0]!.chance).toEqual([{ from: 'u-small', permutation: 0.2, sparse: expect.closeTo(0.3) as unknown as number, linear: null }]);
    expect(rows[1]).toMatchObject({ direction: 'B → A', permutation: 0.6 });
    expect(rows[1]!.chance.map((c) => c.from)).toEqual(['u-wide']);
    expect(pairStitchRows([{ layer: 'fc1', majorityRate: 0.3, pairs: [pair(C, B, 'between', 0.7)] }], A, B, [])).toEqual([]);
  });
});
