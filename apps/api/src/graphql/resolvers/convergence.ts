// Per-layer convergence of an experiment: the method's headline figure over every pair of trained networks,
// split into same- and cross-architecture pairs, next to the chance baseline (stored ChanceBaseline rows, else the
// mean over alignments that involve an untrained twin), over live units unless includeDead; and the stored
// LayerStatistic rows (interval, matched chance, shuffled null, test, verdict: engine experiment/layer-statistics.ts).
import { GRAPHQL_METHOD_INFO } from '@convergent/engine/contracts';
import type { LayerStatistic } from '../../generated/prisma/client.ts';
import type { ApiContext } from '../context.ts';
import type { AlignmentMethod, ConvergenceVariant, StatisticScope, Verdict } from '@convergent/schema';
import { headline, isHeadlineMetric } from '../mapping.ts';
import { experimentLayerNames } from './experiment-queries.ts';

export interface Stats {
  pairCount: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
}

/** Mean, sample standard deviation (n - 1; 0 for one value), min and max. */
export function summarise(values: number[]): Stats {
  const n = values.length;
  if (n === 0) return { pairCount: 0, mean: null, std: null, min: null, max: null };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { pairCount: n, mean, std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min: Math.min(...values), max: Math.max(...values) };
}

interface Interval {
  low: number;
  high: number;
  level: number;
  resamples: number;
}

export interface ScopeStatisticRow {
  scope: StatisticScope;
  figure: string;
  pairs: number;
  mean: number;
  ci: Interval | null;
  ciReason: string | null;
  pValue: number | null;
  nPermutations: number | null;
  matchedChance: { mean: number; pairs: number; source: string } | null;
  shuffledNull: { mean: number; pairs: number; pValue: number } | null;
  atOrBelowChance: boolean;
  verdict: Verdict;
  verdictReason: string;
}

export interface LayerConvergenceRow {
  layer: string;
  method: AlignmentMethod;
  all: Stats;
  sameArchitecture: Stats;
  crossArchitecture: Stats;
  chance: { layer: string; method: AlignmentMethod; architecture: string | null; value: number; source: string } | null;
  includesDead: boolean;
  nLive: number;
  nTotal: number;
  figure: string | null;
  mean: number | null;
  ci: Interval | null;
  ciReason: string | null;
  pValue: number | null;
  nPermutations: number | null;
  matchedChance: ScopeStatisticRow['matchedChance'];
  shuffledNull: ScopeStatisticRow['shuffledNull'];
  atOrBelowChance: boolean;
  verdict: Verdict;
  verdictReason: string;
  scopes: ScopeStatisticRow[];
}

const SCOPES: Record<string, StatisticScope> = { all: 'ALL', same: 'SAME_ARCHITECTURE', cross: 'CROSS_ARCHITECTURE' };
export const VERDICTS: Record<string, Verdict> = { 'above-chance': 'ABOVE_CHANCE', 'at-or-below-chance': 'AT_OR_BELOW_CHANCE', inconclusive: 'INCONCLUSIVE' };

/** LayerSummary figure key of a method's headline (the key's `@param` picked from what is stored). */
function figureBase(method: AlignmentMethod): string {
  return GRAPHQL_METHOD_INFO[method].figure;
}

/**
 * The stored statistic figure of a method at a layer: the live figure, or its `.all` variant with includeDead when
 * stored. SPARSE: the middle penalty of the path (as the headline); SPECTRAL: the smallest k.
 */
function pickFigure(method: AlignmentMethod, figures: string[], includeDead: boolean, variant: ConvergenceVariant = 'DEFAULT'): { figure: string; includesDead: boolean } | null {
  if (variant === 'DEBIASED' && method !== 'CKA') return null;
  if ((variant === 'IN_SAMPLE' || variant === 'HELD_OUT') && method !== 'SPARSE') return null;
  const base = variant === 'DEBIASED' ? 'ckaDebiased' : figureBase(method);
  let live: string | undefined;
  if (base.endsWith('@')) {
    // SPARSE: held-out FVU when stored (as the headline), else in-sample; IN_SAMPLE / HELD_OUT force one.
    const held = method === 'SPARSE' && (variant === 'HELD_OUT' || (variant === 'DEFAULT' && figures.some((f) => f.startsWith('sparseFvuHeldOut@'))));
    const prefix = held ? 'sparseFvuHeldOut@' : base;
    const params = figures.filter((f) => f.startsWith(prefix) && !f.endsWith('.all')).map((f) => ({ f, v: Number(f.slice(prefix.length)) })).sort((x, y) => x.v - y.v);
    live = method === 'SPARSE' ? params[Math.floor((params.length - 1) / 2)]?.f : params[0]?.f;
  } else live = figures.includes(base) ? base : undefined;
  if (!live) return null;
  if (includeDead && figures.includes(`${live}.all`)) return { figure: `${live}.all`, includesDead: true };
  return { figure: live, includesDead: false };
}

/** A stored statistic as GraphQL shows it; SPARSE's FVU turns into variance explained (1 − FVU), as its headline. */
function scopeRow(st: LayerStatistic, method: AlignmentMethod): ScopeStatisticRow {
  const flip = method === 'SPARSE';
  const t = (v: number) => (flip ? 1 - v : v);
  return {
    scope: SCOPES[st.scope] ?? 'ALL',
    figure: st.figure,
    pairs: st.pairs,
    mean: t(st.mean),
    ci: st.ciLow !== null && st.ciHigh !== null ? { low: Math.min(t(st.ciLow), t(st.ciHigh)), high: Math.max(t(st.ciLow), t(st.ciHigh)), level: st.ciLevel ?? 0.95, resamples: st.resamples } : null,
    ciReason: st.ciReason,
    pValue: st.pValue,
    nPermutations: st.nPermutations,
    matchedChance: st.chanceMean !== null ? { mean: t(st.chanceMean), pairs: st.chancePairs ?? 0, source: st.chanceSource ?? 'untrained' } : null,
    shuffledNull: st.shuffledMean !== null && st.shuffledPValue !== null ? { mean: t(st.shuffledMean), pairs: st.shuffledPairs ?? 0, pValue: st.shuffledPValue } : null,
    atOrBelowChance: st.atOrBelowChance,
    verdict: VERDICTS[st.verdict] ?? 'INCONCLUSIVE',
    verdictReason: st.verdictReason,
  };
}

export async function layerConvergence(ctx: ApiContext, experimentId: string, method: AlignmentMethod, includeDead = false, variant: ConvergenceVariant = 'DEFAULT'): Promise<LayerConvergenceRow[]> {
  const [networks, alignments, baselines, layerNames, statistics] = await Promise.all([
    ctx.loaders.networksOfExperiment.load(experimentId),
    ctx.loaders.alignmentSummaries.load(`${experimentId}:${method}`),
    ctx.loaders.chanceBaselinesOfExperiment.load(experimentId).then((rows) => rows.filter((r) => r.method === method && isHeadlineMetric(method, r.metric))),
    experimentLayerNames(ctx, experimentId),
    ctx.loaders.layerStatisticsOfExperiment.load(experimentId),
  ]);
  const byId = new Map(networks.map((n) => [n.id, n]));
  const per = new Map<string, { all: number[]; same: number[]; cross: number[]; chance: number[] }>();
  const bucket = (layer: string) => {
    let b = per.get(layer);
    if (!b) per.set(layer, (b = { all: [], same: [], cross: [], chance: [] }));
    return b;
  };
  const seen = new Set<string>();
  let countsDead = false;
  for (const a of alignments) {
    const x = byId.get(a.networkAId);
    const y = byId.get(a.networkBId);
    const h = headline(method, a.summary, includeDead);
    const v = h.value;
    if (v !== null && !x?.untrained && !y?.untrained && h.includesDead) countsDead = true;
    if (!x || !y || v === null || x.id === y.id) continue;
    // One value per unordered pair and layer, even if several parameter sets were stored.
    const key = `${[x.id, y.id].sort().join('|')}|${a.layerName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const b = bucket(a.layerName);
    // Chance: a trained net with an untrained twin (older results) or two untrained twins (matched chance).
    if (x.untrained || y.untrained) {
      b.chance.push(v);
      continue;
    }
    b.all.push(v);
    (x.arch === y.arch ? b.same : b.cross).push(v);
  }
  const trained = networks.filter((n) => !n.untrained);
  const layerRows = await Promise.all(layerNames.map((layer) => Promise.all(trained.map((n) => ctx.loaders.layerByName.load(`${n.id}:${layer}`)))));
  return layerNames.map((layer, li) => {
    const b = per.get(layer) ?? { all: [], same: [], cross: [], chance: [] };
    const present = layerRows[li]!.filter((l): l is NonNullable<typeof l> => l !== null);
    const nTotal = present.reduce((sum, l) => sum + l.unitCount, 0);
    const nLive = present.reduce((sum, l) => sum + l.unitCount - l.deadCount, 0);
    const ofLayer = statistics.filter((st) => st.layerName === layer);
    const picked = pickFigure(method, [...new Set(ofLayer.map((st) => st.figure))], includeDead, variant);
    const scopes = picked ? ofLayer.filter((st) => st.figure === picked.figure).map((st) => scopeRow(st, method)).sort((x, y) => Object.values(SCOPES).indexOf(x.scope) - Object.values(SCOPES).indexOf(y.scope)) : [];
    const all = scopes.find((x) => x.scope === 'ALL');
    const stats = all
      ? { figure: all.figure, mean: all.mean, ci: all.ci, ciReason: all.ciReason, pValue: all.pValue, nPermutations: all.nPermutations, matchedChance: all.matchedChance, shuffledNull: all.shuffledNull, atOrBelowChance: all.atOrBelowChance, verdict: all.verdict, verdictReason: all.verdictReason }
      : {
          figure: null,
          mean: null,
          ci: null,
          ciReason:
            ofLayer.length > 0
              ? `no ${variant === 'DEFAULT' ? '' : `${variant.toLowerCase().replace('_', '-')} `}statistics of ${method} stored at this layer`
              : 'no statistics stored for this experiment (results stored before intervals existed, or imported activations): run the experiment again',
          pValue: null,
          nPermutations: null,
          matchedChance: null,
          shuffledNull: null,
          atOrBelowChance: false,
          verdict: 'INCONCLUSIVE' as const,
          verdictReason: 'no statistics stored for this experiment',
        };
    // A stored baseline over all architectures wins; else the mean of per-architecture baselines; else the mean
    // over alignments with an untrained twin.
    const stored = baselines.filter((r) => r.layerName === layer);
    const overall = stored.find((r) => r.architecture === '');
    const perArch = summarise(stored.map((r) => r.value)).mean;
    const chanceMean = summarise(b.chance).mean;
    const chance = overall
      ? { layer, method, architecture: null, value: overall.value, source: overall.source }
      : stored.length === 1 && perArch !== null
        ? { layer, method, architecture: stored[0]!.architecture, value: perArch, source: stored[0]!.source }
        : perArch !== null
          ? { layer, method, architecture: null, value: perArch, source: stored[0]!.source }
          : chanceMean !== null
            ? { layer, method, architecture: null, value: chanceMean, source: 'untrained' }
            : null;
    return {
      layer,
      method,
      all: summarise(b.all),
      sameArchitecture: summarise(b.same),
      crossArchitecture: summarise(b.cross),
      chance,
      includesDead: picked ? picked.includesDead : countsDead,
      nLive,
      nTotal,
      ...stats,
      scopes,
    };
  });
}
