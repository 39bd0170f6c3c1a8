/**
 * `runExperiment`: train a family of networks (architectures × seeds), record every recorded layer on
 * the probe set, align every pair of networks at every layer with every method, next to the chance
 * baseline (each trained network against an untrained one of its architecture), and write the result
 * directory described in manifest.ts. It only sequences the steps of steps.ts (plan, train, record, align, the
 * family-level checks), as the API's job pipeline does one job per step, and writes what they answer.
 *
 * Everything is written into `<out>.partial` and renamed to `<out>` at the end, so `<out>` is either
 * absent or complete. Training checkpoints live in `<out>.partial/checkpoints`: after a crash, running
 * the same experiment again resumes each network from its last finished epoch.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../backend/select-backend.ts';
import { writeNpy } from '../io/npy.ts';
import { STREAM_VERSION, networkKey } from '../random/streams.ts';
import type { ImageSet } from '../train/image-set.ts';
import type { TrainProgress } from '../train/train-network.ts';
import { loadModel } from '../train/weights-io.ts';
import { runInWorkers } from '../parallel/worker-pool.ts';
import type { NeighbourLists } from '../align/mutual-knn.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { datasetName, validateExperimentSpec } from './experiment-spec.ts';
import {
  type EpochMetrics,
  type ArrayValue,
  type LayerSummary,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type NetworkLayerRecord,
  type NetworkRecord,
  type NpyRef,
  type PairAlignment,
  type ResultManifest,
  type ConsensusRecord,
  type StitchLayerRecord,
  type WithArrays,
  validateResultDirectory,
} from './manifest.ts';
import { type ExperimentData, loadExperimentData } from './experiment-data.ts';
import type { TrainTaskInput, TrainTaskOutput } from './train-task.ts';
import { resolveSpecLimits, type SpecLimits } from '../spec/limits.ts';
import { availableMemory } from './memory-estimate.ts';
import {
  type PairFigures,
  alignPairStep,
  alignPairsOf,
  buildUntrainedStep,
  datasetSource,
  familyChecks,
  layerRecordValues,
  layerSummary,
  pairAlignmentValues,
  planExperiment,
  recordStep,
  trainStep,
  trainTaskFor,
  trainingSet,
} from './steps.ts';


export type ExperimentEvent =
  | { phase: 'load'; message: string }
  | { phase: 'train'; network: string; index: number; total: number; progress: TrainProgress }
  /** A network finished training; `metrics` of its last epoch (absent when nothing was left to train). */
  | { phase: 'trained'; network: string; metrics?: EpochMetrics }
  | { phase: 'record'; done: number; total: number }
  | { phase: 'align'; layer: string; done: number; total: number }
  /** Stitching (issue 16): pairs stitched at a layer. */
  | { phase: 'stitch'; layer: string; done: number; total: number }
  | { phase: 'write'; message: string };

/** A progress event with `fraction`: an estimate of the whole run's completed share (0..1), for job UIs. */
export type ExperimentProgress = ExperimentEvent & { fraction: number };

/** Share of the run each phase is assumed to take when estimating `fraction`. */
const PHASE_SHARE = { train: 0.85, record: 0.05, align: 0.1 };

function fractionTracker(networks: number, layers: number): (e: ExperimentEvent) => number {
  const perNet = new Map<string, number>();
  let recordDone = 0;
  let alignDone = 0;
  const layerDone = new Map<string, number>();
  return (e) => {
    if (e.phase === 'train') {
      const p = e.progress;
      perNet.set(e.network, (p.epoch - 1 + p.batch / p.batches) / p.epochs);
    } else if (e.phase === 'trained') perNet.set(e.network, 1);
    else if (e.phase === 'record') recordDone = e.done / e.total;
    else if (e.phase === 'align') {
      layerDone.set(e.layer, e.done / e.total);
      alignDone = [...layerDone.values()].reduce((a, b) => a + b, 0) / Math.max(1, layers);
    } else if (e.phase === 'write') alignDone = 1;
    const train = [...perNet.values()].reduce((a, b) => a + b, 0) / Math.max(1, networks);
    return Math.min(1, PHASE_SHARE.train * train + PHASE_SHARE.record * recordDone + PHASE_SHARE.align * alignDone);
  };
}
export interface RunExperimentOptions {
  /** Result directory to create (must not exist). */
  out: string;
  onProgress?: (p: ExperimentProgress) => void;
  signal?: AbortSignal;
  /** Networks trained at once (worker threads); default: CPU cores. 1 = in this thread. */
  concurrency?: number;
  /** Data to use instead of loading `spec.dataset` (tests, API imports). Forces in-process training. */
  data?: ExperimentData;
  /** Probe images per recording batch (default 100). */
  recordBatch?: number;
  /** Plausibility limits (spec/limits.ts); default DEFAULT_SPEC_LIMITS. */
  limits?: Partial<SpecLimits>;
  /** Bytes the run may use (default: this machine's available memory); checked against the plan's estimate. */
  availableMemory?: number;
}

export type { ExperimentData };

export interface ExperimentResult {
  dir: string;
  manifest: ResultManifest;
}

/** Turn file-system failures into one-line messages that say what to do (full disk, permissions). */
export function wrapFsError(err: unknown, what: string): Error {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return new Error(`disk full while writing ${what}; free some space or choose another --out on a larger disk`);
  if (code === 'EACCES' || code === 'EPERM') return new Error(`permission denied writing ${what}; choose an --out folder you can write to`);
  if (code === 'EDQUOT') return new Error(`disk quota exceeded while writing ${what}; free some space`);
  return err as Error;
}

/** Run a whole experiment; see the file comment. Throws SpecError for spec problems (nothing written). */
export async function runExperiment(specJson: unknown, options: RunExperimentOptions): Promise<ExperimentResult> {
  const t0 = performance.now();
  const limits = resolveSpecLimits(options.limits);
  const spec = validateExperimentSpec(specJson, limits);
  const out = path.resolve(options.out);
  const partial = `${out}.partial`;
  let fraction: ((e: ExperimentEvent) => number) | undefined;
  const progress = (e: ExperimentEvent): void => options.onProgress?.({ ...e, fraction: fraction?.(e) ?? 0 });
  try {
    await fs.access(out);
    throw new Error(`${out} already exists; choose another --out or delete it`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  try {
    const parent = await fs.stat(path.dirname(out));
    if (!parent.isDirectory()) throw new Error('not a folder');
  } catch {
    throw new Error(`the parent folder of ${out} does not exist; create it first`);
  }

  const backend = await selectBackend();
  progress({ phase: 'load', message: `backend ${backend.name}; loading ${datasetName(spec.dataset)}` });
  const data = options.data ?? (await loadExperimentData(spec));
  // ---- plan (every check that needs the data, this machine's memory included, before anything is trained)
  const { layers, networks: nets } = planExperiment(spec, data, {
    limits,
    memory: {
      concurrency: Math.max(1, options.concurrency ?? os.availableParallelism()),
      recordBatch: options.recordBatch ?? 100,
      available: options.availableMemory ?? availableMemory(),
    },
  });
  fraction = fractionTracker(nets.filter((n) => n.role === 'trained').length, layers.length);

  let succeeded = false;
  try {
    await fs.mkdir(partial, { recursive: true });
    // ---- train
    const tTrain = performance.now();
    const trained = nets.filter((n) => n.role === 'trained');
    const trainData = trainingSet(spec, data);
    const dirs = (id: string) => ({ outDir: path.join(partial, 'networks', id), checkpointDir: path.join(partial, 'checkpoints', id) });
    const tasks = trained.map((n) => trainTaskFor(spec, n, dirs(n.id), datasetSource(spec)));
    // One GPU device per process, opened by this thread: on webgpu the networks train here, one after another.
    const outputs = await trainAll(tasks, trainData, data.validation, backend.name === 'webgpu' ? { ...options, concurrency: 1 } : options, progress);
    const trainSeconds = (performance.now() - tTrain) / 1000;
    for (const n of nets.filter((x) => x.role === 'untrained')) outputs.push(await buildUntrainedStep(n, dirs(n.id).outDir));

    // ---- record
    const tRecord = performance.now();
    const models: Array<{ id: string; spec: ResolvedArchitecture; model: tf.LayersModel }> = [];
    for (const n of nets) models.push({ id: n.id, spec: n.arch, model: await loadModel(path.join(partial, 'networks', n.id)) });
    const recordings = await recordStep({
      models,
      probe: data.probe,
      spec,
      layers,
      shuffledOf: nets,
      dump: true,
      batchSize: options.recordBatch ?? 100,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (done, total) => progress({ phase: 'record', done, total }),
    });
    const recordSeconds = (performance.now() - tRecord) / 1000;

    // ---- align + write
    const tAlign = performance.now();
    const npy = async (rel: string, { data, shape, dtype }: ArrayValue): Promise<NpyRef> => {
      const file = path.join(partial, rel);
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeNpy(file, data, shape);
      } catch (err) {
        throw wrapFsError(err, file);
      }
      return { path: rel, dtype, shape };
    };
    const alignments: PairAlignment[] = [];
    const summaries: LayerSummary[] = [];
    const consensusRecords: ConsensusRecord[] = [];
    const stitchRecords: StitchLayerRecord[] = [];
    const layerRecords = new Map<string, NetworkRecord['layers']>(nets.map((n) => [n.id, []]));
    const netById = new Map(nets.map((n) => [n.id, n]));
    for (const rec of recordings) {
      for (const { network, layer } of layerRecordValues(rec, netById)) {
        layerRecords.get(network)!.push(await writeArrays<NetworkLayerRecord>(layer, layerFiles(rec.name, network), npy));
      }
      const pairs = alignPairsOf(rec, netById);
      const figures: PairFigures[] = [];
      let done = 0;
      const knnCache = new Map<string, NeighbourLists>();
      for (const pair of pairs) {
        options.signal?.throwIfAborted();
        const { a, b, kind, mirrors, members } = pair;
        // Shuffled-probe null of a trained pair: A against B's shuffled copy, every method, figures only.
        const aligned = await alignPairStep({
          spec,
          recording: rec,
          a: members.a,
          b: members.b,
          ...(members.shuffled !== undefined ? { shuffled: { recording: rec, a: members.a, b: members.shuffled } } : {}),
          knnCache,
        });
        alignments.push(await writeArrays<PairAlignment>(pairAlignmentValues(pair, aligned, spec), pairFiles(pair), npy));
        const shuffled = aligned.shuffledFigures;
        figures.push({ a, b, kind, ...(mirrors ? { mirrors } : {}), ...(shuffled ? { shuffled } : {}), f: aligned.figures });
        progress({ phase: 'align', layer: rec.name, done: ++done, total: pairs.length });
        await new Promise((r) => setImmediate(r));
      }
      summaries.push(layerSummary(rec.name, rec.members.map((m) => m.networkId), figures, { architectureOf: (id) => netById.get(id)!.arch.name, seed: spec.split.seed }));
      // ---- consensus and stitching (issue 16)
      const checks = await familyChecks(rec, spec, netById, models, data.validation, layers, {
        ...(options.signal ? { signal: options.signal } : {}),
        onStitchPair: (done, total) => progress({ phase: 'stitch', layer: rec.name, done, total }),
      });
      if (checks.consensus) consensusRecords.push(checks.consensus);
      if (checks.stitching) stitchRecords.push(checks.stitching);
    }
    for (const m of models) m.model.dispose();
    const alignSeconds = (performance.now() - tAlign) / 1000;

    progress({ phase: 'write', message: 'writing manifest' });
    const [h, w, ch] = data.probe.shape;
    const probe = {
      images: await npy('probe/images.npy', { data: data.probe.images.subarray(0, data.probe.count * h * w * ch), shape: [data.probe.count, h, w, ch], dtype: 'uint8' }),
      labels: await npy('probe/labels.npy', { data: Int32Array.from(data.probe.labels.subarray(0, data.probe.count)), shape: [data.probe.count], dtype: 'int32' }),
    };
    const outputById = new Map(outputs.map((o) => [o.id, o]));
    const manifest: ResultManifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      createdAt: new Date().toISOString(),
      experiment: spec,
      streams: { version: STREAM_VERSION, dataOrder: spec.training.dataOrder },
      dataset: {
        name: data.name,
        imageShape: data.train.shape,
        classes: data.train.classes,
        ...(data.classNames ? { classNames: data.classNames } : {}),
        splitSeed: spec.split.seed,
        train: trainData.count,
        validation: data.validation.count,
        probe: data.probe.count,
      },
      probe,
      backend: { name: backend.name, detail: backend.detail },
      timings: { totalSeconds: 0, trainSeconds, recordSeconds, alignSeconds },
      networks: nets.map((n) => {
        const o = outputById.get(n.id)!;
        return {
          id: n.id,
          architecture: n.arch.name,
          seed: n.seed,
          streamKey: networkKey(n.arch, n.seed),
          role: n.role,
          spec: n.arch,
          parameterCount: o.parameterCount,
          metrics: o.metrics,
          stepMetrics: o.stepMetrics,
          trainSeconds: o.trainSeconds,
          weights: { modelJson: `networks/${n.id}/model.json`, weightsBin: `networks/${n.id}/weights.bin` },
          layers: layerRecords.get(n.id) ?? [],
        };
      }),
      alignments,
      layers: summaries,
      ...(spec.methods.includes('consensus') ? { consensus: consensusRecords } : {}),
      ...(spec.methods.includes('stitch') ? { stitching: stitchRecords } : {}),
    };
    manifest.timings.totalSeconds = (performance.now() - t0) / 1000;
    await fs.rm(path.join(partial, 'checkpoints'), { recursive: true, force: true });
    try {
      await fs.writeFile(path.join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
    } catch (err) {
      throw wrapFsError(err, path.join(partial, MANIFEST_FILE));
    }
    await validateResultDirectory(partial);
    await fs.rename(partial, out);
    succeeded = true;
    return { dir: out, manifest };
  } catch (err) {
    throw wrapFsError(err, partial);
  } finally {
    // Keep the partial folder (with its checkpoints) after a cancellation so a rerun resumes;
    // otherwise leave nothing behind.
    if (!succeeded && !options.signal?.aborted) await fs.rm(partial, { recursive: true, force: true }).catch(() => {});
  }
}

/** The `.npy` files of a network's layer record, by field path (manifest.ts: `layers/<layer>/within|activations/<network>.npy`). */
function layerFiles(layer: string, network: string): Record<string, string> {
  return { within: `layers/${layer}/within/${network}.npy`, activations: `layers/${layer}/activations/${network}.npy` };
}

/** The `.npy` files of an aligned pair's entry, by field path (manifest.ts: `layers/<layer>/pairs/<a>__<b>/…`). */
function pairFiles(pair: { layer: string; a: string; b: string }): Record<string, string> {
  const base = `layers/${pair.layer}/pairs/${pair.a}__${pair.b}`;
  return {
    correlation: `${base}/correlation.npy`,
    'semi.matchA': `${base}/semi-a.npy`,
    'semi.matchB': `${base}/semi-b.npy`,
    'max.match': `${base}/max.npy`,
    'mi.matrix': `${base}/mi.npy`,
    'mi.matchA': `${base}/mi-semi-a.npy`,
    'mi.matchMax': `${base}/mi-max.npy`,
    'sparse.weights': `${base}/sparse-weights.npy`,
  };
}

/**
 * A step's record as the manifest's: each array value written by `write` to the file `files` names for its field
 * path (e.g. `semi.matchA`) and replaced by the file's reference; every other field kept, in its order (arrays inside
 * a record hold no array values).
 */
async function writeArrays<T>(values: WithArrays<T>, files: Record<string, string>, write: (rel: string, a: ArrayValue) => Promise<NpyRef>): Promise<T> {
  const walk = async (v: unknown, at: string): Promise<unknown> => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    if (ArrayBuffer.isView((v as ArrayValue).data)) {
      const rel = files[at];
      if (rel === undefined) throw new Error(`internal error: no file for the array at ${at}`);
      return write(rel, v as ArrayValue);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await walk(x, at ? `${at}.${k}` : k);
    return out;
  };
  return (await walk(values, '')) as T;
}

/** Train every task: in worker threads when concurrency > 1, else in this thread. */
async function trainAll(
  tasks: TrainTaskInput[],
  train: ImageSet,
  validation: ImageSet,
  options: RunExperimentOptions,
  progress: (p: ExperimentEvent) => void,
): Promise<TrainTaskOutput[]> {
  const concurrency = Math.max(1, Math.min(tasks.length, options.concurrency ?? os.availableParallelism()));
  if (concurrency === 1) {
    const outputs: TrainTaskOutput[] = [];
    for (const [index, task] of tasks.entries()) {
      const o = await trainStep(
        { ...task, data: { inline: { train, validation } } },
        {
          inThread: true,
          onProgress: (p) => progress({ phase: 'train', network: task.id, index, total: tasks.length, progress: p }),
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
      const last = o.metrics[o.metrics.length - 1];
      progress({ phase: 'trained', network: task.id, ...(last ? { metrics: last } : {}) });
      outputs.push(o);
    }
    return outputs;
  }
  // Injected data travels to the workers inline (structured clone); named datasets load in each worker.
  const inputs = options.data ? tasks.map((t) => ({ ...t, data: { inline: { train, validation } } })) : tasks;
  return runInWorkers<TrainTaskInput, TrainTaskOutput, TrainProgress>(new URL('./train-task.ts', import.meta.url), 'trainTask', inputs, {
    concurrency,
    jobName: (t) => `training ${t.id}`,
    onProgress: (index, p) => {
      progress({ phase: 'train', network: tasks[index]!.id, index, total: tasks.length, progress: p });
      if (p.phase === 'epoch' && p.epoch === p.epochs) progress({ phase: 'trained', network: tasks[index]!.id, ...(p.metrics ? { metrics: p.metrics } : {}) });
    },
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
