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
import { isMatchingMethod, isMiMethod, lossPathOf, pick } from '../mapping.ts';
import { sideA, sideB } from '../orientation.ts';
import { badInput, notFound } from '../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';

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
  networkA: async (a, _x, ctx) => (await ctx.loaders.network.load(sideA(a))) ?? Promise.reject(notFound('Network', sideA(a))),
  networkB: async (a, _x, ctx) => (await ctx.loaders.network.load(sideB(a))) ?? Promise.reject(notFound('Network', sideB(a))),
  layer: (a) => a.layerName,
  layerA: (a, _x, ctx) => loadLayer(ctx, layerIdA(a)),
  layerB: (a, _x, ctx) => loadLayer(ctx, layerIdB(a)),
  summary: (a) => ({ alignment: a }),
  matches: async (a, args, ctx) => {
    const page = pageOf(args.first, args.after, 100);
    const { where, sql, mine } = await sideRows(ctx, a);
    const other = mine === 'unitA' ? 'unitB' : 'unitA';
    // One statement (hot path, see loaders.ts): the page with the total count (window over all the side's rows,
    // before OFFSET/LIMIT), then both sides' units joined to the page only; they prime the unitAt loader, so
    // node.unitA / unitB cost no further query. ORDER BY columns come from this fixed set only.
    const orderBy = args.order === 'SCORE_DESC' ? `m.score DESC, m."${mine}" ASC` : args.order === 'SCORE_ASC' ? `m.score ASC, m."${mine}" ASC` : `m."${mine}" ASC`;
    // $4 / $5: the layers of this side's units and of the other side's.
    const liveSql = (layerA: string, layerB: string) =>
      ` AND NOT EXISTS (SELECT 1 FROM "Unit" d WHERE d."layerId" = ${layerA} AND d.index = m."${mine}" AND d.dead)` +
      ` AND NOT EXISTS (SELECT 1 FROM "Unit" d WHERE d."layerId" = ${layerB} AND d.index = m."${other}" AND d.dead)`;
    const live = args.excludeDead ? liveSql('$4', '$5') : '';
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
    return toConnection(nodes, page, async () => {
      if (total !== undefined) return total;
      if (!args.excludeDead) return ctx.prisma.unitMatch.count({ where });
      // A page past the end: count the live matches the same way.
      const [c] = await ctx.read<{ n: number }>(`SELECT count(*)::int AS n FROM "UnitMatch" m WHERE ${sql}${liveSql('$2', '$3')}`, [a.id, layerIdA(a), layerIdB(a)]);
      return c?.n ?? 0;
    });
  },
  scoreHistogram: async (a, { bins }, ctx) => {
    const n = bins ?? 20;
    if (!Number.isInteger(n) || n < 1 || n > 200) throw badInput(`bins must be an integer between 1 and 200 (got ${n})`);
    if (!isMatchingMethod(a.method)) return [];
    const { where } = await sideRows(ctx, a);
    const scores = (await ctx.prisma.unitMatch.findMany({ where, select: { score: true } })).map((r) => r.score);
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
  matchUrl: (a, _x, ctx) => (isMatchingMethod(a.method) ? ctx.links.url(`alignments/${a.id}`, fileName(a, 'match')) : null),
};

export const AlignmentSummary: AlignmentSummaryResolvers<ApiContext> = {
  samples: ({ alignment: a }) => pick(a.summary, 'samples'),
  unitsA: async ({ alignment: a }, _x, ctx) => (await loadLayer(ctx, layerIdA(a))).unitCount,
  unitsB: async ({ alignment: a }, _x, ctx) => (await loadLayer(ctx, layerIdB(a))).unitCount,
  // Semi-matching means are directional: meanCorr is A -> B; a flipped question reads the B -> A figure when
  // the writer stored it (meanCorrB), else null rather than a wrong-direction value.
  meanCorr: ({ alignment: a }) => (a.flipped && a.method === 'SEMI' ? pick(a.summary, 'meanCorrB') : pick(a.summary, 'meanCorr')),
  oneToOneFraction: ({ alignment: a }) => pick(a.summary, 'oneToOneFraction'),
  meanMI: ({ alignment: a }) => (a.flipped && a.method === 'MI_SEMI' ? pick(a.summary, 'meanMIB') : pick(a.summary, 'meanMI')),
  ckaLinear: ({ alignment: a }) => pick(a.summary, 'ckaLinear'),
  ckaDebiased: ({ alignment: a }) => pick(a.summary, 'ckaDebiased'),
  mixedClusterFraction: ({ alignment: a }) => pick(a.summary, 'mixedClusterFraction'),
  lossPath: async ({ alignment: a }, _x, ctx) => {
    if (a.method !== 'SPARSE' || a.flipped) return a.flipped ? [] : lossPathOf(a.summary);
    const stored = lossPathOf(a.summary);
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
