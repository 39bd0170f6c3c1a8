/**
 * Alignments: one aligned pair's Alignment rows (one per method) with their unit matches, sparse paths and weights,
 * clusters and matrices (artifacts). Used by an import (every pair of a result, in its transaction) and by ALIGN jobs
 * (one pair per transaction, replacing what an earlier attempt stored).
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { AlignmentMethod } from '../generated/prisma/enums.ts';
import { putNpyArtifact } from './artifacts.ts';
import { bulkInsert } from './bulk-insert.ts';
import { finite, txOptions, type Tx } from './db.ts';
import { writeClusters, writeMatches } from './matches.ts';
import type { PairValues } from './values.ts';

/** Where one aligned pair's rows go. */
export interface PairTarget {
  /** The experiment that owns the rows (network A's). */
  experimentId: string;
  teamId: string;
  /** Network B's experiment when it is not `experimentId` (an on-demand alignment across experiments). */
  crossExperimentId?: string;
  /** Network name (the pair's `a` / `b`) → Network row id. */
  networkIds: Map<string, string>;
  /** `${network name}/${layer}` → Layer row id. */
  layerIds: Map<string, string>;
}

/** One aligned pair's Alignment rows (one per method) with their matches, sparse paths and clusters. Answers the row count. */
export async function storePair(tx: Tx, ctx: PairTarget, a: PairValues): Promise<number> {
  const { experimentId } = ctx;
  const owner = { teamId: ctx.teamId, experimentId };
  const networkAId = ctx.networkIds.get(a.a)!;
  const networkBId = ctx.networkIds.get(a.b)!;
  const layerAId = ctx.layerIds.get(`${a.a}/${a.layer}`)!;
  const layerBId = ctx.layerIds.get(`${a.b}/${a.layer}`)!;
  const { p, q } = a;
  const R = a.correlation.data as Float32Array;
  const base = `alignment/${experimentId}/${a.layer}/${a.a}__${a.b}`;
  const corrId = await putNpyArtifact(tx, owner, `${base}/correlation.npy`, 'CORRELATION', a.correlation);
  const common = {
    experimentId,
    crossExperimentId: ctx.crossExperimentId ?? null,
    networkAId,
    networkBId,
    layerAId,
    layerBId,
    layerName: a.layer,
    kind: a.kind,
    status: 'COMPLETED' as const,
    completedAt: new Date(),
  };
  // Format 2: live units, the trained pair a chance pair mirrors, the shuffled-probe null's figures (LayerSummary keys).
  const sizes = {
    unitsA: p,
    unitsB: q,
    ...(a.live ? { nLiveA: a.live.a, nLiveB: a.live.b } : {}),
    ...(a.mirrors ? { mirrors: a.mirrors } : {}),
  };
  const nullOf = (key: string) =>
    a.shuffled && Number.isFinite(a.shuffled.figures[key]) ? { shuffledNull: a.shuffled.figures[key] } : {};
  let n = 0;

  const create = async (
    method: AlignmentMethod,
    summary: Record<string, unknown>,
    extra: { matrixId?: string; parameters?: Record<string, unknown>; paramsKey?: string } = {},
  ) => {
    n++;
    const row = await tx.alignment.create({
      data: {
        ...common,
        method,
        summary: { ...sizes, ...summary } as Prisma.InputJsonValue,
        parameters: (extra.parameters ?? {}) as Prisma.InputJsonValue,
        paramsKey: extra.paramsKey ?? '',
        matrixId: extra.matrixId ?? corrId,
      },
      select: { id: true },
    });
    return row.id;
  };

  if (a.semi) {
    const matchA = a.semi.matchA.data as Int32Array;
    const matchB = a.semi.matchB.data as Int32Array;
    const s = a.semi;
    const id = await create('SEMI', {
      meanCorr: finite(s.meanA),
      meanCorrB: finite(s.meanB),
      oneToOneFraction: finite(s.oneToOneFraction),
      ...(s.meanALive !== undefined
        ? {
            meanCorrLive: finite(s.meanALive),
            meanCorrBLive: finite(s.meanBLive),
            oneToOneFractionLive: finite(s.oneToOneFractionLive),
          }
        : {}),
      ...nullOf('semi'),
    });
    // A −1 match (format 2: a dead unit, or a match to a dead unit) is stored unmatched, score 0.
    await writeMatches(tx, id, [
      { direction: 'A_TO_B', match: matchA, figures: (i, j) => ({ score: R[i * q + j]!, correlation: R[i * q + j]!, oneToOne: Number(matchB[j]) === i }) },
      { direction: 'B_TO_A', match: matchB, figures: (j, i) => ({ score: R[i * q + j]!, correlation: R[i * q + j]!, oneToOne: Number(matchA[i]) === j }) },
    ]);
  }
  if (a.max) {
    const match = a.max.match.data as Int32Array;
    const id = await create('HUNGARIAN', {
      meanCorr: finite(a.max.mean),
      ...(a.max.meanLive !== undefined ? { meanCorrLive: finite(a.max.meanLive) } : {}),
      ...nullOf('max'),
    });
    await writeMatches(tx, id, [{ direction: 'A_TO_B', match, figures: (i, j) => ({ score: R[i * q + j]!, correlation: R[i * q + j]!, oneToOne: true }) }]);
  }
  if (a.mi) {
    const mi = a.mi;
    const M = mi.matrix.data as Float32Array;
    const miId = await putNpyArtifact(tx, owner, `${base}/mi.npy`, 'CORRELATION', mi.matrix);
    const parameters = { bins: mi.bins, samples: mi.samples };
    const semi = mi.matchA.data as Int32Array;
    const max = mi.matchMax.data as Int32Array;
    for (const [method, match, mean, live, key] of [
      ['MI_SEMI', semi, mi.semiMean, mi.semiMeanLive, 'miSemi'],
      ['MI', max, mi.maxMean, mi.maxMeanLive, 'miMax'],
    ] as const) {
      const id = await create(
        method,
        {
          meanMI: finite(mean),
          samples: mi.samples,
          ...(live !== undefined ? { meanMILive: finite(live) } : {}),
          ...nullOf(key),
        },
        { matrixId: miId, parameters },
      );
      await writeMatches(tx, id, [
        { direction: 'A_TO_B', match, figures: (i, j) => ({ score: M[i * q + j]!, mutualInformation: M[i * q + j]!, correlation: R[i * q + j]! }) },
      ]);
    }
  }
  if (a.cka) {
    const sh = a.shuffled?.figures;
    await create('CKA', {
      ckaLinear: finite(a.cka.linear),
      ckaDebiased: finite(a.cka.debiased),
      ...(sh && Number.isFinite(sh.cka) ? { shuffledNull: sh.cka, shuffledNullDebiased: finite(sh.ckaDebiased) } : {}),
    });
  }
  if (a.sparse) {
    const s = a.sparse;
    const W = s.weights.data as Float32Array; // [penalties, p, q]
    // Format 2: meanLossLive over live targets, meanLossHeldOut (live targets, held-out images) and the shuffled null.
    const lossPath = s.penalties.map((penalty, k) => ({
      penalty,
      meanLoss: finite(s.fvu[k]),
      meanLossLive: s.fvuLive ? finite(s.fvuLive[k]) : null,
      meanLossHeldOut: s.fvuHeldOut ? finite(s.fvuHeldOut[k]) : null,
      meanNonzero: finite(s.nonzero[k]),
      shuffledNull: a.shuffled ? finite(a.shuffled.figures[`sparseFvu@${penalty}`]) : null,
    }));
    const id = await create(
      'SPARSE',
      { lossPath, ...(s.heldOut ? { heldOut: s.heldOut } : {}) },
      { parameters: { penalties: s.penalties } },
    );
    for (const [k, penalty] of s.penalties.entries()) {
      const paths: Prisma.SparsePathCreateManyInput[] = [];
      const weights: Array<Array<{ source: number; weight: number }>> = [];
      for (let t = 0; t < q; t++) {
        const ws: Array<{ source: number; weight: number }> = [];
        for (let j = 0; j < p; j++) {
          const w = W[k * p * q + j * q + t]!;
          if (w !== 0) ws.push({ source: j, weight: w });
        }
        paths.push({ alignmentId: id, target: t, penalty, nonzero: ws.length });
        weights.push(ws);
      }
      const created = await bulkInsert<{ id: number; target: number }>(
        tx,
        'SparsePath',
        [
          { name: 'alignmentId', type: 'text' },
          { name: 'target', type: 'int4' },
          { name: 'penalty', type: 'float8' },
          { name: 'nonzero', type: 'int4' },
        ],
        paths.map((x) => [x.alignmentId, x.target, x.penalty, x.nonzero]),
        ['id', 'target'],
      );
      const rows: unknown[][] = [];
      for (const c of created) for (const w of weights[c.target]!) rows.push([c.id, w.source, w.weight]);
      await bulkInsert(
        tx,
        'SparseWeight',
        [
          { name: 'pathId', type: 'int4' },
          { name: 'source', type: 'int4' },
          { name: 'weight', type: 'float8' },
        ],
        rows,
      );
    }
  }
  // ---- newer measures (issue 16): one row each, figures only (no unit matches); headline keys as in the engine's
  // method registry (align/methods.ts).
  if (a.svcca)
    await create('SVCCA', {
      svcca: finite(a.svcca.mean),
      keptA: a.svcca.keptA,
      keptB: a.svcca.keptB,
      explainedA: finite(a.svcca.explainedA),
      explainedB: finite(a.svcca.explainedB),
      ...nullOf('svcca'),
    });
  if (a.pwcca)
    await create('PWCCA', {
      pwcca: finite(a.pwcca.weighted),
      pwccaMean: finite(a.pwcca.mean),
      rankA: a.pwcca.rankA,
      rankB: a.pwcca.rankB,
      ...nullOf('pwcca'),
    });
  if (a.procrustes)
    await create('PROCRUSTES', {
      procrustesDistance: finite(a.procrustes.distance),
      procrustesAngular: finite(a.procrustes.angular),
      ...nullOf('procrustes'),
    });
  if (a.knn) {
    const { k, metric, images, uniform } = a.knn;
    await create(
      'KNN',
      { knnScore: finite(a.knn.score), k, metric, images, uniform: finite(uniform), ...nullOf('knn') },
      { parameters: { k, metric }, paramsKey: `k=${k},${metric}` },
    );
  }
  for (const sp of a.spectral ?? []) {
    const mixed = sp.clusters.filter((c) => c.aCount > 0 && c.bCount > 0).length;
    const id = await create(
      'SPECTRAL',
      {
        k: sp.k,
        mixedClusterFraction: sp.clusters.length ? mixed / sp.clusters.length : null,
        sharedClusters: sp.shared,
        ...(sp.mixing !== undefined ? { clusterMixing: sp.mixing } : {}),
        ...nullOf(`spectralMixing@${sp.k}`),
      },
      { parameters: { k: sp.k }, paramsKey: `k=${sp.k}` },
    );
    await writeClusters(tx, id, { counts: sp.clusters.map((c) => ({ a: c.aCount, b: c.bCount })), labels: sp.labels, unitsA: p });
  }
  return n;
}

/**
 * One pair in ONE transaction, replacing the pair's earlier rows at its layer in either orientation (a job taken over
 * after its commit must not store the pair twice). Answers the Alignment row count.
 */
export function replacePair(prisma: PrismaClient, target: PairTarget, a: PairValues): Promise<number> {
  const idA = target.networkIds.get(a.a)!;
  const idB = target.networkIds.get(a.b)!;
  return prisma.$transaction(
    async (tx) => {
      await tx.alignment.deleteMany({
        where: {
          layerName: a.layer,
          OR: [
            { networkAId: idA, networkBId: idB },
            { networkAId: idB, networkBId: idA },
          ],
        },
      });
      return storePair(tx, target, a);
    },
    txOptions(5 * 60_000),
  );
}
