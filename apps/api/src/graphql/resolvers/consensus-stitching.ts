// Consensus and stitching (issue 16): stored LayerConsensus / StitchLayer rows (engine manifest shapes, network
// names) served with their networks resolved by name within the experiment.
import { type CheckStatistic, consensusStatistic, stitchingStatistics } from '@convergent/engine/findings';
import type { ConsensusFamily as ConsensusFamilyRecord, StitchLayerRecord, StitchPairRecord } from '@convergent/engine/contracts';
import { GraphQLError } from 'graphql';
import type { ApiContext } from '../context.ts';
import type { AlignmentRow, ConsensusFamilyRow, NetworkRow, StitchPairRow } from '../models.ts';
import type { CheckStatistic as CheckStatisticGql, StitchMapKind } from '@convergent/schema';
import type { ConsensusFamilyResolvers, LayerConsensusResolvers, LayerStitchingResolvers, StitchPairResolvers } from '../resolvers-types.generated.ts';
import { VERDICTS } from './convergence.ts';

async function networkByName(ctx: ApiContext, experimentId: string, name: string): Promise<NetworkRow> {
  const n = (await ctx.loaders.networksOfExperiment.load(experimentId)).find((x) => x.name === name);
  if (!n) throw new GraphQLError(`network ${name} of experiment ${experimentId} is not stored`, { extensions: { code: 'NOT_FOUND' } });
  return n;
}

export async function consensusOfExperiment(ctx: ApiContext, experimentId: string, layer: string | null | undefined) {
  return ctx.prisma.layerConsensus.findMany({ where: { experimentId, ...(layer ? { layerName: layer } : {}) }, orderBy: { createdAt: 'asc' } });
}

export async function stitchingOfExperiment(ctx: ApiContext, experimentId: string, layer: string | null | undefined) {
  return ctx.prisma.stitchLayer.findMany({ where: { experimentId, ...(layer ? { layerName: layer } : {}) }, orderBy: { createdAt: 'asc' } });
}

/** The stitched pair behind an alignment (A → B as asked), when the experiment stored stitching at its layer. */
export async function stitchingOfAlignment(ctx: ApiContext, a: AlignmentRow): Promise<StitchPairRow | null> {
  // Stitching runs inside an experiment's recording; an on-demand alignment across experiments has none.
  if (a.crossExperimentId) return null;
  const rows = await stitchingOfExperiment(ctx, a.experimentId, a.layerName);
  if (rows.length === 0) return null;
  const nets = await ctx.loaders.networksOfExperiment.load(a.experimentId);
  const name = (id: string) => nets.find((n) => n.id === id)?.name;
  const [from, to] = a.flipped ? [name(a.networkBId), name(a.networkAId)] : [name(a.networkAId), name(a.networkBId)];
  const pair = (rows[0]!.pairs as unknown as StitchPairRecord[]).find((p) => p.a === from && p.b === to);
  return pair ? { experimentId: a.experimentId, layer: a.layerName, pair } : null;
}

const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const MAP_KINDS: Record<string, StitchMapKind> = { permutation: 'PERMUTATION', sparse: 'SPARSE', linear: 'LINEAR' };

/** The engine's CheckStatistic in GraphQL's shape (non-finite numbers become null). */
function checkStatistic(s: CheckStatistic): CheckStatisticGql {
  return {
    figure: s.figure,
    n: s.n,
    mean: Number.isFinite(s.mean) ? s.mean : 0,
    interval: s.interval,
    intervalReason: s.intervalReason,
    chance: finiteOrNull(s.chance),
    pValue: finiteOrNull(s.pValue),
    test: s.test,
    verdict: VERDICTS[s.verdict] ?? 'INCONCLUSIVE',
    verdictReason: s.verdictReason,
  };
}

export const LayerConsensus: LayerConsensusResolvers<ApiContext> = {
  layer: (c) => c.layerName,
  statistic: (c) =>
    checkStatistic(consensusStatistic({ trained: c.trained as unknown as ConsensusFamilyRecord, chance: (c.chance ?? null) as unknown as ConsensusFamilyRecord | null })),
  trained: (c) => ({ experimentId: c.experimentId, family: c.trained as unknown as ConsensusFamilyRecord }),
  chance: (c) => (c.chance ? { experimentId: c.experimentId, family: c.chance as unknown as ConsensusFamilyRecord } : null),
};

export const ConsensusFamily: ConsensusFamilyResolvers<ApiContext> = {
  networks: (f: ConsensusFamilyRow, _a, ctx) => Promise.all(f.family.networks.map((n) => networkByName(ctx, f.experimentId, n))),
  reference: (f, _a, ctx) => networkByName(ctx, f.experimentId, f.family.reference),
  liveUnits: (f) => f.family.liveUnits,
  count: (f) => f.family.count,
  fraction: (f) => f.family.fraction,
  found: (f) => f.family.found,
  meanFound: (f) => f.family.meanFound,
  units: (f) => f.family.units,
};

export const LayerStitching: LayerStitchingResolvers<ApiContext> = {
  layer: (s) => s.layerName,
  pairs: (s) => (s.pairs as unknown as StitchPairRecord[]).map((pair) => ({ experimentId: s.experimentId, layer: s.layerName, pair })),
  summary: async (s, _a, ctx) => {
    const nets = await ctx.loaders.networksOfExperiment.load(s.experimentId);
    const arch = new Map(nets.map((n) => [n.name, n.arch]));
    // Untrained twins carry their architecture too; a name not stored falls back to itself (its own group).
    const checks = new Map(stitchingStatistics({ pairs: s.pairs as unknown as StitchPairRecord[] }, { architectureOf: (n) => arch.get(n) ?? n }).map((x) => [x.map, x.statistic]));
    return Object.entries(s.summary as unknown as StitchLayerRecord['summary']).map(([map, v]) => {
      const stat = (x: { mean: number; std: number; min: number; max: number; n: number } | null) =>
        x ? { pairCount: x.n, mean: finiteOrNull(x.mean), std: finiteOrNull(x.std), min: finiteOrNull(x.min), max: finiteOrNull(x.max) } : null;
      const check = checks.get(map);
      return { map, between: stat(v.between), chance: stat(v.chance), statistic: check ? checkStatistic(check) : null };
    });
  },
};

export const StitchPair: StitchPairResolvers<ApiContext> = {
  layer: (p) => p.layer,
  networkA: (p, _a, ctx) => networkByName(ctx, p.experimentId, p.pair.a),
  networkB: (p, _a, ctx) => networkByName(ctx, p.experimentId, p.pair.b),
  kind: (p) => p.pair.kind,
  ownAccuracy: (p) => finiteOrNull(p.pair.ownAccuracy),
  maps: (p) => p.pair.maps.map((m) => ({ kind: MAP_KINDS[m.kind] ?? 'LINEAR', accuracy: finiteOrNull(m.accuracy), penalty: finiteOrNull(m.penalty), nonzero: finiteOrNull(m.nonzero) })),
};
