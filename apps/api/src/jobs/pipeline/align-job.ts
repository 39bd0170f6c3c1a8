/**
 * ALIGN job of the pipeline: every method for one network pair at one layer. It reassembles the pair's recording
 * from the artifacts RECORD stored (two member parts and their cross part), runs the engine's `alignPair`, and
 * hands the pair's arrays and figures to the store (store/alignments.ts `replacePair`), which writes its Alignment
 * rows (one per method) with their matches, sparse paths and clusters in ONE transaction, so each alignment appears
 * as soon as it is computed and never half-written. Its result carries the pair's summary figures, from which the last ALIGN job's completion computes the chance baselines.
 *
 * `alignAndStorePair` (align, then store in one transaction) is shared with the on-demand alignment of two
 * networks of two experiments (align-networks-job.ts), which records its pair itself.
 */
import type { ResolvedExperimentSpec } from '@convergent/engine/experiment/experiment-spec';
import type { LayerRecording } from '@convergent/engine/record/record-family';
import type { Prisma } from '../../generated/prisma/client.ts';
import { replacePair } from '../../store/alignments.ts';
import { crossKey, memberKey } from '../../store/artifacts.ts';
import { arrayCollector, pairValues } from '../../store/values.ts';
import { PermanentJobError, type JobContext } from '../job-context.ts';
import type { AlignStepResult, PairStep } from './pipeline.ts';
import { alignPairPayload, jobPayload } from '../payloads.ts';
import { stepBasics } from './step-context.ts';

export async function runAlignPairJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { prisma } = ctx;
  const { experimentId, pair } = jobPayload(ctx.job, alignPairPayload);
  const { exp, spec } = await stepBasics(ctx, experimentId);
  ctx.progress({ phase: `loading ${pair.layer} statistics`, fraction: 0.05 });
  const keys = [memberKey(experimentId, pair.layer, pair.a), memberKey(experimentId, pair.layer, pair.b), crossKey(experimentId, pair.layer, pair.a, pair.b)];
  if (pair.shuffled) keys.push(memberKey(experimentId, pair.layer, pair.shuffled), crossKey(experimentId, pair.layer, pair.a, pair.shuffled));
  const blobs = await prisma.artifact.findMany({ where: { teamId: exp.teamId, key: { in: keys } }, select: { key: true, data: true } });
  const byKey = new Map(blobs.map((b) => [b.key, b.data]));
  const missing = keys.filter((k) => !byKey.has(k));
  if (missing.length) throw new PermanentJobError(`recorded statistics ${missing.join(', ')} are missing; retry the experiment's RECORD step`);
  const parts = await import('@convergent/engine/record/pair-recording');
  const rec = parts.pairRecording(
    parts.unpackParts(byKey.get(keys[0]!)!, keys[0]),
    parts.unpackParts(byKey.get(keys[1]!)!, keys[1]),
    parts.unpackParts(byKey.get(keys[2]!)!, keys[2]),
  );
  // The shuffled-probe null: A against B's shuffled copy, figures only (engine run-experiment does the same).
  const recS = pair.shuffled
    ? parts.pairRecording(
        parts.unpackParts(byKey.get(keys[0]!)!, keys[0]),
        parts.unpackParts(byKey.get(keys[3]!)!, keys[3]),
        parts.unpackParts(byKey.get(keys[4]!)!, keys[4]),
      )
    : undefined;

  const nets = await prisma.network.findMany({ where: { experimentId, name: { in: [pair.a, pair.b] } }, select: { id: true, name: true, layers: { where: { name: pair.layer }, select: { id: true } } } });
  const networkIds = new Map(nets.map((n) => [n.name, n.id]));
  const layerIds = new Map(nets.filter((n) => n.layers[0]).map((n) => [`${n.name}/${pair.layer}`, n.layers[0]!.id]));
  if (layerIds.size !== 2) throw new PermanentJobError(`networks ${pair.a} and ${pair.b} lack stored layer ${pair.layer}; retry the experiment's RECORD step`);
  const result = await alignAndStorePair(ctx, spec, rec, { experimentId, teamId: exp.teamId, pair, networkIds, layerIds }, recS);
  return result as unknown as Prisma.InputJsonValue;
}

/** Where one aligned pair's rows go. */
export interface PairTarget {
  /** The experiment that owns the rows (network A's). */
  experimentId: string;
  teamId: string;
  /** Network B's experiment, when it is another one (an on-demand alignment; Alignment.crossExperimentId). */
  crossExperimentId?: string;
  /** The pair, by the member ids of the recording (which key `networkIds` and `layerIds`). */
  pair: PairStep;
  /** Member id → Network row id. */
  networkIds: Map<string, string>;
  /** `${member id}/${layer}` → Layer row id. */
  layerIds: Map<string, string>;
}

/**
 * Every method of the spec for member 0 (A) and member 1 (B) of a pair recording, with the options of the
 * one-process run (engine run-experiment, kNN's k and metric included), then the pair's Alignment rows in ONE
 * transaction (replacing the pair's earlier rows at the layer, in either orientation: a job taken over after its
 * commit must not store the pair twice). `shuffled`: A against B's shuffled copy, figures only.
 */
export async function alignAndStorePair(
  ctx: JobContext,
  spec: ResolvedExperimentSpec,
  rec: LayerRecording,
  target: PairTarget,
  shuffledRec?: LayerRecording,
): Promise<AlignStepResult & { alignments: number }> {
  const { prisma } = ctx;
  const { pair, networkIds } = target;
  const [{ alignPair }, engine] = await Promise.all([import('@convergent/engine/experiment/align-pair'), import('@convergent/engine/experiment/run-experiment')]);
  ctx.progress({ phase: `aligning ${pair.a} × ${pair.b} at ${pair.layer}`, fraction: 0.15 });
  ctx.signal.throwIfAborted();
  const pairOptions = { methods: spec.methods, penalties: spec.penalties, clusters: spec.clusters, miBins: spec.mi.bins, seed: spec.split.seed, knn: spec.knn };
  const c = alignPair(rec, 0, 1, pairOptions);
  const shuffled = shuffledRec ? engine.pairFigures(alignPair(shuffledRec, 0, 1, pairOptions)) : undefined;
  const arrays = arrayCollector();
  const manifestPair = await engine.writePair(pair.layer, pair.a, pair.b, pair.kind, c, spec, arrays.writer, pair.mirrors);
  if (shuffled) manifestPair.shuffled = { of: 'b', figures: engine.finiteFigures(shuffled) };

  await ctx.assertOwner();
  ctx.progress({ phase: `storing ${pair.a} × ${pair.b} at ${pair.layer}`, fraction: 0.85 });
  const stored = await replacePair(
    prisma,
    {
      experimentId: target.experimentId,
      teamId: target.teamId,
      ...(target.crossExperimentId ? { crossExperimentId: target.crossExperimentId } : {}),
      networkIds,
      layerIds: target.layerIds,
    },
    pairValues(manifestPair, arrays.array),
  );
  const figures = engine.pairFigures(c);
  const json = (f: Record<string, number>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
  return { ...pair, figures: json(figures), ...(shuffled ? { shuffledFigures: json(shuffled) } : {}), alignments: stored };
}
