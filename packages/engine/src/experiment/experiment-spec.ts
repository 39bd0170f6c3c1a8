/**
 * The experiment spec: which dataset, which architectures × seeds, how to train, what to record and
 * which alignment methods to run. Validated with errors naming the JSON path.
 */
import type { ArchitectureSpec } from '../spec/architecture-spec.ts';
import { checkArchitecture } from '../spec/architecture-spec.ts';
import { Checker, joinPath } from '../spec/json-checks.ts';
import { DEFAULT_SPEC_LIMITS, fmt, type SpecLimits } from '../spec/limits.ts';
import { PRESET_NAMES } from '../spec/presets.ts';
import { DEFAULT_KNN_K, KNN_METRICS, type KnnMetric } from '../align/knn-metric.ts';
import { DATA_ORDERS, type DataOrder } from '../random/streams.ts';

import { OPTIMIZERS, type OptimizerName } from '../train/train-types.ts';

export { OPTIMIZERS, type OptimizerName };
/**
 * Every method an experiment can run: the paper's six per pair, the newer pairwise measures (SVCCA, PWCCA, orthogonal
 * Procrustes, mutual kNN), and two family-level checks: `consensus` (units matched cycle-consistently in every network
 * of a layer) and `stitch` (held-out accuracy of network B with its layer replaced by a map from network A's).
 */
export const METHODS = ['semi', 'max', 'mi', 'cka', 'sparse', 'spectral', 'svcca', 'pwcca', 'procrustes', 'knn', 'consensus', 'stitch'] as const;
export type AlignMethod = (typeof METHODS)[number];
/** The default `methods`: the paper's six (the newer ones are asked for by name, or with "all"). */
export const PAPER_METHODS: readonly AlignMethod[] = ['semi', 'max', 'mi', 'cka', 'sparse', 'spectral'];
/** Measures that need N ≥ 2 (p + q) samples at a layer. */
export const CCA_METHODS: readonly AlignMethod[] = ['svcca', 'pwcca'];

export type DatasetSpec = string | { npy: { images: string; labels: string }; name?: string } | { idx: { images: string; labels: string }; name?: string };

export interface TrainingSpec {
  epochs: number;
  batchSize: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** Momentum for the `momentum` optimizer (default 0.9). */
  momentum?: number;
  /** Use only the first N training images (after the seeded split); default all. */
  trainLimit?: number;
  /**
   * The order training images are seen in, per epoch: `shared` (default; every network of the experiment sees the
   * same order, from the split seed and the epoch, as in the paper) or `per-network` (each network its own order,
   * from its identity: architecture and seed). Initialisers and dropout are per network either way.
   */
  dataOrder?: DataOrder;
}

export interface SplitSpec {
  /** Seed of the train / validation / probe split (shared by every network). */
  seed: number;
  /** Number of validation images. */
  validation: number;
  /** Number of probe images (recorded and aligned on). */
  probe: number;
}

export interface ExperimentSpec {
  name: string;
  /**
   * A built-in dataset (`fashion-mnist`, `mnist`) or your own files: `{ "npy": { "images", "labels" } }`
   * (uint8 or float images [n, h, w] / [n, h, w, c]) or `{ "idx": { "images", "labels" } }` (MNIST format);
   * relative paths are resolved against the spec file's folder by the CLI.
   */
  dataset: DatasetSpec;
  split: SplitSpec;
  /** Preset names (`lenet`, `lenet-x0.5`, `lenet-x2`, `lenet-deep`) or inline architecture specs. */
  architectures: Array<string | ArchitectureSpec>;
  /** Every architecture is trained once per seed. */
  seeds: number[];
  /** Seeds for some architectures (by name) instead of `seeds`, e.g. `{ "lenet-x2": [1] }` for one wider variant. */
  seedsByArchitecture?: Record<string, number[]>;
  training: TrainingSpec;
  /** Layer names to record; default: every layer marked `record` in each architecture. */
  record?: string[];
  /** Alignment methods; default the paper's six (PAPER_METHODS); `["all"]` runs every method. */
  methods?: Array<AlignMethod | 'all'>;
  /** Mutual kNN over probe images: neighbours per image (default 10) and metric (`euclidean`, default, or `cosine`). */
  knn?: { k?: number; metric?: KnnMetric };
  /**
   * Stitching: layers to stitch (default every recorded layer every pair shares), the sparse-prediction penalty of its
   * map (default the smallest of `penalties`), and held-out validation images to score on (default 1000).
   */
  stitch?: { layers?: string[]; penalty?: number; images?: number };
  /** Sparse prediction: L1 penalties α (default [0.01, 0.03, 0.1, 0.3]). */
  penalties?: number[];
  /** Spectral clustering: numbers of clusters (default [8]). */
  clusters?: number[];
  /** Mutual-information matching: percentile bins per unit (1..15) and sampled rows per layer (defaults 8 and 8192). */
  mi?: { bins?: number; samples?: number };
  /** Compare every trained network with an untrained twin (default true). */
  chance?: boolean;
  /** Dump activations of these layers as .npy with at most `positions` spatial positions per image. */
  dump?: { layers: string[]; positions?: number };
}

const DEFAULT_PENALTIES = [0.01, 0.03, 0.1, 0.3];

export interface ResolvedExperimentSpec extends Required<Omit<ExperimentSpec, 'record' | 'dump' | 'mi' | 'methods' | 'knn' | 'stitch' | 'training'>> {
  training: TrainingSpec & { dataOrder: DataOrder };
  record?: string[];
  dump?: { layers: string[]; positions: number };
  mi: { bins: number; samples: number };
  methods: AlignMethod[];
  knn: { k: number; metric: KnnMetric };
  stitch: { layers?: string[]; penalty: number; images: number };
}

/**
 * Validate a parsed experiment spec (JSON) and fill defaults; throws SpecError listing every problem, limits
 * (spec/limits.ts) included.
 */
export function validateExperimentSpec(value: unknown, limits: SpecLimits = DEFAULT_SPEC_LIMITS): ResolvedExperimentSpec {
  const c = new Checker();
  const obj = c.object(value, '(experiment spec)');
  if (!obj) c.done('invalid experiment spec');
  const o = obj as Record<string, unknown>;
  c.noUnknownKeys(o, '', ['name', 'dataset', 'split', 'architectures', 'seeds', 'seedsByArchitecture', 'training', 'record', 'methods', 'penalties', 'clusters', 'mi', 'chance', 'dump', 'knn', 'stitch', '$schema', 'description']);
  const name = c.string(o.name, 'name');
  const dataset = checkDataset(c, o.dataset);

  const split = c.object(o.split, 'split');
  if (split) {
    c.noUnknownKeys(split, 'split', ['seed', 'validation', 'probe']);
    c.integer(split.seed, 'split.seed', { min: 0 });
    c.integer(split.validation, 'split.validation', { min: 1, max: limits.maxProbeImages });
    c.integer(split.probe, 'split.probe', { min: 2, max: limits.maxProbeImages });
  }

  const archs = c.array(o.architectures, 'architectures', { nonEmpty: true }) ?? [];
  archs.forEach((a, i) => {
    const p = joinPath('architectures', i);
    if (typeof a === 'string') {
      if (!(PRESET_NAMES as readonly string[]).includes(a)) c.fail(p, `"${a}" is not a preset; use one of ${PRESET_NAMES.join(', ')} or an inline spec`);
    } else checkArchitecture(c, a, p, undefined, limits);
  });
  const archNames = archs.map((a) => (typeof a === 'string' ? a : (a as { name?: unknown })?.name));
  archNames.forEach((n, i) => {
    if (typeof n === 'string' && archNames.indexOf(n) !== i) c.fail(joinPath('architectures', i), `repeats architecture "${n}"; names must be unique`);
  });

  const seeds = c.array(o.seeds, 'seeds', { nonEmpty: true }) ?? [];
  seeds.forEach((s, i) => c.integer(s, joinPath('seeds', i), { min: 0, max: 2 ** 31 - 1 }));
  if (new Set(seeds).size !== seeds.length) c.fail('seeds', 'must not repeat a seed');
  const seedsByArchitecture: Record<string, number[]> = {};
  if (o.seedsByArchitecture !== undefined) {
    const byArch = c.object(o.seedsByArchitecture, 'seedsByArchitecture') ?? {};
    for (const [arch, list] of Object.entries(byArch)) {
      const p = joinPath('seedsByArchitecture', arch);
      if (!archNames.includes(arch)) c.fail(p, `names no architecture of this spec; use one of ${archNames.filter((n) => typeof n === 'string').join(', ')}`);
      const archSeeds = c.array(list, p, { nonEmpty: true }) ?? [];
      archSeeds.forEach((s, i) => c.integer(s, joinPath(p, i), { min: 0, max: 2 ** 31 - 1 }));
      if (new Set(archSeeds).size !== archSeeds.length) c.fail(p, 'must not repeat a seed');
      seedsByArchitecture[arch] = archSeeds as number[];
    }
  }

  // Trained networks: every architecture once per seed (its own list, else the shared one).
  const networkCount = archNames.reduce<number>((n, a) => n + (typeof a === 'string' && seedsByArchitecture[a] ? seedsByArchitecture[a].length : seeds.length), 0);
  if (networkCount > limits.maxNetworks) {
    c.fail('seeds', `give ${fmt(networkCount)} networks (architectures × seeds), over the limit of ${fmt(limits.maxNetworks)} per experiment; use fewer seeds or split the experiment`);
  }

  const t = c.object(o.training, 'training');
  if (t) {
    c.noUnknownKeys(t, 'training', ['epochs', 'batchSize', 'optimizer', 'learningRate', 'momentum', 'trainLimit', 'dataOrder']);
    c.integer(t.epochs, 'training.epochs', { min: 1, max: limits.maxEpochs });
    c.integer(t.batchSize, 'training.batchSize', { min: 1, max: limits.maxBatchSize });
    c.oneOf(t.optimizer, 'training.optimizer', OPTIMIZERS);
    c.number(t.learningRate, 'training.learningRate', { min: 0, exclusiveMin: true });
    if (t.momentum !== undefined) c.number(t.momentum, 'training.momentum', { min: 0, max: 1 });
    if (t.trainLimit !== undefined) c.integer(t.trainLimit, 'training.trainLimit', { min: 1 });
    if (t.dataOrder !== undefined) c.oneOf(t.dataOrder, 'training.dataOrder', DATA_ORDERS);
    if (typeof t.epochs === 'number' && typeof t.trainLimit === 'number' && t.epochs * t.trainLimit > limits.maxTrainingSamples) {
      c.fail('training', `epochs × trainLimit = ${fmt(t.epochs * t.trainLimit)} image passes per network, over the limit of ${fmt(limits.maxTrainingSamples)}; train fewer epochs or on fewer images`);
    }
  }
  if (o.record !== undefined) (c.array(o.record, 'record', { nonEmpty: true }) ?? []).forEach((r, i) => c.string(r, joinPath('record', i)));
  if (o.methods !== undefined) (c.array(o.methods, 'methods', { nonEmpty: true }) ?? []).forEach((m, i) => c.oneOf(m, joinPath('methods', i), [...METHODS, 'all']));
  const knn = o.knn === undefined ? {} : c.object(o.knn, 'knn') ?? {};
  c.noUnknownKeys(knn, 'knn', ['k', 'metric']);
  if (knn.k !== undefined) c.integer(knn.k, 'knn.k', { min: 1 });
  if (knn.metric !== undefined) c.oneOf(knn.metric, 'knn.metric', KNN_METRICS);
  const stitch = o.stitch === undefined ? {} : c.object(o.stitch, 'stitch') ?? {};
  c.noUnknownKeys(stitch, 'stitch', ['layers', 'penalty', 'images']);
  if (stitch.layers !== undefined) (c.array(stitch.layers, 'stitch.layers', { nonEmpty: true }) ?? []).forEach((l, i) => c.string(l, joinPath('stitch.layers', i)));
  if (stitch.penalty !== undefined) c.number(stitch.penalty, 'stitch.penalty', { min: 0 });
  if (stitch.images !== undefined) c.integer(stitch.images, 'stitch.images', { min: 1 });
  if (o.penalties !== undefined) (c.array(o.penalties, 'penalties', { nonEmpty: true }) ?? []).forEach((m, i) => c.number(m, joinPath('penalties', i), { min: 0, exclusiveMin: true }));
  if (o.clusters !== undefined) (c.array(o.clusters, 'clusters', { nonEmpty: true }) ?? []).forEach((m, i) => c.integer(m, joinPath('clusters', i), { min: 2 }));
  const mi = o.mi === undefined ? {} : c.object(o.mi, 'mi') ?? {};
  c.noUnknownKeys(mi, 'mi', ['bins', 'samples']);
  if (mi.bins !== undefined) c.integer(mi.bins, 'mi.bins', { min: 1, max: 15 });
  if (mi.samples !== undefined) c.integer(mi.samples, 'mi.samples', { min: 10, max: limits.maxMiSamples });
  if (o.chance !== undefined) c.boolean(o.chance, 'chance');
  let dump: { layers: string[]; positions: number } | undefined;
  if (o.dump !== undefined) {
    const d = c.object(o.dump, 'dump');
    if (d) {
      c.noUnknownKeys(d, 'dump', ['layers', 'positions']);
      const layers = (c.array(d.layers, 'dump.layers', { nonEmpty: true }) ?? []).map((l, i) => c.string(l, joinPath('dump.layers', i)) ?? '');
      const positions = d.positions === undefined ? 16 : c.integer(d.positions, 'dump.positions', { min: 1 }) ?? 16;
      dump = { layers, positions };
    }
  }
  c.done('invalid experiment spec');
  const tr = t as Record<string, unknown>;
  const sp = split as Record<string, number>;
  return {
    name: name as string,
    dataset: dataset as DatasetSpec,
    split: { seed: sp.seed as number, validation: sp.validation as number, probe: sp.probe as number },
    architectures: archs as Array<string | ArchitectureSpec>,
    seeds: seeds as number[],
    seedsByArchitecture,
    training: {
      epochs: tr.epochs as number,
      batchSize: tr.batchSize as number,
      optimizer: tr.optimizer as OptimizerName,
      learningRate: tr.learningRate as number,
      momentum: (tr.momentum as number | undefined) ?? 0.9,
      ...(tr.trainLimit !== undefined ? { trainLimit: tr.trainLimit as number } : {}),
      dataOrder: (tr.dataOrder as DataOrder | undefined) ?? 'shared',
    },
    ...(o.record !== undefined ? { record: o.record as string[] } : {}),
    methods: resolveMethods(o.methods as Array<AlignMethod | 'all'> | undefined),
    penalties: (o.penalties as number[] | undefined) ?? DEFAULT_PENALTIES,
    knn: { k: (knn.k as number | undefined) ?? DEFAULT_KNN_K, metric: (knn.metric as KnnMetric | undefined) ?? 'euclidean' },
    stitch: {
      ...(stitch.layers !== undefined ? { layers: stitch.layers as string[] } : {}),
      penalty: (stitch.penalty as number | undefined) ?? Math.min(...((o.penalties as number[] | undefined) ?? DEFAULT_PENALTIES)),
      images: (stitch.images as number | undefined) ?? 1000,
    },
    clusters: (o.clusters as number[] | undefined) ?? [8],
    mi: { bins: (mi.bins as number | undefined) ?? 8, samples: (mi.samples as number | undefined) ?? 8192 },
    chance: (o.chance as boolean | undefined) ?? true,
    ...(dump ? { dump } : {}),
  };
}

/** The methods list in METHODS order, without repeats; `all` stands for every method; absent = PAPER_METHODS. */
function resolveMethods(listed: Array<AlignMethod | 'all'> | undefined): AlignMethod[] {
  if (listed === undefined) return [...PAPER_METHODS];
  return METHODS.filter((m) => listed.includes('all') || listed.includes(m));
}

function checkDataset(c: Checker, value: unknown): DatasetSpec | undefined {
  if (typeof value === 'string') return c.string(value, 'dataset');
  const o = c.object(value, 'dataset');
  if (!o) return undefined;
  const kind = 'npy' in o ? 'npy' : 'idx' in o ? 'idx' : undefined;
  if (!kind) {
    c.fail('dataset', 'must be a built-in name (fashion-mnist, mnist) or { "npy": { "images", "labels" } } / { "idx": { "images", "labels" } }');
    return undefined;
  }
  c.noUnknownKeys(o, 'dataset', [kind, 'name']);
  if (o.name !== undefined) c.string(o.name, 'dataset.name');
  const files = c.object(o[kind], `dataset.${kind}`);
  if (files) {
    c.noUnknownKeys(files, `dataset.${kind}`, ['images', 'labels']);
    c.string(files.images, `dataset.${kind}.images`);
    c.string(files.labels, `dataset.${kind}.labels`);
  }
  return value as DatasetSpec;
}

/** A short display name of a dataset spec. */
export function datasetName(d: DatasetSpec): string {
  if (typeof d === 'string') return d;
  if (d.name) return d.name;
  return 'npy' in d ? d.npy.images : d.idx.images;
}

/** The spec with relative dataset file paths resolved against `baseDir` (the spec file's folder). */
export function resolveDatasetPaths<T extends { dataset: unknown }>(spec: T, baseDir: string, resolve: (base: string, p: string) => string): T {
  const d = spec.dataset as DatasetSpec;
  if (typeof d !== 'object' || d === null) return spec;
  if ('npy' in d && d.npy && typeof d.npy === 'object') return { ...spec, dataset: { ...d, npy: { images: resolve(baseDir, String(d.npy.images)), labels: resolve(baseDir, String(d.npy.labels)) } } };
  if ('idx' in d && d.idx && typeof d.idx === 'object') return { ...spec, dataset: { ...d, idx: { images: resolve(baseDir, String(d.idx.images)), labels: resolve(baseDir, String(d.idx.labels)) } } };
  return spec;
}
