/**
 * An experiment's per-layer figures: chance baselines (trained vs untrained twin), LayerStatistic rows (means,
 * intervals, tests), consensus and stitching. Written by an import (from the manifest) and by the pipeline's
 * completion (from the ALIGN jobs' figures), both from the engine's `LayerSummary`.
 */
import { GRAPHQL_METHOD_INFO, NEWER_MEASURES } from '@convergent/engine/contracts';
import type { ConsensusRecord, LayerSummary, StitchLayerRecord } from '@convergent/engine/contracts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { AlignmentMethod } from '../generated/prisma/enums.ts';
import { finite, jsonValue, type Tx } from './db.ts';

/** Chance baselines (trained vs untrained twin) from the per-layer summaries. */
export async function storeChanceBaselines(tx: Tx, experimentId: string, layers: LayerSummary[]): Promise<void> {
  for (const layer of layers) {
    for (const [key, stat] of Object.entries(layer.metrics)) {
      const chance = stat.chance;
      const target = chanceTarget(key);
      if (!chance || !target || !Number.isFinite(chance.mean)) continue;
      await tx.chanceBaseline.create({
        data: {
          experimentId,
          layerName: layer.name,
          method: target.method,
          metric: target.metric,
          value: chance.mean,
          spread: { std: finite(chance.std), min: finite(chance.min), max: finite(chance.max), n: chance.n },
          source: 'untrained',
        },
      });
    }
  }
}

/**
 * The per-layer statistics of a manifest (format 2, or the pipeline's completion) as LayerStatistic rows. A format-1
 * result has none: its figures count dead units and its chance pairs are not matched, so no interval is stored.
 */
export async function storeLayerStatistics(tx: Tx, experimentId: string, layers: LayerSummary[]): Promise<void> {
  const rows: Prisma.LayerStatisticCreateManyInput[] = [];
  for (const layer of layers) {
    for (const st of layer.statistics ?? []) {
      if (!Number.isFinite(st.mean)) continue;
      rows.push({
        experimentId,
        layerName: layer.name,
        figure: st.figure,
        scope: st.scope,
        direction: st.direction,
        pairs: st.pairs,
        mean: st.mean,
        ciLow: st.ci?.low ?? null,
        ciHigh: st.ci?.high ?? null,
        ciLevel: st.ci?.level ?? null,
        ciReason: st.ciReason,
        resamples: st.resamples,
        networks: st.networks,
        chanceMean: st.chance?.mean ?? null,
        chancePairs: st.chance?.pairs ?? null,
        chanceSource: st.chance?.source ?? null,
        pValue: st.pValue,
        nPermutations: st.nPermutations,
        exactTest: st.exactTest,
        shuffledMean: st.shuffled?.mean ?? null,
        shuffledPairs: st.shuffled?.pairs ?? null,
        shuffledPValue: st.shuffled?.pValue ?? null,
        atOrBelowChance: st.atOrBelowChance,
        verdict: st.verdict,
        verdictReason: st.verdictReason,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.layerStatistic.createMany({ data: rows.slice(i, i + 1000) });
}

/**
 * Consensus (per layer: trained family and untrained chance family) and stitching (per layer: every stitched pair,
 * per-map summary) as LayerConsensus / StitchLayer rows, replacing what an earlier attempt stored. Non-finite numbers
 * (JSON cannot hold them) become null.
 */
export async function storeConsensusAndStitching(
  tx: Tx,
  experimentId: string,
  consensus: ConsensusRecord[],
  stitching: StitchLayerRecord[],
): Promise<void> {
  const json = jsonValue;
  await tx.layerConsensus.deleteMany({ where: { experimentId } });
  await tx.stitchLayer.deleteMany({ where: { experimentId } });
  if (consensus.length > 0) {
    await tx.layerConsensus.createMany({
      data: consensus.map((c) => ({
        experimentId,
        layerName: c.layer,
        matching: c.matching,
        fraction: c.trained.fraction,
        chanceFraction: c.chance ? c.chance.fraction : null,
        trained: json(c.trained),
        ...(c.chance ? { chance: json(c.chance) } : {}),
      })),
    });
  }
  if (stitching.length > 0) {
    await tx.stitchLayer.createMany({
      data: stitching.map((s) => ({
        experimentId,
        layerName: s.layer,
        images: s.images,
        majorityRate: s.majorityRate,
        pairs: json(s.pairs),
        summary: json(s.summary),
      })),
    });
  }
}

/** Layer-summary metric keys (manifest.ts LayerSummary) → the method and summary figure they measure. */
function chanceTarget(key: string): { method: AlignmentMethod; metric: string } | null {
  const at = key.indexOf('@');
  const base = at < 0 ? key : key.slice(0, at);
  const param = at < 0 ? '' : key.slice(at);
  switch (base) {
    case 'semi':
      return { method: 'SEMI', metric: 'meanCorr' };
    case 'oneToOne':
      return { method: 'SEMI', metric: 'oneToOneFraction' };
    case 'max':
      return { method: 'HUNGARIAN', metric: 'meanCorr' };
    case 'miSemi':
      return { method: 'MI_SEMI', metric: 'meanMI' };
    case 'miMax':
      return { method: 'MI', metric: 'meanMI' };
    case 'cka':
      return { method: 'CKA', metric: 'ckaLinear' };
    case 'ckaDebiased':
      return { method: 'CKA', metric: 'ckaDebiased' };
    case 'sparseFvu':
      return { method: 'SPARSE', metric: `meanLoss${param}` };
    case 'spectralShared':
      return { method: 'SPECTRAL', metric: `mixedClusterFraction${param}` };
    default: {
      // The newer measures (issue 16): the figure key of the engine's method registry → its headline summary key.
      const hit = (
        Object.entries(GRAPHQL_METHOD_INFO) as Array<
          [AlignmentMethod, (typeof GRAPHQL_METHOD_INFO)[keyof typeof GRAPHQL_METHOD_INFO]]
        >
      ).find(([m, info]) => (NEWER_MEASURES as readonly string[]).includes(m) && info.figure === key);
      return hit ? { method: hit[0], metric: hit[1].headline } : null;
    }
  }
}

/** Replaces the experiment's chance baselines and statistics with those of `summaries`. */
export async function replaceLayerSummaries(tx: Tx, experimentId: string, summaries: LayerSummary[]): Promise<void> {
  await tx.chanceBaseline.deleteMany({ where: { experimentId } });
  await storeChanceBaselines(tx, experimentId, summaries);
  await tx.layerStatistic.deleteMany({ where: { experimentId } });
  await storeLayerStatistics(tx, experimentId, summaries);
}
