// Experiment.findings: the engine's FindingsInput built from the database rows (networks, dead-unit flags, SEMI
// unit matches, HUNGARIAN and SPARSE summaries, LayerStatistic rows), then the engine's computeFindings — the same
// function `convergent report` runs on a result directory. Nothing about the findings is computed here.
import { type FindingsInput, type FindingsPair, type Findings as EngineFindings, type FindingVerdict as EngineVerdict, computeFindings } from '@convergent/engine/findings';
import type { LayerStatistic as EngineLayerStatistic } from '@convergent/engine/findings';
import type { ApiContext } from '../context.ts';
import type { Findings, FindingVerdict } from '@convergent/schema';
import { experimentLayerNames } from './experiment-queries.ts';

const VERDICT: Record<EngineVerdict, FindingVerdict> = { supported: 'SUPPORTED', 'not supported': 'NOT_SUPPORTED', inconclusive: 'INCONCLUSIVE' };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The engine's findings input from an experiment's rows. */
export async function findingsInputFromDatabase(ctx: ApiContext, experimentId: string): Promise<FindingsInput> {
  const [experiment, networks, layerNames, units, alignments, statistics] = await Promise.all([
    ctx.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId }, select: { name: true, createdAt: true } }),
    ctx.prisma.network.findMany({ where: { experimentId }, select: { id: true, name: true, arch: true, untrained: true } }),
    experimentLayerNames(ctx, experimentId),
    ctx.prisma.unit.findMany({ where: { layer: { network: { experimentId } } }, select: { index: true, dead: true, layer: { select: { name: true, networkId: true } } } }),
    ctx.prisma.alignment.findMany({
      where: { experimentId, crossExperimentId: null, method: { in: ['SEMI', 'HUNGARIAN', 'SPARSE'] }, status: 'COMPLETED' },
      select: { id: true, networkAId: true, networkBId: true, layerName: true, method: true, kind: true, summary: true, layerA: { select: { unitCount: true } }, layerB: { select: { unitCount: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    ctx.prisma.layerStatistic.findMany({ where: { experimentId } }),
  ]);
  const nameOf = new Map(networks.map((n) => [n.id, n.name]));
  const dead = new Map<string, boolean[]>();
  for (const u of units) {
    const key = `${u.layer.networkId}\u0000${u.layer.name}`;
    const list = dead.get(key) ?? [];
    list[u.index] = u.dead;
    dead.set(key, list);
  }
  const isDead = (net: string, layer: string, i: number) => dead.get(`${net}\u0000${layer}`)?.[i] === true;
  const semiIds = alignments.filter((a) => a.method === 'SEMI').map((a) => a.id);
  const matches = semiIds.length === 0 ? [] : await ctx.prisma.unitMatch.findMany({ where: { alignmentId: { in: semiIds } }, select: { alignmentId: true, direction: true, unitA: true, unitB: true, score: true } });
  const matchesOf = new Map<string, typeof matches>();
  for (const m of matches) {
    const list = matchesOf.get(m.alignmentId) ?? [];
    list.push(m);
    matchesOf.set(m.alignmentId, list);
  }
  // one pair per (layer, a, b): the first stored parameter set of each method
  const pairs = new Map<string, FindingsPair>();
  const seen = new Set<string>();
  for (const a of alignments) {
    const key = `${a.layerName}\u0000${a.networkAId}\u0000${a.networkBId}`;
    if (seen.has(`${key}\u0000${a.method}`)) continue;
    seen.add(`${key}\u0000${a.method}`);
    const s = obj(a.summary);
    let pair = pairs.get(key);
    if (!pair) {
      const mirrors = obj(s.mirrors);
      pair = {
        layer: a.layerName,
        a: nameOf.get(a.networkAId)!,
        b: nameOf.get(a.networkBId)!,
        kind: a.kind === 'chance' ? 'chance' : 'between',
        ...(typeof mirrors.a === 'string' && typeof mirrors.b === 'string' ? { mirrors: { a: mirrors.a, b: mirrors.b } } : {}),
      };
      pairs.set(key, pair);
    }
    if (a.method === 'SEMI') {
      // A_TO_B rows: one per unit of a (unitB null: dead, or its best partner is dead); B_TO_A rows: b's live units.
      const p = a.layerA.unitCount;
      const q = a.layerB.unitCount;
      const bestA: Array<number | null> = Array.from({ length: p }, (_, i) => (isDead(a.networkAId, a.layerName, i) ? null : 0));
      const bestB: Array<number | null> = Array.from({ length: q }, (_, j) => (isDead(a.networkBId, a.layerName, j) ? null : 0));
      for (const m of matchesOf.get(a.id) ?? []) {
        if (m.direction === 'A_TO_B' && m.unitB !== null && bestA[m.unitA] !== null) bestA[m.unitA] = m.score;
        if (m.direction === 'B_TO_A' && m.unitB !== null && bestB[m.unitB] !== null) bestB[m.unitB] = m.score;
      }
      pair.bestA = bestA;
      pair.bestB = bestB;
      pair.oneToOne = numOrNull(s.oneToOneFractionLive);
    } else if (a.method === 'HUNGARIAN') {
      pair.max = numOrNull(s.meanCorrLive);
    } else {
      const path = Array.isArray(s.lossPath) ? s.lossPath.map(obj) : [];
      pair.sparse = { nonzero: path.map((x) => numOrNull(x.meanNonzero) ?? Number.NaN), fvuHeldOut: path.map((x) => numOrNull(x.meanLossHeldOut)) };
    }
  }
  const stats: Record<string, EngineLayerStatistic[]> = {};
  for (const st of statistics) {
    (stats[st.layerName] ??= []).push({
      figure: st.figure,
      scope: st.scope as EngineLayerStatistic['scope'],
      direction: st.direction as EngineLayerStatistic['direction'],
      pairs: st.pairs,
      mean: st.mean,
      ci: st.ciLow !== null && st.ciHigh !== null ? { low: st.ciLow, high: st.ciHigh, level: st.ciLevel ?? 0.95 } : null,
      ciReason: st.ciReason,
      resamples: st.resamples,
      networks: obj(st.networks) as Record<string, number>,
      chance: st.chanceMean !== null ? { mean: st.chanceMean, pairs: st.chancePairs ?? 0, source: (st.chanceSource ?? 'untrained-twins') as 'untrained-twins' } : null,
      shuffled: st.shuffledMean !== null ? { mean: st.shuffledMean, pairs: st.shuffledPairs ?? 0, pValue: st.shuffledPValue ?? Number.NaN, nPermutations: 0 } : null,
      pValue: st.pValue,
      nPermutations: st.nPermutations,
      exactTest: st.exactTest,
      atOrBelowChance: st.atOrBelowChance,
      verdict: st.verdict as EngineLayerStatistic['verdict'],
      verdictReason: st.verdictReason,
    });
  }
  return {
    source: { kind: 'stored-experiment', name: experiment.name, createdAt: experiment.createdAt.toISOString() },
    networks: networks.map((n) => ({ id: n.name, architecture: n.arch, role: n.untrained ? 'untrained' : 'trained' })),
    layers: layerNames,
    pairs: [...pairs.values()],
    statistics: stats,
  };
}

/** The engine's findings mapped to the GraphQL shape. */
export function findingsToGraphql(f: EngineFindings): Findings {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);
  return {
    version: f.version,
    layers: f.layers,
    trainedNetworks: sum(f.networks.trained),
    untrainedNetworks: sum(f.networks.untrained),
    reliableR: f.constants.reliableR,
    findings: f.findings.map((x) => ({
      id: x.id,
      title: x.title,
      claim: x.claim,
      statisticName: x.statistic.name,
      statistic: x.statistic.value,
      statisticLayer: x.statistic.layer,
      interval: x.interval,
      intervalReason: x.intervalReason,
      pValue: x.pValue,
      test: x.test,
      chanceName: x.chance?.name ?? null,
      chance: x.chance?.value ?? null,
      verdict: VERDICT[x.verdict],
      reason: x.reason,
      rule: x.rule,
      rows: x.rows.map((r) => ({ ...r, verdict: VERDICT[r.verdict] })),
    })),
  };
}

export async function experimentFindings(ctx: ApiContext, experimentId: string): Promise<Findings> {
  return findingsToGraphql(computeFindings(await findingsInputFromDatabase(ctx, experimentId)));
}
