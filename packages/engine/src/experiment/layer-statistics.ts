/**
 * Per layer × figure × scope: the trained mean with its network-resampled 95% interval, the matched chance (the
 * untrained-twin pairs that mirror the trained pairs), a one-sided permutation test of trained against that chance
 * and a verdict computed from those numbers (issue 11). Pure: the one-process run (manifest), the pipeline and the
 * GraphQL API all call it on the same pair figures.
 *
 * Scopes: `all` pairs, `same` (both networks of one architecture) and `cross` (two architectures). The bootstrap
 * is stratified by architecture and needs at least 3 networks of each architecture in the scope (`ci` null with the
 * reason otherwise; see stats/uncertainty.ts).
 *
 * Direction: for most figures larger means more alike; for `sparseFvu@…` (fraction of variance unexplained) and
 * `procrustes` (a distance) smaller does. "Better than chance" and the test's side follow the direction.
 */
import { GRAPHQL_METHOD_INFO } from '../align/methods.ts';
import { networkBootstrap, permutationTest, type PairFigure } from '../stats/uncertainty.ts';

/** One pair's figure: `kind` between (two trained nets) or chance (two untrained twins; `mirrors` names the trained pair it stands for). */
export interface PairFigureInput {
  a: string;
  b: string;
  kind: 'between' | 'chance';
  value: number;
  /** For a chance pair of the matched design: the trained pair (a, b) it mirrors. Absent in older results. */
  mirrors?: { a: string; b: string };
  /** For a between pair: the same figure with one network's probe images shuffled (second null). */
  shuffled?: number;
}

export type StatisticScope = 'all' | 'same' | 'cross';
export type Verdict = 'above-chance' | 'at-or-below-chance' | 'inconclusive';

export interface LayerStatistic {
  figure: string;
  scope: StatisticScope;
  /** 'higher' when larger values mean more alike. */
  direction: 'higher' | 'lower';
  /** Trained pairs in the scope. */
  pairs: number;
  mean: number;
  ci: { low: number; high: number; level: number } | null;
  /** Why there is no interval (null when there is one). */
  ciReason: string | null;
  resamples: number;
  /** Distinct trained networks per architecture in the scope. */
  networks: Record<string, number>;
  /** Matched chance: mean over the chance pairs mirroring the scope's trained pairs. */
  chance: { mean: number; pairs: number; source: 'untrained-twins' | 'untrained-twin-of-a' } | null;
  /** Shuffled-probe null: mean over the scope's trained pairs with one side's images shuffled, and the same test against it. */
  shuffled: { mean: number; pairs: number; pValue: number; nPermutations: number } | null;
  /** One-sided permutation test of trained against chance (null without chance pairs). */
  pValue: number | null;
  nPermutations: number | null;
  exactTest: boolean | null;
  /** True when the trained mean is not better than its chance mean (in the figure's direction). */
  atOrBelowChance: boolean;
  verdict: Verdict;
  /** The verdict in words, e.g. "at or below chance (0.737 vs 0.753)". */
  verdictReason: string;
}

export const SIGNIFICANCE = 0.05;

/** Figures where smaller means more alike. */
const LOWER_FIGURES = new Set(Object.values(GRAPHQL_METHOD_INFO).filter((m) => m.direction === 'lower' && !m.figure.endsWith('@')).map((m) => m.figure));

export function figureDirection(figure: string): 'higher' | 'lower' {
  const base = figure.replace(/\.all$/, '');
  // Losses and distances: sparse FVU, and every registry measure whose direction is lower (Procrustes).
  return base.startsWith('sparseFvu') || LOWER_FIGURES.has(base) ? 'lower' : 'higher';
}

/** FNV-1a of a string, for per-figure seeds. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface LayerStatisticsOptions {
  /** Architecture of a network id. */
  architectureOf: (network: string) => string;
  seed?: number;
  resamples?: number;
  permutations?: number;
  scopes?: StatisticScope[];
}

const fmt = (v: number) => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(3) : v.toExponential(2));

/** Statistics of one figure over one layer's pairs, for each scope that has trained pairs. */
export function figureStatistics(figure: string, pairs: readonly PairFigureInput[], options: LayerStatisticsOptions): LayerStatistic[] {
  const direction = figureDirection(figure);
  const arch = options.architectureOf;
  const scopeOf = (a: string, b: string): StatisticScope => (arch(a) === arch(b) ? 'same' : 'cross');
  const out: LayerStatistic[] = [];
  const finite = pairs.filter((p) => Number.isFinite(p.value));
  for (const scope of options.scopes ?? (['all', 'same', 'cross'] as const)) {
    const inScope = (a: string, b: string) => scope === 'all' || scopeOf(a, b) === scope;
    const trained = finite.filter((p) => p.kind === 'between' && inScope(p.a, p.b));
    if (trained.length === 0) continue;
    const trainedKeys = new Set(trained.map((p) => `${p.a}\u0000${p.b}`));
    // Matched chance: pairs mirroring a trained pair of the scope. Older results (no mirrors) paired each trained
    // net with the untrained twin of its own architecture; their chance pairs count for the scope of that twin.
    const chance = finite.filter((p) => p.kind === 'chance' && (p.mirrors ? trainedKeys.has(`${p.mirrors.a}\u0000${p.mirrors.b}`) : scope !== 'cross'));
    const seed = (options.seed ?? 0) ^ hashString(`${figure}/${scope}`);
    const boot = networkBootstrap(
      trained.map((p): PairFigure => ({ a: p.a, b: p.b, value: p.value })),
      { groupOf: arch, seed, ...(options.resamples ? { resamples: options.resamples } : {}) },
    );
    const chanceMean = chance.length > 0 ? chance.reduce((s, p) => s + p.value, 0) / chance.length : null;
    const sign = direction === 'higher' ? 1 : -1;
    let pValue: number | null = null;
    let nPermutations: number | null = null;
    let exactTest: boolean | null = null;
    if (chance.length > 0) {
      const t = permutationTest(
        trained.map((p) => sign * p.value),
        chance.map((p) => sign * p.value),
        { seed, ...(options.permutations ? { permutations: options.permutations } : {}) },
      );
      pValue = t.pValue;
      nPermutations = t.permutations;
      exactTest = t.exact;
    }
    const shuffledValues = trained.map((p) => p.shuffled).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    let shuffled: LayerStatistic['shuffled'] = null;
    if (shuffledValues.length > 0) {
      const t = permutationTest(
        trained.map((p) => sign * p.value),
        shuffledValues.map((v) => sign * v),
        { seed: seed ^ 0x5f, ...(options.permutations ? { permutations: options.permutations } : {}) },
      );
      shuffled = { mean: shuffledValues.reduce((a, b) => a + b, 0) / shuffledValues.length, pairs: shuffledValues.length, pValue: t.pValue, nPermutations: t.permutations };
    }
    const atOrBelowChance = chanceMean !== null && !(sign * boot.mean > sign * chanceMean);
    let verdict: Verdict;
    let verdictReason: string;
    if (chanceMean === null) {
      verdict = 'inconclusive';
      verdictReason = 'no chance pairs to compare with';
    } else if (atOrBelowChance) {
      verdict = 'at-or-below-chance';
      verdictReason = `at or below chance (${fmt(boot.mean)} vs chance ${fmt(chanceMean)}${direction === 'lower' ? ', lower is better' : ''})`;
    } else if (pValue !== null && pValue <= SIGNIFICANCE) {
      verdict = 'above-chance';
      verdictReason = `${direction === 'higher' ? 'above' : 'better than'} chance (${fmt(boot.mean)} vs ${fmt(chanceMean)}, p = ${fmt(pValue)})`;
    } else {
      verdict = 'inconclusive';
      verdictReason = `not distinguishable from chance (${fmt(boot.mean)} vs ${fmt(chanceMean)}, p = ${fmt(pValue!)} > ${SIGNIFICANCE}${nPermutations !== null && nPermutations < 1 / SIGNIFICANCE ? `; only ${nPermutations} relabellings exist` : ''})`;
    }
    out.push({
      figure,
      scope,
      direction,
      pairs: trained.length,
      mean: boot.mean,
      ci: boot.ci,
      ciReason: boot.reason,
      resamples: boot.resamples,
      networks: boot.networks,
      chance: chanceMean === null ? null : { mean: chanceMean, pairs: chance.length, source: chance.every((p) => p.mirrors) ? 'untrained-twins' : 'untrained-twin-of-a' },
      shuffled,
      pValue,
      nPermutations,
      exactTest,
      atOrBelowChance,
      verdict,
      verdictReason,
    });
  }
  return out;
}

/** Statistics of every figure key present in a layer's pair figures. */
export function layerStatistics(
  pairs: ReadonlyArray<{ a: string; b: string; kind: 'between' | 'chance'; mirrors?: { a: string; b: string }; f: Record<string, number | null | undefined>; shuffled?: Record<string, number | null | undefined> }>,
  options: LayerStatisticsOptions,
): LayerStatistic[] {
  const keys = [...new Set(pairs.flatMap((p) => Object.keys(p.f)))];
  return keys.flatMap((k) =>
    figureStatistics(
      k,
      pairs
        .filter((p) => typeof p.f[k] === 'number')
        .map((p) => ({ a: p.a, b: p.b, kind: p.kind, value: p.f[k] as number, ...(p.mirrors ? { mirrors: p.mirrors } : {}), ...(typeof p.shuffled?.[k] === 'number' ? { shuffled: p.shuffled[k] as number } : {}) })),
      options,
    ),
  );
}
