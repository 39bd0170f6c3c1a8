import { describe, expect, it } from 'vitest';
import { figureStatistics, layerStatistics, type PairFigureInput } from './layer-statistics.ts';

const arch = (id: string) => id.split('-')[0]!;

/** Trained pairs among `nets` with value f(i, j), and the mirrored twin pairs with value g(i, j). */
function design(nets: string[], f: (i: number, j: number) => number, g: (i: number, j: number) => number): PairFigureInput[] {
  const out: PairFigureInput[] = [];
  for (let i = 0; i < nets.length; i++) {
    for (let j = i + 1; j < nets.length; j++) {
      out.push({ a: nets[i]!, b: nets[j]!, kind: 'between', value: f(i, j) });
      out.push({ a: `${arch(nets[i]!)}-u${i}`, b: `${arch(nets[j]!)}-u${j}`, kind: 'chance', value: g(i, j), mirrors: { a: nets[i]!, b: nets[j]! } });
    }
  }
  return out;
}

describe('figureStatistics', () => {
  it('calls a planted effect above chance with an interval around the trained mean', () => {
    const nets = ['lenet-s1', 'lenet-s2', 'lenet-s3', 'lenet-s4', 'lenet-s5'];
    const pairs = design(nets, (i, j) => 0.7 + 0.01 * ((i * 3 + j) % 5), (i, j) => 0.3 + 0.01 * ((i + j) % 3));
    const [all] = figureStatistics('max', pairs, { architectureOf: arch, scopes: ['all'] });
    expect(all!.pairs).toBe(10);
    expect(all!.chance!.pairs).toBe(10);
    expect(all!.chance!.source).toBe('untrained-twins');
    expect(all!.ci!.low).toBeLessThanOrEqual(all!.mean);
    expect(all!.ci!.high).toBeGreaterThanOrEqual(all!.mean);
    expect(all!.ci!.low).toBeGreaterThan(0.69);
    // C(20, 10) = 184756 relabellings > the 9999 budget: Monte Carlo, and no random relabelling reaches the observed
    // split (probability 1/184756 each), so p = 1 / (1 + 9999).
    expect(all!.exactTest).toBe(false);
    expect(all!.nPermutations).toBe(9999);
    expect(all!.pValue).toBeLessThanOrEqual(2 / 10000);
    expect(all!.verdict).toBe('above-chance');
    expect(all!.atOrBelowChance).toBe(false);
  });

  it('says "at or below chance" in words when trained does not beat its chance, in the figure direction', () => {
    const nets = ['a-s1', 'a-s2', 'a-s3'];
    const below = figureStatistics('cka', design(nets, () => 0.737, () => 0.753), { architectureOf: arch, scopes: ['all'] })[0]!;
    expect(below.atOrBelowChance).toBe(true);
    expect(below.verdict).toBe('at-or-below-chance');
    expect(below.verdictReason).toBe('at or below chance (0.737 vs chance 0.753)');
    // FVU: lower is better, so 0.4 against chance 0.9 is better than chance
    const fvu = figureStatistics('sparseFvu@0.1', design(nets, () => 0.4, () => 0.9), { architectureOf: arch, scopes: ['all'] })[0]!;
    expect(fvu.direction).toBe('lower');
    expect(fvu.atOrBelowChance).toBe(false);
    expect(fvu.pValue).toBeCloseTo(1 / 20, 12); // C(6, 3) = 20 relabellings, the observed one most extreme
  });

  it('gives no interval with 2 networks and says why; the verdict is inconclusive', () => {
    const r = figureStatistics('max', design(['lenet-s1', 'lenet-s2'], () => 0.8, () => 0.2), { architectureOf: arch, scopes: ['all'] })[0]!;
    expect(r.ci).toBeNull();
    expect(r.ciReason).toBe('needs at least 3 networks per architecture; have 2 of lenet');
    expect(r.pValue).toBe(0.5); // 1 trained vs 1 chance value: 2 relabellings
    expect(r.verdict).toBe('inconclusive');
    expect(r.verdictReason).toMatch(/only 2 relabellings exist/);
  });

  it('splits same- and cross-architecture scopes and matches chance by mirrors', () => {
    const nets = ['lenet-s1', 'lenet-s2', 'lenet-s3', 'wide-s1', 'wide-s2', 'wide-s3'];
    const pairs = design(nets, (i, j) => (arch(nets[i]!) === arch(nets[j]!) ? 0.8 : 0.5), (i, j) => (arch(nets[i]!) === arch(nets[j]!) ? 0.1 : 0.45));
    const rs = figureStatistics('semi', pairs, { architectureOf: arch });
    const by = Object.fromEntries(rs.map((r) => [r.scope, r]));
    expect(by.same!.pairs).toBe(6);
    expect(by.cross!.pairs).toBe(9);
    expect(by.same!.chance!.mean).toBeCloseTo(0.1, 12);
    expect(by.cross!.chance!.mean).toBeCloseTo(0.45, 12);
    expect(by.cross!.networks).toEqual({ lenet: 3, wide: 3 });
    expect(by.all!.pairs).toBe(15);
  });

  it('reads older chance pairs (trained vs its own untrained twin) as same-architecture chance', () => {
    const pairs: PairFigureInput[] = [
      { a: 'x-s1', b: 'x-s2', kind: 'between', value: 0.6 },
      { a: 'x-s1', b: 'x-untrained', kind: 'chance', value: 0.2 },
      { a: 'x-s2', b: 'x-untrained', kind: 'chance', value: 0.25 },
    ];
    const r = figureStatistics('max', pairs, { architectureOf: arch, scopes: ['all'] })[0]!;
    expect(r.chance).toEqual({ mean: 0.225, pairs: 2, source: 'untrained-twin-of-a' });
  });
});

describe('layerStatistics', () => {
  it('computes every figure key present, skipping missing values', () => {
    const pairs = [
      { a: 'a-s1', b: 'a-s2', kind: 'between' as const, f: { max: 0.5, cka: 0.9 } },
      { a: 'a-s1', b: 'a-s3', kind: 'between' as const, f: { max: 0.6, cka: null } },
    ];
    const rs = layerStatistics(pairs, { architectureOf: arch, scopes: ['all'] });
    expect(rs.map((r) => [r.figure, r.pairs])).toEqual([['max', 2], ['cka', 1]]);
    expect(rs[0]!.chance).toBeNull();
    expect(rs[0]!.verdict).toBe('inconclusive');
  });
});
