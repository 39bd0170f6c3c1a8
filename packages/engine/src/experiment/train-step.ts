/**
 * Step 2, train: one network of a plan. A trained network trains deterministically from (spec, data, seed) and
 * resumes from its epoch checkpoint folder; an untrained chance twin is only built from its seed. Either way the
 * model is saved as `model.json` + `weights.bin` in the task's `outDir` (checkpoints and saved weights are the
 * two things a step keeps on disk: a resumed run needs them) and the step answers the network's figures.
 *
 * `trainTaskFor` builds the serialisable task (the shared data order is the family's: every network gets the
 * split seed as its data-order seed); `trainStep` runs it in this thread or in a worker thread of its own. A
 * family trained several at once by a worker pool (runExperiment's `trainAll`) runs the same task through
 * `train-task.ts`.
 */
import { selectBackend } from '../backend/select-backend.ts';
import { buildModel, parameterCount } from '../spec/build-model.ts';
import type { ImageSet } from '../train/image-set.ts';
import type { TrainProgress } from '../train/train-network.ts';
import { saveModel } from '../train/weights-io.ts';
import { type ExperimentData, limitTraining } from './experiment-data.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';
import type { PlannedNetwork } from './plan-step.ts';
import { type TrainTaskInput, type TrainTaskOutput, runTrainTask, trainInWorker } from './train-task.ts';

/** The train step's output: the network's figures and the tfjs backend it ran on (when the thread that ran it says). */
export type TrainStepOutput = TrainTaskOutput;

/** Where a network's saved model and its epoch checkpoint live. */
export interface TrainDirs {
  outDir: string;
  checkpointDir: string;
}

/** The training images a spec uses: the data's training set, limited to `training.trainLimit` (seeded subset). */
export function trainingSet(spec: Pick<ResolvedExperimentSpec, 'training' | 'split'>, data: Pick<ExperimentData, 'train'>): ImageSet {
  return limitTraining(data.train, spec.training.trainLimit, spec.split.seed);
}

/** A task's data by reference: the spec's dataset, which the thread that trains loads itself (cached on disk). */
export function datasetSource(spec: Pick<ResolvedExperimentSpec, 'dataset' | 'split' | 'training'>): TrainTaskInput['data'] {
  return { dataset: spec.dataset, split: spec.split, ...(spec.training.trainLimit ? { trainLimit: spec.training.trainLimit } : {}) };
}

/** The train task of one planned network. */
export function trainTaskFor(
  spec: Pick<ResolvedExperimentSpec, 'training' | 'split'>,
  network: Pick<PlannedNetwork, 'id' | 'arch' | 'seed'>,
  dirs: TrainDirs,
  data: TrainTaskInput['data'],
): TrainTaskInput {
  return {
    id: network.id,
    spec: network.arch,
    seed: network.seed,
    // The shared data order is the family's: every network gets the split seed as its seed.
    training: { ...spec.training, dataOrderSeed: spec.split.seed },
    outDir: dirs.outDir,
    checkpointDir: dirs.checkpointDir,
    data,
  };
}

export interface TrainStepOptions {
  /** Train in this thread (its tfjs backend) instead of a worker thread of its own. */
  inThread?: boolean;
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
}

/** Train one network (see the file comment); resumes from `task.checkpointDir`. */
export async function trainStep(task: TrainTaskInput, options: TrainStepOptions = {}): Promise<TrainStepOutput> {
  const ctx = { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  if (!options.inThread) return trainInWorker(task, ctx);
  // This thread's tfjs backend must be ready before training (another caller may be initialising it).
  const backend = await selectBackend();
  return { ...(await runTrainTask(task, ctx)), backend: backend.name };
}

/** An untrained chance twin: built from its seed and saved in `outDir`; no metrics. */
export async function buildUntrainedStep(network: Pick<PlannedNetwork, 'id' | 'arch' | 'seed'>, outDir: string): Promise<TrainStepOutput> {
  const backend = await selectBackend();
  const { model } = buildModel(network.arch, network.seed);
  try {
    await saveModel(model, outDir);
    return { id: network.id, metrics: [], stepMetrics: [], trainSeconds: 0, parameterCount: parameterCount(model), resumedFrom: 0, backend: backend.name };
  } finally {
    model.dispose();
  }
}
