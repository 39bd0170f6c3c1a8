/**
 * ALIGN job of the pipeline: every method for one network pair at one layer. It reassembles the pair's recording
 * from the artifacts RECORD stored (two member parts and their cross part), runs the engine's align step
 * (`alignPairStep`), and hands the pair's arrays and figures to the store (store/alignments.ts `replacePair`), which
 * writes its Alignment rows (one per method) with their matches, sparse paths and clusters in ONE transaction, so
 * each alignment appears as soon as it is computed and never half-written. Its result carries the pair's summary
 * figures, from which the last ALIGN job's completion computes the chance baselines.
 *
 * `alignAndStorePair` (align, then store in one transaction) is shared with the on-demand alignment of two
 * networks of two experiments (align-networks-job.ts), which records its pair itself.
 */
import type { LayerRecording, ResolvedExperimentSpec } from '@convergent/engine/steps';
import type { Prisma } from '../../generated/prisma/client.ts';
import { replacePair } from '../../store/alignments.ts';
import { crossKey, memberKey } from '../../store/artifacts.ts';
import { PermanentJobError, type JobContext } from '../job-context.ts';
import type { AlignStepResult, PairStep } from './pipeline.ts';
import { alignPairPayload, jobPayload } from '../payloads.ts';
import { engineSteps, stepBasics } from './step-context.ts';

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
  const { pairRecordingFromParts } = await engineSteps();
  const part = (i: number) => byKey.get(keys[i]!)!;
  const rec = pairRecordingFromParts(part(0), part(1), part(2), [keys[0]!, keys[1]!, keys[2]!]);
  // The shuffled-probe null: A against B's shuffled copy, figures only (the engine's align step, as runExperiment).
  const recS = pair.shuffled ? pairRecordingFromParts(part(0), part(3), part(4), [keys[0]!, keys[3]!, keys[4]!]) : undefined;

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
  const engine = await engineSteps();
  ctx.progress({ phase: `aligning ${pair.a} × ${pair.b} at ${pair.layer}`, fraction: 0.15 });
  ctx.signal.throwIfAborted();
  // The engine's align step (every method, the options of the one-process run) and the pair's manifest entry, its
  // arrays as values.
  const aligned = await engine.alignPairStep({ spec, recording: rec, a: 0, b: 1, ...(shuffledRec ? { shuffled: { recording: shuffledRec, a: 0, b: 1 } } : {}) });
  const values = engine.pairAlignmentValues(pair, aligned, spec);

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
    values,
  );
  const json = (f: Record<string, number>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
  const shuffled = aligned.shuffledFigures;
  return { ...pair, figures: json(aligned.figures), ...(shuffled ? { shuffledFigures: json(shuffled) } : {}), alignments: stored };
}
