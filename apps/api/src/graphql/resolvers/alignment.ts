// Alignment, its summary, paged unit matches, clusters and histogram. Rows are read through the orientation
// helpers so that a (B, A) question about a stored (A, B) alignment answers with the sides swapped.
import type {
  AlignmentResolvers,
  AlignmentSummaryResolvers,
  ClusterResolvers,
  UnitMatchResolvers,
} from '../resolvers-types.generated.ts';
import type { ApiContext } from '../context.ts';
import type { AlignmentRow, ClusterRow, UnitMatchRow, UnitRow } from '../models.ts';
import { pageOf, toConnection } from '../connection.ts';
import { stitchingOfAlignment } from './consensus-stitching.ts';
import { asRecord, isMatchingMethod, isMiMethod, lossPathOf, num, pick, pickLive } from '../mapping.ts';
import { sideA, sideB } from '../orientation.ts';
import { badInput, notFound } from '../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export const layerIdA = (a: AlignmentRow): string => (a.flipped ? a.layerBId : a.layerAId);
export const layerIdB = (a: AlignmentRow): string => (a.flipped ? a.layerAId : a.layerBId);

async function loadLayer(ctx: ApiContext, id: string) {
  return (await ctx.loaders.layer.load(id)) ?? Promise.reject(notFound('Layer', id));
}

/**
 * Where clause of the rows describing the asked side A, and which stored column holds A's unit: stored A_TO_B
 * rows when not flipped; when flipped, B_TO_A rows if present (semi-matchings: B's own best matches, unitB = the
 * B unit), else A_TO_B rows read backwards (a one-to-one matching). `sql` is the same clause over
 * "UnitMatch" m with the alignment id as $1.
 */
async function sideRows(ctx: ApiContext, a: AlignmentRow): Promise<{ where: Prisma.UnitMatchWhereInput; sql: string; mine: 'unitA' | 'unitB' }> {
  if (!a.flipped) return { where: { alignmentId: a.id, direction: 'A_TO_B' }, sql: `m."alignmentId" = $1 AND m.direction = 'A_TO_B'`, mine: 'unitA' };
  const [reverse] = await ctx.read<{ has: boolean }>(`SELECT EXISTS (SELECT 1 FROM "UnitMatch" WHERE "alignmentId" = $1 AND direction = 'B_TO_A') AS has`, [a.id]);
  return reverse?.has
    ? { where: { alignmentId: a.id, direction: 'B_TO_A' }, sql: `m."alignmentId" = $1 AND m.direction = 'B_TO_A'`, mine: 'unitB' }
    : {
        where: { alignmentId: a.id, direction: 'A_TO_B', unitB: { not: null } },
        sql: `m."alignmentId" = $1 AND m.direction = 'A_TO_B' AND m."unitB" IS NOT NULL`,
        mine: 'unitB',
      };
}

/** Columns of a Unit row under a prefix, and the row read back (null when the LEFT JOIN found none). */
const unitColumns = (alias: string): string =>
  ['id', 'layerId', 'index', 'mean', 'std', 'dead', 'topImages'].map((c) => `${alias}."${c}" AS "${alias}_${c}"`).join(', ');
function unitFrom(row: Record<string, unknown>, alias: string): UnitRow | null {
  if (row[`${alias}_id`] === null || row[`${alias}_id`] === undefined) return null;
  return {
    id: row[`${alias}_id`] as number,
    layerId: row[`${alias}_layerId`] as string,
    index: row[`${alias}_index`] as number,
    mean: row[`${alias}_mean`] as number,
    std: row[`${alias}_std`] as number,
    dead: row[`${alias}_dead`] as boolean,
    topImages: row[`${alias}_topImages`] as UnitRow['topImages'],
  };
}

const fileName = (a: AlignmentRow, base: string): string => (a.flipped ? `${base}.T.npy` : `${base}.npy`);

export const Alignment: AlignmentResolvers<ApiContext> = {
  experiment: async (a, _x, ctx) => (await ctx.loaders.experiment.load(a.experimentId)) ?? Promise.reject(notFound('Experiment', a.experimentId)),
  crossExperiment: async (a, _x, ctx) => (a.crossExperimentId ? ((await ctx.loaders.experiment.load(a.crossExperimentId)) ?? null) : null),
  networkA: async (a, _x, ctx) => (await ctx.loaders.network.load(sideA(a))) ?? Promise.reject(notFound('Network', sideA(a))),
  networkB: async (a, _x, ctx) => (await ctx.loaders.network.load(sideB(a))) ?? Promise.reject(notFound('Network', sideB(a))),
  layer: (a) => a.layerName,
  layerA: (a, _x, ctx) => loadLayer(ctx, layerIdA(a)),
  layerB: (a, _x, ctx) => loadLayer(ctx, layerIdB(a)),
  summary: (a, { includeDead }) => ({ alignment: a, includeDead: includeDead ?? false }),
  matches: async (a, args, ctx) => {
    const page = pageOf(args.first, args.after, 100);
    const { where, sql, mine } = await sideRows(ctx, a);
    const other = mine === 'unitA' ? 'unitB' : 'unitA';
    // One statement (hot path, see loaders.ts): the page with the total count (window over all the side's rows,
    // before OFFSET/LIMIT), then both sides' units joined to the page only; they prime the unitAt loader, so
    // node.unitA / unitB cost no further query. ORDER BY columns come from this fixed set only.
    const orderBy = args.order === 'SCORE_DESC' ? `m.score DESC, m."${mine}" ASC` : args.order === 'SCORE_ASC' ? `m.score ASC, m."${mine}" ASC` : `m."${mine}" ASC`;
    // Live units only unless includeDead: a dead unit is never "worst matched" (its score 0 is a convention).
    const live = args.includeDead ? '' : ` AND NOT EXISTS (SELECT 1 FROM "Unit" d WHERE d."layerId" = $4 AND d.index = m."${mine}" AND d.dead)`;
    const rows = await ctx.read<Record<string, unknown> & { mine: number | null; other: number | null; score: number; correlation: number | null; mutualInformation: number | null; total: number }>(
      `SELECT p.*, ${unitColumns('ua')}, ${unitColumns('ub')} FROM (
        SELECT m."${mine}" AS mine, m."${other}" AS other, m.score, m.correlation, m."mutualInformation", count(*) OVER () AS total
        FROM "UnitMatch" m WHERE ${sql}${live} ORDER BY ${orderBy} OFFSET $2 LIMIT $3) p
      LEFT JOIN "Unit" ua ON ua."layerId" = $4 AND ua.index = p.mine
      LEFT JOIN "Unit" ub ON ub."layerId" = $5 AND ub.index = p.other
      ORDER BY ${orderBy.replaceAll('m.', 'p.').replaceAll(`"${mine}"`, 'mine')}`,
      [a.id, page.skip, page.take, layerIdA(a), layerIdB(a)],
    );
    const nodes: UnitMatchRow[] = rows.map((r) => {
      for (const u of [unitFrom(r, 'ua'), unitFrom(r, 'ub')]) if (u) ctx.loaders.unitAt.prime(`${u.layerId}:${u.index}`, u);
      return { unitA: r.mine ?? -1, unitB: r.other ?? -1, score: r.score, correlation: r.correlation, mutualInformation: r.mutualInformation, alignment: a };
    });
    const total = rows[0]?.total;
    const countAll = async () => {
      const r = await ctx.read<{ n: number }>(`SELECT count(*)::int AS n FROM "UnitMatch" m WHERE ${sql}${live} AND $2::int >= 0 AND $3::int >= 0 AND $5::text IS NOT NULL`, [a.id, 0, 0, layerIdA(a), layerIdB(a)]);
      return Number(r[0]?.n ?? 0);
    };
    return toConnection(nodes, page, () => total ?? (args.includeDead ? ctx.prisma.unitMatch.count({ where }) : countAll()));
  },
  scoreHistogram: async (a, { bins, includeDead }, ctx) => {
    const n = bins ?? 20;
    if (!Number.isInteger(n) || n < 1 || n > 200) throw badInput(`bins must be an integer between 1 and 200 (got ${n})`);
    if (!isMatchingMethod(a.method)) return [];
    const { where, mine } = await sideRows(ctx, a);
    const dead = includeDead ? new Set<number>() : new Set((await ctx.prisma.unit.findMany({ where: { layerId: layerIdA(a), dead: true }, select: { index: true } })).map((u) => u.index));
    const scores = (await ctx.prisma.unitMatch.findMany({ where, select: { score: true, unitA: true, unitB: true } }))
      .filter((r) => !dead.has((mine === 'unitA' ? r.unitA : r.unitB) ?? -1))
      .map((r) => r.score);
    if (scores.length === 0) return [];
    // Correlations live in [-1, 1]; MI from 0 to its largest value.
    const lo = isMiMethod(a.method) ? 0 : -1;
    const hi = isMiMethod(a.method) ? Math.max(...scores, 1e-12) : 1;
    const width = (hi - lo) / n;
    const counts = new Array<number>(n).fill(0);
    for (const s of scores) counts[Math.min(n - 1, Math.max(0, Math.floor((s - lo) / width)))]! += 1;
    return counts.map((count, i) => ({ lower: lo + i * width, upper: lo + (i + 1) * width, count }));
  },
  betweenUrl: (a, _x, ctx) => (a.matrixId ? ctx.links.url(`alignments/${a.id}`, fileName(a, 'between')) : null),
  withinAUrl: async (a, _x, ctx) => ((await loadLayer(ctx, layerIdA(a))).withinId ? ctx.links.url(`layers/${layerIdA(a)}`, 'within.npy') : null),
  withinBUrl: async (a, _x, ctx) => ((await loadLayer(ctx, layerIdB(a))).withinId ? ctx.links.url(`layers/${layerIdB(a)}`, 'within.npy') : null),
  stitching: (a, _x, ctx) => stitchingOfAlignment(ctx, a),
  matchUrl: (a, _x, ctx) => (isMatchingMethod(a.method) ? ctx.links.url(`alignments/${a.id}`, fileName(a, 'match')) : null),
};

export const AlignmentSummary: AlignmentSummaryResolvers<ApiContext> = {
  samples: ({ alignment: a }) => pick(a.summary, 'samples'),
  unitsA: async ({ alignment: a }, _x, ctx) => (await loadLayer(ctx, layerIdA(a))).unitCount,
  unitsB: async ({ alignment: a }, _x, ctx) => (await loadLayer(ctx, layerIdB(a))).unitCount,
  // Semi-matching means are directional: meanCorr is A -> B; a flipped question reads the B -> A figure when
  // the writer stored it (meanCorrB), else null rather than a wrong-direction value.
  meanCorr: ({ alignment: a, includeDead }) => pickLive(a.summary, a.flipped && a.method === 'SEMI' ? 'meanCorrB' : 'meanCorr', includeDead ?? false).value,
  oneToOneFraction: ({ alignment: a, includeDead }) => pickLive(a.summary, 'oneToOneFraction', includeDead ?? false).value,
  meanMI: ({ alignment: a, includeDead }) => (a.flipped && a.method === 'MI_SEMI' ? pick(a.summary, 'meanMIB') : pickLive(a.summary, 'meanMI', includeDead ?? false).value),
  clusterMixing: ({ alignment: a }) => pick(a.summary, 'clusterMixing'),
  nLiveA: ({ alignment: a }) => pick(a.summary, a.flipped ? 'nLiveB' : 'nLiveA'),
  nLiveB: ({ alignment: a }) => pick(a.summary, a.flipped ? 'nLiveA' : 'nLiveB'),
  includesDead: ({ alignment: a, includeDead }) => (includeDead ?? false) || pick(a.summary, 'nLiveA') === null,
  shuffledNull: ({ alignment: a }) => {
    if (a.method === 'SPARSE') {
      const path = (asRecord(a.summary)['lossPath'] as unknown[] | undefined) ?? [];
      const mid = asRecord(path[Math.floor((path.length - 1) / 2)]);
      const v = num(mid['shuffledNull']);
      return v === null ? null : 1 - v; // the headline is variance explained
    }
    return pick(a.summary, 'shuffledNull');
  },
  heldOut: ({ alignment: a }) => {
    const h = asRecord(asRecord(a.summary)['heldOut']);
    const [images, fitImages, seed] = [num(h['images']), num(h['fitImages']), num(h['seed'])];
    return images !== null && fitImages !== null && seed !== null ? { images, fitImages, seed } : null;
  },
  ckaLinear: ({ alignment: a }) => pick(a.summary, 'ckaLinear'),
  ckaDebiased: ({ alignment: a }) => pick(a.summary, 'ckaDebiased'),
  svcca: ({ alignment: a }) => pick(a.summary, 'svcca'),
  pwcca: ({ alignment: a }) => pick(a.summary, 'pwcca'),
  procrustesDistance: ({ alignment: a }) => pick(a.summary, 'procrustesDistance'),
  knnScore: ({ alignment: a }) => pick(a.summary, 'knnScore'),
  mixedClusterFraction: ({ alignment: a }) => pick(a.summary, 'mixedClusterFraction'),
  lossPath: async ({ alignment: a, includeDead }, _x, ctx) => {
    if (a.method !== 'SPARSE' || a.flipped) return a.flipped ? [] : lossPathOf(a.summary, includeDead ?? false);
    const stored = lossPathOf(a.summary, includeDead ?? false);
    if (stored.length > 0) return stored;
    const groups = await ctx.prisma.sparsePath.groupBy({
      by: ['penalty'],
      where: { alignmentId: a.id },
      _avg: { fvu: true, heldOutFvu: true, nonzero: true },
      orderBy: { penalty: 'asc' },
    });
    return groups.flatMap((g) =>
      g._avg.fvu === null ? [] : [{ penalty: g.penalty, meanLoss: g._avg.fvu, meanLossHeldOut: g._avg.heldOutFvu, meanNonzero: g._avg.nonzero ?? 0 }],
    );
  },
  clusters: async ({ alignment: a }, _x, ctx) => {
    if (a.method !== 'SPECTRAL') return [];
    const rows = await ctx.prisma.cluster.findMany({
      where: { alignmentId: a.id },
      orderBy: { index: 'asc' },
      include: { members: { select: { side: true, unit: true } } },
    });
    return rows.map((c): ClusterRow => {
      const storedA = c.members.filter((m) => m.side === 'A_TO_B').map((m) => m.unit).sort((x, y) => x - y);
      const storedB = c.members.filter((m) => m.side === 'B_TO_A').map((m) => m.unit).sort((x, y) => x - y);
      const base = { index: c.index, shared: c.mixed, layerAId: layerIdA(a), layerBId: layerIdB(a) };
      return a.flipped
        ? { ...base, countA: c.countB, countB: c.countA, unitsA: storedB, unitsB: storedA }
        : { ...base, countA: c.countA, countB: c.countB, unitsA: storedA, unitsB: storedB };
    });
  },
};

function isUnit<T>(u: T | null | Error): u is T {
  return u !== null && !(u instanceof Error);
}

export const Cluster: ClusterResolvers<ApiContext> = {
  size: (c) => c.countA + c.countB,
  mixed: (c) => c.shared,
  unitsA: async (c, _x, ctx) => (await ctx.loaders.unitAt.loadMany(c.unitsA.map((i) => `${c.layerAId}:${i}`))).filter(isUnit),
  unitsB: async (c, _x, ctx) => (await ctx.loaders.unitAt.loadMany(c.unitsB.map((i) => `${c.layerBId}:${i}`))).filter(isUnit),
};

export const UnitMatch: UnitMatchResolvers<ApiContext> = {
  unitA: async (m, _x, ctx) => {
    const id = layerIdA(m.alignment);
    return (await ctx.loaders.unitAt.load(`${id}:${m.unitA}`)) ?? Promise.reject(notFound('Unit', `${id}:${m.unitA}`));
  },
  unitB: (m, _x, ctx) => (m.unitB < 0 ? null : ctx.loaders.unitAt.load(`${layerIdB(m.alignment)}:${m.unitB}`)),
  correlation: (m) => m.correlation ?? (isMiMethod(m.alignment.method) ? null : m.score),
  mutualInformation: (m) => m.mutualInformation ?? (isMiMethod(m.alignment.method) ? m.score : null),
};
