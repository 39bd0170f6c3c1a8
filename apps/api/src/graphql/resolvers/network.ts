// Network, Layer, Unit (with top images and best matches across the experiment) and SparseWeight fields.
import type {
  LayerResolvers,
  NetworkResolvers,
  SparseWeightResolvers,
  TopImageResolvers,
  UnitBestMatchResolvers,
  UnitResolvers,
} from '../resolvers-types.generated.ts';
import type { ApiContext } from '../context.ts';
import type { AlignmentRow, TopImageRow, UnitBestMatchRow, UnitRow } from '../models.ts';
import { pageOf, toConnection } from '../connection.ts';
import { asRecord, isMiMethod, num } from '../mapping.ts';
import { oriented, sideB } from '../orientation.ts';
import { badInput, notFound } from '../errors.ts';
import { networkFromJson } from '../loaders.ts';

/**
 * The stored per-step series as typed points, in step order; entries that are not well-formed points (older or
 * hand-edited rows) are left out rather than failing the whole network.
 */
export function stepMetricsOf(stored: unknown): Array<{ step: number; epoch: number; samples: number; loss: number; accuracy: number }> {
  if (!Array.isArray(stored)) return [];
  const out: Array<{ step: number; epoch: number; samples: number; loss: number; accuracy: number }> = [];
  for (const v of stored) {
    const r = asRecord(v);
    const step = num(r['step']);
    const epoch = num(r['epoch']);
    const samples = num(r['samples']);
    const loss = num(r['loss']);
    const accuracy = num(r['accuracy']);
    if (step === null || epoch === null || samples === null || loss === null || accuracy === null) continue;
    if (!Number.isInteger(step) || !Number.isInteger(epoch) || !Number.isInteger(samples)) continue;
    out.push({ step, epoch, samples, loss, accuracy });
  }
  return out.sort((a, b) => a.step - b.step);
}

async function layerOf(ctx: ApiContext, unit: UnitRow) {
  const layer = await ctx.loaders.layer.load(unit.layerId);
  if (!layer) throw notFound('Layer', unit.layerId);
  return layer;
}

async function networkOfLayer(ctx: ApiContext, layerId: string) {
  const layer = await ctx.loaders.layer.load(layerId);
  const network = layer && (await ctx.loaders.network.load(layer.networkId));
  if (!network) throw notFound('Layer', layerId);
  return { layer, network };
}

export const Network: NetworkResolvers<ApiContext> = {
  experiment: async (n, _a, ctx) => (await ctx.loaders.experiment.load(n.experimentId)) ?? Promise.reject(notFound('Experiment', n.experimentId)),
  architecture: (n) => n.arch,
  config: (n) => n.archSpec,
  metrics: (n) =>
    (Array.isArray(n.metrics) ? n.metrics : []).map((m, i) => {
      const r = asRecord(m);
      return {
        epoch: num(r['epoch']) ?? i + 1,
        trainLoss: num(r['trainLoss']) ?? num(r['loss']),
        trainAccuracy: num(r['trainAccuracy']) ?? num(r['accuracy']),
        valAccuracy: num(r['validationAccuracy']) ?? num(r['valAccuracy']),
        seconds: num(r['seconds']),
      };
    }),
  stepMetrics: (n) => stepMetricsOf(n.stepMetrics),
  finalValAccuracy: (n) => {
    if (n.accuracy !== null) return n.accuracy;
    const last = Array.isArray(n.metrics) ? asRecord(n.metrics[n.metrics.length - 1]) : {};
    return num(last['validationAccuracy']) ?? num(last['valAccuracy']);
  },
  layers: (n, _a, ctx) => ctx.loaders.layersOfNetwork.load(n.id),
  layer: (n, { name }, ctx) => ctx.loaders.layerByName.load(`${n.id}:${name}`),
  weightsUrl: async (n, _a, ctx) => {
    return (await ctx.loaders.hasWeights.load(n.id)) ? ctx.links.url(`networks/${n.id}`, 'model.json') : null;
  },
};

const UNIT_ORDER: Record<string, string> = {
  INDEX: 'index ASC',
  MEAN_DESC: 'mean DESC, index ASC',
  STD_DESC: 'std DESC, index ASC',
};

export const Layer: LayerResolvers<ApiContext> = {
  network: async (l, _a, ctx) => (await networkOfLayer(ctx, l.id)).network,
  nLive: (l) => l.unitCount - l.deadCount,
  nTotal: (l) => l.unitCount,
  units: async (l, args, ctx) => {
    const page = pageOf(args.first, args.after, 100);
    const rows = await ctx.read<UnitRow>(`SELECT * FROM "Unit" WHERE "layerId" = $1 ORDER BY ${UNIT_ORDER[args.order ?? 'INDEX']} OFFSET $2 LIMIT $3`, [
      l.id,
      page.skip,
      page.take,
    ]);
    for (const u of rows) ctx.loaders.unitAt.prime(`${u.layerId}:${u.index}`, u);
    return toConnection(rows, page, () => l.unitCount);
  },
  unit: (l, { index }, ctx) => ctx.loaders.unitAt.load(`${l.id}:${index}`),
};

/** Read the stored top-image list: [{ image | imageIndex, value, y?, x? }], best first. */
export function topImagesOf(unit: UnitRow, experimentId: string): TopImageRow[] {
  const list = Array.isArray(unit.topImages) ? unit.topImages : [];
  return list.flatMap((t, rank) => {
    const r = asRecord(t);
    const imageIndex = num(r['imageIndex']) ?? num(r['image']);
    if (imageIndex === null) return [];
    return [{ rank, imageIndex, activation: num(r['value']) ?? num(r['activation']) ?? 0, y: num(r['y']), x: num(r['x']), experimentId }];
  });
}

export const Unit: UnitResolvers<ApiContext> = {
  id: (u) => String(u.id),
  layer: (u, _a, ctx) => layerOf(ctx, u),
  network: async (u, _a, ctx) => (await networkOfLayer(ctx, u.layerId)).network,
  topImages: async (u, _a, ctx) => topImagesOf(u, (await networkOfLayer(ctx, u.layerId)).network.experimentId),
  topImagesSpriteUrl: (u, _a, ctx) => ctx.links.url(`units/${u.id}`, 'top.png'),
  bestMatches: async (u, { method }, ctx) => {
    const { layer, network } = await networkOfLayer(ctx, u.layerId);
    // One statement (hot path, see loaders.ts): the alignments of this network at the layer, this unit's rows in
    // them, and each row's partner network and partner unit, which prime their loaders (so the fields below cost
    // no further query). kind 'between' leaves out untrained (chance) partners.
    const joined = await ctx.read<
      AlignmentRow & { _direction: 'A_TO_B' | 'B_TO_A'; _unitA: number; _unitB: number | null; _score: number; _partner: Record<string, unknown>; _other: UnitRow | null }
    >(
      `SELECT a.*, m.direction AS "_direction", m."unitA" AS "_unitA", m."unitB" AS "_unitB", m.score AS "_score",
        to_jsonb(pn.*) AS "_partner", to_jsonb(pu.*) AS "_other"
      FROM "Alignment" a JOIN "UnitMatch" m ON m."alignmentId" = a.id
      JOIN "Network" pn ON pn.id = CASE WHEN a."networkAId" = $2 THEN a."networkBId" ELSE a."networkAId" END
      LEFT JOIN "Unit" pu ON pu."layerId" = CASE WHEN a."networkAId" = $2 THEN a."layerBId" ELSE a."layerAId" END
        AND pu.index = CASE WHEN a."networkAId" = $2 THEN m."unitB" ELSE m."unitA" END
      WHERE a."experimentId" = $1 AND a."layerName" = $3 AND a.method = CAST($4 AS "AlignmentMethod")
        AND a.status = 'COMPLETED' AND a.kind = 'between' AND a."crossExperimentId" IS NULL
        AND ((a."networkAId" = $2 AND m.direction = 'A_TO_B' AND m."unitA" = $5) OR (a."networkBId" = $2 AND m."unitB" = $5))
      ORDER BY a."completedAt" DESC NULLS LAST`,
      [network.experimentId, network.id, layer.name, method, u.index],
    );
    for (const r of joined) {
      ctx.loaders.network.prime(r._partner['id'] as string, networkFromJson(r._partner));
      if (r._other) ctx.loaders.unitAt.prime(`${r._other.layerId}:${r._other.index}`, r._other);
    }
    const matches = joined.map((r) => ({ alignmentId: r.id, direction: r._direction, unitA: r._unitA, unitB: r._unitB, score: r._score }));
    // One alignment per partner network (the newest), oriented so that A is this unit's network.
    const byPartner = new Map<string, AlignmentRow>();
    for (const { _direction, _unitA, _unitB, _score, _partner, _other, ...r } of joined) {
      const o = oriented(r, network.id);
      if (!byPartner.has(sideB(o))) byPartner.set(sideB(o), o);
    }
    const alignments = [...byPartner.values()];
    if (alignments.length === 0) return [];
    // For alignments where this unit is on side B, a B_TO_A row (semi-matching from B) beats an A_TO_B row
    // (which only says which A unit chose this one).
    const best = new Map<string, UnitBestMatchRow>();
    for (const a of alignments) {
      const mine = matches.filter((m) => m.alignmentId === a.id);
      const m = a.flipped ? (mine.find((x) => x.direction === 'B_TO_A') ?? mine[0]) : mine[0];
      if (!m) continue;
      best.set(a.id, { unit: u, alignment: a, otherIndex: a.flipped ? m.unitA : (m.unitB ?? -1), score: m.score });
    }
    const partners = await ctx.loaders.network.loadMany(alignments.map(sideB));
    const order = new Map(partners.map((p, i) => [alignments[i]!.id, p && !(p instanceof Error) ? `${p.arch}\u0000${String(p.seed).padStart(9, '0')}` : '']));
    return [...best.values()].sort((x, y) => (order.get(x.alignment.id) ?? '').localeCompare(order.get(y.alignment.id) ?? ''));
  },
};

export const TopImage: TopImageResolvers<ApiContext> = {
  url: (t, _a, ctx) => ctx.links.url(`probe/${t.experimentId}`, `${t.imageIndex}.png`),
};

export const UnitBestMatch: UnitBestMatchResolvers<ApiContext> = {
  network: async (m, _a, ctx) => (await ctx.loaders.network.load(sideB(m.alignment))) ?? Promise.reject(notFound('Network', sideB(m.alignment))),
  alignment: (m) => m.alignment,
  unit: async (m, _a, ctx) => {
    if (m.otherIndex < 0) return null;
    const layerId = m.alignment.flipped ? m.alignment.layerAId : m.alignment.layerBId;
    return ctx.loaders.unitAt.load(`${layerId}:${m.otherIndex}`);
  },
  correlation: (m) => (isMiMethod(m.alignment.method) ? null : m.score),
  mutualInformation: (m) => (isMiMethod(m.alignment.method) ? m.score : null),
  sparseWeights: async (m, { penalty, first }, ctx) => {
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 0 || limit > 1000) throw badInput(`first must be an integer between 0 and 1000 (got ${limit})`);
    const other = sideB(m.alignment);
    const self = m.unit;
    const { network, layer } = await networkOfLayer(ctx, self.layerId);
    // Sparse prediction of this unit (a target in B) from the other network's units (A).
    const sparse = await ctx.prisma.alignment.findFirst({
      where: { networkAId: other, networkBId: network.id, layerName: layer.name, method: 'SPARSE', status: 'COMPLETED' },
      orderBy: { completedAt: 'desc' },
      select: { id: true },
    });
    if (!sparse) return [];
    const paths = await ctx.prisma.sparsePath.findMany({
      where: { alignmentId: sparse.id, target: self.index },
      orderBy: { penalty: 'asc' },
      select: { id: true, penalty: true },
    });
    if (paths.length === 0) return [];
    const chosen = penalty === null || penalty === undefined ? paths[Math.floor((paths.length - 1) / 2)] : paths.find((p) => Math.abs(p.penalty - penalty) <= 1e-9 * Math.max(1, Math.abs(penalty)));
    if (!chosen) throw badInput(`No sparse-prediction path point at penalty ${penalty}; available: ${paths.map((p) => p.penalty).join(', ')}`);
    const otherLayer = await ctx.loaders.layerByName.load(`${other}:${layer.name}`);
    if (!otherLayer) return [];
    const weights = await ctx.prisma.sparseWeight.findMany({ where: { pathId: chosen.id }, select: { source: true, weight: true } });
    return weights
      .filter((w) => w.weight !== 0)
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.source - b.source)
      .slice(0, limit)
      .map((w) => ({ penalty: chosen.penalty, layerId: otherLayer.id, unitIndex: w.source, weight: w.weight }));
  },
};

export const SparseWeight: SparseWeightResolvers<ApiContext> = {
  unit: async (w, _a, ctx) => (await ctx.loaders.unitAt.load(`${w.layerId}:${w.unitIndex}`)) ?? Promise.reject(notFound('Unit', `${w.layerId}:${w.unitIndex}`)),
};
