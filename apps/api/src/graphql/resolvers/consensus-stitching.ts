// Consensus and stitching (issue 16): stored LayerConsensus / StitchLayer rows (engine manifest shapes, network
// names) served with their networks resolved by name within the experiment.
import type { ConsensusFamily as ConsensusFamilyRecord, StitchLayerRecord, StitchPairRecord } from '@convergent/engine/experiment/manifest';
import { GraphQLError } from 'graphql';
import type { ApiContext } from '../context.ts';
import type { AlignmentRow, ConsensusFamilyRow, NetworkRow, StitchPairRow } from '../models.ts';
import type { ConsensusFamilyResolvers, LayerConsensusResolvers, LayerStitchingResolvers, StitchMapKind, StitchPairResolvers } from '../resolvers-types.generated.ts';

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

export const LayerConsensus: LayerConsensusResolvers<ApiContext> = {
  layer: (c) => c.layerName,
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
  summary: (s) =>
    Object.entries(s.summary as unknown as StitchLayerRecord['summary']).map(([map, v]) => {
      const stat = (x: { mean: number; std: number; min: number; max: number; n: number } | null) =>
        x ? { pairCount: x.n, mean: finiteOrNull(x.mean), std: finiteOrNull(x.std), min: finiteOrNull(x.min), max: finiteOrNull(x.max) } : null;
      return { map, between: stat(v.between), chance: stat(v.chance) };
    }),
};

export const StitchPair: StitchPairResolvers<ApiContext> = {
  layer: (p) => p.layer,
  networkA: (p, _a, ctx) => networkByName(ctx, p.experimentId, p.pair.a),
  networkB: (p, _a, ctx) => networkByName(ctx, p.experimentId, p.pair.b),
  kind: (p) => p.pair.kind,
  ownAccuracy: (p) => finiteOrNull(p.pair.ownAccuracy),
  maps: (p) => p.pair.maps.map((m) => ({ kind: MAP_KINDS[m.kind] ?? 'LINEAR', accuracy: finiteOrNull(m.accuracy), penalty: finiteOrNull(m.penalty), nonzero: finiteOrNull(m.nonzero) })),
};
