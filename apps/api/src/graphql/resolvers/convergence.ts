// Per-layer convergence of an experiment: the method's headline figure over every pair of trained networks,
// split into same- and cross-architecture pairs, next to the chance baseline (stored ChanceBaseline rows, else the
// mean over alignments that involve an untrained twin).
import type { ApiContext } from '../context.ts';
import type { AlignmentMethod } from '../resolvers-types.generated.ts';
import { headlineValue, isHeadlineMetric } from '../mapping.ts';
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

export interface LayerConvergenceRow {
  layer: string;
  method: AlignmentMethod;
  all: Stats;
  sameArchitecture: Stats;
  crossArchitecture: Stats;
  chance: { layer: string; method: AlignmentMethod; architecture: string | null; value: number; source: string } | null;
}

export async function layerConvergence(ctx: ApiContext, experimentId: string, method: AlignmentMethod): Promise<LayerConvergenceRow[]> {
  const [networks, alignments, baselines, layerNames] = await Promise.all([
    ctx.loaders.networksOfExperiment.load(experimentId),
    ctx.loaders.alignmentSummaries.load(`${experimentId}:${method}`),
    ctx.loaders.chanceBaselinesOfExperiment.load(experimentId).then((rows) => rows.filter((r) => r.method === method && isHeadlineMetric(method, r.metric))),
    experimentLayerNames(ctx, experimentId),
  ]);
  const byId = new Map(networks.map((n) => [n.id, n]));
  const per = new Map<string, { all: number[]; same: number[]; cross: number[]; chance: number[] }>();
  const bucket = (layer: string) => {
    let b = per.get(layer);
    if (!b) per.set(layer, (b = { all: [], same: [], cross: [], chance: [] }));
    return b;
  };
  const seen = new Set<string>();
  for (const a of alignments) {
    const x = byId.get(a.networkAId);
    const y = byId.get(a.networkBId);
    const v = headlineValue(method, a.summary);
    if (!x || !y || v === null || x.id === y.id) continue;
    // One value per unordered pair and layer, even if several parameter sets were stored.
    const key = `${[x.id, y.id].sort().join('|')}|${a.layerName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const b = bucket(a.layerName);
    if (x.untrained !== y.untrained) b.chance.push(v);
    if (x.untrained || y.untrained) continue;
    b.all.push(v);
    (x.arch === y.arch ? b.same : b.cross).push(v);
  }
  return layerNames.map((layer) => {
    const b = per.get(layer) ?? { all: [], same: [], cross: [], chance: [] };
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
    return { layer, method, all: summarise(b.all), sameArchitecture: summarise(b.same), crossArchitecture: summarise(b.cross), chance };
  });
}
