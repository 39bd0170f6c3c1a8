/**
 * `runExperiment`: train a family of networks (architectures × seeds), record every recorded layer on
 * the probe set, align every pair of networks at every layer with every method, next to the chance
 * baseline (each trained network against an untrained one of its architecture), and write the result
 * directory described in manifest.ts.
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
import { type LayerRecording, SHUFFLED_SUFFIX, recordFamily } from '../record/record-family.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { validateArchitectureSpec } from '../spec/architecture-spec.ts';
import { buildModel, mixSeed, parameterCount, receptiveField } from '../spec/build-model.ts';
import { SpecError } from '../spec/json-checks.ts';
import { STREAM_VERSION, networkKey } from '../random/streams.ts';
import { presetArchitecture } from '../spec/presets.ts';
import type { ImageSet } from '../train/image-set.ts';
import type { TrainProgress } from '../train/train-network.ts';
import { loadModel, saveModel } from '../train/weights-io.ts';
import { runInWorkers } from '../parallel/worker-pool.ts';
import { type PairComputation, alignPair } from '../align/align-pair.ts';
import type { NeighbourLists } from '../align/mutual-knn.ts';
import { layerConsensus } from './consensus-layer.ts';
import { layerStatistics } from './layer-statistics.ts';
import { checkMethods } from './method-checks.ts';
import { layerStitching } from './stitch-layer.ts';
import { type ResolvedExperimentSpec, datasetName, validateExperimentSpec } from './experiment-spec.ts';
import {
  type EpochMetrics,
  type LayerSummary,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type NetworkRecord,
  type NpyDtype,
  type NpyRef,
  type PairAlignment,
  type ResultManifest,
  type ConsensusRecord,
  type StitchLayerRecord,
  type SummaryStat,
  validateResultDirectory,
} from './manifest.ts';
import { type ExperimentData, limitTraining, loadExperimentData } from './experiment-data.ts';
import { type TrainTaskInput, type TrainTaskOutput, trainAndSave } from './train-task.ts';
import { resolveSpecLimits, type SpecLimits } from '../spec/limits.ts';
import { checkPlanLimits } from './plan-limits.ts';
import { availableMemory, checkMemory, estimateExperimentMemory } from './memory-estimate.ts';


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

export const UNTRAINED = 'untrained';

/** One network of an experiment's plan: trained from `seed`, or the untrained chance twin of its architecture. */
export interface PlannedNetwork {
  id: string;
  arch: ResolvedArchitecture;
  seed: number;
  role: 'trained' | 'untrained';
}

/** Turn spec architectures (preset names or inline specs) into validated specs for this data. */
export function resolveArchitectures(spec: ResolvedExperimentSpec, inputShape: [number, number, number], classes: number, limits?: SpecLimits): ResolvedArchitecture[] {
  return spec.architectures.map((a, i) => {
    if (typeof a === 'string') return presetArchitecture(a, { inputShape, classes });
    const arch = validateArchitectureSpec(a, { classes, path: `architectures[${i}]`, ...(limits ? { limits } : {}) });
    const [h, w, c] = arch.inputShape;
    if (h !== inputShape[0] || w !== inputShape[1] || c !== inputShape[2]) {
      throw new SpecError('invalid experiment spec', [`architectures[${i}].inputShape [${arch.inputShape.join(', ')}] does not match the dataset's images [${inputShape.join(', ')}]`]);
    }
    return arch;
  });
}

/**
 * Layers to record: the spec's list (each must exist somewhere) or every layer marked `record`; every layer the
 * spec asks to dump must be among them.
 */
export function recordedLayers(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[]): string[] {
  const layers = layersToRecord(spec, archs);
  for (const [i, name] of (spec.dump?.layers ?? []).entries()) {
    if (!layers.includes(name)) throw new SpecError('invalid experiment spec', [`dump.layers[${i}] "${name}" is not a recorded layer (${layers.join(', ')})`]);
  }
  return layers;
}

function layersToRecord(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[]): string[] {
  const all = new Set(archs.flatMap((a) => a.layers.map((l) => l.name)));
  if (spec.record) {
    const bad = spec.record.map((name, i) => [name, i] as const).filter(([name]) => !all.has(name));
    if (bad.length > 0) {
      throw new SpecError(
        'invalid experiment spec',
        bad.map(([name, i]) => `record[${i}] "${name}" is not a layer of any architecture (layers: ${[...all].join(', ')})`),
      );
    }
    return [...spec.record];
  }
  const names: string[] = [];
  for (const a of archs) for (const l of a.layers) if (l.record && !names.includes(l.name)) names.push(l.name);
  if (names.length === 0) throw new SpecError('invalid experiment spec', ['no layer is recorded: mark layers with "record": true or list them in "record"']);
  return names;
}

/**
 * Every network of an experiment: architectures × seeds, then, when `chance`, as many untrained twins of each
 * architecture as it has trained seeds: `<arch>-untrained` (the first), `<arch>-untrained-<k>` (k = 2, 3, …).
 * Matched chance (issue 11): the trained pair (seed i of A, seed j of B) is held against the twin pair (twin i of A,
 * twin j of B), so every trained pair has a chance pair of the same two architectures, a same-architecture pair
 * two different twins, and the chance figures have the same pair design (and network dependence) as the trained
 * ones. Consensus uses the same twin family.
 */
export function planNetworks(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[]): PlannedNetwork[] {
  const nets: PlannedNetwork[] = [];
  for (const arch of archs) for (const seed of spec.seedsByArchitecture[arch.name] ?? spec.seeds) nets.push({ id: `${safeId(arch.name)}-s${seed}`, arch, seed, role: 'trained' });
  if (spec.chance) archs.forEach((arch, i) => nets.push({ id: `${safeId(arch.name)}-${UNTRAINED}`, arch, seed: mixSeed(0xc4a2ce, i), role: 'untrained' }));
  if (spec.chance) {
    archs.forEach((arch, i) => {
      const count = (spec.seedsByArchitecture[arch.name] ?? spec.seeds).length;
      for (let k = 2; k <= count; k++) nets.push({ id: `${safeId(arch.name)}-${UNTRAINED}-${k}`, arch, seed: mixSeed(0xc4a2ce, i, k), role: 'untrained' });
    });
  }
  return nets;
}

/** Share of probe images held out for held-out FVU of sparse prediction (split by image, seeded; record-family.ts). */
export const HELD_OUT_FRACTION = 0.25;

/** The recording's held-out split for a spec: only when sparse prediction is among the methods. */
export function heldOutOption(spec: Pick<ResolvedExperimentSpec, 'methods' | 'split'>): { heldOut?: { fraction: number; seed: number } } {
  return spec.methods.includes('sparse') ? { heldOut: { fraction: HELD_OUT_FRACTION, seed: mixSeed(spec.split.seed, 0x4e1d) } } : {};
}

export function safeId(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

export function stat(values: number[]): SummaryStat | null {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return null;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, std, min: Math.min(...v), max: Math.max(...v), n: v.length };
}

/** Mean of `values[i]` over the indices with `dead[i] !== 1` and a finite value (NaN when none). */
function liveMean(values: ArrayLike<number>, dead: ArrayLike<number> | undefined): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (dead?.[i] === 1 || !Number.isFinite(values[i]!)) continue;
    sum += values[i]!;
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Live-unit versions of a pair's unit-averaged figures (issue 11): dead units (std 0 on the probe set) left out. */
export function liveFigures(c: PairComputation): {
  live: { a: number; b: number };
  semi?: { meanA: number; meanB: number; oneToOneFraction: number };
  max?: number;
  mi?: { semiMean: number; maxMean: number };
} {
  const count = (d: Uint8Array | undefined, n: number) => n - (d ? d.reduce((s, x) => s + (x === 1 ? 1 : 0), 0) : 0);
  const out: ReturnType<typeof liveFigures> = { live: { a: count(c.deadA, c.p), b: count(c.deadB, c.q) } };
  if (c.semi) {
    const mutual = Array.from(c.semi.match, (j, i) => (j >= 0 && c.semi!.reverseMatch[j] === i ? 1 : 0));
    out.semi = { meanA: liveMean(c.semi.corr, c.deadA), meanB: liveMean(c.semi.reverseCorr, c.deadB), oneToOneFraction: liveMean(mutual, c.deadA) };
  }
  if (c.max) out.max = liveMean(c.max.corr, c.deadA);
  if (c.mi) out.mi = { semiMean: liveMean(c.mi.semi.corr, c.deadA), maxMean: liveMean(c.mi.max.mi, c.deadA) };
  return out;
}

/**
 * Figures a pair contributes to the per-layer summary (see LayerSummary for the keys). Unit-averaged figures are
 * over LIVE units (issue 11); the same over every unit (dead ones counting r = 0, FVU 1) is under `<key>.all`.
 */
export function pairFigures(c: PairComputation): Record<string, number> {
  const f: Record<string, number> = {};
  const live = liveFigures(c);
  if (c.semi) {
    f.semi = (live.semi!.meanA + live.semi!.meanB) / 2;
    f.oneToOne = live.semi!.oneToOneFraction;
    f['semi.all'] = (c.semi.meanCorr + c.semi.reverseMeanCorr) / 2;
    f['oneToOne.all'] = c.semi.oneToOneFraction;
  }
  if (c.max) {
    f.max = live.max!;
    f['max.all'] = c.max.meanCorr;
  }
  if (c.mi) {
    f.miSemi = live.mi!.semiMean;
    f.miMax = live.mi!.maxMean;
    f['miSemi.all'] = c.mi.semi.meanCorr;
    f['miMax.all'] = c.mi.max.meanMI;
  }
  if (c.cka) {
    f.cka = c.cka.linear;
    f.ckaDebiased = c.cka.debiased;
  }
  if (c.sparse) {
    c.sparse.penalties.forEach((a, i) => {
      f[`sparseFvu@${a}`] = c.sparse!.fvuLive[i]!;
      f[`sparseFvu@${a}.all`] = c.sparse!.fvu[i]!;
      const held = c.sparse!.fvuHeldOut?.[i];
      if (held !== undefined) f[`sparseFvuHeldOut@${a}`] = held;
    });
  }
  if (c.spectral) {
    for (const s of c.spectral) {
      f[`spectralShared@${s.k}`] = s.shared / Math.max(1, s.clusters.filter((x) => x.aCount + x.bCount > 0).length);
      if (s.mixing !== null && s.mixing !== undefined) f[`spectralMixing@${s.k}`] = s.mixing;
    }
  }
  // ---- newer measures (issue 16)
  if (c.svcca) f.svcca = c.svcca.mean;
  if (c.pwcca) f.pwcca = c.pwcca.weighted;
  if (c.procrustes) f.procrustes = c.procrustes.distance;
  if (c.knn) f.knn = c.knn.score;
  return f;
}

/** Turn file-system failures into one-line messages that say what to do (full disk, permissions). */
export function wrapFsError(err: unknown, what: string): Error {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return new Error(`disk full while writing ${what}; free some space or choose another --out on a larger disk`);
  if (code === 'EACCES' || code === 'EPERM') return new Error(`permission denied writing ${what}; choose an --out folder you can write to`);
  if (code === 'EDQUOT') return new Error(`disk quota exceeded while writing ${what}; free some space`);
  return err as Error;
}

/**
 * Consensus and stitching at one recorded layer, when the spec's methods ask for them (issue 16): the one function
 * the one-process run and the job pipeline's RECORD step both call. Both see the networks only (not the
 * shuffled-null copies). Stitching runs the networks' models, so it needs them loaded.
 */
export async function familyChecks(
  rec: LayerRecording,
  spec: ResolvedExperimentSpec,
  netById: Map<string, { role: 'trained' | 'untrained'; arch: { name: string } }>,
  models: Array<{ id: string; spec: ResolvedArchitecture; model: tf.LayersModel }>,
  validation: ImageSet,
  layers: string[],
  options: { signal?: AbortSignal; onStitchPair?: (done: number, total: number) => void } = {},
): Promise<{ consensus?: ConsensusRecord; stitching?: StitchLayerRecord }> {
  const out: { consensus?: ConsensusRecord; stitching?: StitchLayerRecord } = {};
  const plain: LayerRecording = { ...rec, members: rec.members.filter((m) => !m.networkId.endsWith(SHUFFLED_SUFFIX)) };
  if (spec.methods.includes('consensus')) {
    const c = layerConsensus(plain, (id) => ({ role: netById.get(id)!.role, architecture: netById.get(id)!.arch.name }));
    if (c) out.consensus = c;
  }
  if (spec.methods.includes('stitch') && (spec.stitch.layers ?? layers).includes(rec.name)) {
    const byId = new Map(models.map((m) => [m.id, { spec: m.spec, model: m.model, role: netById.get(m.id)!.role }]));
    const r = await layerStitching(plain, byId, validation, {
      penalty: spec.stitch.penalty,
      images: spec.stitch.images,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onStitchPair ? { onPair: options.onStitchPair } : {}),
    });
    const kinds = [...new Set(r.pairs.flatMap((x) => x.maps.map((m) => m.kind)))];
    const summary: StitchLayerRecord['summary'] = Object.fromEntries(
      kinds.map((k) => [
        k,
        {
          between: stat(r.pairs.filter((x) => x.kind === 'between').map((x) => x.maps.find((m) => m.kind === k)!.accuracy)),
          chance: stat(r.pairs.filter((x) => x.kind === 'chance').map((x) => x.maps.find((m) => m.kind === k)!.accuracy)),
        },
      ]),
    );
    summary.own = { between: stat([...new Map(r.pairs.filter((x) => x.kind === 'between').map((x) => [x.b, x.ownAccuracy])).values()]), chance: null };
    if (r.pairs.length > 0) out.stitching = { layer: rec.name, images: r.images, majorityRate: r.majorityRate, pairs: r.pairs, summary };
  }
  return out;
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
  const archs = resolveArchitectures(spec, data.train.shape, data.train.classes, limits);
  const layers = recordedLayers(spec, archs);
  const nets = planNetworks(spec, archs);
  // Before anything is trained or allocated: the plan's limits, then whether it fits this machine.
  checkPlanLimits(spec, archs, layers, data.train.count, limits);
  const trainImages = Math.min(data.train.count, spec.training.trainLimit ?? Infinity);
  checkMemory(
    estimateExperimentMemory({
      spec,
      archs,
      networks: nets,
      layers,
      concurrency: Math.max(1, options.concurrency ?? os.availableParallelism()),
      imageShape: data.train.shape,
      images: data.train.count + data.validation.count + data.probe.count,
      trainImages,
      probeImages: data.probe.count,
      recordBatch: options.recordBatch ?? 100,
    }),
    options.availableMemory ?? availableMemory(),
  );
  checkMethods(spec, nets, layers, data.probe.count);
  fraction = fractionTracker(nets.filter((n) => n.role === 'trained').length, layers.length);

  let succeeded = false;
  try {
    await fs.mkdir(partial, { recursive: true });
    // ---- train
    const tTrain = performance.now();
    const trained = nets.filter((n) => n.role === 'trained');
    const trainData = limitTraining(data.train, spec.training.trainLimit, spec.split.seed);
    const tasks: TrainTaskInput[] = trained.map((n) => ({
      id: n.id,
      spec: n.arch,
      seed: n.seed,
      // The shared data order is the family's: every network gets the split seed as its seed.
      training: { ...spec.training, dataOrderSeed: spec.split.seed },
      outDir: path.join(partial, 'networks', n.id),
      checkpointDir: path.join(partial, 'checkpoints', n.id),
      data: { dataset: spec.dataset, split: spec.split, ...(spec.training.trainLimit ? { trainLimit: spec.training.trainLimit } : {}) },
    }));
    // One GPU device per process, opened by this thread: on webgpu the networks train here, one after another.
    const outputs = await trainAll(tasks, trainData, data.validation, backend.name === 'webgpu' ? { ...options, concurrency: 1 } : options, progress);
    const trainSeconds = (performance.now() - tTrain) / 1000;
    for (const n of nets.filter((x) => x.role === 'untrained')) {
      const { model } = buildModel(n.arch, n.seed);
      await saveModel(model, path.join(partial, 'networks', n.id));
      model.dispose();
    }

    // ---- record
    const tRecord = performance.now();
    const models: Array<{ id: string; spec: ResolvedArchitecture; model: tf.LayersModel }> = [];
    for (const n of nets) models.push({ id: n.id, spec: n.arch, model: await loadModel(path.join(partial, 'networks', n.id)) });
    const recordings = await recordFamily(models, data.probe, {
      layers,
      batchSize: options.recordBatch ?? 100,
      sampleRows: spec.methods.includes('mi') ? spec.mi.samples : 0,
      imageRows: spec.methods.includes('knn'),
      seed: spec.split.seed,
      ...heldOutOption(spec),
      ...shuffledOption(spec, nets),
      ...(spec.dump ? { dump: spec.dump } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (done, total) => progress({ phase: 'record', done, total }),
    });
    const recordSeconds = (performance.now() - tRecord) / 1000;

    // ---- align + write
    const tAlign = performance.now();
    const npy = async (rel: string, arr: Float32Array | Int32Array | Uint8Array, shape: number[], dtype: NpyDtype): Promise<NpyRef> => {
      const file = path.join(partial, rel);
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeNpy(file, arr, shape);
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
      await writeLayerStats(rec, netById, layerRecords, npy);
      const pairs = layerPairs(rec, netById);
      const figures: PairFigures[] = [];
      let done = 0;
      const knnCache = new Map<string, NeighbourLists>();
      for (const [ia, ib, kind, mirror] of pairs) {
        options.signal?.throwIfAborted();
        const a = rec.members[ia]!.networkId;
        const b = rec.members[ib]!.networkId;
        const mirrors = mirror ? { a: rec.members[mirror[0]]!.networkId, b: rec.members[mirror[1]]!.networkId } : undefined;
        const pairOptions = { methods: spec.methods, penalties: spec.penalties, clusters: spec.clusters, miBins: spec.mi.bins, seed: spec.split.seed, knn: spec.knn, knnCache };
        const c = await alignPair(rec, ia, ib, pairOptions);
        // Shuffled-probe null of a trained pair: A against B's shuffled copy, every method, figures only.
        const is = kind === 'between' ? shuffledMember(rec, b) : -1;
        const shuffled = is >= 0 ? pairFigures(await alignPair(rec, ia, is, pairOptions)) : undefined;
        const written = await writePair(rec.name, a, b, kind, c, spec, npy, mirrors);
        if (shuffled) written.shuffled = { of: 'b', figures: finiteFigures(shuffled) };
        alignments.push(written);
        figures.push({ a, b, kind, ...(mirrors ? { mirrors } : {}), ...(shuffled ? { shuffled } : {}), f: pairFigures(c) });
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
      images: await npy('probe/images.npy', data.probe.images.subarray(0, data.probe.count * h * w * ch), [data.probe.count, h, w, ch], 'uint8'),
      labels: await npy('probe/labels.npy', Int32Array.from(data.probe.labels.subarray(0, data.probe.count)), [data.probe.count], 'int32'),
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
        const o = outputById.get(n.id);
        const { model } = n.role === 'untrained' || !o ? buildModel(n.arch, n.seed) : { model: undefined };
        const params = o?.parameterCount ?? parameterCount(model!);
        model?.dispose();
        return {
          id: n.id,
          architecture: n.arch.name,
          seed: n.seed,
          streamKey: networkKey(n.arch, n.seed),
          role: n.role,
          spec: n.arch,
          parameterCount: params,
          metrics: o?.metrics ?? [],
          stepMetrics: o?.stepMetrics ?? [],
          trainSeconds: o?.trainSeconds ?? 0,
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

/** One pair's figures for the per-layer summary. */
export interface PairFigures {
  a: string;
  b: string;
  kind: 'between' | 'chance';
  /** Chance pairs of the matched design: the trained pair they mirror. */
  mirrors?: { a: string; b: string };
  f: Record<string, number>;
  /** Between pairs: the same figures with B's probe images shuffled (the second null). */
  shuffled?: Record<string, number>;
}

/** Figures without non-finite values (JSON has no NaN). */
export function finiteFigures(f: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => Number.isFinite(v)));
}

/**
 * The per-layer summary of a layer's pair figures: mean/spread of each figure over between pairs and over chance
 * pairs, and (with `architectureOf`) the statistics of experiment/layer-statistics.ts per figure and scope.
 */
export function layerSummary(
  name: string,
  networks: string[],
  figures: PairFigures[],
  options?: { architectureOf: (network: string) => string; seed?: number },
): LayerSummary {
  const keys = [...new Set(figures.flatMap((x) => Object.keys(x.f)))];
  const summary: LayerSummary = {
    name,
    networks,
    metrics: Object.fromEntries(
      keys.map((k) => [
        k,
        {
          between: stat(figures.filter((x) => x.kind === 'between').map((x) => x.f[k]!).filter((v) => v !== undefined)),
          chance: stat(figures.filter((x) => x.kind === 'chance').map((x) => x.f[k]!).filter((v) => v !== undefined)),
        },
      ]),
    ),
  };
  if (options) summary.statistics = layerStatistics(figures, { architectureOf: options.architectureOf, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  return summary;
}

/** A pair to align at a layer: member indices, kind, and for a chance pair the trained pair (member indices) it mirrors. */
export type MemberPair = [number, number, 'between' | 'chance', [number, number]?];

/** Pairs at a layer: every two trained members (between), and for each of them the mirrored pair of untrained twins (chance). */
export function layerPairs(rec: LayerRecording, netById: Map<string, Pick<PlannedNetwork, 'role' | 'arch'>>): MemberPair[] {
  // Shuffled-null members (record-family.ts) come after the networks and are no pair's own member.
  const real = rec.members.filter((m) => !m.networkId.endsWith(SHUFFLED_SUFFIX));
  return memberPairs(real.map((m) => netById.get(m.networkId)!));
}

/** Member index of network `networkId`'s shuffled-probe copy at a layer, or -1. */
export function shuffledMember(rec: LayerRecording, networkId: string): number {
  return rec.members.findIndex((m) => m.networkId === `${networkId}${SHUFFLED_SUFFIX}`);
}

/** The recording's shuffled-null option: a shuffled copy of every trained network, when the spec asks for chance. */
export function shuffledOption(spec: Pick<ResolvedExperimentSpec, 'chance' | 'split'>, nets: Array<Pick<PlannedNetwork, 'id' | 'role'>>): { shuffled?: { networks: string[]; seed: number } } {
  return spec.chance ? { shuffled: { networks: nets.filter((n) => n.role === 'trained').map((n) => n.id), seed: mixSeed(spec.split.seed, 0x5b0f) } } : {};
}

/**
 * `layerPairs` over a layer's members in recording order, given each member's role and architecture. The k-th
 * trained member of an architecture (in member order) has the k-th untrained member of that architecture as its
 * twin; the chance pair of trained pair (i, j) is (twin i, twin j) — see planNetworks. A trained pair whose twins
 * are missing (a plan made before matched chance, with one twin per architecture) falls back to the pairs of each
 * trained member with the first twin of its architecture, as older results did.
 */
export function memberPairs(members: Array<Pick<PlannedNetwork, 'role' | 'arch'>>): MemberPair[] {
  const pairs: MemberPair[] = [];
  for (let i = 0; i < members.length; i++) {
    if (members[i]!.role !== 'trained') continue;
    for (let j = i + 1; j < members.length; j++) if (members[j]!.role === 'trained') pairs.push([i, j, 'between']);
  }
  const rank = new Map<number, number>();
  const twins = new Map<string, number[]>();
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    if (m.role === 'trained') {
      rank.set(i, seen.get(m.arch.name) ?? 0);
      seen.set(m.arch.name, (seen.get(m.arch.name) ?? 0) + 1);
    } else {
      const list = twins.get(m.arch.name) ?? [];
      list.push(i);
      twins.set(m.arch.name, list);
    }
  });
  const twinOf = (i: number) => twins.get(members[i]!.arch.name)?.[rank.get(i)!];
  const between = pairs.slice();
  const matched = between.every(([i, j]) => twinOf(i) !== undefined && twinOf(j) !== undefined);
  if (matched) {
    for (const [i, j] of between) {
      const [ti, tj] = [twinOf(i)!, twinOf(j)!];
      pairs.push(ti < tj ? [ti, tj, 'chance', [i, j]] : [tj, ti, 'chance', [i, j]]);
    }
    return pairs;
  }
  for (let i = 0; i < members.length; i++) {
    if (members[i]!.role !== 'trained') continue;
    const j = members.findIndex((m) => m.role === 'untrained' && m.arch.name === members[i]!.arch.name);
    if (j >= 0) pairs.push([i, j, 'chance']);
  }
  return pairs;
}

export type NpyWriter = (rel: string, arr: Float32Array | Int32Array | Uint8Array, shape: number[], dtype: NpyDtype) => Promise<NpyRef>;

/** Per-member layer record (unit stats, within-correlation .npy, dump) of one recorded layer. */
export async function writeLayerStats(rec: LayerRecording, netById: Map<string, Pick<PlannedNetwork, 'arch'>>, records: Map<string, NetworkRecord['layers']>, npy: NpyWriter): Promise<void> {
  const m = rec.moments;
  for (const mem of rec.members) {
    if (mem.networkId.endsWith(SHUFFLED_SUFFIX)) continue;
    const { offset, count } = mem.group;
    const within = new Float32Array(count * count);
    for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) within[i * count + j] = m.corr[(offset + i) * m.width + offset + j]!;
    const withinRef = await npy(`layers/${rec.name}/within/${mem.networkId}.npy`, within, [count, count], 'float32');
    const activations = mem.dump ? await npy(`layers/${rec.name}/activations/${mem.networkId}.npy`, mem.dump.data, [mem.dump.rows, count], 'float32') : undefined;
    let dead = 0;
    const unitStats = Array.from({ length: count }, (_, u) => {
      const isDead = m.dead[offset + u] === 1;
      if (isDead) dead++;
      return { index: u, mean: m.mean[offset + u]!, std: m.std[offset + u]!, dead: isDead, top: mem.top[u]! };
    });
    records.get(mem.networkId)!.push({
      name: rec.name,
      kind: mem.kind,
      shape: mem.shape,
      units: count,
      samples: rec.samples,
      receptiveField: receptiveField(netById.get(mem.networkId)!.arch, rec.name),
      deadCount: dead,
      unitStats,
      within: withinRef,
      ...(activations ? { activations } : {}),
    });
  }
}

/** The manifest entry of one aligned pair, its arrays written through `npy`. */
/**
 * Matches as written: every unit was matched (the matching covers all units), but a dead unit's reported match is
 * −1, and so is a live unit's match to a dead unit (a dead unit has no features to match; its correlation with
 * anything is 0 by definition).
 */
export function reportedMatches(match: Int32Array, deadFrom: Uint8Array | undefined, deadTo: Uint8Array | undefined): Int32Array {
  const out = Int32Array.from(match);
  for (let i = 0; i < out.length; i++) if (deadFrom?.[i] === 1 || (out[i]! >= 0 && deadTo?.[out[i]!] === 1)) out[i] = -1;
  return out;
}

export async function writePair(
  layer: string,
  a: string,
  b: string,
  kind: 'between' | 'chance',
  c: PairComputation,
  spec: ResolvedExperimentSpec,
  npy: NpyWriter,
  mirrors?: { a: string; b: string },
): Promise<PairAlignment> {
  const base = `layers/${layer}/pairs/${a}__${b}`;
  const { p, q } = c;
  const live = liveFigures(c);
  const out: PairAlignment = { layer, a, b, kind, ...(mirrors ? { mirrors } : {}), p, q, live: live.live, correlation: await npy(`${base}/correlation.npy`, Float32Array.from(c.rAB), [p, q], 'float32') };
  if (c.semi) {
    out.semi = {
      meanA: c.semi.meanCorr,
      meanB: c.semi.reverseMeanCorr,
      oneToOneFraction: c.semi.oneToOneFraction,
      meanALive: live.semi!.meanA,
      meanBLive: live.semi!.meanB,
      oneToOneFractionLive: live.semi!.oneToOneFraction,
      matchA: await npy(`${base}/semi-a.npy`, reportedMatches(c.semi.match, c.deadA, c.deadB), [p], 'int32'),
      matchB: await npy(`${base}/semi-b.npy`, reportedMatches(c.semi.reverseMatch, c.deadB, c.deadA), [q], 'int32'),
    };
  }
  if (c.max) out.max = { mean: c.max.meanCorr, meanLive: live.max!, match: await npy(`${base}/max.npy`, reportedMatches(c.max.match, c.deadA, c.deadB), [p], 'int32') };
  if (c.mi) {
    out.mi = {
      bins: spec.mi.bins,
      samples: c.mi.rows,
      matrix: await npy(`${base}/mi.npy`, Float32Array.from(c.mi.matrix), [p, q], 'float32'),
      semiMean: c.mi.semi.meanCorr,
      maxMean: c.mi.max.meanMI,
      semiMeanLive: live.mi!.semiMean,
      maxMeanLive: live.mi!.maxMean,
      matchA: await npy(`${base}/mi-semi-a.npy`, reportedMatches(c.mi.semi.match, c.deadA, c.deadB), [p], 'int32'),
      matchMax: await npy(`${base}/mi-max.npy`, reportedMatches(c.mi.max.match, c.deadA, c.deadB), [p], 'int32'),
    };
  }
  if (c.cka) out.cka = { linear: c.cka.linear, debiased: c.cka.debiased };
  if (c.sparse) {
    out.sparse = {
      penalties: c.sparse.penalties,
      fvu: c.sparse.fvu,
      fvuLive: c.sparse.fvuLive,
      ...(c.sparse.fvuHeldOut ? { fvuHeldOut: c.sparse.fvuHeldOut, heldOut: c.sparse.heldOut! } : {}),
      nonzero: c.sparse.nonzero,
      weights: await npy(`${base}/sparse-weights.npy`, c.sparse.weights, [c.sparse.penalties.length, p, q], 'float32'),
    };
  }
  if (c.spectral) out.spectral = c.spectral;
  // ---- newer measures (issue 16)
  if (c.svcca) out.svcca = { mean: c.svcca.mean, keptA: c.svcca.keptA, keptB: c.svcca.keptB, explainedA: c.svcca.explainedA, explainedB: c.svcca.explainedB };
  if (c.pwcca) out.pwcca = { weighted: c.pwcca.weighted, mean: c.pwcca.mean, rankA: c.pwcca.rankA, rankB: c.pwcca.rankB };
  if (c.procrustes) out.procrustes = { distance: c.procrustes.distance, angular: c.procrustes.angular };
  if (c.knn) out.knn = { score: c.knn.score, k: c.knn.k, metric: c.knn.metric, images: c.knn.images, uniform: c.knn.uniform };
  return out;
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
      const o = await trainAndSave(task, train, validation, {
        onProgress: (p) => progress({ phase: 'train', network: task.id, index, total: tasks.length, progress: p }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
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
