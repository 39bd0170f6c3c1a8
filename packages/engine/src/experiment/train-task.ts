/**
 * Training one network of an experiment and saving it: the unit of work the experiment runner hands to
 * worker threads (`trainTask`, plain serialisable input and output) or runs in-process
 * (`trainAndSave`, given the data directly).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { JobContext } from '../parallel/worker-pool.ts';
import { limitTraining, loadExperimentData } from './experiment-data.ts';
import type { DatasetSpec } from './experiment-spec.ts';
import type { EpochMetrics, StepMetric } from './manifest.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { parameterCount } from '../spec/build-model.ts';
import type { ImageSet } from '../train/image-set.ts';
import { type TrainOptions, type TrainProgress, trainNetwork } from '../train/train-network.ts';
import { saveModel } from '../train/weights-io.ts';
import { runInWorkers } from '../parallel/worker-pool.ts';

export interface TrainTaskInput {
  id: string;
  spec: ResolvedArchitecture;
  seed: number;
  training: TrainOptions & { trainLimit?: number };
  /** Folder for model.json + weights.bin. */
  outDir: string;
  /** Folder for the per-epoch checkpoint (resumes from it). */
  checkpointDir: string;
  /** The data: a dataset the worker loads itself (cached, fast), or the image sets inline. */
  data:
    | { dataset: DatasetSpec; split: { seed: number; validation: number; probe: number }; trainLimit?: number }
    | { inline: { train: ImageSet; validation: ImageSet } };
}

export interface TrainTaskOutput {
  id: string;
  metrics: EpochMetrics[];
  /** Per-step training curve (at most 200 points; empty for an untrained twin). */
  stepMetrics: StepMetric[];
  trainSeconds: number;
  parameterCount: number;
  resumedFrom: number;
  /** The tfjs backend the network trained on (set by the worker-thread task). */
  backend?: string;
}

export interface TrainContext {
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
}

/** Train and save one network on data already in memory. */
export async function trainAndSave(input: Omit<TrainTaskInput, 'data'>, train: ImageSet, validation: ImageSet, ctx: TrainContext = {}): Promise<TrainTaskOutput> {
  const result = await trainNetwork(input.spec, input.seed, train, validation, input.training, {
    checkpointDir: input.checkpointDir,
    ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    runKey: JSON.stringify({ spec: input.spec, training: input.training, n: train.count }),
  });
  await fs.mkdir(path.dirname(input.outDir), { recursive: true });
  await saveModel(result.built.model, input.outDir);
  const out: TrainTaskOutput = {
    id: input.id,
    metrics: result.metrics,
    stepMetrics: result.stepMetrics,
    trainSeconds: result.metrics.reduce((s, m) => s + m.seconds, 0),
    parameterCount: parameterCount(result.built.model),
    resumedFrom: result.resumedFrom,
  };
  result.built.model.dispose();
  return out;
}

/** Get a task's data (inline, or its dataset loaded and limited to `trainLimit`), train and save. */
export async function runTrainTask(input: TrainTaskInput, ctx: TrainContext = {}): Promise<TrainTaskOutput> {
  let train: ImageSet;
  let validation: ImageSet;
  if ('inline' in input.data) ({ train, validation } = input.data.inline);
  else {
    const d = await loadExperimentData(input.data);
    train = limitTraining(d.train, input.data.trainLimit, input.data.split.seed);
    validation = d.validation;
  }
  const { data: _data, ...task } = input;
  return trainAndSave(task, train, validation, ctx);
}

/** Worker-thread job for `runInWorkers`: get the data, train, save; progress goes to the parent. */
export async function trainTask(input: TrainTaskInput, ctx: JobContext<TrainProgress>): Promise<TrainTaskOutput> {
  const out = await runTrainTask(input, { onProgress: (p) => ctx.progress(p), signal: ctx.signal });
  return ctx.backend ? { ...out, backend: ctx.backend.name } : out;
}

/**
 * Train one network in a worker thread of its own (the wasm backend is single-threaded, so a job queue
 * that runs one such call per core trains one network per core). Resumes from `checkpointDir`.
 */
export async function trainInWorker(input: TrainTaskInput, ctx: TrainContext = {}): Promise<TrainTaskOutput> {
  const [out] = await runInWorkers<TrainTaskInput, TrainTaskOutput, TrainProgress>(new URL('./train-task.ts', import.meta.url), 'trainTask', [input], {
    concurrency: 1,
    jobName: (t) => `training ${t.id}`,
    ...(ctx.onProgress ? { onProgress: (_i: number, p: TrainProgress) => ctx.onProgress!(p) } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  return out!;
}
