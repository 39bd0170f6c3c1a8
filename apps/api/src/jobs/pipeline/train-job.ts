/**
 * TRAIN job: one network of an experiment, the engine's train step. A trained network runs `trainStep` in a worker
 * thread of its own (the wasm backend is single-threaded, so a worker running one TRAIN job per core trains one network per
 * core); an untrained chance twin is only built from its seed (`buildUntrainedStep`). Each epoch's checkpoint folder is mirrored into an
 * Artifact (kind CHECKPOINT), so the worker that takes the job over after this one dies (SIGKILL, lost machine)
 * restores it and the engine resumes from the last finished epoch. The per-step training curve (the engine's
 * downsampled series, at most ~200 points) is written to `Network.stepMetrics` while training runs, at most every
 * `STEP_WRITE_INTERVAL_MS`, so the dashboard's curves grow as it trains. The final weights, the series and the
 * Network row's figures are stored in one transaction at the end.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EpochMetrics, ResolvedArchitecture, StepMetric, TrainProgress, TrainTaskOutput } from '@convergent/engine/steps';
import type { Prisma } from '../../generated/prisma/client.ts';
import { checkpointKey, putCheckpoint } from '../../store/artifacts.ts';
import { markNetworkTraining, storeEpochMetrics, storeStepMetrics, storeTrainedNetwork } from '../../store/networks.ts';
import { packedFile, packSwappedDirectory, unpackDirectory } from '../dir-archive.ts';
import { PermanentJobError, type JobContext } from '../job-context.ts';
import { jobPayload, trainPayload } from '../payloads.ts';
import { engineSteps, stepBasics, stepData } from './step-context.ts';

/** At most one write of the growing per-step series per network in this interval (and one at the end). */
export const STEP_WRITE_INTERVAL_MS = 3000;

export async function runTrainJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { prisma, signal } = ctx;
  const { experimentId, networkId } = jobPayload(ctx.job, trainPayload);
  const { exp, spec } = await stepBasics(ctx, experimentId);
  const net = await prisma.network.findUnique({ where: { id: networkId } });
  if (!net || net.experimentId !== experimentId) throw new PermanentJobError(`network ${networkId} of experiment ${experimentId} no longer exists`);
  const arch = net.archSpec as unknown as ResolvedArchitecture;
  const dir = path.join(ctx.workDir, experimentId, net.name);
  const modelDir = path.join(dir, 'model');
  const checkpointDir = path.join(dir, 'checkpoint');
  const key = checkpointKey(net.id);
  const owner = { teamId: exp.teamId, experimentId };
  await rm(modelDir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await markNetworkTraining(prisma, net.id);

  const engine = await engineSteps();
  const network = { id: net.name, arch, seed: net.seed };
  let out: TrainTaskOutput;
  if (net.untrained) {
    ctx.progress({ phase: 'building the untrained twin', fraction: 0.5 });
    out = await engine.buildUntrainedStep(network, modelDir);
  } else {
    if (!existsSync(checkpointDir)) {
      const saved = await prisma.artifact.findUnique({ where: { teamId_key: { teamId: exp.teamId, key } } });
      if (saved) {
        const files = await unpackDirectory(saved.data, checkpointDir);
        ctx.log(`restored ${files} checkpoint files of ${net.name} (${(saved.metadata as { note?: string }).note ?? ''})`);
        ctx.progress({ phase: 'resuming from its checkpoint' });
      }
    }
    // Training starts from scratch: a series left by an earlier attempt is not this run's. (A resumed run's first
    // report carries the whole series from its checkpoint, which replaces the stored one.)
    if (!existsSync(checkpointDir)) await storeStepMetrics(prisma, net.id, []);
    // ---- the per-step series → Network row, throttled
    let stepsPending: StepMetric[] | null = null;
    let stepsWrittenAt = 0;
    let stepsTimer: ReturnType<typeof setTimeout> | undefined;
    let stepsWriting: Promise<void> = Promise.resolve();
    const writeSteps = (): void => {
      stepsTimer = undefined;
      const series = stepsPending;
      if (!series) return;
      stepsPending = null;
      stepsWrittenAt = Date.now();
      stepsWriting = stepsWriting
        .then(() => storeStepMetrics(prisma, net.id, series))
        .then(
          () => {},
          (err: unknown) => ctx.log(`per-step metrics not written: ${(err as Error).message}`),
        );
    };
    const stepsArrived = (series: StepMetric[]): void => {
      stepsPending = series;
      const wait = stepsWrittenAt + STEP_WRITE_INTERVAL_MS - Date.now();
      if (wait <= 0) writeSteps();
      else stepsTimer ??= setTimeout(writeSteps, wait);
    };
    // ---- progress → Job row, per-epoch metrics → Network row, checkpoint → Artifact
    const metrics: EpochMetrics[] = Array.isArray(net.metrics) ? (net.metrics as unknown as EpochMetrics[]) : [];
    let uploading: Promise<void> = Promise.resolve();
    let uploadWanted = false;
    const uploadCheckpoint = (note: string): void => {
      if (uploadWanted) return; // one upload is pending already; it will include this epoch
      uploadWanted = true;
      uploading = uploading.then(async () => {
        uploadWanted = false;
        try {
          const bytes = await packSwappedDirectory(checkpointDir);
          // The epoch the archive holds (the engine may have written newer ones since the upload was asked for).
          const state = packedFile(bytes, 'state.json');
          const epoch = state ? (JSON.parse(state.toString('utf8')) as { epoch?: number }).epoch ?? null : null;
          await putCheckpoint(prisma, owner, net.id, bytes, { note: epoch !== null ? `${net.name} epoch ${epoch}` : note, epoch });
        } catch (err) {
          // A file renamed under us (the engine writes checkpoints atomically): the next epoch retries.
          ctx.log(`checkpoint upload skipped: ${(err as Error).message}`);
        }
      });
    };
    const onProgress = (t: TrainProgress): void => {
      if (t.stepMetrics) stepsArrived(t.stepMetrics);
      const fraction = (t.epoch - 1 + (t.phase === 'epoch' ? 1 : t.batch / Math.max(1, t.batches))) / Math.max(1, t.epochs);
      ctx.progress({ phase: `epoch ${t.epoch}/${t.epochs}`, fraction: 0.02 + 0.93 * Math.min(1, fraction), etaSeconds: t.etaSeconds });
      if (t.phase === 'epoch' && t.metrics) {
        metrics.length = Math.min(metrics.length, t.epoch - 1);
        metrics[t.epoch - 1] = t.metrics;
        void storeEpochMetrics(prisma, net.id, [...metrics]).catch(() => {});
        uploadCheckpoint(`${net.name} epoch ${t.epoch}`);
      }
    };
    // The test hook's data travels inline; a dataset is loaded by the thread that trains (cached on disk). The
    // engine's train step runs in this thread when the worker trains one network at a time, else in a worker
    // thread of its own.
    const data = ctx.loadData ? await stepData(ctx, spec) : undefined;
    const source = data ? { inline: { train: engine.trainingSet(spec, data), validation: data.validation } } : engine.datasetSource(spec);
    const task = engine.trainTaskFor(spec, network, { outDir: modelDir, checkpointDir }, source);
    try {
      out = await engine.trainStep(task, { inThread: ctx.trainConcurrency === 1, onProgress, signal });
    } finally {
      // The final series is written with the weights below; a throttled write still waiting is not needed.
      clearTimeout(stepsTimer);
      await Promise.all([uploading, stepsWriting]);
    }
    if (out.resumedFrom > 0) ctx.log(`${net.name} resumed after epoch ${out.resumedFrom}`);
  }

  await ctx.assertOwner();
  ctx.progress({ phase: 'storing weights', fraction: 0.97 });
  const [modelJson, weightsBin] = await Promise.all([readFile(path.join(modelDir, 'model.json')), readFile(path.join(modelDir, 'weights.bin'))]);
  await storeTrainedNetwork(prisma, owner, net.id, {
    weights: { modelJson, weightsBin },
    metrics: out.metrics,
    stepMetrics: out.stepMetrics,
    backend: out.backend ?? null,
    parameterCount: out.parameterCount,
    trainSeconds: out.trainSeconds,
  });
  await rm(dir, { recursive: true, force: true });
  return { network: net.name, epochs: out.metrics.length, resumedFrom: out.resumedFrom, backend: out.backend ?? null };
}
