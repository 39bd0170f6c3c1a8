/**
 * The experiment spec: which dataset, which architectures × seeds, how to train, what to record and
 * which alignment methods to run. Validated with errors naming the JSON path: the zod schema below checks the
 * shape of every field (the types are inferred from it, limits of spec/limits.ts included as bounds), then
 * `experimentRules` checks what spans fields (unique names and seeds, networks and image passes under the limits,
 * each inline architecture's layer rules and shape walk), then defaults are filled in.
 */
import { checkArchitecture, architectureSchemas } from '../spec/architecture-spec.ts';
import { SpecError, joinPath } from '../spec/json-checks.ts';
import { DEFAULT_SPEC_LIMITS, fmt, type SpecLimits } from '../spec/limits.ts';
import { PRESET_NAMES } from '../spec/presets.ts';
import { array, boolean, integer, number, object, oneOf, parse, record, string, z } from '../spec/schema-kit.ts';
import { DEFAULT_KNN_K, KNN_METRICS, type KnnMetric } from '../align/knn-metric.ts';
import { PAIR_METHODS, PAPER_PAIR_METHODS, type PairMethod } from '../align/methods.ts';
import { DATA_ORDERS, type DataOrder } from '../random/streams.ts';

import { OPTIMIZERS, type OptimizerName } from '../train/train-types.ts';

export { OPTIMIZERS, type OptimizerName };
/**
 * Every method an experiment can run: the paper's six per pair, the newer pairwise measures (SVCCA, PWCCA, orthogonal
 * Procrustes, mutual kNN), and two family-level checks: `consensus` (units matched cycle-consistently in every network
 * of a layer) and `stitch` (held-out accuracy of network B with its layer replaced by a map from network A's).
 */
export type AlignMethod = PairMethod | 'consensus' | 'stitch';
/** The per-pair names come from the method registry (align/methods.ts), in its order. */
export const METHODS: readonly AlignMethod[] = [...PAIR_METHODS, 'consensus', 'stitch'];
/** The default `methods`: the paper's six (the newer ones are asked for by name, or with "all"). */
export const PAPER_METHODS: readonly AlignMethod[] = PAPER_PAIR_METHODS;
/** What a spec's `methods` may list (non-empty: the registry has methods). */
const METHOD_CHOICES = [METHODS[0]!, ...METHODS.slice(1), 'all'] as const;
/** Measures that need N ≥ 2 (p + q) samples at a layer. */
export const CCA_METHODS: readonly AlignMethod[] = ['svcca', 'pwcca'];

const MAX_SEED = 2 ** 31 - 1;

function buildSchema(limits: SpecLimits) {
  const files = object({ images: string(), labels: string() });
  const seed = integer({ min: 0, max: MAX_SEED });
  const seedList = array(seed, { nonEmpty: true });
  return object({
    name: string(),
    /**
     * A built-in dataset (`fashion-mnist`, `mnist`) or your own files: `{ "npy": { "images", "labels" } }`
     * (uint8 or float images [n, h, w] / [n, h, w, c]) or `{ "idx": { "images", "labels" } }` (MNIST format);
     * relative paths are resolved against the spec file's folder by the CLI.
     */
    dataset: z.union([string(), object({ npy: files, name: string().optional() }), object({ idx: files, name: string().optional() })], {
      error: 'must be a built-in name (fashion-mnist, mnist) or { "npy": { "images", "labels" } } / { "idx": { "images", "labels" } }',
    }),
    split: object({
      /** Seed of the train / validation / probe split (shared by every network). */
      seed: integer({ min: 0 }),
      /** Number of validation images. */
      validation: integer({ min: 1, max: limits.maxProbeImages }),
      /** Number of probe images (recorded and aligned on). */
      probe: integer({ min: 2, max: limits.maxProbeImages }),
    }),
    /** Preset names (`lenet`, `lenet-x0.5`, `lenet-x2`, `lenet-deep`, …) or inline architecture specs. */
    architectures: array(
      z.union(
        [
          // A string first (so an object is not read as a misspelt preset), then one of the presets.
          z.string().pipe(z.enum(PRESET_NAMES, { error: (iss) => `${JSON.stringify(iss.input)} is not a preset; use one of ${PRESET_NAMES.join(', ')} or an inline spec` })),
          architectureSchemas(limits).architecture,
        ],
        { error: `must be a preset name (${PRESET_NAMES.join(', ')}) or an inline architecture spec object` },
      ),
      { nonEmpty: true },
    ),
    /** Every architecture is trained once per seed. */
    seeds: seedList,
    /** Seeds for some architectures (by name) instead of `seeds`, e.g. `{ "lenet-x2": [1] }` for one wider variant. */
    seedsByArchitecture: record(seedList).optional(),
    training: object({
      epochs: integer({ min: 1, max: limits.maxEpochs }),
      batchSize: integer({ min: 1, max: limits.maxBatchSize }),
      optimizer: oneOf(OPTIMIZERS),
      learningRate: number({ min: 0, exclusiveMin: true }),
      /** Momentum for the `momentum` optimizer (default 0.9). */
      momentum: number({ min: 0, max: 1 }).optional(),
      /** Use only the first N training images (after the seeded split); default all. */
      trainLimit: integer({ min: 1 }).optional(),
      /**
       * The order training images are seen in, per epoch: `shared` (default; every network of the experiment sees
       * the same order, from the split seed and the epoch, as in the paper) or `per-network` (each network its own
       * order, from its identity: architecture and seed). Initialisers and dropout are per network either way.
       */
      dataOrder: oneOf(DATA_ORDERS).optional(),
    }),
    /** Layer names to record; default: every layer marked `record` in each architecture. */
    record: array(string(), { nonEmpty: true }).optional(),
    /** Alignment methods; default the paper's six (PAPER_METHODS); `["all"]` runs every method. */
    methods: array(oneOf(METHOD_CHOICES), { nonEmpty: true }).optional(),
    /** Mutual kNN over probe images: neighbours per image (default 10) and metric (`euclidean`, default, or `cosine`). */
    knn: object({ k: integer({ min: 1 }).optional(), metric: oneOf(KNN_METRICS).optional() }).optional(),
    /**
     * Stitching: layers to stitch (default every recorded layer every pair shares), the sparse-prediction penalty of
     * its map (default the smallest of `penalties`), and held-out validation images to score on (default 1000).
     */
    stitch: object({ layers: array(string(), { nonEmpty: true }).optional(), penalty: number({ min: 0 }).optional(), images: integer({ min: 1 }).optional() }).optional(),
    /** Sparse prediction: L1 penalties α (default [0.01, 0.03, 0.1, 0.3]). */
    penalties: array(number({ min: 0, exclusiveMin: true }), { nonEmpty: true }).optional(),
    /** Spectral clustering: numbers of clusters (default [8]). */
    clusters: array(integer({ min: 2 }), { nonEmpty: true }).optional(),
    /** Mutual-information matching: percentile bins per unit (1..15) and sampled rows per layer (defaults 8 and 8192). */
    mi: object({ bins: integer({ min: 1, max: 15 }).optional(), samples: integer({ min: 10, max: limits.maxMiSamples }).optional() }).optional(),
    /** Compare every trained network with an untrained twin (default true). */
    chance: boolean().optional(),
    /** Dump activations of these layers as .npy with at most `positions` spatial positions per image. */
    dump: object({ layers: array(string(), { nonEmpty: true }), positions: integer({ min: 1 }).optional() }).optional(),
    /** Editor hints, not read. */
    $schema: z.unknown().optional(),
    description: z.unknown().optional(),
  });
}

type Schema = ReturnType<typeof buildSchema>;
const schemaCache = new WeakMap<SpecLimits, Schema>();

/** The experiment-spec schema checking against `limits` (built once per limits object). */
export function experimentSpecSchema(limits: SpecLimits = DEFAULT_SPEC_LIMITS): Schema {
  let s = schemaCache.get(limits);
  if (!s) {
    s = buildSchema(limits);
    schemaCache.set(limits, s);
  }
  return s;
}

export type ExperimentSpec = Omit<z.infer<Schema>, '$schema' | 'description'>;
export type DatasetSpec = ExperimentSpec['dataset'];
export type TrainingSpec = ExperimentSpec['training'];
export type SplitSpec = ExperimentSpec['split'];

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
  const parsed = parse(experimentSpecSchema(limits), value, '', '(experiment spec)');
  const errors = [...parsed.errors, ...experimentRules(value, limits)];
  if (errors.length > 0 || !parsed.data) throw new SpecError('invalid experiment spec', errors);
  return resolveExperimentSpec(parsed.data);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Rules across fields. They read the raw JSON (whatever parts are readable; the schema reports the rest), so a spec
 * with a typo and too many seeds gets both problems at once.
 */
function experimentRules(value: unknown, limits: SpecLimits): string[] {
  const errors: string[] = [];
  if (!isRecord(value)) return errors;
  const archs = Array.isArray(value.architectures) ? value.architectures : [];
  archs.forEach((a, i) => {
    if (isRecord(a)) errors.push(...checkArchitecture(a, joinPath('architectures', i), { limits, shape: false }).errors);
  });
  const archNames = archs.map((a) => (typeof a === 'string' ? a : isRecord(a) ? a.name : undefined));
  archNames.forEach((n, i) => {
    if (typeof n === 'string' && archNames.indexOf(n) !== i) errors.push(`${joinPath('architectures', i)} repeats architecture "${n}"; names must be unique`);
  });

  const seeds = Array.isArray(value.seeds) ? value.seeds : [];
  if (new Set(seeds).size !== seeds.length) errors.push('seeds must not repeat a seed');
  const byArch = isRecord(value.seedsByArchitecture) ? value.seedsByArchitecture : {};
  for (const [arch, list] of Object.entries(byArch)) {
    const p = joinPath('seedsByArchitecture', arch);
    if (!archNames.includes(arch)) errors.push(`${p} names no architecture of this spec; use one of ${archNames.filter((n) => typeof n === 'string').join(', ')}`);
    if (Array.isArray(list) && new Set(list).size !== list.length) errors.push(`${p} must not repeat a seed`);
  }
  // Trained networks: every architecture once per seed (its own list, else the shared one).
  const networkCount = archNames.reduce<number>((n, a) => {
    const own = typeof a === 'string' ? byArch[a] : undefined;
    return n + (Array.isArray(own) ? own.length : seeds.length);
  }, 0);
  if (networkCount > limits.maxNetworks) {
    errors.push(`seeds give ${fmt(networkCount)} networks (architectures × seeds), over the limit of ${fmt(limits.maxNetworks)} per experiment; use fewer seeds or split the experiment`);
  }

  const t = isRecord(value.training) ? value.training : {};
  if (typeof t.epochs === 'number' && typeof t.trainLimit === 'number' && t.epochs * t.trainLimit > limits.maxTrainingSamples) {
    errors.push(`training epochs × trainLimit = ${fmt(t.epochs * t.trainLimit)} image passes per network, over the limit of ${fmt(limits.maxTrainingSamples)}; train fewer epochs or on fewer images`);
  }
  return errors;
}

function resolveExperimentSpec(spec: z.infer<Schema>): ResolvedExperimentSpec {
  const { training: tr, knn = {}, stitch = {}, mi = {}, dump } = spec;
  const penalties = spec.penalties ?? DEFAULT_PENALTIES;
  return {
    name: spec.name,
    dataset: spec.dataset,
    split: { seed: spec.split.seed, validation: spec.split.validation, probe: spec.split.probe },
    architectures: spec.architectures,
    seeds: spec.seeds,
    seedsByArchitecture: spec.seedsByArchitecture ?? {},
    training: {
      epochs: tr.epochs,
      batchSize: tr.batchSize,
      optimizer: tr.optimizer,
      learningRate: tr.learningRate,
      momentum: tr.momentum ?? 0.9,
      ...(tr.trainLimit !== undefined ? { trainLimit: tr.trainLimit } : {}),
      dataOrder: tr.dataOrder ?? 'shared',
    },
    ...(spec.record !== undefined ? { record: spec.record } : {}),
    methods: resolveMethods(spec.methods),
    penalties,
    knn: { k: knn.k ?? DEFAULT_KNN_K, metric: knn.metric ?? 'euclidean' },
    stitch: { ...(stitch.layers !== undefined ? { layers: stitch.layers } : {}), penalty: stitch.penalty ?? Math.min(...penalties), images: stitch.images ?? 1000 },
    clusters: spec.clusters ?? [8],
    mi: { bins: mi.bins ?? 8, samples: mi.samples ?? 8192 },
    chance: spec.chance ?? true,
    ...(dump ? { dump: { layers: dump.layers, positions: dump.positions ?? 16 } } : {}),
  };
}

/** The methods list in METHODS order, without repeats; `all` stands for every method; absent = PAPER_METHODS. */
function resolveMethods(listed: Array<AlignMethod | 'all'> | undefined): AlignMethod[] {
  if (listed === undefined) return [...PAPER_METHODS];
  return METHODS.filter((m) => listed.includes('all') || listed.includes(m));
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
