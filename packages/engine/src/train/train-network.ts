/**
 * Seeded training of one network. Every random stream of the network derives from its identity, the network key
 * (a hash of the resolved architecture and the seed; random/streams.ts, stream version 2): weight init
 * (`init/<layer>/kernel`) and dropout masks (`dropout/<layer>/<step>`), so two networks share a stream only if they
 * are the same network. The data order (a permutation per epoch) is `options.dataOrder`: `shared` (default) derives
 * it from (`dataOrderSeed`, epoch) only, so every network of a family sees the same order (experiments pass their
 * split seed); `per-network` derives it from the network key. The same network on the same backend gives
 * bit-identical weights.
 *
 * Per-step loss and batch accuracy are kept as a downsampled series of at most 200 points (`step-metrics.ts`).
 *
 * After each epoch a checkpoint (weights, optimizer state, epoch, step, metrics, the step series) is written to
 * `checkpointDir`; a later call with the same arguments resumes from it and ends with the same weights
 * as an uninterrupted run (the RNG state is fully determined by epoch and step).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { EpochMetrics, OptimizerName, StepMetric } from './train-types.ts';
import { StepSeries, type StepSeriesState, stepBucketSize } from './step-metrics.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { type BuiltModel, buildModel } from '../spec/build-model.ts';
import { type ImageSet, batchLabels, batchTensor, rangeIndices, ranges } from './image-set.ts';
import { seededPermutation } from '../random/seeded-random.ts';
import { type DataOrder, STREAM_VERSION, familyKey, streamSeed } from '../random/streams.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { loadWeightsInto, saveModel } from './weights-io.ts';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** For `momentum` (default 0.9). */
  momentum?: number;
  /** `shared` (default): the order depends on (`dataOrderSeed`, epoch) only; `per-network`: on the network key. */
  dataOrder?: DataOrder;
  /** Family-level seed of the shared data order (experiments pass their split seed); default 0. */
  dataOrderSeed?: number;
}

/** The training-set order of `epoch` (a permutation of 0..n-1) for the network with key `key`. */
export function epochOrder(n: number, epoch: number, key: string, options: Pick<TrainOptions, 'dataOrder' | 'dataOrderSeed'> = {}): Int32Array {
  const base = (options.dataOrder ?? 'shared') === 'shared' ? familyKey(options.dataOrderSeed ?? 0) : key;
  return seededPermutation(n, streamSeed(base, 'data-order', epoch));
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Mean training loss of the current epoch so far. */
  loss: number;
  samplesPerSecond: number;
  /** Seconds left for the whole run at the current speed. */
  etaSeconds: number;
  /** `epoch` at epoch end (after validation), otherwise `batch`. */
  phase: 'batch' | 'epoch';
  metrics?: EpochMetrics;
  /** The whole per-step series so far; present when it gained points since the previous report. */
  stepMetrics?: StepMetric[];
}

export interface TrainRunOptions {
  onProgress?: (p: TrainProgress) => void;
  /** Minimum seconds between batch progress reports (default 0.25). */
  progressInterval?: number;
  signal?: AbortSignal;
  /** Folder for the per-epoch checkpoint; resumes from it if present. */
  checkpointDir?: string;
  /** Identifies the run's settings; a checkpoint written under another key is not resumed (error). */
  runKey?: string;
  /** Stop (as if crashed) after this epoch, for tests of resuming. */
  stopAfterEpoch?: number;
}

export interface TrainResult {
  built: BuiltModel;
  metrics: EpochMetrics[];
  /** Per-step training curve, at most 200 points (`step-metrics.ts`), continued across a resume. */
  stepMetrics: StepMetric[];
  /** Epoch the run resumed after (0 = fresh start). */
  resumedFrom: number;
  seconds: number;
}

function makeOptimizer(o: TrainOptions): tf.Optimizer {
  switch (o.optimizer) {
    case 'adam':
      return tf.train.adam(o.learningRate);
    case 'sgd':
      return tf.train.sgd(o.learningRate);
    case 'momentum':
      return tf.train.momentum(o.learningRate, o.momentum ?? 0.9);
  }
}

interface CheckpointState {
  /** Adam's running β powers: setWeights recomputes them with pow(), which is not bit-identical. */
  accBeta?: [number, number];
  epoch: number;
  step: number;
  seed: number;
  architecture: string;
  /** Stream version the checkpoint was trained with (absent: 1). */
  streamVersion?: number;
  runKey?: string;
  metrics: EpochMetrics[];
  /** The per-step series and its open bucket (absent in checkpoints from before: the series restarts there). */
  stepSeries?: StepSeriesState;
  optimizerSpecs: tf.io.WeightsManifestEntry[];
}

const STATE = 'state.json';

type AdamInternals = { accBeta1?: tf.Variable; accBeta2?: tf.Variable };

async function adamAccumulators(optimizer: tf.Optimizer): Promise<{ accBeta?: [number, number] }> {
  const o = optimizer as unknown as AdamInternals;
  if (!o.accBeta1 || !o.accBeta2) return {};
  // Reads are `await data()` throughout: webgpu in Node cannot read synchronously (dataSync needs OffscreenCanvas).
  return { accBeta: [(await o.accBeta1.data())[0]!, (await o.accBeta2.data())[0]!] };
}
const OPT_BIN = 'optimizer.bin';

async function writeCheckpoint(dir: string, built: BuiltModel, optimizer: tf.Optimizer, state: Omit<CheckpointState, 'optimizerSpecs'>): Promise<void> {
  // Write a complete new folder, then swap it in; `state.json` is written last and marks it complete.
  const tmp = `${dir}.next`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  await saveModel(built.model, tmp);
  const named = await optimizer.getWeights();
  const { data, specs } = await tf.io.encodeWeights(named);
  // getWeights returns the optimizer's live variables plus a fresh iteration scalar: free only that.
  if (named[0]?.name === 'iter') named[0].tensor.dispose();
  await writeFileAtomic(path.join(tmp, OPT_BIN), new Uint8Array(data as ArrayBuffer));
  const full: CheckpointState = { ...state, optimizerSpecs: specs, ...(await adamAccumulators(optimizer)) };
  await writeFileAtomic(path.join(tmp, STATE), JSON.stringify(full));
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rename(tmp, dir);
}

async function readState(dir: string): Promise<CheckpointState | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(dir, STATE), 'utf8')) as CheckpointState;
  } catch {
    return undefined;
  }
}

/** Find the newest complete checkpoint (a crash between delete and rename leaves only `.next`). */
async function findCheckpoint(dir: string): Promise<{ dir: string; state: CheckpointState } | undefined> {
  for (const d of [dir, `${dir}.next`]) {
    const state = await readState(d);
    if (state) return { dir: d, state };
  }
  return undefined;
}

async function restoreCheckpoint(ck: { dir: string; state: CheckpointState }, built: BuiltModel, optimizer: tf.Optimizer): Promise<void> {
  await loadWeightsInto(built.model, ck.dir);
  if (ck.state.optimizerSpecs.length > 0) {
    const bytes = await fs.readFile(path.join(ck.dir, OPT_BIN));
    const map = tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, ck.state.optimizerSpecs);
    await optimizer.setWeights(ck.state.optimizerSpecs.map((s) => ({ name: s.name, tensor: map[s.name]! })));
  }
  const o = optimizer as unknown as AdamInternals;
  if (ck.state.accBeta && o.accBeta1 && o.accBeta2) {
    o.accBeta1.assign(tf.scalar(ck.state.accBeta[0]));
    o.accBeta2.assign(tf.scalar(ck.state.accBeta[1]));
  }
}

/** Mean softmax cross-entropy and accuracy of `model` on a whole set, in batches. */
export async function evaluate(model: tf.LayersModel, set: ImageSet, batchSize = 500): Promise<{ loss: number; accuracy: number }> {
  let lossSum = 0;
  let correct = 0;
  for (const [s, e] of ranges(set.count, batchSize)) {
    const idx = rangeIndices(s, e);
    const [lt, ct] = tf.tidy(() => {
      const x = batchTensor(set, idx);
      const y = tf.tensor1d(batchLabels(set, idx), 'int32');
      const logits = model.predict(x) as tf.Tensor2D;
      const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(y, set.classes), logits, undefined, tf.Reduction.SUM);
      const acc = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), y), 'float32'));
      return [loss, acc];
    });
    const [l, c] = [(await lt.data())[0]!, (await ct.data())[0]!];
    tf.dispose([lt, ct]);
    lossSum += l;
    correct += c;
  }
  return { loss: lossSum / set.count, accuracy: correct / set.count };
}

/**
 * Train `spec` from `seed` on `train`, validating on `validation` after each epoch. Throws an
 * AbortError when `signal` aborts (the last checkpoint stays for a later resume).
 */
export async function trainNetwork(
  spec: ResolvedArchitecture,
  seed: number,
  train: ImageSet,
  validation: ImageSet,
  options: TrainOptions,
  run: TrainRunOptions = {},
): Promise<TrainResult> {
  const started = performance.now();
  const built = buildModel(spec, seed);
  const optimizer = makeOptimizer(options);
  const vars = built.model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  let metrics: EpochMetrics[] = [];
  let step = 0;
  let startEpoch = 1;
  let savedSeries: StepSeriesState | undefined;
  if (run.checkpointDir) {
    let ck = await findCheckpoint(run.checkpointDir);
    // A checkpoint trained with other random streams cannot continue this run bit-identically: start over.
    if (ck && (ck.state.streamVersion ?? 1) !== STREAM_VERSION) ck = undefined;
    if (ck) {
      if (ck.state.seed !== seed || ck.state.architecture !== spec.name) {
        throw new Error(`checkpoint in ${run.checkpointDir} is for ${ck.state.architecture} seed ${ck.state.seed}, not ${spec.name} seed ${seed}; delete it or use another folder`);
      }
      if ((ck.state.runKey ?? '') !== (run.runKey ?? '')) {
        throw new Error(`checkpoint in ${run.checkpointDir} was written with other settings (spec, training or data changed); delete it to start over`);
      }
      await restoreCheckpoint(ck, built, optimizer);
      metrics = ck.state.metrics;
      savedSeries = ck.state.stepSeries;
      step = ck.state.step;
      startEpoch = ck.state.epoch + 1;
    }
  }
  const resumedFrom = startEpoch - 1;
  const batches = Math.ceil(train.count / options.batchSize);
  const interval = (run.progressInterval ?? 0.25) * 1000;
  const runStart = performance.now();
  let samplesDone = 0;
  const samplesTotal = (options.epochs - resumedFrom) * train.count;
  const series = StepSeries.resume(stepBucketSize(options.epochs * batches), savedSeries, resumedFrom * train.count);
  // Points added since the last progress report (the report then carries the whole series).
  let seriesReported = series.length;
  const seriesUpdate = (): { stepMetrics?: StepMetric[] } => {
    if (series.length === seriesReported) return {};
    seriesReported = series.length;
    return { stepMetrics: series.series() };
  };

  for (let epoch = startEpoch; epoch <= options.epochs; epoch++) {
    const epochStart = performance.now();
    const order = epochOrder(train.count, epoch, built.key, options);
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    let lastReport = 0;
    for (let b = 0; b < batches; b++) {
      run.signal?.throwIfAborted();
      const idx = order.subarray(b * options.batchSize, Math.min(train.count, (b + 1) * options.batchSize));
      built.clock.step = step;
      const [lossT, hitsT] = tf.tidy(() => {
        const x = batchTensor(train, idx);
        const y = tf.tensor1d(batchLabels(train, idx), 'int32');
        const onehot = tf.oneHot(y, train.classes);
        let hits: tf.Scalar | undefined;
        const l = optimizer.minimize(
          () => {
            const logits = built.model.apply(x, { training: true }) as tf.Tensor2D;
            hits = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), y), "float32"))) as tf.Scalar;
            return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
          },
          true,
          vars,
        )!;
        return [l, hits!];
      });
      const [loss, acc] = [(await lossT.data())[0]!, (await hitsT.data())[0]!];
      tf.dispose([lossT, hitsT]);
      if (!Number.isFinite(loss)) throw new Error(`training diverged (loss ${loss}) at epoch ${epoch}, batch ${b + 1}; lower training.learningRate`);
      step++;
      series.add(step, epoch, idx.length, loss, acc);
      lossSum += loss * idx.length;
      correct += acc;
      seen += idx.length;
      samplesDone += idx.length;
      const now = performance.now();
      if (run.onProgress && (now - lastReport >= interval || b === batches - 1)) {
        lastReport = now;
        const sps = samplesDone / ((now - runStart) / 1000);
        run.onProgress({ epoch, epochs: options.epochs, batch: b + 1, batches, loss: lossSum / seen, samplesPerSecond: sps, etaSeconds: (samplesTotal - samplesDone) / sps, phase: 'batch', ...seriesUpdate() });
      }
      // Let the event loop breathe (abort signals, worker messages).
      if (b % 20 === 19) await new Promise((r) => setImmediate(r));
    }
    const val = await evaluate(built.model, validation);
    const m: EpochMetrics = {
      epoch,
      trainLoss: lossSum / seen,
      trainAccuracy: correct / seen,
      validationLoss: val.loss,
      validationAccuracy: val.accuracy,
      seconds: (performance.now() - epochStart) / 1000,
    };
    metrics.push(m);
    // The last bucket may be shorter than K: close it before the final checkpoint, so that one holds the whole series.
    if (epoch === options.epochs) series.flush();
    if (run.checkpointDir) {
      await writeCheckpoint(run.checkpointDir, built, optimizer, {
        epoch,
        step,
        seed,
        architecture: spec.name,
        streamVersion: STREAM_VERSION,
        metrics,
        stepSeries: series.state(),
        ...(run.runKey !== undefined ? { runKey: run.runKey } : {}),
      });
    }
    const sps = samplesDone / ((performance.now() - runStart) / 1000);
    run.onProgress?.({ epoch, epochs: options.epochs, batch: batches, batches, loss: m.trainLoss, samplesPerSecond: sps, etaSeconds: (samplesTotal - samplesDone) / sps, phase: 'epoch', metrics: m, ...seriesUpdate() });
    if (run.stopAfterEpoch === epoch && epoch < options.epochs) {
      optimizer.dispose();
      const err = new Error(`stopped after epoch ${epoch} (stopAfterEpoch)`);
      err.name = 'TrainingStopped';
      throw err;
    }
  }
  optimizer.dispose();
  return { built, metrics, stepMetrics: series.series(), resumedFrom, seconds: (performance.now() - started) / 1000 };
}
